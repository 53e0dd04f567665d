package io.threadkeep.cli;

import io.threadkeep.search.Snippet;

/**
 * Text from saved pages made safe to print on a terminal. A page can hold control characters (ESC sequences that
 * retitle the window, clear the screen or write the clipboard through OSC 52); printed as they are, the page would
 * drive the user's terminal. Every human-readable line the CLI prints from archived text goes through here; JSON
 * output escapes control characters itself.
 */
final class TerminalText {

    private TerminalText() {
    }

    /**
     * {@code s} on one line without control characters: tabs and line breaks become spaces, every other C0 or C1
     * control character and DEL is dropped. Null stays null.
     */
    static String safe(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                if (c == '\t' || c == '\n' || c == '\r') {
                    out.append(' ');
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** A snippet with its matches between {@code open} and {@code close}; only the page's text is made safe. */
    static String marked(Snippet snippet, String open, String close) {
        String text = snippet.text();
        StringBuilder out = new StringBuilder(text.length() + 16);
        int at = 0;
        for (Snippet.Range r : snippet.matches()) {
            out.append(safe(text.substring(at, r.start()))).append(open)
                    .append(safe(text.substring(r.start(), r.end()))).append(close);
            at = r.end();
        }
        return out.append(safe(text.substring(at))).toString();
    }
}
