package io.threadkeep.bench.gen;

import io.threadkeep.model.CommentState;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Old Reddit comment pages: the link as {@code div.thing.link}, then {@code div.commentarea} with nested {@code
 * div.thing.comment} whose replies sit in {@code div.child > div.sitetable.listing}; {@code [deleted]} and
 * {@code [removed]} comments; occasional "load more comments" stubs ({@code data-type="morechildren"}).
 */
public final class RedditWriter implements PageWriter {

    private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy 'UTC'", Locale.US);
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'", Locale.ROOT);

    @Override
    public Era era() {
        return Era.REDDIT_OLD;
    }

    @Override
    public Charset charset() {
        return StandardCharsets.UTF_8;
    }

    private static String time(Instant t, Instant now) {
        ZonedDateTime z = ZonedDateTime.ofInstant(t, ZoneOffset.UTC);
        return "<time title=\"" + z.format(TITLE) + "\" datetime=\"" + z.format(DATETIME) + "\" class=\"live-timestamp\">"
                + Html.ago(t, now) + "</time>";
    }

    @Override
    public String write(GenThread thread) {
        GenStory s = thread.story();
        Instant now = Html.capturedAt(thread);
        String sub = s.topics().get(0);
        String fullname = "t3_" + s.siteStoryId();
        String permalink = s.url().replace("https://www.reddit.com", "");
        StringBuilder h = new StringBuilder(8000 + thread.comments().size() * 3200);
        h.append("<!doctype html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\"><head><title>")
                .append(Html.escape(s.title())).append(" : ").append(sub).append("</title>")
                .append("<meta name=\"keywords\" content=\" reddit, reddit.com, vote, comment, submit \" />")
                .append("<meta name=\"description\" content=\"").append(Html.escape(abbreviate(s))).append("\" />")
                .append("<meta name=\"referrer\" content=\"always\"><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />")
                .append("<link rel=\"canonical\" href=\"").append(s.url()).append("\" />")
                .append("<link rel='stylesheet' href='https://www.redditstatic.com/reddit.kE9rLbc2Ah4.css' type='text/css'>")
                .append("<script type=\"text/javascript\" id=\"config\">r.setup({\"ajax_domain\": \"www.reddit.com\", \"post_site\": \"")
                .append(sub).append("\", \"cur_link\": \"").append(fullname).append("\"})</script>\n</head>\n")
                .append("<body class=\"listing-page comments-page\"><div id=\"header\" role=\"banner\"><a tabindex=\"1\" href=\"#content\" id=\"jumpToContent\">jump to content</a>")
                .append("<div id=\"header-bottom-left\"><a href=\"/\" id=\"header-img\" class=\"default-header\" title=\"\">reddit.com</a>&nbsp;<span class=\"hover pagename redditname\"><a href=\"/r/")
                .append(sub).append("/\">").append(sub).append("</a></span><ul class=\"tabmenu \"><li class='selected'><a href=\"")
                .append(s.url()).append("\" class=\"choice\">comments</a></li></ul></div></div>\n")
                .append("<div class=\"side\"><div class='spacer'><form action=\"/search\" id=\"search\" role=\"search\"><input type=\"text\" name=\"q\" placeholder=\"search\" /></form></div></div>\n")
                .append("<a name=\"content\"></a><div class=\"content\" role=\"main\">")
                .append("<div id=\"siteTable\" class=\"sitetable linklisting\"><div class=\" thing id-").append(fullname)
                .append(" odd link ").append(s.summary() != null ? "self" : "").append("\" id=\"thing_").append(fullname)
                .append("\" onclick=\"click_thing(this)\" data-fullname=\"").append(fullname).append("\" data-type=\"link\" data-author=\"")
                .append(s.author()).append("\" data-subreddit=\"").append(sub).append("\" data-timestamp=\"")
                .append(s.posted().toEpochMilli()).append("\" data-url=\"").append(s.linkUrl() != null ? Html.escape(s.linkUrl()) : permalink)
                .append("\" data-domain=\"").append(s.linkUrl() != null ? Html.domain(s.linkUrl()) : "self." + sub).append("\" data-rank=\"\">")
                .append("<p class=\"parent\"></p><span class=\"rank\"></span><div class=\"midcol unvoted\"><div class=\"arrow up login-required access-required\" data-event-action=\"upvote\" role=\"button\" aria-label=\"upvote\" tabindex=\"0\"></div>")
                .append("<div class=\"score dislikes\">").append(s.points() - 1).append("</div><div class=\"score unvoted\">").append(s.points())
                .append("</div><div class=\"score likes\">").append(s.points() + 1).append("</div>")
                .append("<div class=\"arrow down login-required access-required\" data-event-action=\"downvote\" role=\"button\" aria-label=\"downvote\" tabindex=\"0\"></div></div>")
                .append("<div class=\"entry unvoted\"><p class=\"title\"><a class=\"title may-blank \" href=\"")
                .append(s.linkUrl() != null ? Html.escape(s.linkUrl()) : permalink).append("\" tabindex=\"1\" rel=\"\">")
                .append(Html.escape(s.title())).append("</a>&#32;<span class=\"domain\">(<a href=\"/r/").append(sub).append("/\">")
                .append(s.linkUrl() != null ? Html.domain(s.linkUrl()) : "self." + sub).append("</a>)</span></p>")
                .append("<p class=\"tagline \">submitted&#32;").append(time(s.posted(), now)).append("&#32;by&#32;<a href=\"https://www.reddit.com/user/")
                .append(s.author()).append("\" class=\"author may-blank\">").append(Html.escape(s.author()))
                .append("</a><span class=\"userattrs\"></span>&#32;to&#32;<a href=\"https://www.reddit.com/r/").append(sub)
                .append("/\" class=\"subreddit hover may-blank\">r/").append(sub).append("</a></p>");
        if (s.summary() != null) {
            h.append("<div class=\"expando\"><form action=\"#\" class=\"usertext warn-on-unload\" id=\"form-").append(fullname)
                    .append("x\"><input type=\"hidden\" name=\"thing_id\" value=\"").append(fullname)
                    .append("\"/><div class=\"usertext-body may-blank-within md-container \"><div class=\"md\">");
            body(h, s.summary());
            h.append("</div></div></form></div>");
        }
        h.append("<ul class=\"flat-list buttons\"><li class=\"first\"><a href=\"").append(s.url())
                .append("\" data-event-action=\"comments\" class=\"bylink comments may-blank\" rel=\"nofollow\">")
                .append(thread.comments().size()).append(" comments</a></li><li class=\"share\"><a class=\"post-sharing-button\" href=\"javascript: void 0;\">share</a></li></ul>")
                .append("<div class=\"reportform report-").append(fullname).append("\"></div></div><div class=\"child\"></div><div class=\"clearleft\"></div></div><div class=\"clearleft\"></div></div>\n")
                .append("<div class='commentarea'><div class=\"panestack-title\"><span class=\"title\">all ").append(thread.comments().size())
                .append(" comments</span></div><div class=\"menuarea\"><div class=\"spacer\"><span class=\"dropdown-title lightdrop\">sorted by:&#32;</span><div class=\"dropdown lightdrop\" onclick=\"open_menu(this)\"><span class=\"selected\">best</span></div></div></div>\n")
                .append("<div id=\"siteTable_").append(fullname).append("\" class=\"sitetable nestedlisting\">");
        Deque<GenComment> open = new ArrayDeque<>();
        List<GenComment> comments = thread.comments();
        for (int i = 0; i < comments.size(); i++) {
            GenComment c = comments.get(i);
            while (open.size() > c.depth()) {
                close(h, open.pop(), true);
            }
            comment(h, s, c, now);
            if (c.replies() > 0) {
                h.append("<div class=\"child\"><div id=\"siteTable_t1_").append(c.id()).append("\" class=\"sitetable listing\">");
                open.push(c);
            } else {
                h.append("<div class=\"child\"></div>");
                close(h, c, false);
            }
            // A stub now and then stands for replies the page did not load, as old Reddit shows them.
            if (c.replies() == 0 && c.depth() > 2 && Math.floorMod(c.id().hashCode(), 53) == 0) {
                stub(h, c, s);
            }
        }
        while (!open.isEmpty()) {
            close(h, open.pop(), true);
        }
        h.append("</div></div></div>\n<div class=\"footer-parent\"><div class=\"footer rounded\"><div class=\"col\"><ul class=\"hover\"><li class=\"flat-vert title\">about</li><li><a href=\"https://www.redditinc.com/blog\" class=\"choice\">blog</a></li></ul></div></div>")
                .append("<p class=\"bottommenu\">Use of this site constitutes acceptance of our User Agreement and Privacy Policy. All rights reserved.</p></div>\n")
                .append("<script type=\"text/javascript\" src=\"https://www.redditstatic.com/reddit-init.en.Xp3S8yQ.js\"></script></body></html>\n");
        return h.toString();
    }

