package io.threadkeep.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a body in the archive's safe HTML subset into blocks of styled text for the text formats (Markdown, mail).
 * It walks the markup without recursion, so a body of 10,000 nested quotes costs time, not stack. Only {@code href}
 * of http(s) links is read (the archive's one link rule, {@code model.WebLinks}); everything else contributes its text.
 */
final class BodyBlocks {

    static final int BOLD = 1;
    static final int ITALIC = 2;
    static final int CODE = 4;
    static final int STRIKE = 8;

    enum Kind { PARAGRAPH, PREFORMATTED, LIST_ITEM }

    /** A run of text in one style; {@code text} may hold {@code \n} for a line break. */
    record Span(String text, int style, String href) {
        boolean has(int bit) {
            return (style & bit) != 0;
        }
    }

    /**
     * One block.
     *
     * @param quoteDepth how many quotes it sits in
     * @param listDepth  how many lists it sits in
     * @param bullet     "1." for an item of an ordered list, "" for other list items, null outside lists
     */
    record Block(Kind kind, int quoteDepth, int listDepth, String bullet, List<Span> spans) {
        String text() {
            StringBuilder sb = new StringBuilder();
            spans.forEach(s -> sb.append(s.text()));
            return sb.toString();
        }
    }

    private BodyBlocks() {
    }

    static List<Block> read(String safeHtml) {
        if (safeHtml == null || safeHtml.isBlank()) {
            return List.of();
        }
        Element body = Jsoup.parseBodyFragment(safeHtml).body();
        Walker walker = new Walker();
        NodeTraversor.traverse(walker, body);
        walker.endBlock();
        return walker.blocks;
    }

    /** Plain text of a body given as plain text (no markup): one paragraph per blank-line-separated run. */
    static List<Block> fromText(String text) {
        List<Block> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String para : Clean.body(text).split("\n\\s*\n")) {
            if (!para.isBlank()) {
                out.add(new Block(Kind.PARAGRAPH, 0, 0, null, List.of(new Span(para.strip(), 0, null))));
            }
        }
        return out;
    }

    private static final class Walker implements NodeVisitor {
        final List<Block> blocks = new ArrayList<>();
        private List<Span> spans = new ArrayList<>();
        private final StringBuilder pending = new StringBuilder();
        private int pendingStyle;
        private String pendingHref;
        private int style;
        private String href;
        private int quoteDepth;
        private int listDepth;
        private int preDepth;
        private Kind kind = Kind.PARAGRAPH;
        private String bullet;
        private final Deque<int[]> listCounters = new ArrayDeque<>();
        /** The style and link in force outside each open element, restored when it ends. */
        private final Deque<Object[]> outer = new ArrayDeque<>();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                text(t.getWholeText());
                return;
            }
            if (!(node instanceof Element e) || depth == 0) {
                return;
            }
            outer.push(new Object[] {style, href});
            switch (e.normalName()) {
                case "br" -> append("\n");
                case "p", "div" -> endBlock();
                case "blockquote" -> {
                    endBlock();
                    quoteDepth++;
                }
                case "pre" -> {
                    endBlock();
                    preDepth++;
                    kind = Kind.PREFORMATTED;
                }
                case "ul", "ol" -> {
                    endBlock();
                    listDepth++;
                    listCounters.push(new int[] {e.normalName().equals("ol") ? 1 : 0});
                }
                case "li" -> {
                    endBlock();
                    int[] counter = listCounters.isEmpty() ? new int[] {0} : listCounters.peek();
                    kind = Kind.LIST_ITEM;
                    bullet = counter[0] > 0 ? (counter[0]++) + "." : "";
                }
                case "a" -> {
                    String target = Clean.safeUrl(e.attr("href"));
                    if (target != null) {
                        href = target;
                    }
                }
                default -> style |= styleOf(e.normalName());
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e) || depth == 0) {
                return;
            }
            switch (e.normalName()) {
                case "p", "div", "li" -> endBlock();
                case "blockquote" -> {
                    endBlock();
                    quoteDepth--;
                }
                case "pre" -> {
                    endBlock();
                    preDepth--;
                    kind = preDepth > 0 ? Kind.PREFORMATTED : Kind.PARAGRAPH;
                }
                case "ul", "ol" -> {
                    endBlock();
                    listDepth--;
                    listCounters.pop();
                }
                default -> {
                }
            }
            Object[] saved = outer.pop();
            style = (Integer) saved[0];
            href = (String) saved[1];
        }

        private static int styleOf(String tag) {
            return switch (tag.toLowerCase(Locale.ROOT)) {
                case "b", "strong" -> BOLD;
                case "i", "em", "cite", "var" -> ITALIC;
                case "code", "tt", "kbd", "samp" -> CODE;
                case "s", "strike", "del" -> STRIKE;
                default -> 0;
            };
        }

        private void text(String raw) {
            String whole = Clean.body(raw);
            if (preDepth > 0) {
                append(whole);
                return;
            }
            StringBuilder out = new StringBuilder(whole.length());
            boolean space = false;
            for (int i = 0; i < whole.length(); i++) {
                char c = whole.charAt(i);
                if (c == ' ' || c == '\n' || c == '\t' || c == '\f') {
                    if (!space) {
                        out.append(' ');
                    }
                    space = true;
                } else {
                    out.append(c);
                    space = false;
                }
            }
            String text = out.toString();
            if (!text.isEmpty() && text.charAt(0) == ' ' && afterSpaceOrLineStart()) {
                text = text.substring(1);
            }
            append(text);
        }

        private boolean afterSpaceOrLineStart() {
            char last;
            if (pending.length() > 0) {
                last = pending.charAt(pending.length() - 1);
            } else if (spans.isEmpty()) {
                return true;
            } else {
                String t = spans.get(spans.size() - 1).text();
                last = t.charAt(t.length() - 1);
            }
            return last == '\n' || last == ' ';
        }

        private void append(String text) {
            if (text.isEmpty()) {
                return;
            }
            int effective = preDepth > 0 ? style | CODE : style;
            if (pending.length() > 0 && (effective != pendingStyle || !Objects.equals(href, pendingHref))) {
                flushSpan();
            }
            pendingStyle = effective;
            pendingHref = href;
            pending.append(text);
        }

        private void flushSpan() {
            if (pending.length() > 0) {
                spans.add(new Span(pending.toString(), pendingStyle, pendingHref));
                pending.setLength(0);
            }
        }

        void endBlock() {
            flushSpan();
            trim();
            if (!spans.isEmpty()) {
                blocks.add(new Block(kind, quoteDepth, listDepth, kind == Kind.LIST_ITEM ? bullet : null,
                        List.copyOf(spans)));
            }
            spans = new ArrayList<>();
            kind = preDepth > 0 ? Kind.PREFORMATTED : Kind.PARAGRAPH;
            bullet = null;
        }

        /** Blank lines and spaces at a block's ends come from the markup's layout, not from the writer. */
        private void trim() {
            while (!spans.isEmpty() && spans.get(spans.size() - 1).text().isBlank()) {
                spans.remove(spans.size() - 1);
            }
            if (kind != Kind.PREFORMATTED) {
                while (!spans.isEmpty() && spans.get(0).text().isBlank()) {
                    spans.remove(0);
                }
                if (!spans.isEmpty()) {
                    Span first = spans.get(0);
                    spans.set(0, new Span(first.text().stripLeading(), first.style(), first.href()));
                }
            } else {
                while (!spans.isEmpty() && spans.get(0).text().strip().isEmpty()) {
                    spans.remove(0);
                }
            }
            if (!spans.isEmpty()) {
                Span last = spans.get(spans.size() - 1);
                spans.set(spans.size() - 1, new Span(last.text().stripTrailing(), last.style(), last.href()));
            }
        }
    }
}
