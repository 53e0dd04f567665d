package io.threadkeep.importer.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as unknown discussion pages print them: ISO stamps, "12 March 2019", "March 12, 2019 at 10:15 PM",
 * "03/12/2019 10:15", German "12.03.2019, 10:15" and "12. März 2019", and relative ones in English and German
 * ("Yesterday at 10:15", "3 days ago", "vor 3 Tagen", "50 Minuten her") resolved from the capture date.
 *
 * <p>A page of an unknown engine does not say its time zone: times without one are read as UTC, which keeps the
 * day right for most of the world and never invents precision the page did not have.
 */
public final class LooseDates {

    /** What a date text means: an instant, or only that it looks like a date that cannot be resolved. */
    public record Reading(Instant instant, boolean hasTime, boolean relative) {
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("januar", 1), Map.entry("jänner", 1),
            Map.entry("feb", 2), Map.entry("february", 2), Map.entry("februar", 2), Map.entry("mar", 3),
            Map.entry("march", 3), Map.entry("mär", 3), Map.entry("märz", 3), Map.entry("maerz", 3),
            Map.entry("mrz", 3), Map.entry("apr", 4), Map.entry("april", 4), Map.entry("may", 5), Map.entry("mai", 5),
            Map.entry("jun", 6), Map.entry("june", 6), Map.entry("juni", 6), Map.entry("jul", 7),
            Map.entry("july", 7), Map.entry("juli", 7), Map.entry("aug", 8), Map.entry("august", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("september", 9), Map.entry("oct", 10),
            Map.entry("okt", 10), Map.entry("october", 10), Map.entry("oktober", 10), Map.entry("nov", 11),
            Map.entry("november", 11), Map.entry("dec", 12), Map.entry("dez", 12), Map.entry("december", 12),
            Map.entry("dezember", 12));
    private static final String MONTH = "(jan(?:uary|uar)?|jänner|feb(?:ruary|ruar)?|mar(?:ch)?|mär(?:z)?|maerz|mrz"
            + "|apr(?:il)?|ma[iy]|jun[ei]?|jul[iy]?|aug(?:ust)?|sept?(?:ember)?|o[ck]t(?:ober)?|nov(?:ember)?"
            + "|de[cz](?:ember)?)\\.?";
    private static final String TIME = "(\\d{1,2})[:.](\\d\\d)(?::(\\d\\d))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?";
    private static final String TIME_JOIN = "(?:\\s*(?:,|at|um|@|-|–|\\|)?\\s*)";

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d\\d)-(\\d\\d)(?:[Tt ](\\d\\d):(\\d\\d)(?::(\\d\\d)(?:\\.\\d+)?)?\\s*(z|[+-]\\d\\d:?\\d\\d|utc|gmt)?)?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+" + MONTH + ",?\\s+(\\d{4})(?:" + TIME_JOIN + TIME + ")?");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:" + TIME_JOIN + TIME + ")?");
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.:/])(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4}|\\d\\d)(?![\\d.]\\d)(?:" + TIME_JOIN + TIME + ")?");
    private static final Pattern DAY_WORD = Pattern.compile(
            "(?<![\\p{L}])(today|yesterday|heute|gestern|vorgestern)(?:" + TIME_JOIN + TIME + ")?");
    private static final Pattern AGO = Pattern.compile(
            "(?<![\\p{L}])(\\d+|an?|one|two|three|few)\\s+(sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?"
                    + "|months?|years?|yrs?)\\s+ago");
    private static final Pattern VOR = Pattern.compile(
            "(?:vor\\s+)?(\\d+|einer?|einem|zwei|drei)\\s+(sekunden?|minuten?|stunden?|tagen?|wochen?|monate?n?"
                    + "|jahren?)(\\s+her)?");
    private static final Pattern JUST_NOW = Pattern.compile("(?<![\\p{L}])(just now|gerade eben|soeben)");

    private LooseDates() {
    }

    /**
     * Reads a date text. {@code capturedAt} resolves relative dates and is null when the save time is unknown (then
     * a relative date is recognised but has no instant).
     */
    public static Optional<Reading> read(String raw, Instant capturedAt) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.replace('\u00A0', ' ').replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || text.length() > 120) {
            return Optional.empty();
        }
        try {
            Optional<Reading> absolute = absolute(text);
            if (absolute.isPresent()) {
                return absolute;
            }
            return relative(text, capturedAt);
        } catch (DateTimeException | NumberFormatException e) {
            // A text shaped like a date that names no real day ("31.02.2019") is not a date.
            return Optional.empty();
        }
    }

    /** Whether the text is a date in one of the forms this class knows (relative ones included). */
    public static boolean looksLikeDate(String raw) {
        return read(raw, null).isPresent();
    }

    private static Optional<Reading> absolute(String text) {
        Matcher m = ISO.matcher(text);
        if (m.find()) {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return Optional.of(new Reading(day.atStartOfDay(ZoneOffset.UTC).toInstant(), false, false));
            }
            LocalDateTime at = day.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return Optional.of(new Reading(at.atOffset(offset(m.group(7))).toInstant(), true, false));
        }
        m = DAY_MONTH_YEAR.matcher(text);
        if (m.find()) {
            return Optional.of(at(Integer.parseInt(m.group(3)), MONTHS.get(monthKey(m.group(2))),
                    Integer.parseInt(m.group(1)), m, 4));
        }
        m = MONTH_DAY_YEAR.matcher(text);
        if (m.find()) {
            return Optional.of(at(Integer.parseInt(m.group(3)), MONTHS.get(monthKey(m.group(1))),
                    Integer.parseInt(m.group(2)), m, 4));
        }
        m = NUMERIC.matcher(text);
        if (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            int year = Integer.parseInt(m.group(4));
            if (m.group(4).length() == 2) {
                year += year < 70 ? 2000 : 1900;
            }
            // Dots are day-first everywhere; slashes are month-first (US) unless the first number cannot be a month.
            boolean dayFirst = m.group(2).equals(".") || a > 12;
            return Optional.of(at(year, dayFirst ? b : a, dayFirst ? a : b, m, 5));
        }
        return Optional.empty();
    }

    private static Optional<Reading> relative(String text, Instant capturedAt) {
        Matcher m = DAY_WORD.matcher(text);
        if (m.find()) {
            int back = switch (m.group(1)) {
                case "yesterday", "gestern" -> 1;
                case "vorgestern" -> 2;
                default -> 0;
            };
            if (capturedAt == null) {
                return Optional.of(new Reading(null, m.group(2) != null, true));
            }
            LocalDate day = capturedAt.atZone(ZoneOffset.UTC).toLocalDate().minusDays(back);
            if (m.group(2) == null) {
                return Optional.of(new Reading(day.atStartOfDay(ZoneOffset.UTC).toInstant(), false, true));
            }
            return Optional.of(new Reading(day.atTime(time(m, 2)).toInstant(ZoneOffset.UTC), true, true));
        }
        m = AGO.matcher(text);
        if (m.find()) {
            return Optional.of(ago(amount(m.group(1)), m.group(2), capturedAt));
        }
        m = VOR.matcher(text);
        if (m.find() && (text.contains("vor ") || text.endsWith(" her"))) {
            // "1 Stunde 51 Minuten her": every part counts.
            Reading r = ago(amount(m.group(1)), m.group(2), capturedAt);
            while (r.instant() != null && m.find()) {
                Reading more = ago(amount(m.group(1)), m.group(2), capturedAt);
                r = new Reading(r.instant().minus(java.time.Duration.between(more.instant(), capturedAt)),
                        r.hasTime() || more.hasTime(), true);
            }
            return Optional.of(r);
        }
        m = JUST_NOW.matcher(text);
        if (m.find()) {
            return Optional.of(new Reading(capturedAt, true, true));
        }
        return Optional.empty();
    }

    private static Reading ago(int n, String unitWord, Instant capturedAt) {
        if (capturedAt == null) {
            return new Reading(null, true, true);
        }
        String u = unitWord.toLowerCase(Locale.ROOT);
        Instant when;
        if (u.startsWith("sec") || u.startsWith("sek")) {
            when = capturedAt.minusSeconds(n);
        } else if (u.startsWith("min")) {
            when = capturedAt.minus(n, ChronoUnit.MINUTES);
        } else if (u.startsWith("h") || u.startsWith("stu")) {
            when = capturedAt.minus(n, ChronoUnit.HOURS);
        } else if (u.startsWith("d") || u.startsWith("tag")) {
            when = capturedAt.minus(n, ChronoUnit.DAYS);
        } else if (u.startsWith("w")) {
            when = capturedAt.minus(7L * n, ChronoUnit.DAYS);
        } else if (u.startsWith("mon")) {
            when = capturedAt.atZone(ZoneOffset.UTC).minusMonths(n).toInstant();
        } else {
            when = capturedAt.atZone(ZoneOffset.UTC).minusYears(n).toInstant();
        }
        // "3 days ago" says nothing about the time of day; finer units do.
        boolean hasTime = u.startsWith("sec") || u.startsWith("sek") || u.startsWith("min") || u.startsWith("h")
                || u.startsWith("stu");
        return new Reading(when, hasTime, true);
    }

    private static int amount(String word) {
        return switch (word) {
            case "a", "an", "one", "ein", "eine", "einer", "einem" -> 1;
            case "two", "zwei" -> 2;
            case "three", "few", "drei" -> 3;
            default -> Integer.parseInt(word);
        };
    }

    private static Reading at(int year, Integer month, int day, Matcher m, int timeGroup) {
        if (month == null) {
            throw new DateTimeException("unknown month");
        }
        LocalDate date = LocalDate.of(year, month, day);
        if (m.group(timeGroup) == null) {
            return new Reading(date.atStartOfDay(ZoneOffset.UTC).toInstant(), false, false);
        }
        return new Reading(date.atTime(time(m, timeGroup)).toInstant(ZoneOffset.UTC), true, false);
    }

    private static LocalTime time(Matcher m, int first) {
        int hour = Integer.parseInt(m.group(first));
        int minute = Integer.parseInt(m.group(first + 1));
        int second = m.group(first + 2) == null ? 0 : Integer.parseInt(m.group(first + 2));
        String half = m.group(first + 3);
        if (half != null) {
            boolean pm = half.startsWith("p");
            if (hour == 12) {
                hour = pm ? 12 : 0;
            } else if (pm) {
                hour += 12;
            }
        }
        return LocalTime.of(hour, minute, second);
    }

    private static String monthKey(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace(".", "");
        if (MONTHS.containsKey(w)) {
            return w;
        }
        return w.length() >= 3 ? w.substring(0, 3) : w;
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equals("z") || zone.equals("utc") || zone.equals("gmt")) {
            return ZoneOffset.UTC;
        }
        String z = zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
        return ZoneOffset.of(z);
    }

    /** A machine-readable stamp from an attribute ({@code datetime}, {@code data-time}, epoch seconds), if any. */
    public static Optional<Instant> stamp(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.matches("\\d{10}")) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(v)));
        }
        if (v.matches("\\d{13}")) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(v)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException e) {
            Optional<Reading> r = read(v, null);
            return r.filter(x -> !x.relative() && x.instant() != null).map(Reading::instant);
        }
    }
}
