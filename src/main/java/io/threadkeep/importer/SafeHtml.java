package io.threadkeep.importer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import io.threadkeep.body.SafeLinks;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reduces a comment or summary body to the small HTML subset the reader renders (paragraphs, emphasis, links,
 * quote blocks, lists, code) and to plain text. Everything that could run, load or track (scripts, styles,
 * images, frames, forms, event attributes) is dropped; only {@code href} survives, and only for http(s). The output HTML uses no attributes other than {@code href}.
 */
public final class SafeHtml {

    /** A body as safe HTML and as plain text. */
    public record Body(String html, String text) {
        public boolean isEmpty() {
            return text.isBlank();
        }
    }

    private static final Set<String> DROPPED_WITH_CONTENT = Set.of(
            "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
            "video", "audio", "canvas", "form", "input", "button", "select", "textarea", "template", "head", "title",
            "link", "meta", "base", "img", "picture", "source", "map", "area");
    private static final Set<String> INLINE_KEPT = Set.of(
            "i", "b", "em", "strong", "u", "s", "strike", "del", "ins", "code", "tt", "sup", "sub", "small", "big");
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "blockquote", "ul", "ol", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
            "dl", "dt", "dd", "hr", "center", "section", "article", "header", "footer", "figure", "address", "details",
            "summary", "td", "th");

    /**
     * How many kept elements may nest in a body. Real comments nest quotes a handful deep; past this, deeper
     * markup is kept as its text (an attack page nests thousands of levels to break whatever walks it).
     */
    static final int MAX_NESTING = 64;

    private static final Runnable NOTHING = () -> { };

    private SafeHtml() {
    }

    /** Cleans the children of {@code root} (the root element itself is not part of the body). */
    public static Body clean(Element root) {
        Writer writer = new Writer();
        writer.walk(root);
        return writer.finish();
    }

    /** Cleans a fragment of HTML given as text, resolving relative links against {@code baseUri}. */
    public static Body cleanFragment(String html, String baseUri) {
        Element holder = org.jsoup.Jsoup.parseBodyFragment(html == null ? "" : html, baseUri == null ? "" : baseUri)
                .body();
        return clean(holder);
    }

    /** Collapses runs of whitespace to single spaces and trims; null stays null. */
    public static String squash(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final class Writer {
        private final StringBuilder html = new StringBuilder();
        private final StringBuilder text = new StringBuilder();
        /** Nodes still to visit and, between them, the closing work of the elements they sit in. */
        private final Deque<Object> work = new ArrayDeque<>();
        private int preDepth;
        /** How many kept elements (tags written to the output) the walk is inside. */
        private int nesting;
        /** Pending line breaks to put into the text before the next visible character. */
        private int pendingBreaks;
        private boolean pendingSpace;
        private boolean inParagraph;

        /**
         * Visits the children of {@code root} with an explicit stack: a comment nesting thousands of elements deep
         * must not exhaust the thread's stack.
         */
        void walk(Element root) {
            pushChildren(root);
            while (!work.isEmpty()) {
                Object next = work.pop();
                if (next instanceof Runnable close) {
                    close.run();
                } else if (next instanceof TextNode t) {
                    text(t.getWholeText());
                } else if (next instanceof Element e) {
                    element(e);
                }
            }
        }

        private void pushChildren(Element e) {
            List<Node> children = e.childNodes();
            for (int i = children.size() - 1; i >= 0; i--) {
                work.push(children.get(i));
            }
        }

        /** Visits the children of {@code e}, then runs {@code close}. */
        private void children(Element e, Runnable close) {
            work.push(close);
            pushChildren(e);
        }

        /** Visits the children of a kept element: one level deeper, and {@code close} after them. */
        private void keptChildren(Element e, Runnable close) {
            nesting++;
            children(e, () -> {
                nesting--;
                close.run();
            });
        }

        private void element(Element e) {
            String tag = e.normalName();
            if (DROPPED_WITH_CONTENT.contains(tag)) {
                return;
            }
            if (tag.equals("br")) {
                html.append("<br>");
                // Unlike block edges, line breaks add up: <br><br> is how old comments separate paragraphs.
                pendingBreaks = Math.min(2, pendingBreaks + 1);
                pendingSpace = false;
                return;
            }
            if (nesting >= MAX_NESTING) {
                // Past any nesting a reader can follow, the markup is kept as text: blocks still break lines.
                boolean isBlock = BLOCKS.contains(tag) || isQuote(e);
                if (isBlock) {
                    lineBreak(1);
                }
                children(e, isBlock ? () -> lineBreak(1) : NOTHING);
                return;
            }
            if (tag.equals("a")) {
                String href = SafeLinks.safeHref(e);
                if (href != null) {
                    html.append("<a href=\"").append(Entities.escape(href)).append("\">");
                    keptChildren(e, () -> html.append("</a>"));
                } else {
                    children(e, NOTHING);
                }
                return;
            }
            if (INLINE_KEPT.contains(tag)) {
                String out = switch (tag) {
                    case "strike", "del" -> "s";
                    case "tt" -> "code";
                    case "ins" -> "u";
                    case "big" -> "b";
                    default -> tag;
                };
                html.append('<').append(out).append('>');
                keptChildren(e, () -> html.append("</").append(out).append('>'));
                return;
            }
            if (isQuote(e)) {
                block("blockquote", e, 2, "", "", NOTHING);
                return;
            }
            switch (tag) {
                case "p" -> block("p", e, 2, "", "", NOTHING);
                case "ul", "ol" -> block(tag, e, 1, "", "", NOTHING);
                case "li" -> block("li", e, 1, "", "", NOTHING);
                case "pre" -> {
                    preDepth++;
                    block("pre", e, 2, "", "", () -> preDepth--);
                }
                case "h1", "h2", "h3", "h4", "h5", "h6" -> block("p", e, 2, "<b>", "</b>", NOTHING);
                case "hr" -> lineBreak(2);
                default -> {
                    if (BLOCKS.contains(tag)) {
                        lineBreak(1);
                        children(e, () -> lineBreak(1));
                    } else {
                        children(e, NOTHING);
                    }
                }
            }
        }

        private boolean isQuote(Element e) {
            if (e.normalName().equals("blockquote") || e.normalName().equals("q")) {
                return e.normalName().equals("blockquote");
            }
            return e.normalName().equals("div") && (e.hasClass("quote") || e.hasClass("blockquote"));
        }

        private void block(String tag, Element e, int breaks, String innerOpen, String innerClose, Runnable after) {
            boolean wasInParagraph = inParagraph;
            if (inParagraph && !tag.equals("li")) {
                // HTML cannot nest blocks inside <p>; close it so the output stays well-formed.
                html.append("</p>");
                inParagraph = false;
            }
            lineBreak(breaks);
            html.append('<').append(tag).append('>').append(innerOpen);
            if (tag.equals("p")) {
                inParagraph = true;
            }
            keptChildren(e, () -> {
                html.append(innerClose).append("</").append(tag).append('>');
                if (tag.equals("p")) {
                    inParagraph = false;
                }
                if (wasInParagraph && !tag.equals("li")) {
                    html.append("<p>");
                    inParagraph = true;
                }
                lineBreak(breaks);
                after.run();
            });
        }

        private void text(String whole) {
            if (preDepth > 0) {
                html.append(Entities.escape(whole));
                if (!whole.isEmpty()) {
                    flushBreaks();
                    text.append(whole);
                }
                return;
            }
            // Outside <pre>, whitespace runs are one space (as a browser shows them); leading/trailing space is
            // kept only as a separator between words of neighbouring nodes.
            String raw = whole;
            boolean leadingSpace = !raw.isEmpty() && isSpace(raw.charAt(0));
            boolean trailingSpace = !raw.isEmpty() && isSpace(raw.charAt(raw.length() - 1));
            String core = squash(raw);
            html.append(Entities.escape(raw.isBlank() ? (raw.isEmpty() ? "" : " ") : squashKeepEnds(raw)));
            if (core.isEmpty()) {
                if (leadingSpace || trailingSpace) {
                    pendingSpace = true;
                }
                return;
            }
            if (leadingSpace) {
                pendingSpace = true;
            }
            if (pendingBreaks > 0 && text.length() > 0) {
                flushBreaks();
            } else if (pendingSpace && text.length() > 0 && !endsWithSpace(text)) {
                text.append(' ');
            }
            pendingBreaks = 0;
            pendingSpace = trailingSpace;
            text.append(core);
        }

        private static String squashKeepEnds(String raw) {
            String core = squash(raw);
            boolean lead = isSpace(raw.charAt(0));
            boolean trail = isSpace(raw.charAt(raw.length() - 1));
            return (lead ? " " : "") + core + (trail && !core.isEmpty() ? " " : "");
        }

        private static boolean isSpace(char c) {
            return Character.isWhitespace(c) || c == '\u00A0';
        }

        private static boolean endsWithSpace(StringBuilder sb) {
            return sb.length() > 0 && isSpace(sb.charAt(sb.length() - 1));
        }

        private void lineBreak(int n) {
            pendingBreaks = Math.max(pendingBreaks, n);
            pendingSpace = false;
        }

        private void flushBreaks() {
            if (text.length() == 0) {
                pendingBreaks = 0;
                return;
            }
            // trim trailing spaces of the current line before breaking
            while (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
                text.setLength(text.length() - 1);
            }
            for (int i = 0; i < pendingBreaks; i++) {
                text.append('\n');
            }
            pendingBreaks = 0;
        }

        Body finish() {
            if (inParagraph) {
                html.append("</p>");
            }
            String t = text.toString().strip();
            // collapse 3+ newlines that nested blocks can leave
            t = t.replaceAll("\n{3,}", "\n\n").replaceAll("[ \\t]+\n", "\n");
            String h = html.toString().strip().replace("<p></p>", "");
            return new Body(h, t);
        }
    }
}
