package io.threadkeep.importer;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as discussion pages print them for people, in English and German: absolute ("March 3, 2014 at 10:12 am",
 * "3. März 2014 um 10:12", "2014-02-06 20:37:20Z") and relative to when the page was saved ("50 Minuten her",
 * "vor 3 Tagen", "4 yr. ago", "Yesterday at 10:15"). A relative date without a capture time cannot be resolved:
 * callers keep the text instead of guessing.
 */
public final class HumanDates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("mär", 3), Map.entry("maer", 3),
            Map.entry("apr", 4), Map.entry("may", 5), Map.entry("mai", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("okt", 10),
            Map.entry("nov", 11), Map.entry("dec", 12), Map.entry("dez", 12));
    private static final String MONTH = "(jan|feb|m(?:ar|är|aer)|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])"
            + "[a-zäé]*\\.?";
    private static final String TIME = "(?:[^0-9]{0,12}?(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?)?";
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*(Z|UTC|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern ISO_DAY = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    /** "March 3, 2014", "Mar 3 '14". */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?iu)\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4}|'\\d{2})" + TIME);
    /** "3. März 2014", "3 March 2014". */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?iu)\\b(\\d{1,2})\\.?\\s+" + MONTH + ",?\\s+(\\d{4})" + TIME);
    /** "03.03.2014", "3.3.14", "03/03/2014" (day first: the English US order is written with month names here). */
    private static final Pattern NUMERIC = Pattern.compile(
            "\\b(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4}|\\d{2})\\b" + TIME);
    private static final Pattern RELATIVE = Pattern.compile(
            "(?iu)(?:vor\\s+)?(\\d+|an?|one|einer?|einem|einen)\\s+"
                    + "(sec(?:ond)?s?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?|"
                    + "sekunden?|minuten?|stunden?|tagen?|tag|wochen?|monaten?|monat|jahren?|jahr)\\.?"
                    + "\\s*(ago|her)?");
    private static final Pattern GERMAN_RELATIVE = Pattern.compile("(?u)\\bvor\\b|\\bher\\b");
    private static final Pattern ENGLISH_RELATIVE = Pattern.compile("(?u)\\bago\\b");
    private static final Pattern DAY_WORD = Pattern.compile(
            "(?iu)\\b(today|yesterday|heute|gestern|vorgestern)\\b" + TIME);

    private HumanDates() {
    }

    /** An absolute date in the text, read in {@code zone} unless the text names an offset; null when none. */
    public static Instant absolute(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.replace('\u00A0', ' ');
        try {
            Matcher iso = ISO.matcher(t);
            if (iso.find()) {
                LocalDateTime local = LocalDateTime.of(num(iso.group(1)), num(iso.group(2)), num(iso.group(3)),
                        num(iso.group(4)), num(iso.group(5)), iso.group(6) == null ? 0 : num(iso.group(6)));
                String offset = iso.group(7);
                if (offset == null) {
                    return local.atZone(zone).toInstant();
                }
                if (offset.equals("Z") || offset.equals("UTC")) {
                    return local.toInstant(ZoneOffset.UTC);
                }
                String o = offset.contains(":") ? offset : offset.substring(0, 3) + ":" + offset.substring(3);
                return OffsetDateTime.of(local, ZoneOffset.of(o)).toInstant();
            }
            Matcher m = MONTH_DAY_YEAR.matcher(t);
            if (m.find()) {
                String y = m.group(3);
                int year = y.startsWith("'") ? 2000 + num(y.substring(1)) : num(y);
                return at(year, month(m.group(1)), num(m.group(2)), m, 4, zone);
            }
            m = DAY_MONTH_YEAR.matcher(t);
            if (m.find()) {
                return at(num(m.group(3)), month(m.group(2)), num(m.group(1)), m, 4, zone);
            }
            m = NUMERIC.matcher(t);
            if (m.find()) {
                int year = num(m.group(4));
                if (year < 100) {
                    year += 2000;
                }
                int first = num(m.group(1));
                int second = num(m.group(3));
                // Dots are day.month; slashes are day/month unless the first number cannot be a day-of-month order.
                int day = first;
                int month = second;
                if (m.group(2).equals("/") && second > 12) {
                    day = second;
                    month = first;
                }
                return at(year, month, day, m, 5, zone);
            }
            Matcher day = ISO_DAY.matcher(t);
            if (day.find()) {
                return LocalDate.of(num(day.group(1)), num(day.group(2)), num(day.group(3))).atStartOfDay(zone)
                        .toInstant();
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /**
     * A date relative to {@code capturedAt} ("3 hours ago", "vor 3 Tagen", "50 Minuten her", "Yesterday at
     * 10:15"); null when the text is not relative or the capture time is unknown.
     */
    public static Instant relative(String text, Instant capturedAt, ZoneId zone) {
        if (text == null || capturedAt == null) {
            return null;
        }
        String t = text.replace('\u00A0', ' ').trim();
        Matcher day = DAY_WORD.matcher(t);
        if (day.find()) {
            String word = day.group(1).toLowerCase(Locale.ROOT);
            int back = switch (word) {
                case "yesterday", "gestern" -> 1;
                case "vorgestern" -> 2;
                default -> 0;
            };
            LocalDate date = capturedAt.atZone(zone).toLocalDate().minusDays(back);
            LocalTime time = LocalTime.MIDNIGHT;
            if (day.group(2) != null) {
                int hour = num(day.group(2)) % 24;
                time = LocalTime.of(ampm(hour, day.group(5)), num(day.group(3)));
            }
            return ZonedDateTime.of(date, time, zone).toInstant();
        }
        Matcher m = RELATIVE.matcher(t);
        if (!m.find()) {
            return null;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        boolean german = GERMAN_RELATIVE.matcher(lower).find();
        boolean english = ENGLISH_RELATIVE.matcher(lower).find();
        if (!german && !english) {
            return null;
        }
        String n = m.group(1).toLowerCase(Locale.ROOT);
        long amount = Character.isDigit(n.charAt(0)) ? Long.parseLong(n) : 1;
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        ZonedDateTime at = capturedAt.atZone(zone);
        if (unit.startsWith("s")) {
            return capturedAt.minus(Duration.ofSeconds(amount));
        }
        if (unit.startsWith("min")) {
            return capturedAt.minus(Duration.ofMinutes(amount));
        }
        if (unit.startsWith("h") || unit.startsWith("st")) {
            return capturedAt.minus(Duration.ofHours(amount));
        }
        if (unit.startsWith("d") || unit.startsWith("tag")) {
            return at.minusDays(amount).toInstant();
        }
        if (unit.startsWith("w")) {
            return at.minusWeeks(amount).toInstant();
        }
        if (unit.startsWith("mo")) {
            return at.minus(Period.ofMonths((int) amount)).toInstant();
        }
        return at.minusYears(amount).toInstant();
    }

    /** Whether the text reads as a relative date (which then needs a capture time). */
    public static boolean isRelative(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return DAY_WORD.matcher(text).find() || RELATIVE.matcher(text).find()
                && (GERMAN_RELATIVE.matcher(lower).find() || ENGLISH_RELATIVE.matcher(lower).find());
    }

    /** The absolute date if there is one, else the relative one resolved from the capture time, else null. */
    public static Instant resolve(String text, Instant capturedAt, ZoneId zone) {
        Instant relative = isRelative(text) ? relative(text, capturedAt, zone) : null;
        if (relative != null) {
            return relative;
        }
        return isRelative(text) ? null : absolute(text, zone);
    }

    private static Instant at(int year, int month, int day, Matcher m, int timeGroup, ZoneId zone) {
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(timeGroup) != null) {
            int hour = num(m.group(timeGroup));
            int minute = num(m.group(timeGroup + 1));
            int second = m.group(timeGroup + 2) == null ? 0 : num(m.group(timeGroup + 2));
            time = LocalTime.of(ampm(hour, m.group(timeGroup + 3)), minute, second);
        }
        return ZonedDateTime.of(LocalDate.of(year, month, day), time, zone).toInstant();
    }

    private static int ampm(int hour, String marker) {
        if (marker == null) {
            return hour;
        }
        boolean pm = Character.toLowerCase(marker.charAt(0)) == 'p';
        if (hour == 12) {
            return pm ? 12 : 0;
        }
        return pm ? hour + 12 : hour;
    }

    private static int month(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        key = key.startsWith("mä") ? "mär" : key.substring(0, Math.min(3, key.length()));
        Integer n = MONTHS.get(key);
        if (n == null) {
            throw new NumberFormatException("no month " + name);
        }
        return n;
    }

    private static int num(String s) {
        return Integer.parseInt(s.trim());
    }
}
