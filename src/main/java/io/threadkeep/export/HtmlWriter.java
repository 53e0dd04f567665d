package io.threadkeep.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.Story;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * One story as a single self-contained HTML page that a browser opens offline years from now: inline CSS only, no
 * script, nothing loaded from anywhere (a Content-Security-Policy says so too), light and dark by
 * {@code prefers-color-scheme}, readable on a phone, every comment foldable with {@code <details>}. Bodies are the
 * archive's safe HTML, written again through an allow-list. The thread's data (everything but the bodies, which
 * the page shows) is embedded as {@code <script type="application/json">}, which no browser runs, so that
 * importing the page gives the same thread back ({@code importer.threadkeep.ThreadkeepExportParser}).
 */
final class HtmlWriter {

    /** Names the page as ours; the importer recognises exports by it. */
    static final String GENERATOR = "Threadkeep export 1";
    static final String DATA_ID = "threadkeep-thread";

    /** HTML-escaping JSON: no {@code <}, {@code >} or {@code &} survive, so the data cannot end its script element. */
    private static final Gson DATA_JSON = new GsonBuilder().serializeNulls().create();

    private static final Set<String> KEPT = Set.of("p", "br", "blockquote", "ul", "ol", "li", "pre", "code", "b",
            "i", "em", "strong", "u", "s", "sup", "sub", "small");

    private static final String CSS = String.join("",
            ":root{color-scheme:light dark;--bg:#fcfcfb;--fg:#1d1f21;--muted:#5b6066;--line:#d5d9de;",
            "--accent:#1a5fb4;--quote:#eef1f4;--code:#f1f2f4;--mark:#b35900}",
            "@media (prefers-color-scheme:dark){:root{--bg:#16181b;--fg:#e4e5e6;--muted:#a3a8ae;--line:#3a4047;",
            "--accent:#8ab4f8;--quote:#22262b;--code:#23272c;--mark:#f0a35e}}",
            "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}",
            "body{margin:0;background:var(--bg);color:var(--fg);",
            "font:16px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif}",
            "main{max-width:46rem;margin:0 auto;padding:1rem}",
            "a{color:var(--accent);overflow-wrap:anywhere}",
            "h1{font-size:1.45rem;line-height:1.25;margin:.4rem 0}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}",
            ".meta{color:var(--muted);font-size:.9rem;margin:.2rem 0}",
            ".summary{margin:.8rem 0}",
            ".note{border-left:3px solid var(--mark);padding:.1rem .6rem;margin:.4rem 0}",
            ".c{margin:.45rem 0 0;padding-left:.6rem;border-left:2px solid var(--line)}",
            ".c>summary{color:var(--muted);font-size:.9rem;cursor:pointer}",
            ".c>summary .a{color:var(--fg);font-weight:600}.c>summary .s{color:var(--fg);font-style:italic}",
            ".c.missing>summary{font-style:italic}.star{color:var(--mark)}",
            ".body{overflow-wrap:anywhere;unicode-bidi:isolate}.body>p:first-child{margin-top:.3rem}",
            ".replies{margin-left:.35rem}",
            "blockquote{margin:.5rem 0;padding:.1rem .7rem;border-left:3px solid var(--line);background:var(--quote)}",
            "pre{overflow-x:auto;background:var(--code);padding:.5rem;white-space:pre-wrap}",
            "code{font-family:ui-monospace,'SF Mono',Menlo,Consolas,monospace;font-size:.9em}",
            "@media (max-width:600px){main{padding:.5rem}.c{padding-left:.35rem}.replies{margin-left:.1rem}}",
            "@media print{.c>summary{list-style:none}}");

    private final StringBuilder out = new StringBuilder();

    private HtmlWriter() {
    }

    static String write(ExportStory export) {
        HtmlWriter w = new HtmlWriter();
        w.page(export);
        return w.out.toString();
    }

    private void page(ExportStory export) {
        Story s = export.story();
        ReaderNotes notes = export.notes() == null ? ReaderNotes.NONE : export.notes();
        String title = orDefault(Clean.line(s.title()), "(untitled)");
        out.append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<meta name=\"generator\" content=\"").append(GENERATOR).append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(esc(title)).append(" — ").append(esc(s.site().displayName()))
                .append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");

