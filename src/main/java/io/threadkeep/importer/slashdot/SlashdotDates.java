package io.threadkeep.importer.slashdot;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slashdot's date texts ("on Wednesday October 07, 2020 @07:40PM", "Fri Jul 06, 2007 08:52 AM", "Friday July 06,
 * @08:58AM"). Slashdot printed its times in US Eastern time without saying so (pages of the 1990s sometimes add
 * "EST"/"EDT"); times without a zone are read as {@code America/New_York}, daylight saving included. Many eras leave
 * out the year: it is taken from the story (its date or its sid), choosing the first matching date on or after the
 * story's day, so a December story's "January 02" comment lands in the next year.
 */
final class SlashdotDates {

    /** The zone Slashdot's pages show times in. */
    static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private static final Pattern DATE = Pattern.compile(
            "(?:\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+)?"
                    + "\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b"
                    + "(?:,?\\s+(\\d{4})\\b)?\\s*,?\\s*(?:@|at\\s+)?\\s*"
                    + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp])\\.?[Mm]\\.?"
                    + "(?:\\s*\\(?\\s*(EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC)\\b)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})");
    private static final Map<String, ZoneId> ZONES = Map.of(
            "EST", ZoneOffset.ofHours(-5), "EDT", ZoneOffset.ofHours(-4),
            "CST", ZoneOffset.ofHours(-6), "CDT", ZoneOffset.ofHours(-5),
            "MST", ZoneOffset.ofHours(-7), "MDT", ZoneOffset.ofHours(-6),
            "PST", ZoneOffset.ofHours(-8), "PDT", ZoneOffset.ofHours(-7),
            "GMT", ZoneOffset.UTC, "UTC", ZoneOffset.UTC);

    /** A date as printed: the year may be missing. {@code text} is the matched text. */
    record Parts(Integer year, int month, int day, int hour, int minute, int second, ZoneId zone,
                 String text, Instant exact) {

        boolean hasYear() {
            return year != null || exact != null;
        }
    }

    private SlashdotDates() {
    }

    /** The first date in {@code text}, or null when there is none. */
    static Parts find(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher iso = ISO.matcher(text);
        if (iso.find()) {
            try {
                Instant exact = OffsetDateTime.parse(normaliseOffset(iso.group())).toInstant();
                return new Parts(null, 0, 0, 0, 0, 0, null, iso.group(), exact);
            } catch (DateTimeParseException e) {
                // not a usable ISO date after all; fall through to the printed forms
            }
        }
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            int month = monthNumber(m.group(1));
            int day = Integer.parseInt(m.group(2));
            int hour = Integer.parseInt(m.group(4));
            int minute = Integer.parseInt(m.group(5));
            if (day < 1 || day > 31 || hour < 1 || hour > 12 || minute > 59) {
                continue;
            }
            boolean pm = m.group(7).equalsIgnoreCase("p");
            hour = hour % 12 + (pm ? 12 : 0);
            int second = m.group(6) == null ? 0 : Math.min(59, Integer.parseInt(m.group(6)));
            Integer year = m.group(3) == null ? null : Integer.valueOf(m.group(3));
            ZoneId zone = m.group(8) == null ? EASTERN : ZONES.get(m.group(8).toUpperCase(Locale.ROOT));
            return new Parts(year, month, day, hour, minute, second, zone, m.group().trim(), null);
        }
        return null;
    }

    /**
     * The instant of {@code parts}; a missing year is resolved against {@code storyDay} (the first such date not
     * before the story, allowing a day of clock skew), or else against {@code capturedDay} (the last such date not
     * after the capture). Null when the year cannot be known.
     */
    static Instant resolve(Parts parts, LocalDate storyDay, LocalDate capturedDay) {
        if (parts == null) {
            return null;
        }
        if (parts.exact() != null) {
            return parts.exact();
        }
        Integer year = parts.year();
        if (year == null && storyDay != null) {
            LocalDate earliest = storyDay.minusDays(1);
            year = firstYearOnOrAfter(parts, earliest);
        } else if (year == null && capturedDay != null) {
            year = lastYearOnOrBefore(parts, capturedDay.plusDays(1));
        }
        if (year == null) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, parts.month(), parts.day(), parts.hour(), parts.minute(),
                    parts.second());
            return local.atZone(parts.zone()).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The calendar day (in Eastern time) of an instant, used as the reference for year-less dates. */
    static LocalDate easternDay(Instant instant) {
        return instant == null ? null : instant.atZone(EASTERN).toLocalDate();
    }

    private static Integer firstYearOnOrAfter(Parts p, LocalDate earliest) {
        for (int y = earliest.getYear(); y <= earliest.getYear() + 4; y++) {
            LocalDate d = dateOrNull(y, p);
            if (d != null && !d.isBefore(earliest)) {
                return y;
            }
        }
        return null;
    }

    private static Integer lastYearOnOrBefore(Parts p, LocalDate latest) {
        for (int y = latest.getYear(); y >= latest.getYear() - 4; y--) {
            LocalDate d = dateOrNull(y, p);
            if (d != null && !d.isAfter(latest)) {
                return y;
            }
        }
        return null;
    }

    private static LocalDate dateOrNull(int year, Parts p) {
        try {
            return LocalDate.of(year, p.month(), p.day());
        } catch (DateTimeException e) {
            return null; // February 29 of a non-leap year
        }
    }

    private static String normaliseOffset(String iso) {
        // "+0400" is not accepted by OffsetDateTime; "+04:00" is.
        return iso.replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2");
    }

    private static int monthNumber(String name) {
        String m = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return switch (m) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }
}
