package io.threadkeep.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers that pages print next to words in whatever language their interface uses ("43 bodov",
 * "225 points", "1,024 comments"): only the digits count, never the words around them.
 */
public final class MarkupNumbers {

    private static final Pattern NUMBER = Pattern.compile("([-−]?)(\\d{1,3}(?:[,.\\u00A0\\u202F ]\\d{3})+|\\d+)");
    private static final Pattern ABBREVIATED = Pattern.compile("([-−]?)(\\d+(?:[.,]\\d+)?)\\s*([kKmM])\\b");

    private MarkupNumbers() {
    }

    /**
     * The first integer in {@code text}, thousands separators dropped and "1.2k" expanded; null when the text
     * holds no number.
     */
    public static Integer firstInteger(String text) {
        if (text == null) {
            return null;
        }
        Matcher abbreviated = ABBREVIATED.matcher(text);
        Matcher plain = NUMBER.matcher(text);
        boolean hasAbbreviated = abbreviated.find();
        boolean hasPlain = plain.find();
        if (hasAbbreviated && (!hasPlain || abbreviated.start() <= plain.start())) {
            double value = Double.parseDouble(abbreviated.group(2).replace(',', '.'));
            double factor = Character.toLowerCase(abbreviated.group(3).charAt(0)) == 'k' ? 1_000 : 1_000_000;
            long n = Math.round(value * factor);
            return clamp(abbreviated.group(1).isEmpty() ? n : -n);
        }
        if (!hasPlain) {
            return null;
        }
        String digits = plain.group(2).replaceAll("[^0-9]", "");
        if (digits.length() > 10) {
            return null;
        }
        long n = Long.parseLong(digits);
        return clamp(plain.group(1).isEmpty() ? n : -n);
    }

    private static Integer clamp(long n) {
        return n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? null : (int) n;
    }
}
