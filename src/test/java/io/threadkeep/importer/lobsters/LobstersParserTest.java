package io.threadkeep.importer.lobsters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.importer.NotAThreadException;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.ParsedThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LobstersParserTest {

    private static Page golden(String name) throws IOException {
        return new Page(PageImporter.parseHtml(Files.readString(Path.of("src/test/resources/golden/lobsters", name)),
                null), null, null, name);
    }

    private static Map<String, Comment> byId(ParsedThread thread) {
        return thread.comments().stream().collect(Collectors.toMap(Comment::id, Function.identity()));
    }

    @Test
    void currentGenerationRemovedCommentsAndHiddenScores() throws Exception {
        ParsedThread thread = new LobstersParser().parse(golden("current-generation.html"));
        Map<String, Comment> c = byId(thread);
        assertEquals(CommentState.REMOVED, c.get("m1n2o3").state(), "removed by a moderator");
        assertEquals(CommentState.DELETED, c.get("w1x2y3").state(), "removed by its author");
        assertEquals("bramble", c.get("m1n2o3").author(), "Lobsters keeps the author of a removed comment");
        assertNull(c.get("m1n2o3").text());
        assertEquals("m1n2o3", c.get("q4r5s6").parentId());
        assertNull(c.get("t7u8v9").score(), "'~' is a hidden score");
        assertEquals(Instant.ofEpochSecond(1736420400), c.get("f4g5h6").posted());
        assertEquals(Instant.ofEpochSecond(1736442000), thread.capturedAt(), "the page's own clock");
        assertEquals(List.of("databases", "web"), thread.story().topics());
        assertEquals("https://blog.example.com/2025/01/comment-sorting", thread.story().linkUrl());
    }

    @Test
    void olderGenerationUsersScoresAndZonedTimes() throws Exception {
        ParsedThread thread = new LobstersParser().parse(golden("older-generation.html"));
        Map<String, Comment> c = byId(thread);
        assertEquals(5, c.size(), "the comment form is not a comment");
        assertEquals("chervil", c.get("ef34gh").author());
        assertEquals(-2, c.get("qr90st").score());
        assertEquals(Instant.parse("2017-05-04T13:02:10Z"), c.get("ef34gh").posted());
        assertEquals(CommentState.DELETED, c.get("ij56kl").state());
        assertEquals("mn78op", c.get("ij56kl").parentId());
        assertNull(thread.story().linkUrl(), "a text post links to itself");
        assertEquals("https://lobste.rs/s/z9y8x7", thread.story().url());
    }

    @Test
    void timesWithoutAZoneAreTheServersLocalTime() {
        assertEquals(Instant.parse("2026-07-12T02:34:31Z"), LobstersParser.parseTitleTime("2026-07-11 21:34:31"));
        assertEquals(Instant.parse("2014-03-02T16:11:12Z"), LobstersParser.parseTitleTime("2014-03-02 10:11:12 -0600"));
    }

    @Test
    void sitesRunningTheSameSoftwareAreNotLobsters() {
        String html = "<html><head><link rel=\"canonical\" href=\"https://tilde.news/s/qwerty/a_story\"></head><body>"
                + "<ol class=\"stories\"><li id=\"story_qwerty\" data-shortid=\"qwerty\" class=\"story\"></li></ol>"
                + "<ol class=\"comments comments1\"><li class=\"comments_subtree\"><div id=\"c_abcdef\" "
                + "data-shortid=\"abcdef\" class=\"comment\"></div></li></ol></body></html>";
        Page page = new Page(PageImporter.parseHtml(html, null), null, null, "tilde");
        assertTrue(!new LobstersParser().accepts(page));
    }

    @Test
    void theFrontPageIsNotAThread() {
        String html = "<html><body><ol class=\"stories list\">"
                + "<li id=\"story_aaaaaa\" data-shortid=\"aaaaaa\" class=\"story\"><span class=\"link\"><a href=\"https://a.example\">A</a></span></li>"
                + "<li id=\"story_bbbbbb\" data-shortid=\"bbbbbb\" class=\"story\"><span class=\"link\"><a href=\"https://b.example\">B</a></span></li>"
                + "</ol></body></html>";
        Page page = new Page(PageImporter.parseHtml(html, null), "https://lobste.rs/", null, "front");
        assertTrue(new LobstersParser().accepts(page));
        assertThrows(NotAThreadException.class, () -> new LobstersParser().parse(page));
    }
}