        out.append("<header class=\"story\">\n<h1>");
        String url = Clean.safeUrl(s.url());
        if (url != null) {
            out.append("<a href=\"").append(esc(url)).append("\" rel=\"noreferrer\">").append(esc(title))
                    .append("</a>");
        } else {
            out.append(esc(title));
        }
        out.append("</h1>\n<p class=\"meta\">").append(esc(s.site().displayName()));
        if (s.author() != null) {
            out.append(" · posted by <bdi class=\"a\">").append(esc(Clean.line(s.author()))).append("</bdi>");
        }
        if (s.posted() != null) {
            time(s.posted());
        }
        String dept = Clean.line(s.department());
        if (dept != null && !dept.isEmpty()) {
            out.append(" · from the <i>").append(esc(dept)).append("</i> dept.");
        }
        if (notes.story() != null && notes.story().starred()) {
            out.append(" · <span class=\"star\">★ starred</span>");
        }
        out.append("</p>\n");
        if (!s.topics().isEmpty()) {
            List<String> topics = new ArrayList<>();
            s.topics().forEach(t -> topics.add(esc(Clean.line(t))));
            out.append("<p class=\"meta\">Topics: ").append(String.join(", ", topics)).append("</p>\n");
        }
        String link = Clean.safeUrl(s.linkUrl());
        if (link != null) {
            out.append("<p class=\"meta\">Link: <a href=\"").append(esc(link)).append("\" rel=\"noreferrer\">")
                    .append(esc(link)).append("</a></p>\n");
        }
        if (s.summaryHtml() != null && !s.summaryHtml().isBlank()) {
            out.append("<div class=\"summary body\">");
            body(s.summaryHtml());
            out.append("</div>\n");
        } else if (s.summaryText() != null && !s.summaryText().isBlank()) {
            out.append("<div class=\"summary body\">");
            textBody(s.summaryText());
            out.append("</div>\n");
        }
        note(notes.story());
        out.append("</header>\n<section class=\"comments\">\n");
        int saved = export.savedCommentCount();
        out.append("<h2>").append(saved).append(saved == 1 ? " comment" : " comments").append("</h2>\n");
        comments(export.comments(), notes);
        out.append("</section>\n");
        out.append("<script type=\"application/json\" id=\"").append(DATA_ID).append("\">")
                .append(DATA_JSON.toJson(data(export))).append("</script>\n");
        out.append("</main>\n</body>\n</html>\n");
    }

    private void comments(List<Comment> comments, ReaderNotes notes) {
        ThreadLayout layout = new ThreadLayout(comments);
        // Each open <details> and whether its replies <div> has been opened; replaces recursion over the tree.
        Deque<boolean[]> open = new ArrayDeque<>();
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            int level = layout.drawnDepth(i);
            while (open.size() >= level) {
                close(open.pop());
            }
            if (!open.isEmpty() && !open.peek()[0]) {
                out.append("<div class=\"replies\">\n");
                open.peek()[0] = true;
            }
            comment(c, layout.answersBeside(i), notes.forComment(c.id()));
            open.push(new boolean[] {false});
        }
        while (!open.isEmpty()) {
            close(open.pop());
        }
    }

    private void close(boolean[] frame) {
        if (frame[0]) {
            out.append("</div>\n");
        }
        out.append("</details>\n");
    }

    private void comment(Comment c, Comment answers, ReaderNotes.Note note) {
        boolean missing = c.completeness() == Completeness.PLACEHOLDER;
        out.append("<details open class=\"c").append(missing ? " missing" : "").append("\" id=\"c-")
                .append(esc(idToken(c.id()))).append("\" data-id=\"").append(esc(Clean.line(c.id())))
                .append("\"><summary>");
        if (answers != null) {
            out.append("↳ reply to <bdi>").append(esc(MarkdownWriter.authorName(answers))).append("</bdi> · ");
        }
        if (missing) {
            out.append("comment not saved; replies to it were</summary>\n");
            return;
        }
        out.append("<bdi class=\"a\">").append(esc(MarkdownWriter.authorName(c))).append("</bdi>");
        String subject = Clean.line(c.subject());
        if (subject != null && !subject.isEmpty()) {
            out.append(" · <bdi class=\"s\">").append(esc(subject)).append("</bdi>");
        }
        if (c.posted() != null) {
            time(c.posted());
        } else if (c.postedText() != null && !Clean.line(c.postedText()).isEmpty()) {
            out.append(" · ").append(esc(Clean.line(c.postedText())));
        }
        String score = MarkdownWriter.scoreText(c);
        if (score != null) {
            out.append(" · ").append(esc(score));
        }
        if (c.postNumber() != null) {
            out.append(" · #").append(c.postNumber());
        }
        if (c.accepted()) {
            out.append(" · ✓ accepted answer");
        }
        if (c.state() != CommentState.NORMAL) {
            out.append(" · [").append(c.state().name().toLowerCase(Locale.ROOT)).append(']');
        }
        if (c.completeness() == Completeness.METADATA_ONLY) {
            out.append(" · <i>body not saved</i>");
        } else if (c.completeness() == Completeness.TRUNCATED || c.completeness() == Completeness.ABBREVIATED) {
            out.append(" · <i>cut short on the saved page</i>");
        }
        if (note != null && note.starred()) {
            out.append(" · <span class=\"star\">★</span>");
        }
        out.append("</summary>\n");
        if (c.completeness().hasBody() && (c.html() != null || c.text() != null)) {
            out.append("<div class=\"body\">");
            if (c.html() != null && !c.html().isBlank()) {
                body(c.html());
            } else {
                textBody(c.text());
            }
            out.append("</div>\n");
        }
        note(note);
    }

    private void time(java.time.Instant instant) {
        out.append(" · <time datetime=\"").append(instant).append("\">").append(Clean.date(instant))
                .append("</time>");
    }

    private void note(ReaderNotes.Note note) {
        if (note == null || note.text() == null || note.text().isBlank()) {
            return;
        }
        out.append("<div class=\"note\">");
        boolean first = true;
        for (BodyBlocks.Block b : BodyBlocks.fromText(note.text())) {
            out.append("<p>").append(first ? "<b>Note:</b> " : "").append(esc(b.text()).replace("\n", "<br>"))
                    .append("</p>");
            first = false;
        }
        out.append("</div>\n");
    }

    private void textBody(String text) {
        for (BodyBlocks.Block b : BodyBlocks.fromText(text)) {
            out.append("<p>").append(esc(b.text()).replace("\n", "<br>")).append("</p>");
        }
    }

    /**
     * Writes safe HTML again through the allow-list, without recursion: kept tags without attributes, links only
     * with a safe {@code href}, text escaped, quotes nested at most {@link ThreadLayout#MAX_DRAWN_DEPTH} deep.
     */
    private void body(String safeHtml) {
        Element root = Jsoup.parseBodyFragment(safeHtml).body();
        Deque<String> closers = new ArrayDeque<>();
        int[] quoteDepth = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(esc(Clean.body(t.getWholeText())));
                    return;
                }
                if (!(node instanceof Element e) || depth == 0) {
                    return;
                }
                String tag = e.normalName();
                String closer = "";
                if (tag.equals("a")) {
                    String href = Clean.safeUrl(e.attr("href"));
                    if (href != null) {
                        out.append("<a href=\"").append(esc(href)).append("\">");
                        closer = "</a>";
                    }
                } else if (tag.equals("blockquote")) {
                    quoteDepth[0]++;
                    if (quoteDepth[0] <= ThreadLayout.MAX_DRAWN_DEPTH) {
                        out.append("<blockquote>");
                        closer = "</blockquote>";
                    }
                    closer = closer + "\u0000q";
                } else if (tag.equals("br")) {
                    out.append("<br>");
                } else if (KEPT.contains(tag)) {
                    out.append('<').append(tag).append('>');
                    closer = "</" + tag + ">";
                }
                closers.push(closer);
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element) || depth == 0) {
                    return;
                }
                String closer = closers.pop();
                if (closer.endsWith("\u0000q")) {
                    quoteDepth[0]--;
                    closer = closer.substring(0, closer.length() - 2);
                }
                out.append(closer);
            }
        }, root);
    }

    /** Everything of the thread but the bodies (which the page holds), for importing the page again. */
    private static JsonObject data(ExportStory export) {
        Story s = export.story();
        JsonObject story = new JsonObject();
        story.addProperty("site", s.site().id());
        story.addProperty("siteStoryId", s.siteStoryId());
        story.addProperty("url", s.url());
        story.addProperty("title", s.title());
        story.addProperty("author", s.author());
        story.addProperty("posted", s.posted() == null ? null : s.posted().toString());
        story.addProperty("department", s.department());
        story.add("topics", strings(s.topics()));
        story.add("tags", strings(s.tags()));
        story.addProperty("declaredCommentCount", s.declaredCommentCount());
        story.addProperty("linkUrl", s.linkUrl());
        JsonArray comments = new JsonArray();
        for (Comment c : export.comments()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", c.id());
            o.addProperty("parentId", c.parentId());
            o.addProperty("author", c.author());
            o.addProperty("authorId", c.authorId());
            o.addProperty("posted", c.posted() == null ? null : c.posted().toString());
            o.addProperty("postedText", c.postedText());
            o.addProperty("score", c.score());
            o.addProperty("label", c.label());
            o.addProperty("subject", c.subject());
            o.addProperty("completeness", c.completeness().name());
            o.addProperty("state", c.state().name());
            if (c.postNumber() != null) {
                o.addProperty("postNumber", c.postNumber());
            }
            if (c.accepted()) {
                o.addProperty("accepted", true);
            }
            comments.add(o);
        }
        JsonObject root = new JsonObject();
        root.addProperty("format", GENERATOR);
        root.add("story", story);
        root.add("comments", comments);
        return root;
    }

    private static JsonArray strings(List<String> list) {
        JsonArray a = new JsonArray();
        list.forEach(a::add);
        return a;
    }

    /** An id usable in {@code id="..."} and fragment links: letters, digits, '-', '_' and '.', others as _xx. */
    static String idToken(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.') {
                sb.append(c);
            } else {
                sb.append('_').append(Integer.toHexString(c));
            }
        }
        return sb.toString();
    }

    private static String orDefault(String s, String fallback) {
        return s == null || s.isEmpty() ? fallback : s;
    }

    /** Escapes text for element content and double- or single-quoted attributes. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(r);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
