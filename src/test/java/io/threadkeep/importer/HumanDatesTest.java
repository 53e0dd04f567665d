package io.threadkeep.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HumanDatesTest {

    private static final Instant SAVED = Instant.parse("2024-03-02T12:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void relativeAgesInGermanAndEnglishResolveFromTheSaveTime() {
        assertEquals(Instant.parse("2024-03-02T11:10:00Z"), HumanDates.resolve("50 Minuten 46 Sekunden her", SAVED,
                ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-02-28T12:00:00Z"), HumanDates.resolve("vor 3 Tagen", SAVED, ZoneOffset.UTC));
        assertEquals(Instant.parse("2020-03-02T12:00:00Z"), HumanDates.resolve("4 yr. ago", SAVED, ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-03-02T09:00:00Z"), HumanDates.resolve("3 hours ago", SAVED, ZoneOffset.UTC));
        assertEquals(Instant.parse("2023-03-02T12:00:00Z"), HumanDates.resolve("vor einem Jahr", SAVED,
                ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-03-01T09:15:00Z"), HumanDates.resolve("Yesterday at 10:15", SAVED, BERLIN));
        assertEquals(Instant.parse("2024-03-01T09:15:00Z"), HumanDates.resolve("Gestern um 10:15", SAVED, BERLIN));
        assertEquals(Instant.parse("2024-03-02T21:30:00Z"), HumanDates.resolve("Today at 9:30 PM", SAVED,
                ZoneOffset.UTC));
    }

    @Test
    void relativeAgesWithoutASaveTimeStayUnresolved() {
        assertNull(HumanDates.resolve("vor 3 Tagen", null, ZoneOffset.UTC));
        assertNull(HumanDates.resolve("Yesterday at 10:15", null, ZoneOffset.UTC));
    }

    @Test
    void absoluteDatesInTheFormsBlogsAndForumsPrint() {
        assertEquals(Instant.parse("2014-03-03T10:12:00Z"), HumanDates.resolve("March 3, 2014 at 10:12 am", null,
                ZoneOffset.UTC));
        assertEquals(Instant.parse("2014-03-03T09:12:00Z"), HumanDates.resolve("3. März 2014 um 10:12 Uhr", null,
                BERLIN));
        assertEquals(Instant.parse("2014-03-03T09:12:00Z"), HumanDates.resolve("03.03.2014, 10:12", null, BERLIN));
        assertEquals(Instant.parse("2013-07-30T14:33:00Z"), HumanDates.resolve("Juli 30, 2013 um 2:33 pm", null,
                ZoneOffset.UTC));
        assertEquals(Instant.parse("2020-05-08T22:31:00Z"), HumanDates.resolve("Friday, May 8th 2020, 10:31pm", null,
                ZoneOffset.UTC));
        assertEquals(Instant.parse("2014-02-06T20:37:20Z"), HumanDates.resolve("2014-02-06 20:37:20Z", null, BERLIN));
        assertEquals(Instant.parse("2016-06-23T15:21:09Z"), HumanDates.resolve("2016-06-23T17:21:09+02:00", null,
                ZoneOffset.UTC));
        assertEquals(Instant.parse("2015-03-04T00:00:00Z"), HumanDates.resolve("Mar 4 '15", null, ZoneOffset.UTC));
        assertNull(HumanDates.resolve("Antworten", SAVED, ZoneOffset.UTC));
    }
}
