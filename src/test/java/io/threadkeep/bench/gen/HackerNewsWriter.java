package io.threadkeep.bench.gen;

import io.threadkeep.model.CommentState;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Hacker News item pages: {@code table.fatitem} head, then a flat {@code table.comment-tree} of {@code
 * tr.athing.comtr} rows whose depth is {@code td.ind[indent]} (and the spacer image's width, 40 px a level).
 * Links are relative as the site serves them, or absolute as some saving tools rewrite them.
 */
public final class HackerNewsWriter implements PageWriter {

    private static final DateTimeFormatter AGE_TITLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private final boolean absoluteLinks;

    /** @param absoluteLinks write links as a saving tool that absolutises them would */
    public HackerNewsWriter(boolean absoluteLinks) {
        this.absoluteLinks = absoluteLinks;
    }

    @Override
    public Era era() {
        return Era.HACKERNEWS;
    }

    @Override
    public Charset charset() {
        return StandardCharsets.UTF_8;
    }

    private static String esc(String s) {
        return Html.escape(s).replace("'", "&#x27;");
    }

    private static String isoTitle(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC).format(AGE_TITLE);
    }

    @Override
    public String write(GenThread thread) {
        GenStory s = thread.story();
        String base = absoluteLinks ? "https://news.ycombinator.com/" : "";
        Instant now = Html.capturedAt(thread);
        String id = s.siteStoryId();
        String goTo = "item%3Fid%3D" + id;
        String title = esc(s.title());
        StringBuilder h = new StringBuilder(6000 + thread.comments().size() * 1500);
        h.append("<html lang=\"en\" op=\"item\"><head><meta name=\"referrer\" content=\"origin\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\">")
                .append("<link rel=\"stylesheet\" type=\"text/css\" href=\"").append(base).append("news.css?Kx2n8Yq1\">\n")
                .append("        <link rel=\"icon\" href=\"").append(base).append("y18.svg\">\n")
                .append("        <title>").append(title).append(" | Hacker News</title></head><body><center><table id=\"hnmain\" border=\"0\" cellpadding=\"0\" cellspacing=\"0\" width=\"85%\" bgcolor=\"#f6f6ef\">\n")
                .append("        <tr><td bgcolor=\"#ff6600\"><table border=\"0\" cellpadding=\"0\" cellspacing=\"0\" width=\"100%\" style=\"padding:2px\"><tr><td style=\"width:18px;padding-right:4px\"><a href=\"")
                .append(base.isEmpty() ? "https://news.ycombinator.com" : base).append("\"><img src=\"").append(base)
                .append("y18.svg\" width=\"18\" height=\"18\" style=\"border:1px white solid; display:block\"></a></td>\n")
                .append("                  <td style=\"line-height:12pt; height:10px;\"><span class=\"pagetop\"><b class=\"hnname\"><a href=\"")
                .append(base).append("news\">Hacker News</a></b>\n                            <a href=\"").append(base)
                .append("newest\">new</a> | <a href=\"").append(base).append("front\">past</a> | <a href=\"").append(base)
                .append("newcomments\">comments</a> | <a href=\"").append(base).append("ask\">ask</a> | <a href=\"").append(base)
                .append("show\">show</a> | <a href=\"").append(base).append("jobs\">jobs</a> | <a href=\"").append(base)
                .append("submit\" rel=\"nofollow\">submit</a>            </span></td><td style=\"text-align:right;padding-right:4px;\"><span class=\"pagetop\">\n")
                .append("                              <a href=\"").append(base).append("login?goto=").append(goTo)
                .append("\">login</a>\n                          </span></td>\n              </tr></table></td></tr>\n")
                .append("<tr id=\"pagespace\" title=\"").append(title).append("\" style=\"height:10px\"></tr><tr><td><table class=\"fatitem\" border=\"0\">\n")
                .append("        <tr class=\"athing submission\" id=\"").append(id).append("\">\n")
                .append("      <td align=\"right\" valign=\"top\" class=\"title\"><span class=\"rank\"></span></td>      <td valign=\"top\" class=\"votelinks\"><center><a id=\"up_")
                .append(id).append("\" href=\"").append(base).append("vote?id=").append(id).append("&amp;how=up&amp;goto=").append(goTo)
                .append("\"><div class=\"votearrow\" title=\"upvote\"></div></a></center></td><td class=\"title\"><span class=\"titleline\"><a href=\"")
                .append(s.linkUrl() != null ? esc(s.linkUrl()) : base + "item?id=" + id).append("\">").append(title).append("</a>");
        if (s.linkUrl() != null) {
            String domain = Html.domain(s.linkUrl());
            h.append("<span class=\"sitebit comhead\"> (<a href=\"").append(base).append("from?site=").append(domain)
                    .append("\"><span class=\"sitestr\">").append(domain).append("</span></a>)</span>");
        }
        h.append("</span></td></tr><tr><td colspan=\"2\"></td><td class=\"subtext\"><span class=\"subline\">\n")
                .append("          <span class=\"score\" id=\"score_").append(id).append("\">").append(s.points())
                .append(" points</span> by <a href=\"").append(base).append("user?id=").append(s.author())
                .append("\" class=\"hnuser\">").append(esc(s.author())).append("</a> <span class=\"age\" title=\"")
                .append(isoTitle(s.posted())).append("\"><a href=\"").append(base).append("item?id=").append(id).append("\">")
                .append(Html.ago(s.posted(), now)).append("</a></span> <span id=\"unv_").append(id).append("\"></span> | <a href=\"")
                .append(base).append("hide?id=").append(id).append("&amp;goto=").append(goTo)
                .append("\">hide</a> | <a href=\"https://hn.algolia.com/?query=").append(Html.urlParam(s.title()))
                .append("&amp;type=story&amp;dateRange=all&amp;sort=byDate&amp;storyText=false&amp;prefix&amp;page=0\" class=\"hnpast\">past</a> | <a href=\"")
                .append(base).append("fave?id=").append(id).append("&amp;auth=0\">favorite</a> | <a href=\"").append(base)
                .append("item?id=").append(id).append("\">").append(thread.comments().size())
                .append("&nbsp;comments</a>        </span>\n              </td></tr>\n");
        if (s.summary() != null) {
            h.append("    <tr style=\"height:2px\"></tr><tr><td colspan=\"2\"></td><td><div class=\"toptext\">");
            body(h, s.summary());
            h.append("</div></td></tr>");
        }
        h.append("        <tr style=\"height:10px\"></tr><tr><td colspan=\"2\"></td><td><form action=\"comment\" method=\"post\"><input type=\"hidden\" name=\"parent\" value=\"")
                .append(id).append("\"><textarea name=\"text\" rows=\"8\" cols=\"80\"></textarea><br><br><input type=\"submit\" value=\"add comment\"></form></td></tr>  </table><br><br><table border=\"0\" class=\"comment-tree\">\n");
        List<GenComment> comments = thread.comments();
        for (int i = 0; i < comments.size(); i++) {
            comment(h, s, comments, i, base, now);
        }
        h.append("            </table>\n  <br><br>\n</td></tr>\n<tr><td><img src=\"").append(base)
                .append("s.gif\" height=\"10\" width=\"0\"><table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\"><tr><td bgcolor=\"#ff6600\"></td></tr></table><br>\n")
                .append("<center><span class=\"yclinks\"><a href=\"").append(base).append("newsguidelines.html\">Guidelines</a> | <a href=\"")
                .append(base).append("newsfaq.html\">FAQ</a> | <a href=\"").append(base).append("lists\">Lists</a> | <a href=\"")
                .append(base).append("security.html\">Security</a> | <a href=\"mailto:hn@ycombinator.com\">Contact</a></span><br><br>\n")
                .append("<form method=\"get\" action=\"//hn.algolia.com/\">Search: <input type=\"text\" name=\"q\" size=\"17\" autocorrect=\"off\" spellcheck=\"false\" autocapitalize=\"off\" autocomplete=\"off\"></form>\n")
                .append("</center></td></tr>      </table></center></body>\n      <script type=\"text/javascript\" src=\"").append(base)
                .append("hn.js?Kx2n8Yq1\"></script>\n  </html>\n");
        return h.toString();
    }

    private void comment(StringBuilder h, GenStory s, List<GenComment> comments, int index, String base, Instant now) {
        GenComment c = comments.get(index);
        String id = c.id();
        String storyItem = base + "item?id=" + s.siteStoryId();
        h.append("            <tr class=\"athing comtr\" id=\"").append(id).append("\"><td><table border=\"0\">  <tr>    <td class=\"ind\" indent=\"")
                .append(c.depth()).append("\"><img src=\"").append(base).append("s.gif\" height=\"1\" width=\"").append(40 * c.depth())
                .append("\"></td><td valign=\"top\" class=\"votelinks\">\n      <center>");
        if (c.state() == CommentState.NORMAL) {
            h.append("<a id=\"up_").append(id).append("\" href=\"").append(base).append("vote?id=").append(id)
                    .append("&amp;how=up&amp;goto=item%3Fid%3D").append(s.siteStoryId())
                    .append("\"><div class=\"votearrow\" title=\"upvote\"></div></a>");
        } else {
            h.append("<img src=\"").append(base).append("s.gif\" height=\"1\" width=\"14\">");
        }
        h.append("</center>    </td><td class=\"default\"><div style=\"margin-top:2px; margin-bottom:-10px;\"><span class=\"comhead\">\n          ");
        if (c.author() != null) {
            h.append("<a href=\"").append(base).append("user?id=").append(c.author()).append("\" class=\"hnuser\">")
                    .append(esc(c.author())).append("</a> ");
        }
        h.append("<span class=\"age\" title=\"").append(isoTitle(c.posted())).append("\"><a href=\"").append(base)
                .append("item?id=").append(id).append("\">").append(Html.ago(c.posted(), now)).append("</a></span> <span id=\"unv_")
                .append(id).append("\"></span>");
        if (c.state() == CommentState.DEAD) {
            h.append(" [dead]");
        }
        h.append("          <span class=\"navs\">\n            ");
        if (c.parentId() != null) {
            h.append(" | <a href=\"").append(storyItem).append('#').append(c.parentId()).append("\" class=\"clicky\" aria-hidden=\"true\">parent</a>");
        }
        String next = nextSibling(comments, index);
        if (next != null) {
            h.append(" | <a href=\"").append(storyItem).append('#').append(next).append("\" class=\"clicky\" aria-hidden=\"true\">next</a>");
        }
        h.append(" <a class=\"togg clicky\" id=\"").append(id).append("\" n=\"").append(1 + c.replies())
                .append("\" href=\"javascript:void(0)\">[&#x2013;]</a><span class=\"onstory\"></span>          </span>\n")
                .append("                  </span></div><br><div class=\"comment\">\n                  ");
        if (c.state() == CommentState.DELETED) {
            h.append("<span class=\"commtext c00\">[deleted]</span>");
        } else {
            h.append("<span class=\"commtext ").append(c.state() == CommentState.DEAD ? "cdd" : "c00").append("\">");
            body(h, c.body());
            h.append("</span>");
            h.append("\n              <div class=\"reply\">        <p><font size=\"1\">\n                      <u><a href=\"").append(base)
                    .append("reply?id=").append(id).append("&amp;goto=item%3Fid%3D").append(s.siteStoryId()).append("%23").append(id)
                    .append("\" rel=\"nofollow\">reply</a></u>\n                  </font>\n      </p></div>");
        }
        h.append("</div></td></tr>\n        </table></td></tr>\n");
    }

    private static String nextSibling(List<GenComment> comments, int index) {
        int depth = comments.get(index).depth();
        for (int i = index + 1; i < comments.size(); i++) {
            int d = comments.get(i).depth();
            if (d == depth) {
                return comments.get(i).id();
            }
            if (d < depth) {
                return null;
            }
        }
        return null;
    }

    private static void body(StringBuilder h, Body body) {
        boolean first = true;
        for (Body.Block block : body.blocks()) {
            // HN leaves the first paragraph bare and opens each later one with <p>.
            if (!first) {
                h.append("<p>");
            }
            if (block instanceof Body.Paragraph p) {
                for (Body.Inline part : p.parts()) {
                    if (part instanceof Body.Link l) {
                        String shown = l.url().length() > 60 ? l.url().substring(0, 60) + "..." : l.url();
                        h.append("<a href=\"").append(esc(l.url())).append("\" rel=\"nofollow\">").append(esc(shown)).append("</a>");
                    } else if (part instanceof Body.Emphasis e) {
                        h.append("<i>").append(esc(e.text())).append("</i>");
                    } else {
                        h.append(esc(part.text()));
                    }
                }
            } else if (block instanceof Body.Quote q) {
                h.append("<i>&gt; ").append(esc(q.text())).append("</i>");
            } else if (block instanceof Body.Code code) {
                h.append("<pre><code>").append(esc(code.text())).append("\n</code></pre>");
            }
            if (!first) {
                h.append("</p>");
            }
            first = false;
        }
    }
}
