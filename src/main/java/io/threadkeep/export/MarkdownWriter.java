package io.threadkeep.export;

import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.Story;
import java.util.ArrayList;
import java.util.List;

/**
 * One story as CommonMark that reads well on GitHub and in Obsidian: a header, the summary, then the comment tree
 * as nested lists (marker {@code -}; lists inside bodies use {@code *} and numbers), each comment headed by its
 * author, subject, date, score and label. Quotes, links and code of the bodies are kept; no raw HTML is written,
 * and every character of archived text that Markdown (or Obsidian) would read as syntax is escaped, so no text can
 * leave its place. Nesting stops at {@link ThreadLayout#MAX_DRAWN_DEPTH} levels.
 */
final class MarkdownWriter {

    /** Characters escaped wherever they appear in text: CommonMark syntax plus Obsidian's (==, %%, $, [[ ]]). */
    private static final String ALWAYS_ESCAPED = "\\`*_[]<>!#|~&%=$";

    private final StringBuilder out = new StringBuilder();

    private MarkdownWriter() {
    }

    static String write(ExportStory export) {
        MarkdownWriter w = new MarkdownWriter();
        w.story(export);
        return w.out.toString();
    }

    private void story(ExportStory export) {
        Story s = export.story();
        ReaderNotes notes = export.notes() == null ? ReaderNotes.NONE : export.notes();
        String title = Clean.line(s.title());
        out.append("# ").append(title == null || title.isEmpty() ? "(untitled)" : escape(title)).append("\n\n");

        List<String> meta = new ArrayList<>();
        meta.add("**" + escape(s.site().displayName()) + "**");
        if (s.author() != null) {
            meta.add("posted by **" + escape(Clean.line(s.author())) + "**");
        }
        if (s.posted() != null) {
            meta.add(Clean.date(s.posted()));
        }
        if (s.department() != null && !Clean.line(s.department()).isEmpty()) {
            meta.add("from the *" + escape(Clean.line(s.department())) + "* dept.");
        }
        if (notes.story() != null && notes.story().starred()) {
            meta.add("★ starred");
        }
        out.append(String.join(" · ", meta)).append("\n\n");
        if (!s.topics().isEmpty()) {
            List<String> topics = new ArrayList<>();
            s.topics().forEach(t -> topics.add(escape(Clean.line(t))));
            out.append("Topics: ").append(String.join(", ", topics)).append("\n\n");
        }
        link("Source", s.url());
        link("Link", s.linkUrl());
        blocks(bodyOf(s.summaryHtml(), s.summaryText()), "");
        noteText(notes.story(), "");
        out.append("---\n\n");
        int saved = export.savedCommentCount();
        out.append("## ").append(saved).append(saved == 1 ? " comment" : " comments").append("\n\n");
        comments(export, notes);
    }

    private void link(String label, String url) {
        if (url == null) {
            return;
        }
        String safe = Clean.safeUrl(url);
        out.append(label).append(": ");
        if (safe != null) {
            out.append('<').append(autolinkTarget(safe)).append('>');
        } else {
            out.append(escape(Clean.line(url)));
        }
        out.append("\n\n");
    }

