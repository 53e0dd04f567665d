package io.threadkeep.bench.gen;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Slashdot's discussion pages in two generations: the 2014+ firehose page ({@code article} header, {@code
 * li.comment.full/oneline} with {@code div.cw}, {@code span.by}, {@code span.opt}, dates with a year, UTF-8) and
 * the 2008-2013 D2 page ({@code div.article} with {@code div.generaltitle}, {@code div#comment_N.full/oneline},
 * "by name (uid)" bylines, dates without a year, ISO-8859-1). Both carry the {@code D2.comments({...})} table.
 */
public final class SlashdotWriter implements PageWriter {

    private static final DateTimeFormatter CURRENT_DATE =
            DateTimeFormatter.ofPattern("'on' EEEE MMMM dd, yyyy '@'hh:mma", Locale.US);
    private static final DateTimeFormatter D2_DATE = DateTimeFormatter.ofPattern("'on' EEEE MMMM dd, '@'hh:mma",
            Locale.US);

    private static final java.time.ZoneId SLASHDOT_ZONE = java.time.ZoneId.of("America/New_York");

    private final Era era;
    private final boolean current;

    public SlashdotWriter(Era era) {
        if (era != Era.SLASHDOT_CURRENT && era != Era.SLASHDOT_D2) {
            throw new IllegalArgumentException(era + " is not a Slashdot era");
        }
        this.era = era;
        this.current = era == Era.SLASHDOT_CURRENT;
    }

    @Override
    public Era era() {
        return era;
    }

    @Override
    public Charset charset() {
        return current ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
    }

    private String esc(String s) {
        return current ? Html.escape(s) : Html.escapeLatin1(s);
    }

    private String date(java.time.Instant t) {
        // Slashdot shows US Eastern time.
        return ZonedDateTime.ofInstant(t, SLASHDOT_ZONE).format(current ? CURRENT_DATE : D2_DATE);
    }

    @Override
    public String write(GenThread thread) {
        GenStory story = thread.story();
        List<GenComment> comments = thread.comments();
        StringBuilder h = new StringBuilder(8192 + comments.size() * 2600);
        head(h, story);
        if (current) {
            currentHeader(h, story);
        } else {
            d2Header(h, story);
        }
        d2Script(h, story, comments);
        h.append("\t\t<ul id=\"commentlisting\" class=\"d2\">\n");
        Deque<GenComment> open = new ArrayDeque<>();
        for (GenComment c : comments) {
            while (open.size() > c.depth()) {
                open.pop();
                h.append("</ul></li>");
            }
            comment(h, story, c);
            if (c.replies() > 0) {
                h.append("<ul id=\"commtree_").append(c.id()).append("\">");
                open.push(c);
            } else {
                h.append("</li>");
            }
        }
        while (!open.isEmpty()) {
            open.pop();
            h.append("</ul></li>");
        }
        h.append("\n\t\t</ul>\n");
        footer(h, story, comments.size());
        return h.toString();
    }

    private void head(StringBuilder h, GenStory s) {
        if (current) {
            h.append("<!-- html-header type=current begin -->\n\n\t<!DOCTYPE html>\n\n\n\t<html lang=\"en\">\n\t<head>\n")
                    .append("\t<meta charset=\"utf-8\">\n\t<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge,chrome=1\">\n")
                    .append("\t<script id=\"before-content\" type=\"text/javascript\">\n(function () {\n")
                    .append("    if (typeof window.sdmedia !== 'object') { window.sdmedia = {}; }\n")
                    .append("    window.sdmedia.site = window.sdmedia.site || {};\n    window.sdmedia.site.rootdir = \"//slashdot.org\";\n}());\n")
                    .append("var pageload = { pagemark: '").append(Math.abs(s.siteStoryId().hashCode()) * 1000L)
                    .append("', before_content: (new Date).getTime() };\n</script>\n\n")
                    .append("\t\t<title>").append(esc(s.title())).append(" - Slashdot</title>\n\n")
                    .append("\t\t<meta name=\"description\" content=\"").append(esc(abbreviate(s))).append("\">\n")
                    .append("\t\t<meta name=\"twitter:card\" content=\"summary\">\n")
                    .append("\t\t<meta name=\"twitter:site\" content=\"@slashdot\">\n")
                    .append("\t\t<meta property=\"og:url\" content=\"").append(s.url()).append("\">\n")
                    .append("\t\t<meta property=\"og:title\" content=\"").append(esc(s.title())).append(" - Slashdot\">\n")
                    .append("\t\t<meta name=\"viewport\" content=\"width=1000, user-scalable=yes, minimum-scale=0, maximum-scale=10.0\" />\n")
                    .append("\t\t<link rel=\"canonical\" href=\"").append(s.url()).append("\">\n")
                    .append("\t\t<link rel=\"stylesheet\" type=\"text/css\" media=\"screen, projection\" href=\"//a.fsdn.com/sd/classic.css?4d1b2e0f\" >\n")
                    .append("\t<link rel=\"stylesheet\" href=\"//a.fsdn.com/sd/css/app.css?4d1b2e0f\">\n")
                    .append("<script type='text/javascript'>\nvar googletag = window.googletag || {};\ngoogletag.cmd = googletag.cmd || [];\n</script>\n")
                    .append("</head>\n<body class=\"anon firehose \">\n\n")
                    .append("\t<script src=\"//a.fsdn.com/sd/all-minified.js?4d1b2e0f\" type=\"text/javascript\"></script>\n")
                    .append("\t<!-- html-header type=current end --><!-- header type=current begin -->\n")
                    .append("\t\t<div id=\"top_parent\"></div>\n\t\t<a name=\"topothepage\"></a>\n")
                    .append("\t\t<div class=\"container\">\n\t\t\t<div class=\"nav-wrap\">\n")
                    .append("\t\t\t\t<nav class=\"nav-primary\" role=\"navigation\" aria-label=\"Global Navigation\">\n")
                    .append("\t\t\t\t\t<h2 class=\"logo\"><a href=\"//slashdot.org\"><span>Slashdot</span></a></h2>\n")
                    .append("<ul class=\"nav-site\">\n\t<li><a href=\"//slashdot.org\"><i class=\"icon-book\" title=\"Stories\"></i><span>Stories</span></a></li>\n")
                    .append("\t<li><a href=\"//slashdot.org/polls\"><span>Polls</span></a></li>\n</ul>\n")
                    .append("<a href=\"//slashdot.org/submission\" class=\"btn btn-success\">Submit</a>\n\t\t\t\t</nav>\n")
                    .append("\t\t\t\t<nav class=\"nav-user\" role=\"navigation\">\n")
                    .append("\t\t\t\t\t<form id=\"search\" class=\"form-inline nav-search-form\" method=\"get\" action=\"//slashdot.org/index2.pl\">\n")
                    .append("\t\t\t\t\t\t<input type=\"text\" id=\"search-field\" class=\"form-control\" placeholder=\"Search\" name=\"fhfilter\">\n")
                    .append("\t\t\t\t\t</form>\n\t\t\t\t</nav>\n\t\t\t</div>\n\t\t</div>\n");
        } else {
            h.append("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"\n            \"http://www.w3.org/TR/html4/strict.dtd\">\n")
                    .append("<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\n\n")
                    .append("<meta name=\"description\" content=\"").append(esc(s.title())).append(" -- article related to ")
                    .append(esc(String.join(", ", s.topics()))).append(".\">\n")
                    .append("<title>Slashdot | ").append(esc(s.title())).append("</title>\n\n")
                    .append("<link rel=\"stylesheet\" type=\"text/css\" media=\"screen, projection\" href=\"//images.slashdot.org/core-tidied.css?T_2_5_0_204\">\n")
                    .append("<link rel=\"stylesheet\" type=\"text/css\" media=\"screen, projection\" href=\"//images.slashdot.org/comments.css?T_2_5_0_204\">\n")
                    .append("<script type=\"text/javascript\" src=\"//images.slashdot.org/all-minified.js?T_2_5_0_204\"></script>\n")
                    .append("</head>\n<body class=\"anon section-").append(s.host().replace(".slashdot.org", "")).append("\">\n")
                    .append("<div id=\"jump\"><a href=\"#main-articles\">Stories</a><br><a href=\"#slashboxes\">Slash Boxes</a><br><a href=\"#comments\">Comments</a></div>\n")
                    .append("<div id=\"frame\">\n<div id=\"topnav\">\n<div id=\"logo\"><h1><a href=\"//slashdot.org\">Slashdot</a></h1></div>\n")
                    .append("<ul id=\"sections\"><li><a href=\"//slashdot.org/\">Main</a></li><li><a href=\"//").append(s.host())
                    .append("/\">").append(s.host().replace(".slashdot.org", "")).append("</a></li></ul>\n</div>\n")
                    .append("<div id=\"contents\">\n");
        }
    }

    private String abbreviate(GenStory s) {
        String text = s.summary() == null ? s.title() : s.summary().plainText();
        return text.length() > 200 ? text.substring(0, 197) + "..." : text;
    }

    private void currentHeader(StringBuilder h, GenStory s) {
        String fh = String.valueOf(100_000_000L + Math.abs(s.siteStoryId().hashCode() % 50_000_000));
        h.append("<div class=\"container\">\n\t<div class=\"main-wrap  has-rail-right\">\n\t\t<div class=\"main-content\">\n")
                .append("\t\t\t<div id=\"firehose\" class=\"nothumbs \">\n\t\t\t\t<a name=\"articles\"></a>\n")
                .append("\t\t\t\t<div id=\"firehoselist\" class=\"fhroot row \">\n")
                .append("\t\t\t\t\t<article id=\"firehose-").append(fh).append("\" data-fhid=\"").append(fh)
                .append("\" data-fhtype=\"story\" class=\"fhitem fhitem-story article usermode thumbs grid_24\">\n")
                .append("\t\t<span class=\"sd-info-block\" style=\"display: none\">\n\t\t\t<span class=\"sd-key-firehose-id\">")
                .append(fh).append("</span>\n\t\t\t<span class=\"type\">story</span>\n\t\t</span>\n<header>\n")
                .append("\t\t<span class=\"topic\" id=\"topic-").append(fh).append("\">\n");
        for (String topic : s.topics()) {
            String key = topic.toLowerCase(Locale.ROOT).replace(" ", "");
            h.append("\t\t<a href=\"//").append(s.host()).append("/index2.pl?fhfilter=").append(key)
                    .append("\" onclick=\"return addfhfilter('").append(key).append("');\">\n")
                    .append("\t\t\t\t<img src=\"//a.fsdn.com/sd/topics/").append(key).append("_64.png\" width=\"64\" height=\"64\" alt=\"")
                    .append(esc(topic)).append("\" title=\"").append(esc(topic)).append("\">\n\t\t</a>\n");
        }
        h.append("\t\t</span>\n\t<h1 class=\"story\">\n\t\t<span id=\"title-").append(fh).append("\" class=\"story-title\"> <a href=\"")
                .append(s.url().replaceFirst("^https:", "")).append("\">").append(esc(s.title())).append("</a> ");
        if (s.linkUrl() != null) {
            h.append("<span class=\" no extlnk\"><a class=\"story-sourcelnk\" href=\"").append(esc(s.linkUrl()))
                    .append("\"  title=\"External link - ").append(esc(s.linkUrl())).append("\" target=\"_blank\"> (")
                    .append(Html.domain(s.linkUrl())).append(") </a></span>");
        }
        h.append("</span>\n\t\t\t<span class=\"comment-bubble\"><a href=\"").append(s.url().replaceFirst("^https:", ""))
                .append("#comments\" title=\"\">").append(s.points()).append("</a></span>\n\t</h1>\n")
                .append("\t<div class=\"details\" id=\"details-").append(fh).append("\">\n\t\t<span class=\"story-byline\">\n")
                .append("\t\t\tPosted\n\t\t\t\tby\n\t\t\t\t  <a href=\"https://twitter.com/").append(Html.urlParam(s.author()))
                .append("\" rel=\"nofollow\">").append(esc(s.author())).append("</a>\n")
                .append("\t\t<time id=\"fhtime-").append(fh).append("\" datetime=\"").append(date(s.posted())).append("\">")
                .append(date(s.posted())).append("</time>\n")
                .append("\t\t\t from the <span class=\"dept-text\">").append(esc(s.department())).append("</span> dept.\n")
                .append("\t\t</span>\n\t</div>\n</header>\n\n<div class=\"body\" id=\"fhbody-").append(fh).append("\">\n")
                .append("\t\t<div id=\"text-").append(fh).append("\" class=\"p\">\n\t\t\t\t");
        summary(h, s);
        h.append("\n\t\t</div>\n\t</div>\n\t<aside class=\"grid_24 view_mode\">\n\t\t\t<div class=\"units-12 story-detail-tags\">\n")
                .append("\t\t\t\t<div class=\"story-tags\"><span class=\"tright tags\"><span id=\"tagbar-").append(fh)
                .append("\" class=\"tag-bar none\"></span></span></div>\n\t\t\t</div>\n\t</aside>\n\t</article>\n")
                .append("\t\t\t\t</div>\n\t\t\t</div>\n\t\t</div>\n\t</div>\n")
                .append("\t<aside id=\"slashboxes\" class=\"rail-right\">\n\t\t<div class=\"railad adwrap-unviewed\"></div>\n\t</aside>\n</div>\n")
                .append("<div class=\"container\">\n\t<div class=\"main-wrap\">\n\t\t<div class=\"main-content\">\n")
                .append("\t\t\t<div id=\"comments\" class=\"a2commentwrap\">\n\t\t\t<div>\n\t\t\t\t\t<a name=\"comments\"></a>\n")
                .append("<div class=\"commentwrap\" id=\"commentwrap\">\n<div class=\"commentBox\">\n")
                .append("\t<h2 class=\"commentspl test\"><a title=\"Back to Article - ").append(esc(s.title())).append("\" href=\"")
                .append(s.url().replaceFirst("^https:", "")).append("\">").append(esc(s.title())).append("</a></h2>\n")
                .append("\t<div class=\"commentControlFooter\"><a href=\"#\" onclick=\"D2.ajaxFetchComments(0,1); return false\"><span id=\"more_comments_num_c\"></span> More</a></div>\n")
                .append("</div>\n</div>\n");
    }

    private void d2Header(StringBuilder h, GenStory s) {
        h.append("<a name=\"main-articles\"></a>\n<div id=\"articles\">\n\n<div class=\"article\" id=\"art1\">\n\n")
                .append("<div class=\"generaltitle\" >\n\t<div class=\"title\">\n\t\t<h3 >\n\t\t\t").append(esc(s.title()))
                .append("\n\t\t\t\n\t\t</h3>\n\t</div>\n</div>\n\t<div class=\"details\">\n\n\t\n\t<b>Posted by\n\t\n\t<a href=\"http://")
                .append(Html.urlParam(s.author()).toLowerCase(Locale.ROOT)).append(".example.net/\">").append(esc(s.author()))
                .append("</a>\n\n\t").append(date(s.posted())).append("</b><br>\n\t<strong>from the <b>")
                .append(esc(s.department())).append("</b> dept.</strong>\n\t</div>\n\t<div class=\"body\">\n\t\t<div class=\"topic\">\n");
        boolean first = true;
        for (String topic : s.topics()) {
            String key = topic.toLowerCase(Locale.ROOT).replace(" ", "");
            h.append("\t\t\t<a href=\"//").append(s.host()).append("/search.pl?tid=").append(Math.abs(key.hashCode() % 300))
                    .append('"').append(first ? "" : " class=\"topic2\"").append(">\n\t\t\t\t<img src=\"//images.slashdot.org/topics/topic")
                    .append(key).append(".gif\" width=\"64\" height=\"64\" alt=\"").append(esc(topic)).append("\" title=\"")
                    .append(esc(topic)).append("\" >\n\t\t\t</a>\n");
            first = false;
        }
        h.append("\t\t</div>\n\t\t<div class=\"intro\">\n\t\t\t");
        summary(h, s);
        h.append("\n\t\t</div>\n\t</div>\n</div>\n\n<div class=\"prev-next\"></div>\n")
                .append("<div class=\"commentwrap\" id=\"commentwrap\">\n<div class=\"commentBox\" style=\"font-size: 120%\">\n")
                .append("<span class=\"escape-link\"><a href=\"//").append(s.host()).append("/article.pl?sid=").append(s.siteStoryId())
                .append("\" title=\"Back to Article - ").append(esc(s.title())).append("\">").append(esc(s.title()))
                .append("</a></span>\n<span class=\"commentBoxLinks\"><a href=\"#\" onclick=\"D2.ajaxFetchComments(0,1); return false\"><span id=\"more_comments_num_d\"></span> More</a> | ")
                .append("<a href=\"//").append(s.host()).append("/comments.pl?sid=").append(s.discussionId())
                .append("&amp;op=reply&amp;threshold=1&amp;commentsort=0&amp;mode=thread&amp;pid=\" onclick=\"D2.replyTo(0); return false;\">Reply</a></span>\n")
                .append("</div>\n\t<div class=\"commentBox\">\n\t\t<div class=\"title\"><span class=\"titlecount\"><a href=\"//")
                .append(s.host()).append("/article.pl?sid=").append(s.siteStoryId()).append("#topcomment\"><span id=\"titlecountnum\">")
                .append(s.points()).append("</span>&nbsp;Comments</a></span></div>\n\t</div>\n</div>\n")
                .append("<a name=\"topcomment\"></a><script src=\"//images.slashdot.org/comments.js?T_2_5_0_204\" type=\"text/javascript\"></script>\n");
    }

    private void summary(StringBuilder h, GenStory s) {
        if (s.summary() == null) {
            return;
        }
        h.append(esc(s.author())).append(" writes <i>\"");
        boolean firstBlock = true;
        for (Body.Block block : s.summary().blocks()) {
            if (!firstBlock) {
                h.append("<br> <br>\n");
            }
            firstBlock = false;
            if (block instanceof Body.Paragraph p) {
                inline(h, p.parts());
            }
        }
        h.append("\"</i>");
        if (s.linkUrl() != null && !current) {
            h.append(" More at <a href=\"").append(esc(s.linkUrl())).append("\">").append(Html.domain(s.linkUrl())).append("</a>.");
        }
    }

    private void d2Script(StringBuilder h, GenStory s, List<GenComment> comments) {
        Map<String, List<String>> kids = Html.kids(comments);
        h.append("\t<script type=\"text/javascript\">\n<!--\n\tD2.d2_keybindings_disable()[191] = 1;\n\tD2.boxStatus(1);\n\nD2.comments({ ");
        boolean first = true;
        for (GenComment c : comments) {
            if (!first) {
                h.append(", ");
            }
            first = false;
            String pid = c.parentId() == null ? "0" : c.parentId();
            h.append(c.id()).append(": { uid: ").append(c.authorId()).append(", pid: ").append(pid);
            if (c.parentId() != null) {
                h.append(", subject: \"").append(jsString(c.subject())).append('"');
            }
            h.append(", read: 0, points: ").append(c.score()).append(", kids: [ ")
                    .append(String.join(", ", kids.get(c.id()))).append(" ], opid: ").append(pid).append(" }");
        }
        h.append(" });\n\nD2.root_comment(0);\nD2.root_comments([");
        first = true;
        for (GenComment c : comments) {
            if (c.parentId() == null) {
                h.append(first ? "" : ",").append(c.id());
                first = false;
            }
        }
        h.append("]);\n\nD2.d2_comment_order(0);\nD2.user_uid(666);\nD2.user_is_anon(1);\nD2.user_threshold(-1);\n")
                .append("D2.discussion_id(").append(s.discussionId()).append(");\nD2.more_comments_num(0);\n\n//-->\n</script>\n\n");
    }

    private String jsString(String s) {
        String escaped = s.replace("\\", "\\\\").replace("\"", "\\\"");
        return current ? escaped : Html.escapeLatin1(escaped).replace("&quot;", "\\\"").replace("&amp;", "&")
                .replace("&lt;", "<").replace("&gt;", ">");
    }

    private void comment(StringBuilder h, GenStory s, GenComment c) {
        String id = c.id();
        String link = "//" + s.host() + "/comments.pl?sid=" + s.discussionId() + "&amp;cid=" + id;
        boolean full = !c.abbreviated();
        if (current) {
            h.append("<li id=\"tree_").append(id).append("\" class=\"comment ").append(full ? "full" : "oneline")
                    .append(c.replies() > 0 && full ? " contain" : "").append("\"><span class=\"ind\"></span>\n");
        } else {
            h.append("<li id=\"tree_").append(id).append("\" class=\"comment").append(c.replies() > 0 ? " contain" : "")
                    .append("\">\n");
        }
        h.append("<div id=\"comment_status_").append(id).append("\" class=\"commentstatus\"></div>\n")
                .append("<div id=\"comment_").append(id).append("\" class=\"").append(current ? "cw" : full ? "full" : "oneline")
                .append("\">\n\t<div id=\"comment_top_").append(id).append("\" class=\"commentTop newcomment\">\n")
                .append("\t\t<div class=\"title\">\n\t\t\t<h4><a id=\"comment_link_").append(id).append("\" name=\"comment_link_")
                .append(id).append("\" href=\"").append(link).append("\" onclick=\"return D2.setFocusComment(").append(id)
                .append(")\">").append(esc(c.subject())).append("</a>\n\n\n\t\t \t<span id=\"comment_score_").append(id)
                .append("\" class=\"score\"> (<a href=\"#\" onclick=\"getModalPrefs('modcommentlog', 'Moderation Comment Log', ")
                .append(id).append("); return false\">").append(current ? "<span class=\"opt\">Score:</span>" : "Score:")
                .append(c.score()).append("</a>").append(c.label() == null ? "" : ", " + c.label()).append(")</span></h4>\n")
                .append("\t\t</div>\n\t\t<div class=\"details\">\n\t\t\t");
        if (current) {
            h.append("<span class=\"by\"><span class=\"byby\">by </span>");
            if (c.author() == null) {
                h.append("Anonymous Coward");
            } else {
                String page = "//slashdot.org/~" + Html.urlParam(c.author());
                h.append("<a href=\"").append(page).append("\">").append(esc(c.author())).append("</a>  <span class=\"uid\"><a href=\"")
                        .append(page).append("\">( ").append(c.authorId()).append(" )</a></span>");
            }
            h.append("</span><span class=\"writes\" style=\"display:none\"> writes:</span> \n");
        } else {
            h.append("by ");
            if (c.author() == null) {
                h.append("Anonymous Coward");
            } else {
                h.append("<a href=\"//slashdot.org/~").append(Html.urlParam(c.author())).append("\">").append(esc(c.author()))
                        .append(" (").append(c.authorId()).append(")</a>");
            }
            h.append(" \n");
        }
        h.append("\t\t\t<span class=\"otherdetails\" id=\"comment_otherdetails_").append(id).append("\">");
        if (full) {
            h.append("\t\t\n\t\t").append(date(c.posted())).append(" (").append(current ? "<span class=\"ind\"></span>" : "")
                    .append("<a href=\"").append(link).append("\">#").append(id).append("</a>)\n");
            if (c.author() != null && current) {
                h.append("\t\t<small><a href=\"//slashdot.org/~").append(Html.urlParam(c.author()))
                        .append("/journal/\" class=\"user_journal_display\">Journal</a> </small>\n");
            } else {
                h.append("\t\t<small> </small>\n");
            }
        }
        h.append("</span>\n\t\t</div>\n\t</div>\n\t<div class=\"commentBody\">\n\t\t<div id=\"comment_body_").append(id).append("\">");
        body(h, c.body());
        h.append("</div>\n\t</div>\n\n\t<div class=\"commentSub\" id=\"comment_sub_").append(id).append("\">\n");
        if (full && c.parentId() != null && current) {
            h.append("<span class=\"ind\"></span><a class=\"btn link\" href=\"//").append(s.host()).append("/comments.pl?sid=")
                    .append(s.discussionId()).append("&amp;threshold=1&amp;commentsort=0&amp;mode=thread&amp;cid=")
                    .append(c.parentId()).append("\" onclick=\"return D2.selectParent(").append(c.parentId())
                    .append(")\">Parent</a> \n\t<a href=\"#\" class=\"comment_share_toggle btn link\">Share</a>\n");
        } else if (full && !current) {
            h.append("<span id=\"reply_link_").append(id).append("\" class=\"nbutton\"><p><b><a href=\"//").append(s.host())
                    .append("/comments.pl?sid=").append(s.discussionId())
                    .append("&amp;op=Reply&amp;threshold=1&amp;commentsort=0&amp;mode=thread&amp;pid=").append(id)
                    .append("\" onclick=\"D2.replyTo(").append(id).append("); return false;\">Reply to This</a></b></p></span>\n");
        }
        h.append("</div>\n</div>\n\n<div id=\"replyto_").append(id).append("\"></div>\n\n<ul id=\"group_").append(id)
                .append("\">\n\t<li id=\"hiddens_").append(id).append("\" class=\"hide\"></li>\n</ul>\n\n");
    }

    private void body(StringBuilder h, Body body) {
        for (Body.Block block : body.blocks()) {
            if (block instanceof Body.Paragraph p) {
                h.append("<p>");
                inline(h, p.parts());
                h.append("</p>");
            } else if (block instanceof Body.Quote q) {
                h.append("<div class=\"quote\"><p>").append(esc(q.text())).append("</p></div>");
            } else if (block instanceof Body.Code code) {
                h.append("<blockquote><div><p><tt>").append(esc(code.text()).replace("\n", "<br>")).append("</tt></p></div></blockquote>");
            }
        }
    }

    private void inline(StringBuilder h, List<Body.Inline> parts) {
        for (Body.Inline part : parts) {
            if (part instanceof Body.Link l) {
                h.append("<a href=\"").append(esc(l.url())).append("\" title=\"").append(Html.domain(l.url())).append("\">")
                        .append(esc(l.label())).append("</a>");
            } else if (part instanceof Body.Emphasis e) {
                h.append("<i>").append(esc(e.text())).append("</i>");
            } else {
                h.append(esc(part.text()));
            }
        }
    }

    private void footer(StringBuilder h, GenStory s, int loaded) {
        if (current) {
            h.append("\t\t\t</div>\n\t\t\t</div>\n\t\t</div>\n\t</div>\n</div>\n\n<!-- body end --><!-- footer type=current begin -->\n")
                    .append("\t<footer id=\"fhft\" class=\"grid_24 nf aoc\">\n\t\t<nav role=\"firehose footer\">\n")
                    .append("\t\t\t\t<ul class=\"fleft\">\n\t\t\t\t\t\t<li class=\"fleft\">\n\t\t\t\t\t\t\t<span class=\"loadedcommentcnt\">")
                    .append(loaded).append("</span> of <span class=\"totalcommentcnt\">").append(s.points())
                    .append("</span> loaded\n\t\t\t\t\t\t</li>\n\t\t\t\t</ul>\n")
                    .append("\t\t\t\t\t<script type=\"text/javascript\">D2.finishLoading()</script>\n\t\t</nav>\n\t</footer>\n")
                    .append("\t<footer id=\"ft\" class=\"grid_24\">\n\t\t<nav class=\"grid_10\" role=\"footer\">\n\t\t\t<ul>\n")
                    .append("\t\t\t\t<li><a href=\"//slashdot.org/faq\">FAQ</a></li>\n\t\t\t\t<li><a href=\"//slashdot.org/archive.pl\">Story Archive</a></li>\n")
                    .append("\t\t\t\t<li><a href=\"//slashdot.org/hof.shtml\">Hall of Fame</a></li>\n\t\t\t</ul>\n\t\t</nav>\n")
                    .append("\t\t<div class=\"grid_14 tright tm\">Trademarks property of their respective owners. Comments owned by the poster.</div>\n")
                    .append("\t</footer>\n<div class=\"busy genericspinner hide\"><span>Working...</span></div>\n</body>\n</html>\n");
        } else {
            h.append("<div id=\"discussion_buttons\"><span class=\"nbutton\"><b><a href=\"#\" onclick=\"D2.ajaxFetchComments(0,1); return false\">More</a></b></span></div>\n")
                    .append("</div>\n</div>\n<div id=\"footer\"><em>All trademarks and copyrights on this page are owned by their respective owners.</em></div>\n")
                    .append("</div>\n</body>\n</html>\n");
        }
    }
}
