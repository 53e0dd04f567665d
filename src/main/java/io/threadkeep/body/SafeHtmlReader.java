package io.threadkeep.body;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads the HTML subset that the importer's {@code SafeHtml} writes back into blocks of styled text, so a reader can lay a body
 * out natively (no browser engine, nothing loaded). Unknown tags contribute their text only; nothing of the input
 * can name a resource, since the only attribute read is {@code href}, and only of links that {@link SafeLinks}
 * accepts.
 */
public final class SafeHtmlReader {

    /** Style bits of a span. */
    public static final int BOLD = 1;
    public static final int ITALIC = 2;
    public static final int CODE = 4;
    public static final int UNDERLINE = 8;
    public static final int STRIKE = 16;
    public static final int SMALL = 32;
    public static final int SUPERSCRIPT = 64;
    public static final int SUBSCRIPT = 128;

    /** What kind of block a run of spans forms. */
    public enum BlockKind { PARAGRAPH, PREFORMATTED, LIST_ITEM }

    /**
     * A run of text with one style.
     *
     * @param text  the text; may contain {@code \n} for line breaks
     * @param style OR of the style bits above
     * @param href  the link target when the span is (part of) a link, else null
     */
    public record Span(String text, int style, String href) {
        public boolean has(int bit) {
            return (style & bit) != 0;
        }
    }

