package io.threadkeep.importer.hackernews;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the ways Hacker News writes when something was posted. HN's interface is English only. */
final class HackerNewsTimes {

    private static final Pattern RELATIVE = Pattern.compile(
            "(\\d+|an?|one)\\s+(second|minute|hour|day|week|month|year)s?\\s+ago", Pattern.CASE_INSENSITIVE);
    private static final Pattern ON_DATE = Pattern.compile(
            "\\bon\\s+([A-Z][a-z]{2})\\s+(\\d{1,2}),\\s+(\\d{4})");
    private static final DateTimeFormatter ON_DATE_FORMAT = DateTimeFormatter.ofPattern("MMM d yyyy", Locale.ENGLISH);
    private static final Pattern EPOCH = Pattern.compile("\\b(\\d{9,11})\\b");

    private HackerNewsTimes() {
    }

    /** The relative or "on Mon d, yyyy" age inside {@code text}, as the page wrote it; null when there is none. */
    static String findAgeText(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = RELATIVE.matcher(text);
        if (m.find()) {
            return m.group();
        }
        Matcher on = ON_DATE.matcher(text);
        return on.find() ? on.group() : null;
    }

    /**
     * Resolves an age text against the save date: "368 days ago" needs {@code capturedAt}, "on Jan 5, 2015" does
     * not. Null when it cannot be resolved.
     */
    static Instant resolve(String ageText, Instant capturedAt) {
        if (ageText == null) {
            return null;
        }
        Matcher on = ON_DATE.matcher(ageText);
        if (on.find()) {
            try {
                LocalDate day = LocalDate.parse(on.group(1) + " " + on.group(2) + " " + on.group(3), ON_DATE_FORMAT);
                return day.atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = RELATIVE.matcher(ageText);
        if (!m.find() || capturedAt == null) {
            return null;
        }
        String count = m.group(1).toLowerCase(Locale.ROOT);
        long n = Character.isDigit(count.charAt(0)) ? Long.parseLong(count) : 1;
        Duration unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "second" -> Duration.ofSeconds(1);
            case "minute" -> Duration.ofMinutes(1);
            case "hour" -> Duration.ofHours(1);
            case "day" -> Duration.ofDays(1);
            case "week" -> Duration.ofDays(7);
            case "month" -> Duration.ofDays(30);
            default -> Duration.ofDays(365);
        };
        return capturedAt.minus(unit.multipliedBy(n));
    }

    /**
     * Parses {@code span.age}'s title: "2023-07-21T18:04:01" (UTC), or the later "2023-07-21T18:04:01 1689962641"
     * whose second part is the Unix time. Null when it is neither.
     */
    static Instant parseAgeTitle(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String t = title.trim();
        Matcher epoch = EPOCH.matcher(t);
        int space = t.indexOf(' ');
        if (space > 0 && epoch.find(space)) {
            return Instant.ofEpochSecond(Long.parseLong(epoch.group(1)));
        }
        String iso = space > 0 ? t.substring(0, space) : t;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            // no offset: HN writes UTC
        }
        try {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
