package io.threadkeep.search;

import io.threadkeep.store.SearchRow;
import java.util.ArrayList;
import java.util.List;

/**
 * An excerpt of a hit with the matched words located, so a view can style them and the CLI can mark them.
 *
 * @param text    the excerpt, white space collapsed to single spaces
 * @param matches the matched stretches of {@code text}, in order, not overlapping
 */
public record Snippet(String text, List<Range> matches) {

    /** A stretch of the text: {@code start} inclusive, {@code end} exclusive. */
    public record Range(int start, int end) {
    }

    public Snippet {
        matches = List.copyOf(matches);
    }

    public static final Snippet EMPTY = new Snippet("", List.of());

    /** Reads an excerpt marked by the archive ({@link SearchRow#MATCH_START} ... {@link SearchRow#MATCH_END}). */
    public static Snippet fromMarked(String marked) {
        if (marked == null || marked.isEmpty()) {
            return EMPTY;
        }
        StringBuilder text = new StringBuilder(marked.length());
        List<Range> ranges = new ArrayList<>();
        int openedAt = -1;
        boolean pendingSpace = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == SearchRow.MATCH_START) {
                flushSpace(text, pendingSpace);
                pendingSpace = false;
                openedAt = text.length();
            } else if (c == SearchRow.MATCH_END) {
                if (openedAt >= 0 && text.length() > openedAt) {
                    ranges.add(new Range(openedAt, text.length()));
                }
                openedAt = -1;
            } else if (Character.isWhitespace(c)) {
                pendingSpace = true;
            } else {
                flushSpace(text, pendingSpace);
                pendingSpace = false;
                text.append(c);
            }
        }
        return new Snippet(text.toString(), merge(ranges, text));
    }

    private static void flushSpace(StringBuilder text, boolean pendingSpace) {
        if (pendingSpace && text.length() > 0) {
            text.append(' ');
        }
    }

    /** Matches a space apart ("exact" "phrase") read better as one; "C/C++" stays two. */
    private static List<Range> merge(List<Range> ranges, CharSequence text) {
        List<Range> out = new ArrayList<>();
        for (Range r : ranges) {
            Range previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null && (previous.end() >= r.start()
                    || (previous.end() == r.start() - 1 && text.charAt(previous.end()) == ' '))) {
                Range last = out.remove(out.size() - 1);
                out.add(new Range(last.start(), Math.max(last.end(), r.end())));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** The text with each match between {@code open} and {@code close}, as in {@code "a [match] here"}. */
    public String marked(String open, String close) {
        StringBuilder out = new StringBuilder(text.length() + matches.size() * (open.length() + close.length()));
        int at = 0;
        for (Range r : matches) {
            out.append(text, at, r.start()).append(open).append(text, r.start(), r.end()).append(close);
            at = r.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
