package io.threadkeep.bench.gen;

import io.threadkeep.model.CommentState;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Lobsters story pages: {@code li.story} head with {@code ul.tags}, then {@code ol.comments} of {@code
 * li.comments_subtree > div.comment#c_ID} with nested {@code ol.comments} for replies. The comment's class
 * attribute spans several lines, as the site's template leaves it.
 */
public final class LobstersWriter implements PageWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @Override
    public Era era() {
        return Era.LOBSTERS;
    }

    @Override
    public Charset charset() {
        return StandardCharsets.UTF_8;
    }

    private static String time(Instant t, Instant now) {
        String s = LocalDateTime.ofInstant(t, ZoneOffset.UTC).format(TIME);
        return "<time title=\"" + s + "\" datetime=\"" + s + "\" data-at-unix=\"" + t.getEpochSecond() + "\">"
                + Html.ago(t, now) + "</time>";
    }

    @Override
    public String write(GenThread thread) {
        GenStory s = thread.story();
        Instant now = Html.capturedAt(thread);
        String path = s.url().replace("https://lobste.rs", "");
        StringBuilder h = new StringBuilder(8000 + thread.comments().size() * 1800);
        h.append("<!doctype html>\n<html lang=\"en\" >\n<head>\n  <meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\">\n")
                .append("  <link rel=\"icon\" sizes=\"144x144\" type=\"image/png\" href=\"/touch-icon-144.png\">\n")
                .append("  <link rel=\"search\" type=\"application/opensearchdescription+xml\" href=\"/opensearch.xml\" title=\"Lobsters\">\n")
                .append("  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  <meta name=\"referrer\" content=\"always\">\n")
                .append("    <meta property=\"og:type\" content=\"article\">\n    <meta property=\"og:site_name\" content=\"Lobsters\">\n")
                .append("    <meta property=\"og:title\" content=\"").append(Html.escape(s.title())).append("\">\n")
                .append("    <meta property=\"og:description\" content=\"").append(thread.comments().size()).append(" comments\">\n")
                .append("    <meta property=\"article:author\" content=\"https://lobste.rs/~").append(s.author()).append("\">\n")
                .append("  <link rel=\"shortcut icon\" href=\"/favicon.ico\">\n")
                .append("    <link href=\"").append(s.url()).append("\" rev=\"canonical\" rel=\"self alternate shorter shorturl shortlink\">\n")
                .append("  <title>").append(Html.escape(s.title())).append(" | Lobsters</title>\n")
                .append("  <link rel=\"stylesheet\" href=\"/assets/application-7f3a9c1d.css\" media=\"all\" />\n</head>\n")
                .append("<body data-username=\"\">\n  <header id=\"nav\">\n    <a id=\"logo\" href=\"/\" title=\"Lobsters (Current traffic: 42%)\"></a>\n")
                .append("    <div class=\"navholder\">\n      <nav class=\"links\">\n        <a href=\"/active\">Active</a>\n        <a href=\"/recent\">Recent</a>\n")
                .append("        <a href=\"/comments\">Comments</a>\n        <a href=\"/search\">Search</a>\n      </nav>\n")
                .append("      <nav class=\"corner\">\n      <a class=\"corner\" href=\"/login\">Login</a>\n      </nav>\n    </div>\n  </header>\n\n")
                .append("  <div id=\"inside\">\n\n<ol class=\"stories\">\n<li id=\"story_").append(s.siteStoryId()).append("\" data-shortid=\"")
                .append(s.siteStoryId()).append("\" class=\"story\">\n<div class=\"story_liner h-entry\">\n  <div class=\"voters\">\n    <a class=\"upvoter\" href=\"/login\">")
                .append(s.points()).append("</a>\n  </div>\n\n    <div class=\"details\" id=\"header_story_").append(s.siteStoryId()).append("\">\n")
                .append("      <span role=\"heading\" aria-level=\"1\" class=\"link h-cite u-repost-of\">\n        <a href=\"")
                .append(s.linkUrl() != null ? Html.escape(s.linkUrl()) : path).append("\" rel=\"ugc noreferrer\" class=\"u-url\">")
                .append(Html.escape(s.title())).append("</a>\n      </span>\n\n      <ul class=\"tags\" aria-label=\"Tags\">\n");
        for (String tag : s.topics()) {
            h.append("          <li><a aria-label=\"Tag ").append(tag).append("\" class=\"tag tag_").append(tag).append("\" title=\"")
                    .append(tag).append("\" href=\"/t/").append(tag).append("\">").append(tag).append("</a></li>\n");
        }
        h.append("      </ul>\n");
        if (s.linkUrl() != null) {
            h.append("        <a class=\"domain\" href=\"/origins/").append(Html.domain(s.linkUrl())).append("\">")
                    .append(Html.domain(s.linkUrl())).append("</a>\n");
        }
        h.append("\n      <div class=\"byline\">\n        <span>").append(s.linkUrl() != null ? "via" : "authored by").append("</span>\n")
                .append("        <a tabindex=\"-1\" aria-hidden=\"true\" href=\"/~").append(s.author()).append("\"><img srcset=\"/avatars/")
                .append(s.author()).append("-16.png 1x, /avatars/").append(s.author()).append("-32.png 2x\" class=\"avatar\" alt=\"\" loading=\"lazy\" decoding=\"async\" src=\"/avatars/")
                .append(s.author()).append("-16.png\" width=\"16\" height=\"16\"></a>\n        <a class=\"user_is_author\" href=\"/~")
                .append(s.author()).append("\">").append(Html.escape(s.author())).append("</a> \n\n          ")
                .append(time(s.posted(), now)).append("\n\n          <span class=\"comments_label\">\n            <span aria-hidden=\"true\"> | </span>\n")
                .append("            <a role=\"heading\" aria-level=\"2\" href=\"#comments-").append(s.siteStoryId()).append("\">\n              ")
                .append(thread.comments().size()).append("\n              comments\n            </a>\n          </span>\n\n      </div>\n    </div>\n\n</div>\n</li>\n\n</ol>\n\n")
                .append("<div class=\"story_content\">\n");
        if (s.summary() != null) {
            h.append("    <div class=\"story_text\">\n      ");
            body(h, s.summary());
            h.append("\n    </div>\n");
        }
        h.append("</div>\n\n    <ol class=\"comments comments1\">\n\n      <li class=\"comments_subtree\" id=\"comments-").append(s.siteStoryId())
                .append("\">\n\n        <ol class=\"comments\" id=\"story_comments\">\n");
        Deque<GenComment> open = new ArrayDeque<>();
        List<GenComment> comments = thread.comments();
        for (GenComment c : comments) {
            while (open.size() > c.depth()) {
                open.pop();
                h.append("            </li>\n          </ol>\n\n        </li>\n");
            }
            comment(h, c, now);
            if (c.replies() > 0) {
                h.append("        <ol class=\"comments\">\n");
                open.push(c);
            } else {
                h.append("        <ol class=\"comments\"></ol>\n\n\n        </li>\n");
            }
        }
        while (!open.isEmpty()) {
            open.pop();
            h.append("            </li>\n          </ol>\n\n        </li>\n");
        }
        h.append("        </ol>\n      </li>\n    </ol>\n  </div>\n\n  <footer>\n    <a href=\"/about\">About</a>\n    <a href=\"/tags\">Tags</a>\n")
                .append("    <a href=\"/filters\">Filter</a>\n    <a href=\"/moderations\">Moderation Log</a>\n  </footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void comment(StringBuilder h, GenComment c, Instant now) {
        String id = c.id();
        h.append("\n    <li class=\"comments_subtree\">\n\n\n  <input id=\"comment_folder_").append(id)
                .append("\"\n    class=\"comment_folder_button\" type=\"checkbox\"\n    >\n\n<div id=\"c_").append(id)
                .append("\"\n  data-shortid=\"").append(id).append("\"\n  class=\"comment\n    \n    \n    \n    \n  \">\n\n")
                .append("  <div class=\"voters\">\n      <label for=\"comment_folder_").append(id).append("\" class=\"comment_folder\"></label>\n")
                .append("        <a class=\"upvoter\" title=\"").append(c.score()).append("\" href=\"/login\">").append(c.score()).append("</a>\n  </div>\n\n")
                .append("  <div class=\"details\">\n    <div class=\"byline\">\n      <a name=\"c_").append(id).append("\"></a>\n\n\n      <span class=\"\">\n")
                .append("        <a tabindex=\"-1\" aria-hidden=\"true\" href=\"/~").append(c.author()).append("\"><img srcset=\"/avatars/")
                .append(c.author()).append("-16.png 1x, /avatars/").append(c.author()).append("-32.png 2x\" class=\"avatar\" alt=\"\" loading=\"lazy\" decoding=\"async\" src=\"/avatars/")
                .append(c.author()).append("-16.png\" width=\"16\" height=\"16\"></a>\n        <a href=\"/~").append(c.author()).append("\">")
                .append(Html.escape(c.author())).append("</a>\n        \n\n\n            <a href=\"/c/").append(id).append("\">")
                .append(time(c.posted(), now)).append("</a>\n          \n      </span>\n\n\n\n          <span class=\"flagger flagger_stub\"></span>\n\n\n\n")
                .append("        <span class=\"reason\">\n        </span>\n    </div>\n    <div role=\"heading\" aria-level=\"3\" class=\"comment_text\">\n        ");
        if (c.state() == CommentState.DELETED) {
            h.append("<p>\n        <span class=\"na\">\n          [Comment removed by author]\n        </span>\n        </p>");
        } else {
            body(h, c.body());
        }
        h.append("\n    </div>\n  </div>\n</div>\n\n\n\n");
    }

    private static void body(StringBuilder h, Body body) {
        for (Body.Block block : body.blocks()) {
            if (block instanceof Body.Paragraph p) {
                h.append("<p>");
                for (Body.Inline part : p.parts()) {
                    if (part instanceof Body.Link l) {
                        h.append("<a href=\"").append(Html.escape(l.url())).append("\" rel=\"ugc\">").append(Html.escape(l.label())).append("</a>");
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
}
