package io.threadkeep.bench.gen;

import java.util.List;

/**
 * A generated comment or summary body, kept as blocks so each site writer can render it in that site's own
 * markup (Slashdot's {@code div.quote}, Hacker News' bare first paragraph, Reddit's {@code div.md}...).
 */
public record Body(List<Block> blocks) {

    public Body {
        blocks = List.copyOf(blocks);
    }

    /** One block of a body. */
    public sealed interface Block permits Paragraph, Quote, Code {
    }

    /** A paragraph of inline parts. */
    public record Paragraph(List<Inline> parts) implements Block {
        public Paragraph {
            parts = List.copyOf(parts);
        }
    }

    /** Text quoted from the parent comment. */
    public record Quote(String text) implements Block {
    }

    /** A preformatted code snippet. */
    public record Code(String text) implements Block {
    }

    /** A run inside a paragraph. */
    public sealed interface Inline permits Words, Link, Emphasis {
        /** The visible text of the run. */
        String text();
    }

    public record Words(String text) implements Inline {
    }

    public record Link(String url, String label) implements Inline {
        @Override
        public String text() {
            return label;
        }
    }

    public record Emphasis(String text) implements Inline {
    }

    /** The body as plain text, blocks separated by blank lines: what the floor benchmark stores per row. */
    public String plainText() {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            if (block instanceof Paragraph p) {
                for (Inline part : p.parts()) {
                    out.append(part.text());
                }
            } else if (block instanceof Quote q) {
                out.append(q.text());
            } else if (block instanceof Code c) {
                out.append(c.text());
            }
        }
        return out.toString();
    }
}