    private void comments(ExportStory export, ReaderNotes notes) {
        List<Comment> comments = export.comments();
        ThreadLayout layout = new ThreadLayout(comments);
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            int level = layout.drawnDepth(i);
            String indent = "  ".repeat(level - 1);
            out.append(indent).append("- ").append(header(c, layout.answersBeside(i), notes.forComment(c.id())))
                    .append("\n\n");
            String content = indent + "  ";
            blocks(c.completeness().hasBody() ? bodyOf(c.html(), c.text()) : List.of(), content);
            noteText(notes.forComment(c.id()), content);
        }
    }

    private static String header(Comment c, Comment answers, ReaderNotes.Note note) {
        List<String> parts = new ArrayList<>();
        if (answers != null) {
            parts.add("↳ reply to **" + escape(authorName(answers)) + "**");
        }
        if (c.completeness() == Completeness.PLACEHOLDER) {
            parts.add("*(comment not saved; replies to it were)*");
            return String.join(" · ", parts);
        }
        parts.add("**" + escape(authorName(c)) + "**");
        String subject = Clean.line(c.subject());
        if (subject != null && !subject.isEmpty()) {
            parts.add("*" + escape(subject) + "*");
        }
        if (c.posted() != null) {
            parts.add(Clean.date(c.posted()));
        } else if (c.postedText() != null && !Clean.line(c.postedText()).isEmpty()) {
            parts.add(escape(Clean.line(c.postedText())));
        }
        String score = scoreText(c);
        if (score != null) {
            parts.add(escape(score));
        }
        if (c.postNumber() != null) {
            parts.add("\\#" + c.postNumber());
        }
        if (c.accepted()) {
            parts.add("✓ accepted answer");
        }
        if (c.state() != CommentState.NORMAL) {
            parts.add("\\[" + c.state().name().toLowerCase(java.util.Locale.ROOT) + "\\]");
        }
        if (c.completeness() == Completeness.METADATA_ONLY) {
            parts.add("*(body not saved)*");
        } else if (c.completeness() == Completeness.TRUNCATED || c.completeness() == Completeness.ABBREVIATED) {
            parts.add("*(cut short on the saved page)*");
        }
        if (note != null && note.starred()) {
            parts.add("★");
        }
        return String.join(" · ", parts);
    }

    static String authorName(Comment c) {
        if (c.completeness() == Completeness.PLACEHOLDER) {
            return "(not saved)";
        }
        String name = Clean.line(c.author());
        return name == null || name.isEmpty() ? "Anonymous" : name;
    }

    /** "Score: 5, Insightful", "5 points", or null. */
    static String scoreText(Comment c) {
        String label = Clean.line(c.label());
        boolean hasLabel = label != null && !label.isEmpty();
        if (c.score() == null) {
            return hasLabel ? label : null;
        }
        return "Score: " + c.score() + (hasLabel ? ", " + label : "");
    }

    private void noteText(ReaderNotes.Note note, String prefix) {
        if (note == null || note.text() == null || note.text().isBlank()) {
            return;
        }
        List<BodyBlocks.Block> blocks = BodyBlocks.fromText(note.text());
        if (!blocks.isEmpty()) {
            BodyBlocks.Block first = blocks.get(0);
            List<BodyBlocks.Span> spans = new ArrayList<>();
            spans.add(new BodyBlocks.Span("Note:", BodyBlocks.BOLD, null));
            spans.add(new BodyBlocks.Span(" ", 0, null));
            spans.addAll(first.spans());
            List<BodyBlocks.Block> all = new ArrayList<>();
            all.add(new BodyBlocks.Block(first.kind(), 1, 0, null, spans));
            for (int i = 1; i < blocks.size(); i++) {
                BodyBlocks.Block b = blocks.get(i);
                all.add(new BodyBlocks.Block(b.kind(), 1, 0, null, b.spans()));
            }
            blocks(all, prefix);
        }
    }

    static List<BodyBlocks.Block> bodyOf(String html, String text) {
        if (html != null && !html.isBlank()) {
            return BodyBlocks.read(html);
        }
        return BodyBlocks.fromText(text);
    }

    // ------------------------------------------------------------------------------------------------ blocks

    private void blocks(List<BodyBlocks.Block> blocks, String base) {
        for (int bi = 0; bi < blocks.size(); bi++) {
            BodyBlocks.Block b = blocks.get(bi);
            String quote = "> ".repeat(Math.min(b.quoteDepth(), ThreadLayout.MAX_DRAWN_DEPTH));
            String prefix = base + quote;
            if (b.kind() == BodyBlocks.Kind.PREFORMATTED) {
                code(b.text(), prefix);
            } else if (b.kind() == BodyBlocks.Kind.LIST_ITEM) {
                String listIndent = "   ".repeat(Math.max(0, Math.min(b.listDepth(), ThreadLayout.MAX_DRAWN_DEPTH) - 1));
                String marker = b.bullet() == null || b.bullet().isEmpty() ? "* " : b.bullet() + " ";
                paragraph(b.spans(), prefix + listIndent, marker);
            } else {
                paragraph(b.spans(), prefix, "");
            }
            // A blank line ends the block; it keeps the quote markers both blocks share, so neighbouring quoted
            // blocks stay one quote and an unquoted reply after a quote leaves it.
            int next = bi + 1 < blocks.size() ? blocks.get(bi + 1).quoteDepth() : 0;
            int shared = Math.min(Math.min(b.quoteDepth(), next), ThreadLayout.MAX_DRAWN_DEPTH);
            out.append((base + "> ".repeat(shared)).stripTrailing()).append('\n');
        }
    }

    private void code(String text, String prefix) {
        String fence = "`".repeat(Math.max(3, longestRun(text, '`') + 1));
        out.append(prefix).append(fence).append('\n');
        for (String line : text.split("\n", -1)) {
            out.append(prefix).append(line.replace("\t", "    ")).append('\n');
        }
        out.append(prefix).append(fence).append('\n');
    }

    /**
     * Writes a paragraph: line breaks become hard breaks, an empty line starts a new paragraph, and each line
     * starts with {@code prefix} so the text stays inside its comment and quote.
     */
    private void paragraph(List<BodyBlocks.Span> spans, String prefix, String marker) {
        List<StringBuilder> lines = new ArrayList<>();
        lines.add(new StringBuilder());
        for (BodyBlocks.Span span : spans) {
            String[] parts = span.text().split("\n", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    lines.add(new StringBuilder());
                }
                lines.get(lines.size() - 1).append(styled(parts[i], span));
            }
        }
        String continuation = " ".repeat(marker.length());
        List<String> kept = new ArrayList<>();
        List<Boolean> breakBefore = new ArrayList<>();
        boolean pendingBreak = false;
        for (StringBuilder raw : lines) {
            String line = lineStart(raw.toString().strip());
            if (line.isEmpty()) {
                pendingBreak = !kept.isEmpty();
                continue;
            }
            kept.add(line);
            breakBefore.add(pendingBreak);
            pendingBreak = false;
        }
        for (int j = 0; j < kept.size(); j++) {
            if (j > 0) {
                if (breakBefore.get(j)) {
                    out.append('\n').append((prefix + continuation).stripTrailing()).append('\n');
                } else {
                    out.append("\\\n");
                }
            }
            out.append(prefix).append(j == 0 ? marker : continuation).append(kept.get(j));
        }
        if (!kept.isEmpty()) {
            out.append('\n');
        }
    }

    private static String styled(String text, BodyBlocks.Span span) {
        if (text.isEmpty()) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        String lead = start > 0 ? " " : "";
        String trail = end < text.length() ? " " : "";
        String core = text.substring(start, end);
        if (core.isEmpty()) {
            return lead.isEmpty() ? trail : lead;
        }
        String inner;
        if (span.has(BodyBlocks.CODE)) {
            inner = codeSpan(core);
        } else {
            inner = escape(core);
            if (span.has(BodyBlocks.STRIKE)) {
                inner = "~~" + inner + "~~";
            }
            if (span.has(BodyBlocks.ITALIC)) {
                inner = "*" + inner + "*";
            }
            if (span.has(BodyBlocks.BOLD)) {
                inner = "**" + inner + "**";
            }
        }
        if (span.href() != null) {
            inner = "[" + inner + "](<" + autolinkTarget(span.href()) + ">)";
        }
        return lead + inner + trail;
    }

    private static String codeSpan(String core) {
        String ticks = "`".repeat(longestRun(core, '`') + 1);
        boolean pad = core.startsWith("`") || core.endsWith("`") || (core.startsWith(" ") && core.endsWith(" "));
        return ticks + (pad ? " " : "") + core + (pad ? " " : "") + ticks;
    }

    private static int longestRun(String s, char c) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    /** Escapes text so CommonMark and Obsidian show it literally. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ALWAYS_ESCAPED.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c == '\t' ? ' ' : c);
        }
        return sb.toString();
    }

    /** What would start a list, a setext underline or a thematic break at the start of a line is escaped there. */
    private static String lineStart(String line) {
        if (line.isEmpty()) {
            return line;
        }
        char c = line.charAt(0);
        if (c == '-' || c == '+' || c == '=') {
            return "\\" + line;
        }
        int digits = 0;
        while (digits < line.length() && digits < 10 && Character.isDigit(line.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < line.length() && (line.charAt(digits) == '.' || line.charAt(digits) == ')')) {
            return line.substring(0, digits) + "\\" + line.substring(digits);
        }
        return line;
    }

    /** A link target as an autolink or {@code <...>} destination allows it: no spaces, angle brackets or controls. */
    private static String autolinkTarget(String url) {
        StringBuilder sb = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            switch (c) {
                case ' ' -> sb.append("%20");
                case '<' -> sb.append("%3C");
                case '>' -> sb.append("%3E");
                case '\\' -> sb.append("%5C");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format(java.util.Locale.ROOT, "%%%02X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
