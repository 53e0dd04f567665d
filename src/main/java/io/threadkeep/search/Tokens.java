package io.threadkeep.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into words the way the archive's full-text index does (SQLite's {@code unicode61} tokenizer): a word
 * is a run of letters, digits, private-use characters and combining marks; everything else separates words. The
 * words it returns contain no quote, operator or syntax character, which is what makes them safe to quote in an
 * FTS5 expression.
 */
final class Tokens {

    /** A word longer than this is no word anyone searches for; cutting it bounds what reaches the index. */
    static final int MAX_TOKEN_LENGTH = 200;

    private Tokens() {
    }

    /** The words of {@code text}, lower-cased; runs holding no letter or digit (lone marks) are dropped. */
    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasLetterOrDigit = false;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (isLetterOrDigit(type) || isMark(type) || type == Character.PRIVATE_USE) {
                current.appendCodePoint(cp);
                hasLetterOrDigit |= isLetterOrDigit(type) || type == Character.PRIVATE_USE;
            } else {
                flush(current, hasLetterOrDigit, out);
                hasLetterOrDigit = false;
            }
        }
        flush(current, hasLetterOrDigit, out);
        return out;
    }

    private static void flush(StringBuilder current, boolean keep, List<String> out) {
        if (current.length() > 0 && keep) {
            String token = current.toString().toLowerCase(Locale.ROOT);
            if (token.length() > MAX_TOKEN_LENGTH) {
                token = token.substring(0, token.offsetByCodePoints(0, Math.min(MAX_TOKEN_LENGTH,
                        token.codePointCount(0, token.length()))));
            }
            out.add(token);
        }
        current.setLength(0);
    }

    private static boolean isLetterOrDigit(int type) {
        return switch (type) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static boolean isMark(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
