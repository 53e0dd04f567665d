package io.threadkeep.importer.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.threadkeep.export.ThreadExport;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.PageSource;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The new sites through containers: a Chrome MHTML save whose first HTML part is an advert frame (the thread is the
 * part at the snapshot's own URL), and a Wayback Machine snapshot.
 */
class DiscussionSitesContainersTest {

    private static final Instant SAVED = Instant.parse("2024-03-02T12:34:56Z");
    private final PageImporter importer = PageImporter.standard();

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = DiscussionSitesContainersTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    /** Chrome puts frames (ads, comment embeds) in their own HTML parts, not always after the page. */
    static byte[] mhtmlWithFrameFirst(byte[] page, String url) {
        String boundary = "----MultipartBoundary--Zq1x2c3v4b5n6m7----";
        StringBuilder s = new StringBuilder();
        s.append("From: <Saved by Blink>\r\nSnapshot-Content-Location: ").append(url).append("\r\n")
                .append("Subject: A question\r\nDate: Sat, 2 Mar 2024 12:34:56 -0000\r\nMIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"")
                .append(boundary).append("\"\r\n\r\n\r\n");
        s.append("--").append(boundary).append("\r\nContent-Type: text/html\r\n")
                .append("Content-ID: <frame-AD@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n")
                .append("Content-Location: https://ads.example.invalid/slot?id=3D1\r\n\r\n")
                .append("<html><body><div id=3D\"question\" data-questionid=3D\"1\">an advert</div></body></html>")
                .append("\r\n");
        s.append("--").append(boundary).append("\r\nContent-Type: text/html; charset=\"utf-8\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\nContent-Location: ").append(url).append("\r\n\r\n")
                .append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(page))
                .append("\r\n");
        s.append("--").append(boundary).append("--\r\n");
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private ParsedThread only(byte[] bytes) {
        List<PageOutcome> outcomes = importer.parseAll(PageSource.of("saved", bytes));
        assertEquals(1, outcomes.size(), outcomes::toString);
        return assertInstanceOf(PageOutcome.Parsed.class, outcomes.get(0), outcomes::toString).thread();
    }

    @Test
    void stackOverflowQuestionSavedAsMhtmlByChrome() throws IOException {
        byte[] bare = resource("/golden/stackexchange/stacks-2023-accepted-and-comments.html");
        ParsedThread expected = only(bare);
        ParsedThread saved = only(mhtmlWithFrameFirst(bare,
                "https://unix.stackexchange.com/questions/4242/how-do-i-pin-a-thread-to-a-core"));
        assertEquals(Site.STACKEXCHANGE, saved.story().site());
        assertEquals(SAVED, saved.capturedAt());
        assertEquals(ThreadExport.toJsonString((String) null, expected.story(), expected.comments()),
                ThreadExport.toJsonString((String) null, saved.story(), saved.comments()));
    }

    @Test
    void wordPressPostFromTheWaybackMachine() throws IOException {
        byte[] bare = resource("/golden/wordpress/twentytwenty-threaded-with-pingback.html");
        ParsedThread expected = only(bare);
        ParsedThread archived = only(Wrappings.wayback(bare,
                "https://workbench.example.org/2020/07/repairing-a-1970s-radio/", "20240302123456"));
        assertEquals(Site.WORDPRESS, archived.story().site());
        assertEquals(SAVED, archived.capturedAt());
        assertEquals(expected.story().url(), archived.story().url());
        assertEquals(ThreadExport.toJsonString((String) null, expected.story(), expected.comments()),
                ThreadExport.toJsonString((String) null, archived.story(), archived.comments()));
    }
}