    private static void close(StringBuilder h, GenComment c, boolean hadChildren) {
        if (hadChildren) {
            h.append("<div class=\"clearleft\"></div></div></div>");
        }
        h.append("<div class=\"clearleft\"></div></div><div class=\"clearleft\"></div>");
    }

    private static void stub(StringBuilder h, GenComment sibling, GenStory s) {
        // One character longer than any real id of the page, so it never collides with one.
        String id = sibling.id() + "m";
        h.append("<div class=\" thing id-t1_").append(id).append(" noncollapsed &#32; morechildren \" id=\"thing_t1_").append(id)
                .append("\" onclick=\"click_thing(this)\" data-fullname=\"t1_").append(id)
                .append("\" data-type=\"morechildren\"><p class=\"parent\"></p><div class=\"entry unvoted\"><p class=\"tagline\"></p><span class=\"morecomments\"><a style=\"font-size: smaller; font-weight: bold\" class=\"button\" id=\"more_t1_")
                .append(id).append("\" href=\"javascript:void(0)\" onclick=\"return morechildren(this, 't3_").append(s.siteStoryId())
                .append("', 'confidence', '").append(id).append("', 1)\">load more comments<span class=\"gray\">&nbsp;(2 replies)</span></a></span><ul class=\"flat-list buttons\"></ul></div><div class=\"child\"></div><div class=\"clearleft\"></div></div><div class=\"clearleft\"></div>");
    }