    /**
     * One block of a body.
     *
     * @param kind       paragraph, preformatted code, or a list item
     * @param quoteDepth how many quote blocks it sits in (0 = not quoted)
     * @param listDepth  how many lists it sits in
     * @param bullet     the item's marker ("•", "3.") for list items, else null
     * @param spans      its text
     */
    public record Block(BlockKind kind, int quoteDepth, int listDepth, String bullet, List<Span> spans) {
        public Block {
            spans = List.copyOf(spans);
        }

        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Span span : spans) {
                sb.append(span.text());
            }
            return sb.toString();
        }
    }

    private SafeHtmlReader() {
    }

    /** The blocks of a safe HTML body; an empty list for null or empty input. */
    public static List<Block> read(String safeHtml) {
        if (safeHtml == null || safeHtml.isBlank()) {
            return List.of();
        }
        Element body = Jsoup.parseBodyFragment(safeHtml).body();
        Walker walker = new Walker();
        walker.walk(body);
        walker.endBlock();
        return walker.blocks;
    }

    private static final class Walker {
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
        private BlockKind kind = BlockKind.PARAGRAPH;
        private String bullet;
        private final List<int[]> listCounters = new ArrayList<>();

        /** Nodes still to visit and, between them, the closing work of the elements they sit in. */
        private final Deque<Object> work = new ArrayDeque<>();

        /** Visits the children of {@code root} with an explicit stack, so no nesting depth can exhaust the stack. */
        void walk(Element root) {
            pushChildren(root);
            while (!work.isEmpty()) {
                Object next = work.pop();
                if (next instanceof Runnable close) {
                    close.run();
                } else {
                    node((Node) next);
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

        private void node(Node node) {
            if (node instanceof TextNode t) {
                if (preDepth > 0) {
                    append(t.getWholeText());
                } else {
                    String text = collapse(t.getWholeText());
                    if (!text.isEmpty() && text.charAt(0) == ' ' && afterSpaceOrLineStart()) {
                        text = text.substring(1);
                    }
                    append(text);
                }
            } else if (node instanceof Element e) {
                element(e);
            }
        }

        private void element(Element e) {
            switch (e.normalName()) {
                case "br" -> append("\n");
                case "p", "div" -> {
                    endBlock();
                    children(e, this::endBlock);
                }
                case "blockquote" -> {
                    endBlock();
                    quoteDepth++;
                    children(e, () -> {
                        endBlock();
                        quoteDepth--;
                    });
                }
                case "pre" -> {
                    endBlock();
                    preDepth++;
                    kind = BlockKind.PREFORMATTED;
                    children(e, () -> {
                        endBlock();
                        preDepth--;
                    });
                }
                case "ul", "ol" -> {
                    endBlock();
                    listDepth++;
                    listCounters.add(new int[] {e.normalName().equals("ol") ? 1 : 0});
                    children(e, () -> {
                        endBlock();
                        listCounters.remove(listCounters.size() - 1);
                        listDepth--;
                    });
                }
                case "li" -> {
                    endBlock();
                    int[] counter = listCounters.isEmpty() ? new int[] {0} : listCounters.get(listCounters.size() - 1);
                    kind = BlockKind.LIST_ITEM;
                    bullet = counter[0] > 0 ? (counter[0]++) + "." : "•";
                    children(e, this::endBlock);
                }
                case "a" -> {
                    String target = SafeLinks.safeHref(e);
                    String outer = href;
                    href = target != null ? target : outer;
                    children(e, () -> href = outer);
                }
                default -> styled(e, styleOf(e.normalName()));
            }
        }

        private static int styleOf(String tag) {
            return switch (tag) {
                case "b", "strong" -> BOLD;
                case "i", "em", "cite", "var" -> ITALIC;
                case "code", "tt", "kbd", "samp" -> CODE;
                case "u", "ins" -> UNDERLINE;
                case "s", "strike", "del" -> STRIKE;
                case "small" -> SMALL;
                case "sup" -> SUPERSCRIPT;
                case "sub" -> SUBSCRIPT;
                default -> 0;
            };
        }

        private void styled(Element e, int bits) {
            int outer = style;
            style |= bits;
            children(e, () -> style = outer);
        }

        private boolean afterSpaceOrLineStart() {
            char last;
            if (pending.length() > 0) {
                last = pending.charAt(pending.length() - 1);
            } else if (spans.isEmpty()) {
                return true;
            } else {
                String text = spans.get(spans.size() - 1).text();
                last = text.charAt(text.length() - 1);
            }
            return last == '\n' || last == ' ';
        }

        private void append(String text) {
            if (text.isEmpty()) {
                return;
            }
            int effective = preDepth > 0 ? style | CODE : style;
            if (pending.length() > 0 && (effective != pendingStyle || !java.util.Objects.equals(href, pendingHref))) {
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
            trimBlock();
            if (!spans.isEmpty()) {
                blocks.add(new Block(kind, quoteDepth, listDepth, kind == BlockKind.LIST_ITEM ? bullet : null, spans));
            }
            spans = new ArrayList<>();
            kind = preDepth > 0 ? BlockKind.PREFORMATTED : BlockKind.PARAGRAPH;
            bullet = null;
        }

        /** Drops blank lines and spaces at the ends of a block, which only come from the markup's layout. */
        private void trimBlock() {
            if (kind == BlockKind.PREFORMATTED) {
                while (!spans.isEmpty() && spans.get(spans.size() - 1).text().isBlank()) {
                    spans.remove(spans.size() - 1);
                }
                if (!spans.isEmpty()) {
                    Span last = spans.get(spans.size() - 1);
                    spans.set(spans.size() - 1, new Span(last.text().stripTrailing(), last.style(), last.href()));
                }
                return;
            }
            while (!spans.isEmpty() && spans.get(0).text().isBlank()) {
                spans.remove(0);
            }
            while (!spans.isEmpty() && spans.get(spans.size() - 1).text().isBlank()) {
                spans.remove(spans.size() - 1);
            }
            if (!spans.isEmpty()) {
                Span first = spans.get(0);
                spans.set(0, new Span(first.text().stripLeading(), first.style(), first.href()));
                Span last = spans.get(spans.size() - 1);
                spans.set(spans.size() - 1, new Span(last.text().stripTrailing(), last.style(), last.href()));
            }
        }

        private static String collapse(String s) {
            StringBuilder out = new StringBuilder(s.length());
            boolean space = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                    if (!space) {
                        out.append(' ');
                    }
                    space = true;
                } else {
                    out.append(c);
                    space = false;
                }
            }
            return out.toString();
        }
    }
}
