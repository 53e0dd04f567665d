package io.threadkeep.importer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LooseDatesTest {

    private static final Instant SAVED = Instant.parse("2019-03-15T18:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "2019-03-12T10:15:00+01:00         ; 2019-03-12T09:15:00Z",
            "2019-03-12 10:15                  ; 2019-03-12T10:15:00Z",
            "12 March 2019                     ; 2019-03-12T00:00:00Z",
            "March 12, 2019 at 10:15 pm        ; 2019-03-12T22:15:00Z",
            "Friday, May 8th 2020, 10:31pm     ; 2020-05-08T22:31:00Z",
            "03/12/2019 10:15                  ; 2019-03-12T10:15:00Z",
            "13/03/2019                        ; 2019-03-13T00:00:00Z",
            "12.03.2019, 10:15                 ; 2019-03-12T10:15:00Z",
            "12. März 2019 um 10:15 Uhr        ; 2019-03-12T10:15:00Z",
            "Juli 30, 2013 um 2:33 pm          ; 2013-07-30T14:33:00Z",
            "23.09.20 | 18:19                  ; 2020-09-23T18:19:00Z",
            "Yesterday at 10:15                ; 2019-03-14T10:15:00Z",
            "Heute, 08:05                      ; 2019-03-15T08:05:00Z",
            "3 days ago                        ; 2019-03-12T18:00:00Z",
            "vor 2 Stunden                     ; 2019-03-15T16:00:00Z",
            "1 Stunde 51 Minuten her           ; 2019-03-15T16:09:00Z",
            "an hour ago                       ; 2019-03-15T17:00:00Z"})
    void readsAbsoluteAndRelativeDates(String text, String expected) {
        assertEquals(Instant.parse(expected), LooseDates.read(text, SAVED).orElseThrow().instant(), text);
    }

    @Test
    void relativeDatesNeedTheSaveDate() {
        LooseDates.Reading r = LooseDates.read("vor 3 Tagen", null).orElseThrow();
        assertTrue(r.relative());
        assertNull(r.instant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Patch 4.47.4", "31.02.2019", "Beiträge: 2.206", "Reply", "192.168.1.1", ""})
    void whatIsNoDateIsNotOne(String text) {
        assertFalse(LooseDates.looksLikeDate(text), text);
    }
}
