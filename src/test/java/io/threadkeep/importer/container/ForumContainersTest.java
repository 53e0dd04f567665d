package io.threadkeep.importer.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.threadkeep.export.ThreadExport;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.PageSource;
import io.threadkeep.model.Comment;
import io.threadkeep.model.ParsedThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forum engines' pages saved every way people save them: each wrapping must give back the bare page's export,
 * and a wrapping that carries the save date resolves the relative dates the bare page leaves as text.
 */
class ForumContainersTest {

    private static final Instant SAVED = Instant.parse("2024-03-02T12:34:56Z");
    private static final Path FORUMS = Path.of("src/test/resources/golden/forums");

    private final PageImporter importer = PageImporter.standard();

    record Wrapping(String name, BiFunction<byte[], String, byte[]> wrap) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Wrapping> wrappings() {
        return List.of(
                new Wrapping("gzip", (page, url) -> Wrappings.gzip(page)),
                new Wrapping("zip of a complete save", (page, url) -> Wrappings.zip(page, "thread.html",
                        "body { color: #333 }".getBytes(StandardCharsets.UTF_8))),
                new Wrapping("MHTML windows-1252", (page, url) -> Wrappings.mhtml(page,
                        Charset.forName("windows-1252"), url, SAVED, Wrappings.Encoding.QUOTED_PRINTABLE)),
                new Wrapping("WARC.gz", (page, url) -> Wrappings.warc(page, url, SAVED, true, false)),
                new Wrapping("Wayback snapshot", (page, url) -> Wrappings.wayback(page, url, "20240302123456")),
                new Wrapping("SingleFile", (page, url) -> Wrappings.singleFile(page, url,
                        "Sat Mar 02 2024 13:34:56 GMT+0100 (Central European Standard Time)")));
    }

    static Stream<Arguments> pagesAndWrappings() throws IOException {
        try (Stream<Path> files = Files.list(FORUMS)) {
            List<Path> pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            return pages.stream().flatMap(page -> wrappings().stream()
                    .map(w -> Arguments.of(page.getFileName().toString(), w, page)));
        }
    }

    private ParsedThread parseOne(byte[] bytes) {
        List<PageOutcome> outcomes = importer.parseAll(PageSource.of("saved", bytes));
        List<PageOutcome> parsed = outcomes.stream().filter(o -> o instanceof PageOutcome.Parsed).toList();
        assertEquals(1, parsed.size(), () -> "expected one thread, got " + outcomes);
        return ((PageOutcome.Parsed) parsed.get(0)).thread();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("pagesAndWrappings")
    void wrappedForumPageExportsLikeTheBarePage(String name, Wrapping wrapping, Path page) {
        byte[] bare = read(page);
        ParsedThread bareThread = parseOne(bare);
        ParsedThread wrapped = parseOne(wrapping.wrap().apply(bare, bareThread.story().url()));
        JsonObject expected = JsonParser.parseString(ThreadExport.toJsonString((String) null, bareThread.story(),
                bareThread.comments())).getAsJsonObject();
        JsonObject actual = JsonParser.parseString(ThreadExport.toJsonString((String) null, wrapped.story(),
                wrapped.comments())).getAsJsonObject();
        if (wrapped.capturedAt() != null) {
            // Relative dates resolve only against a save date; the bare file has none.
            JsonArray bareComments = expected.getAsJsonArray("comments");
            JsonArray wrappedComments = actual.getAsJsonArray("comments");
            for (int i = 0; i < Math.min(bareComments.size(), wrappedComments.size()); i++) {
                if (bareComments.get(i).getAsJsonObject().get("posted").isJsonNull()) {
                    wrappedComments.get(i).getAsJsonObject().add("posted", JsonNull.INSTANCE);
                }
            }
        }
        assertEquals(expected, actual, () -> name + " in " + wrapping + " exported differently:\n" + actual);
    }

    @Test
    void theMhtmlDateResolvesYesterdayAndHeute() {
        ParsedThread vb = parseOne(Wrappings.mhtml(read(FORUMS.resolve("vbulletin4-page3.html")),
                StandardCharsets.UTF_8, "https://aquaria.example.net/threads/4410-Cloudy-water-after-a-filter-change/page3",
                SAVED, Wrappings.Encoding.BASE64));
        Comment yesterday = vb.comments().get(0);
        assertEquals(Instant.parse("2024-03-01T22:15:00Z"), yesterday.posted());
        assertNull(yesterday.postedText());

        ParsedThread smf = parseOne(Wrappings.warc(read(FORUMS.resolve("smf20-topic.html")),
                "https://imker.example.de/index.php?topic=1733.0", SAVED, false, false));
        assertEquals(Instant.parse("2024-03-02T09:12:00Z"), smf.comments().get(1).posted());
    }

    @Test
    void aBarePageKeepsAnUnresolvedDateAsText() {
        ParsedThread vb = parseOne(read(FORUMS.resolve("vbulletin4-page3.html")));
        assertNull(vb.comments().get(0).posted());
        assertEquals("Yesterday, 10:15 PM", vb.comments().get(0).postedText());
    }

    @Test
    void pageTwoOfAThreadIsTheSameStoryAsPageOne() {
        ParsedThread page1 = parseOne(read(FORUMS.resolve("xenforo2-thread-page1.html")));
        String page2 = new String(read(FORUMS.resolve("xenforo2-thread-page1.html")), StandardCharsets.UTF_8)
                .replace("sourdough-starter-smells-of-acetone.4521/\" />",
                        "sourdough-starter-smells-of-acetone.4521/page-2\" />")
                .replace("pageNav-page pageNav-page--current ", "pageNav-page ")
                .replace("<li class=\"pageNav-page \"><a href=\"/threads/sourdough-starter-smells-of-acetone.4521/"
                        + "page-2\">2</a>", "<li class=\"pageNav-page pageNav-page--current \"><a href=\"#\">2</a>")
                .replace(">#1<", ">#21<").replace(">#2<", ">#22<").replace(">#3<", ">#23<");
        ParsedThread later = parseOne(page2.getBytes(StandardCharsets.UTF_8));
        assertEquals(page1.story().url(), later.story().url());
        assertEquals(page1.story().siteStoryId(), later.story().siteStoryId());
        // Without page 1 the first post is a comment and the story has no opening post.
        assertNull(later.story().author());
        assertEquals(3, later.comments().size());
    }

    private static byte[] read(Path page) {
        try {
            return Files.readAllBytes(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
