package io.threadkeep.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Neutralises text from the archive before a format places it. What comes from saved pages is hostile until shown
 * otherwise: a NUL, a stray line break or a bidi override in an author's name must not end a header, start a new
 * mail or turn the rest of a line around.
 */
final class Clean {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Clean() {
    }

    /**
     * A one-line field (title, author, subject, label): control characters and line breaks become spaces, NUL and
     * broken surrogates the replacement character, explicit bidi embeddings, overrides and isolates are dropped (so
     * the field cannot reorder what follows it on its line), and runs of spaces collapse. Null stays null.
     */
    static String line(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
                space = false;
                continue;
            }
            if (isBidiControl(c)) {
                continue;
            }
            if (c == 0 || Character.isSurrogate(c)) {
                c = '\uFFFD';
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || c == '\u00A0') {
                if (!space && out.length() > 0) {
                    out.append(' ');
                }
                space = true;
                continue;
            }
            out.append(c);
            space = false;
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        return out.toString();
    }

    /**
     * Text of a body: line breaks stay (CR LF and CR become LF), tabs stay, other control characters become
     * spaces, NUL and broken surrogates the replacement character.
     */
    static String body(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (c == '\r') {
                out.append('\n');
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append('\n');
            } else if (c == 0 || Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (c != '\n' && c != '\t' && Character.isISOControl(c)) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI and the Arabic letter mark. */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u061C';
    }

    /** A date as readers see it in every format: "2020-10-07 20:35 UTC". */
    static String date(Instant instant) {
        return instant == null ? null : SHOWN.format(instant);
    }

    /** The link target an export may write out: absolute http(s) only, and nothing that could run; else null. */
    static String safeUrl(String url) {
        if (url == null) {
            return null;
        }
        // The archive's one link rule (http and https only) holds in exports too; a space is escaped first, since
        // the rule refuses white space and older archives may hold such links.
        return io.threadkeep.model.WebLinks.httpOnly(line(url).strip().replace(" ", "%20"));
    }
}
