package io.threadkeep.importer.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForumDatesTest {

    /** A Wednesday. */
    private static final Instant SAVED = Instant.parse("2024-03-06T12:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Mon Jan 05, 2015 10:15 am|2015-01-05T10:15:00Z",
            "Posted: Tue Jun 14, 2005 9:41 pm|2005-06-14T21:41:00Z",
            "03.03.2011, 14:17|2011-03-03T14:17:00Z",
            "14.02.2010, 20:11|2010-02-14T20:11:00Z",
            "17 September 2020 14:17|2020-09-17T14:17:00Z",
            "27. September 2018 um 14:51 Uhr|2018-09-27T14:51:00Z",
            "02. Januar 2021, 14:05:33|2021-01-02T14:05:33Z",
            "September 17, 2020, 02:17:00 PM|2020-09-17T14:17:00Z",
            "Sep 18, 2020 at 8:56 AM|2020-09-18T08:56:00Z",
            "02-11-2009, 09:14 PM|2009-02-11T21:14:00Z",
            "13-02-2009, 09:14|2009-02-13T09:14:00Z",
            "2021-07-02 20:31|2021-07-02T20:31:00Z",
            "12 Mai 2016 um 19:02|2016-05-12T19:02:00Z",
            "12:00 AM, March 1st 2019|2019-03-01T00:00:00Z"})
    void absoluteDates(String shown, String expected) {
        assertEquals(Instant.parse(expected), ForumDates.text(shown, null).instant());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Today at 10:15 AM|2024-03-06T10:15:00Z",
            "Yesterday at 10:15 PM|2024-03-05T22:15:00Z",
            "Yesterday, 07:45 AM|2024-03-05T07:45:00Z",
            "Heute, 10:15|2024-03-06T10:15:00Z",
            "Gestern um 23:05|2024-03-05T23:05:00Z",
            "Heute um 09:12:00|2024-03-06T09:12:00Z",
            "vor 3 Tagen|2024-03-03T12:00:00Z",
            "vor einer Stunde|2024-03-06T11:00:00Z",
            "50 Minuten her|2024-03-06T11:10:00Z",
            "2 hours ago|2024-03-06T10:00:00Z",
            "a minute ago|2024-03-06T11:59:00Z",
            "Sunday at 9:12 PM|2024-03-03T21:12:00Z",
            "Montag um 08:00|2024-03-04T08:00:00Z"})
    void relativeDatesResolveFromTheSaveDate(String shown, String expected) {
        ForumDates.Posted posted = ForumDates.text(shown, SAVED);
        assertEquals(Instant.parse(expected), posted.instant());
        assertEquals(shown, posted.text());
    }

    @Test
    void relativeDatesWithoutASaveDateKeepTheirText() {
        ForumDates.Posted posted = ForumDates.text("Yesterday at 10:15 PM", null);
        assertNull(posted.instant());
        assertEquals("Yesterday at 10:15 PM", posted.text());
        assertNull(ForumDates.text("vor 3 Tagen", null).instant());
    }

    @Test
    void wordsThatOnlyLookRelativeDoNotMakeADateRelative() {
        // "ago" inside "Chicago" and "her" inside "other" are not ages.
        assertEquals(Instant.parse("2015-01-05T10:15:00Z"),
                ForumDates.text("Jan 05, 2015 10:15 am Chicago other", SAVED).instant());
    }

    @Test
    void machineValues() {
        assertEquals(Instant.parse("2020-09-18T15:56:40Z"), ForumDates.machine("2020-09-18T08:56:40-0700"));
        assertEquals(Instant.parse("2020-09-18T15:56:40Z"), ForumDates.machine("1600444600"));
        assertEquals(Instant.parse("2023-09-01T09:00:00Z"), ForumDates.machine("1693558800000"));
        assertEquals(Instant.parse("2022-11-05T18:22:41Z"), ForumDates.machine("2022-11-05T18:22:41+00:00"));
        assertNull(ForumDates.machine("soon"));
    }

    @Test
    void textThatIsNoDateGivesNoInstant() {
        assertNull(ForumDates.text("Re: Tube amp hums", SAVED).instant());
        assertNull(ForumDates.text("", SAVED).text());
    }
}
