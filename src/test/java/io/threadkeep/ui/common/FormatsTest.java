package io.threadkeep.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadkeep.model.Site;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void pagesOfTheGeneralReaderGoByTheirHostAndKnownSitesByTheirName() {
        assertEquals("katzen-forum.net", Formats.siteName(Site.WEB, "https://www.katzen-forum.net/threads/pepe.1/"));
        assertEquals("forum.example.org", Formats.siteName(Site.WEB, "http://forum.example.org:8080/t/1"));
        assertEquals("Web", Formats.siteName(Site.WEB, "not a url at all"));
        assertEquals("Web", Formats.siteName(Site.WEB, null));
        assertEquals("XenForo", Formats.siteName(Site.XENFORO, "https://forum.example.org/threads/x.1/"));
    }
}
