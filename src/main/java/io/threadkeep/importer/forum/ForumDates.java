package io.threadkeep.importer.forum;

import io.threadkeep.importer.SafeHtml;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates forum engines print, in English and German: machine forms (ISO attributes, Unix times), the
 * engines' absolute formats ("Mon Jan 05, 2015 10:15 am", "03.03.2011, 14:17", "17 September 2020 14:17",
 * "September 17, 2020, 02:17:00 PM") and relative ones ("Yesterday at 10:15", "Heute, 10:15", "vor 3 Tagen",
 * "Sunday at 9:12 PM"), which are resolved from the day the page was saved. Forums print local times without a
 * zone; they are read as UTC, the only zone a saved page lets us assume.
 */
public final class ForumDates {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\d)[T ](\\d\\d:\\d\\d(?::\\d\\d)?)(?:\\.\\d+)?\\s*(Z|[+-]\\d\\d:?\\d\\d)?");
    private static final Pattern EPOCH = Pattern.compile("^\\s*(\\d{9,10})(?:\\d{3})?\\s*$");
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d.:])(\\d{1,2})[:.](\\d\\d)(?::(\\d\\d))?(?!\\d)\\s*(?:Uhr\\s*)?([aApP]\\.?\\s?[mM]\\.?)?");
    private static final Pattern NUMERIC_DMY = Pattern.compile("(?<!\\d)(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4}|\\d\\d)(?!\\d)");
    private static final Pattern NUMERIC_SLASH = Pattern.compile("(?<!\\d)(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4}|\\d\\d)(?!\\d)");
    private static final Pattern NUMERIC_YMD = Pattern.compile("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final Pattern MONTH_NAME = Pattern.compile("(?iU)(?<!\\p{L})(\\p{L}{3,10})\\.?(?!\\p{L})");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d:.])(\\d{4})(?![\\d:])");
    private static final Pattern DAY = Pattern.compile("(?<![\\d:.])(\\d{1,2})(?:st|nd|rd|th|\\.)?(?![\\d:])");
    private static final Pattern AGO = Pattern.compile(
            "(?iU)(\\d+|an?|one|eine[mnr]?|ein)\\s+(second|sec|minute|min|hour|hr|day|week|month|year)s?\\s+ago");
    private static final Pattern VOR = Pattern.compile(
            "(?iU)vor\\s+(\\d+|eine[mnr]?|ein)\\s+(Sekunde|Minute|Stunde|Tag|Woche|Monat|Jahr)(?:e|en|n|s)?");
    private static final Pattern HER = Pattern.compile(
            "(?iU)(\\d+|eine[mnr]?|ein)\\s+(Sekunde|Minute|Stunde|Tag|Woche|Monat|Jahr)(?:e|en|n|s)?\\s+her");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("januar", 1), Map.entry("jänner", 1),
            Map.entry("feb", 2), Map.entry("february", 2), Map.entry("februar", 2),
            Map.entry("mar", 3), Map.entry("march", 3), Map.entry("mär", 3), Map.entry("märz", 3),
            Map.entry("mrz", 3), Map.entry("maerz", 3),
            Map.entry("apr", 4), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("mai", 5),
            Map.entry("jun", 6), Map.entry("june", 6), Map.entry("juni", 6),
            Map.entry("jul", 7), Map.entry("july", 7), Map.entry("juli", 7),
            Map.entry("aug", 8), Map.entry("august", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("september", 9),
            Map.entry("oct", 10), Map.entry("october", 10), Map.entry("okt", 10), Map.entry("oktober", 10),
            Map.entry("nov", 11), Map.entry("november", 11),
            Map.entry("dec", 12), Map.entry("december", 12), Map.entry("dez", 12), Map.entry("dezember", 12));
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("montag", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("dienstag", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("mittwoch", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("donnerstag", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("freitag", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("samstag", DayOfWeek.SATURDAY),
            Map.entry("sonnabend", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("sonntag", DayOfWeek.SUNDAY));

    private ForumDates() {
    }

    /** A date as the page printed it, and the instant it stands for (null when it could not be resolved). */
    public record Posted(Instant instant, String text) {
        static final Posted NONE = new Posted(null, null);
    }

    /** Reads a machine attribute: ISO 8601 (with or without zone) or Unix seconds/milliseconds; null otherwise. */
    public static Instant machine(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher epoch = EPOCH.matcher(value);
        if (epoch.find()) {
            return Instant.ofEpochSecond(Long.parseLong(epoch.group(1)));
        }
        Matcher m = ISO.matcher(value);
        if (!m.find()) {
            return null;
        }
        try {
            String time = m.group(2).length() == 5 ? m.group(2) + ":00" : m.group(2);
            LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + time, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            String zone = m.group(3);
            if (zone == null || zone.equals("Z")) {
                return local.toInstant(ZoneOffset.UTC);
            }
            String offset = zone.contains(":") ? zone : zone.substring(0, 3) + ":" + zone.substring(3);
            return OffsetDateTime.parse(m.group(1) + "T" + time + offset).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Reads a date the page printed for people; relative forms need {@code capturedAt}. */
    public static Posted text(String shown, Instant capturedAt) {
        String text = shown == null ? "" : shown.replace('\u00A0', ' ').replaceAll("\\s+", " ").trim();
        if (text.isEmpty()) {
            return Posted.NONE;
        }
        return new Posted(resolve(text, capturedAt), text);
    }

    /** Prefers the machine value; falls back to the printed text. */
    public static Posted either(String machineValue, String shown, Instant capturedAt) {
        Instant machine = machine(machineValue);
        if (machine != null) {
            String text = shown == null || shown.isBlank() ? machineValue.trim() : SafeHtml.squash(shown);
            return new Posted(machine, text);
        }
        return text(shown, capturedAt);
    }

    static Instant resolve(String text, Instant capturedAt) {
        Instant iso = ISO.matcher(text).find() ? machine(text) : null;
        if (iso != null) {
            return iso;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Instant relative = relative(lower, capturedAt);
        if (relative != null || isRelative(lower)) {
            return relative;
        }
        LocalTime time = timeOf(text);
        LocalDate day = absoluteDay(text);
        if (day == null) {
            return null;
        }
        return LocalDateTime.of(day, time == null ? LocalTime.MIDNIGHT : time).toInstant(ZoneOffset.UTC);
    }

    private static boolean isRelative(String lower) {
        return AGO.matcher(lower).find() || VOR.matcher(lower).find() || HER.matcher(lower).find()
                || lower.matches("(?s).*\\b(?:today|yesterday|heute|gestern)\\b.*")
                || WEEKDAYS.keySet().stream().anyMatch(lower::startsWith) && !YEAR.matcher(lower).find();
    }

    private static Instant relative(String lower, Instant capturedAt) {
        if (capturedAt == null) {
            return null;
        }
        LocalDateTime now = LocalDateTime.ofInstant(capturedAt, ZoneOffset.UTC);
        Matcher ago = AGO.matcher(lower);
        Matcher vor = VOR.matcher(lower);
        Matcher her = HER.matcher(lower);
        Matcher counted = ago.find() ? ago : vor.find() ? vor : her.find() ? her : null;
        if (counted != null) {
            String count = counted.group(1);
            long n = Character.isDigit(count.charAt(0)) ? Long.parseLong(count) : 1;
            Duration unit = switch (counted.group(2).toLowerCase(Locale.ROOT)) {
                case "second", "sec", "sekunde" -> Duration.ofSeconds(1);
                case "minute", "min" -> Duration.ofMinutes(1);
                case "hour", "hr", "stunde" -> Duration.ofHours(1);
                case "day", "tag" -> Duration.ofDays(1);
                case "week", "woche" -> Duration.ofDays(7);
                case "month", "monat" -> Duration.ofDays(30);
                default -> Duration.ofDays(365);
            };
            return capturedAt.minus(unit.multipliedBy(n));
        }
        LocalDate day = null;
        if (lower.contains("today") || lower.contains("heute")) {
            day = now.toLocalDate();
        } else if (lower.contains("yesterday") || lower.contains("gestern")) {
            day = now.toLocalDate().minusDays(1);
        } else if (!YEAR.matcher(lower).find()) {
            for (Map.Entry<String, DayOfWeek> e : WEEKDAYS.entrySet()) {
                if (lower.startsWith(e.getKey())) {
                    // "Sunday at 9:12 PM": the engine names the weekday for posts of the last week.
                    LocalDate d = now.toLocalDate().minusDays(1);
                    while (d.getDayOfWeek() != e.getValue()) {
                        d = d.minusDays(1);
                    }
                    day = d;
                }
            }
        }
        if (day == null) {
            return null;
        }
        LocalTime time = timeOf(lower);
        return LocalDateTime.of(day, time == null ? LocalTime.MIDNIGHT : time).toInstant(ZoneOffset.UTC);
    }

    private static LocalTime timeOf(String text) {
        // Skip the date's own dotted numbers ("03.03.2011") by looking only after the date when there is one.
        String rest = text;
        Matcher dmy = NUMERIC_DMY.matcher(text);
        if (dmy.find()) {
            rest = text.substring(dmy.end());
        }
        Matcher m = TIME.matcher(rest);
        while (m.find()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            String ampm = m.group(4);
            if (ampm != null) {
                boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
                if (hour == 12) {
                    hour = pm ? 12 : 0;
                } else if (pm) {
                    hour += 12;
                }
            }
            if (hour < 24 && minute < 60 && second < 60) {
                return LocalTime.of(hour, minute, second);
            }
        }
        return null;
    }

    private static LocalDate absoluteDay(String text) {
        try {
            Matcher ymd = NUMERIC_YMD.matcher(text);
            if (ymd.find()) {
                return LocalDate.of(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)),
                        Integer.parseInt(ymd.group(3)));
            }
            Matcher dmy = NUMERIC_DMY.matcher(text);
            if (dmy.find()) {
                return LocalDate.of(year(dmy.group(3)), Integer.parseInt(dmy.group(2)), Integer.parseInt(dmy.group(1)));
            }
            Matcher slash = NUMERIC_SLASH.matcher(text);
            if (slash.find()) {
                int a = Integer.parseInt(slash.group(1));
                int b = Integer.parseInt(slash.group(2));
                // vBulletin's and MyBB's default is the US order; a first number above 12 can only be a day.
                return a > 12 ? LocalDate.of(year(slash.group(3)), b, a) : LocalDate.of(year(slash.group(3)), a, b);
            }
            Matcher name = MONTH_NAME.matcher(text);
            while (name.find()) {
                Integer month = MONTHS.get(name.group(1).toLowerCase(Locale.ROOT));
                if (month == null) {
                    continue;
                }
                Matcher y = YEAR.matcher(text);
                if (!y.find()) {
                    return null;
                }
                int year = Integer.parseInt(y.group(1));
                // The day is the number next to the month name: after it ("Jan 05, 2015") or before ("5. Januar").
                Integer day = dayNear(text, name.start(), name.end(), y.start());
                return day == null ? null : LocalDate.of(year, month, day);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static Integer dayNear(String text, int monthStart, int monthEnd, int yearStart) {
        Matcher after = DAY.matcher(text);
        after.region(monthEnd, text.length());
        if (after.find() && after.start() - monthEnd <= 3 && after.start() != yearStart) {
            return Integer.parseInt(after.group(1));
        }
        Matcher before = DAY.matcher(text);
        before.region(Math.max(0, monthStart - 6), monthStart);
        Integer found = null;
        while (before.find()) {
            found = Integer.parseInt(before.group(1));
        }
        return found;
    }

    private static int year(String y) {
        int n = Integer.parseInt(y);
        return y.length() == 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
    }
}