    private static void comment(StringBuilder h, GenStory s, GenComment c, Instant now) {
        String fullname = "t1_" + c.id();
        boolean gone = c.state() == CommentState.DELETED || c.state() == CommentState.REMOVED;
        h.append("<div class=\" thing id-").append(fullname).append(" noncollapsed &#32; comment ").append(gone ? "deleted " : "")
                .append("\" id=\"thing_").append(fullname).append("\" onclick=\"click_thing(this)\" data-fullname=\"")
                .append(fullname).append("\" data-type=\"comment\" data-subreddit=\"").append(s.topics().get(0)).append('"');
        if (c.author() != null) {
            h.append(" data-author=\"").append(c.author()).append('"');
        }
        h.append("><p class=\"parent\"><a name=\"").append(c.id()).append("\"></a></p>")
                .append("<div class=\"midcol unvoted\"><div class=\"arrow up login-required access-required\" data-event-action=\"upvote\" role=\"button\" aria-label=\"upvote\" tabindex=\"0\"></div>")
                .append("<div class=\"arrow down login-required access-required\" data-event-action=\"downvote\" role=\"button\" aria-label=\"downvote\" tabindex=\"0\"></div></div>")
                .append("<div class=\"entry unvoted\"><p class=\"tagline\"><a href=\"javascript:void(0)\" class=\"expand\" onclick=\"return togglecomment(this)\">[&ndash;]</a>");
        if (c.author() != null) {
            h.append("<a href=\"https://www.reddit.com/user/").append(c.author()).append("\" class=\"author may-blank\">")
                    .append(Html.escape(c.author())).append("</a><span class=\"userattrs\"></span>&#32;")
                    .append("<span class=\"score dislikes\">").append(c.score() - 1).append(" points</span>")
                    .append("<span class=\"score unvoted\">").append(c.score()).append(c.score() == 1 ? " point" : " points").append("</span>")
                    .append("<span class=\"score likes\">").append(c.score() + 1).append(" points</span>&#32;");
        } else {
            h.append("<em>[deleted]</em>&#32;");
        }
        h.append(time(c.posted(), now));
        if (c.replies() > 0) {
            h.append("&nbsp;<a href=\"javascript:void(0)\" class=\"numchildren\" onclick=\"return togglecomment(this)\">(")
                    .append(c.replies()).append(c.replies() == 1 ? " child" : " children").append(")</a>");
        }
        h.append("</p><form action=\"#\" class=\"usertext warn-on-unload\" onsubmit=\"return post_form(this, 'editusertext')\" id=\"form-")
                .append(fullname).append("q\"><input type=\"hidden\" name=\"thing_id\" value=\"").append(fullname)
                .append("\"/><div class=\"usertext-body may-blank-within md-container \"><div class=\"md\">");
        if (c.state() == CommentState.DELETED) {
            h.append("<p>[deleted]</p>");
        } else if (c.state() == CommentState.REMOVED) {
            h.append("<p>[removed]</p>");
        } else {
            body(h, c.body());
        }
        h.append("</div>\n</div></form><ul class=\"flat-list buttons\"><li class=\"first\"><a href=\"").append(s.url()).append(c.id())
                .append("/\" data-event-action=\"permalink\" class=\"bylink\" rel=\"nofollow\">permalink</a></li>");
        if (c.parentId() != null) {
            h.append("<li><a href=\"#").append(c.parentId()).append("\" data-event-action=\"parent\" class=\"bylink\" rel=\"nofollow\">parent</a></li>");
        }
        h.append("<li class=\"reply-button\"><a class=\"access-required\" href=\"javascript:void(0)\" data-event-action=\"comment\" onclick=\"return reply(this)\">reply</a></li></ul>")
                .append("<div class=\"reportform report-").append(fullname).append("\"></div></div>");
    }

    private static void body(StringBuilder h, Body body) {
        for (Body.Block block : body.blocks()) {
            if (block instanceof Body.Paragraph p) {
                h.append("<p>");
                for (Body.Inline part : p.parts()) {
                    if (part instanceof Body.Link l) {
                        h.append("<a href=\"").append(Html.escape(l.url())).append("\" rel=\"nofollow\">").append(Html.escape(l.label())).append("</a>");
                    } else if (part instanceof Body.Emphasis e) {
                        h.append("<em>").append(Html.escape(e.text())).append("</em>");
                    } else {
                        h.append(Html.escape(part.text()));
                    }
                }
                h.append("</p>\n");
            } else if (block instanceof Body.Quote q) {
                h.append("<blockquote>\n<p>").append(Html.escape(q.text())).append("</p>\n</blockquote>\n");
            } else if (block instanceof Body.Code code) {
                h.append("<pre><code>").append(Html.escape(code.text())).append("\n</code></pre>\n");
            }
        }
    }

    private static String abbreviate(GenStory s) {
        String text = s.summary() == null ? s.title() : s.summary().plainText();
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }
}
