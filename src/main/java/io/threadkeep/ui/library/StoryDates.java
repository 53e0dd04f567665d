package io.threadkeep.ui.library;

import io.threadkeep.model.Site;
import io.threadkeep.store.ReaderMarks.DateClues;
import io.threadkeep.store.StorySummary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The date a library row shows for a story. A story whose page gave only ages ("368 days ago") has no posted date;
 * showing its import date instead would pass the day it was saved off as the day it was posted. So:
 * <ol>
 *   <li>a posted date is shown as it is;</li>
 *   <li>a Hacker News story is dated from its item id, which HN hands out in rising order: the month between two
 *       known points is interpolated and shown as "about Jan 2012";</li>
 *   <li>a story whose saved page carries its capture date (a Wayback or WARC record, an MHTML header, SingleFile's
 *       note) was posted by then: "saved Mar 3, 2013";</li>
 *   <li>otherwise the date is unknown and the row says so, with the import date labelled as such.</li>
 * </ol>
 * Sorting by date uses the same instant: estimated, captured, or (last) imported.
 */
public final class StoryDates {

    /** How a story's date is known. */
    public enum Kind { POSTED, ESTIMATED, CAPTURED, UNKNOWN }

    /** A story's date for the library: the instant to sort by and the text to show. */
    public record Dated(Kind kind, Instant sortKey, String text) {
    }

    /**
     * Known (HN item id, date) points. The first, the 2012, 2013 and 2023 points are read from saved pages of the
     * shared corpus (the item's own page); the January points between are the monthly "Who is hiring?" threads'
     * ids as recalled, each at most weeks off, which the month-level "about" absorbs.
     */
    private static final long[][] HN_POINTS = {
            {1L, day(2006, 10, 9)},
            {100_000L, day(2008, 1, 20)},
            {420_000L, day(2009, 1, 1)},
            {1_030_000L, day(2010, 1, 1)},
            {2_057_000L, day(2011, 1, 1)},
            {3_412_900L, day(2012, 1, 1)},
            {5_002_483L, day(2013, 1, 1)},
            {6_995_000L, day(2014, 1, 1)},
            {8_822_808L, day(2015, 1, 1)},
            {10_822_019L, day(2016, 1, 1)},
            {13_301_832L, day(2017, 1, 1)},
            {16_052_538L, day(2018, 1, 1)},
            {18_807_017L, day(2019, 1, 1)},
            {21_936_440L, day(2020, 1, 1)},
            {25_632_982L, day(2021, 1, 1)},
            {29_782_099L, day(2022, 1, 1)},
            {34_219_335L, day(2023, 1, 2)},
            {36_817_231L, day(2023, 7, 21)},
            {38_842_977L, day(2024, 1, 2)},
            {42_575_537L, day(2025, 1, 2)},
    };

    /** Capture dates before the web archives existed, or after the import, are not believed. */
    private static final Instant EARLIEST_PLAUSIBLE_CAPTURE = Instant.parse("1996-01-01T00:00:00Z");

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    private StoryDates() {
    }

    private static long day(int y, int m, int d) {
        return LocalDate.of(y, m, d).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    public static Dated of(StorySummary s, DateClues clues, ZoneId zone) {
        if (s.posted() != null) {
            return new Dated(Kind.POSTED, s.posted(), DATE.format(s.posted().atZone(zone)));
        }
        if (s.site() == Site.HACKERNEWS && clues != null) {
            Instant estimate = hackerNewsItemDate(clues.siteStoryId());
            if (estimate != null) {
                return new Dated(Kind.ESTIMATED, estimate, "about " + MONTH.format(estimate.atZone(ZoneOffset.UTC)));
            }
        }
        Instant imported = s.lastImported();
        if (clues != null && clues.earliestCapture() != null
                && !clues.earliestCapture().isBefore(EARLIEST_PLAUSIBLE_CAPTURE)
                && (imported == null || !clues.earliestCapture().isAfter(imported))) {
            return new Dated(Kind.CAPTURED, clues.earliestCapture(),
                    "saved " + DATE.format(clues.earliestCapture().atZone(zone)));
        }
        return new Dated(Kind.UNKNOWN, imported, imported == null ? "date unknown"
                : "date unknown · imported " + DATE.format(imported.atZone(zone)));
    }

    /** The month an HN item id was handed out, interpolated between known points; null for no id or a bad one. */
    static Instant hackerNewsItemDate(String itemId) {
        if (itemId == null || !itemId.matches("\\d{1,12}")) {
            return null;
        }
        long id = Long.parseLong(itemId);
        if (id < 1) {
            return null;
        }
        long[] lo = HN_POINTS[0];
        long[] hi = HN_POINTS[HN_POINTS.length - 1];
        if (id >= hi[0]) {
            // Past the last point: extrapolate with the last stretch's rate.
            long[] before = HN_POINTS[HN_POINTS.length - 2];
            return month(hi[1] + (long) ((double) (id - hi[0]) * (hi[1] - before[1]) / (hi[0] - before[0])));
        }
        for (int i = 1; i < HN_POINTS.length; i++) {
            if (id < HN_POINTS[i][0]) {
                lo = HN_POINTS[i - 1];
                hi = HN_POINTS[i];
                break;
            }
        }
        double t = (double) (id - lo[0]) / (hi[0] - lo[0]);
        return month(lo[1] + (long) (t * (hi[1] - lo[1])));
    }

    private static Instant month(long epochSecond) {
        YearMonth ym = YearMonth.from(Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC));
        return ym.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
