package io.threadkeep.ui.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Site;
import io.threadkeep.store.ReaderMarks.DateClues;
import io.threadkeep.store.StorySummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryDatesTest {

    private static final Instant IMPORTED = Instant.parse("2026-12-02T10:00:00Z");

    private static StorySummary story(long id, Site site, Instant posted) {
        return new StorySummary(id, site, "story " + id, "https://example.test/" + id, posted, 10, null, 3, null,
                IMPORTED);
    }

    @Test
    void aHackerNewsItemIdGivesTheMonthAsAnEstimate() {
        StoryDates.Dated hiring = StoryDates.of(story(1, Site.HACKERNEWS, null), new DateClues("3412900", null),
                ZoneOffset.UTC);
        assertEquals(StoryDates.Kind.ESTIMATED, hiring.kind());
        assertEquals("about Jan 2012", hiring.text());
        assertEquals("about Jan 2013", StoryDates.of(story(2, Site.HACKERNEWS, null),
                new DateClues("5002483", null), ZoneOffset.UTC).text());
        assertEquals("about Jul 2023", StoryDates.of(story(3, Site.HACKERNEWS, null),
                new DateClues("36817231", null), ZoneOffset.UTC).text());
        // Between two points the month is interpolated; past the last one the last rate carries on.
        Instant mid2012 = StoryDates.hackerNewsItemDate("4200000");
        assertTrue(mid2012.isAfter(Instant.parse("2012-04-01T00:00:00Z"))
                && mid2012.isBefore(Instant.parse("2012-09-01T00:00:00Z")), mid2012.toString());
        assertTrue(StoryDates.hackerNewsItemDate("46000000").isAfter(Instant.parse("2025-01-01T00:00:00Z")));
        assertNull(StoryDates.hackerNewsItemDate("x=1"));
        assertNull(StoryDates.hackerNewsItemDate(null));
    }

    @Test
    void aCaptureDateSaysWhenItWasSavedAndAnUnknownDateSaysSo() {
        Instant captured = Instant.parse("2013-03-03T12:00:00Z");
        StoryDates.Dated saved = StoryDates.of(story(4, Site.REDDIT, null), new DateClues(null, captured),
                ZoneOffset.UTC);
        assertEquals(StoryDates.Kind.CAPTURED, saved.kind());
        assertEquals("saved Mar 3, 2013", saved.text());
        // A capture date after the import (a wrong clock) is not believed.
        StoryDates.Dated future = StoryDates.of(story(5, Site.REDDIT, null),
                new DateClues(null, Instant.parse("2030-01-01T00:00:00Z")), ZoneOffset.UTC);
        assertEquals(StoryDates.Kind.UNKNOWN, future.kind());
        assertEquals("date unknown · imported Dec 2, 2026", future.text());
        assertEquals(IMPORTED, future.sortKey(), "sorted by its import date");
        StoryDates.Dated posted = StoryDates.of(story(6, Site.SLASHDOT, Instant.parse("2008-09-24T16:00:00Z")),
                null, ZoneOffset.UTC);
        assertEquals("Sep 24, 2008", posted.text());
    }

    @Test
    void sortingByDateUsesTheEstimateNotTheImportDay() {
        List<StorySummary> stories = new ArrayList<>(List.of(
                story(1, Site.HACKERNEWS, null),
                story(2, Site.SLASHDOT, Instant.parse("2020-10-07T00:00:00Z")),
                story(3, Site.LOBSTERS, null)));
        Map<Long, DateClues> clues = Map.of(1L, new DateClues("3412900", null), 3L, new DateClues(null, null));
        stories.sort(LibraryViewModel.comparator(LibraryViewModel.SortKey.DATE, clues::get));
        // The undated Lobsters story sorts by its import day (2026), the HN one by its estimate (2012).
        assertEquals(List.of(3L, 2L, 1L), stories.stream().map(StorySummary::id).toList());
    }
}
