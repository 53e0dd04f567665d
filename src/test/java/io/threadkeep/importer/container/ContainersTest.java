package io.threadkeep.importer.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.threadkeep.export.ThreadExport;
import io.threadkeep.importer.Page;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way of saving a page must give back exactly the bare page's export: the wrappings are built here from the
 * golden pages, in each tool's real format.
 */
class ContainersTest {

    private static final Instant SAVED = Instant.parse("2024-03-02T12:34:56Z");
    private static final String WAYBACK_TIMESTAMP = "20240302123456";
    private static final String SINGLEFILE_DATE = "Sat Mar 02 2024 13:34:56 GMT+0100 (Central European Standard Time)";

    private static final byte[] GIF = java.util.Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

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
                new Wrapping("zip", (page, url) -> Wrappings.zip(page, "thread.html")),
                new Wrapping("zip of a complete save", (page, url) -> Wrappings.zip(page, "thread.html",
                        "body { color: #333 }".getBytes(StandardCharsets.UTF_8), GIF)),
                new Wrapping("MHTML quoted-printable", (page, url) -> Wrappings.mhtml(page, StandardCharsets.UTF_8,
                        url, SAVED, Wrappings.Encoding.QUOTED_PRINTABLE)),
                new Wrapping("MHTML base64", (page, url) -> Wrappings.mhtml(page, StandardCharsets.UTF_8, url, SAVED,
                        Wrappings.Encoding.BASE64)),
                new Wrapping("MHTML windows-1252", (page, url) -> Wrappings.mhtml(page,
                        Charset.forName("windows-1252"), url, SAVED, Wrappings.Encoding.QUOTED_PRINTABLE)),
                new Wrapping("WARC", (page, url) -> Wrappings.warc(page, url, SAVED, false, false)),
                new Wrapping("WARC.gz", (page, url) -> Wrappings.warc(page, url, SAVED, true, false)),
                new Wrapping("WARC.gz, gzip-encoded body", (page, url) -> Wrappings.warc(page, url, SAVED, true,
                        true)),
                new Wrapping("Wayback snapshot", (page, url) -> Wrappings.wayback(page, url, WAYBACK_TIMESTAMP)),
                new Wrapping("SingleFile", (page, url) -> Wrappings.singleFile(page, url, SINGLEFILE_DATE)),
                new Wrapping("zip of gzip of MHTML", (page, url) -> Wrappings.zip(Wrappings.gzip(
                        Wrappings.mhtml(page, StandardCharsets.UTF_8, url, SAVED, Wrappings.Encoding.BASE64)),
                        "thread.mhtml.gz")),
                new Wrapping("gzip of a Wayback snapshot in a WARC", (page, url) -> Wrappings.gzip(Wrappings.warc(
                        Wrappings.wayback(page, url, WAYBACK_TIMESTAMP),
                        "https://web.archive.org/web/" + WAYBACK_TIMESTAMP + "/" + url, SAVED, false, false))));
    }

    static Stream<Path> goldenPages() {
        return Stream.of("hackernews", "reddit", "lobsters").flatMap(site -> {
            try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden", site))) {
                return files.filter(p -> p.toString().endsWith(".html")).sorted().toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Stream<Arguments> pagesAndWrappings() {
        return goldenPages().flatMap(page -> wrappings().stream().map(w -> Arguments.of(page.getFileName()
                .toString(), w, page)));
    }

    private ParsedThread parseOne(byte[] bytes) {
        List<PageOutcome> outcomes = importer.parseAll(PageSource.of("saved", bytes));
        List<PageOutcome> parsed = outcomes.stream().filter(o -> o instanceof PageOutcome.Parsed).toList();
        assertEquals(1, parsed.size(), () -> "expected one thread, got " + outcomes);
        return ((PageOutcome.Parsed) parsed.get(0)).thread();
    }

    private static String export(ParsedThread thread) {
        return ThreadExport.toJsonString((String) null, thread.story(), thread.comments());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("pagesAndWrappings")
    void wrappedPageExportsExactlyLikeTheBarePage(String name, Wrapping wrapping, Path page) throws IOException {
        byte[] bare = Files.readAllBytes(page);
        ParsedThread bareThread = parseOne(bare);
        String url = bareThread.story().url();
        ParsedThread wrapped = parseOne(wrapping.wrap().apply(bare, url));
        JsonObject expected = JsonParser.parseString(export(bareThread)).getAsJsonObject();
        JsonObject actual = JsonParser.parseString(export(wrapped)).getAsJsonObject();
        // Relative ages ("4 hours ago") resolve only against a save date, which some wrappings carry and the bare
        // page does not; everything else must be identical.
        if (wrapped.capturedAt() != null && bareThread.capturedAt() == null) {
            dropUnresolvedTimes(expected, actual);
        }
        assertEquals(expected, actual, () -> name + " in " + wrapping + " exported differently:\n" + actual);
        assertEquals(bareThread.nextPageKeys(), wrapped.nextPageKeys());
    }

    private static void dropUnresolvedTimes(JsonObject bare, JsonObject wrapped) {
        if (bare.getAsJsonObject("story").get("posted").isJsonNull()) {
            wrapped.getAsJsonObject("story").add("posted", JsonNull.INSTANCE);
        }
        JsonArray bareComments = bare.getAsJsonArray("comments");
        JsonArray wrappedComments = wrapped.getAsJsonArray("comments");
        for (int i = 0; i < Math.min(bareComments.size(), wrappedComments.size()); i++) {
            if (bareComments.get(i).getAsJsonObject().get("posted").isJsonNull()) {
                wrappedComments.get(i).getAsJsonObject().add("posted", JsonNull.INSTANCE);
            }
        }
    }

    @Test
    void mhtmlGivesItsDateAsCaptureTimeAndResolvesRelativeAges() throws IOException {
        byte[] bare = Files.readAllBytes(Path.of("src/test/resources/golden/hackernews/table-era-ask-logged-in.html"));
        ParsedThread thread = parseOne(Wrappings.mhtml(bare, StandardCharsets.UTF_8,
                "https://news.ycombinator.com/item?id=700100", SAVED, Wrappings.Encoding.QUOTED_PRINTABLE));
        assertEquals(SAVED, thread.capturedAt());
        Comment first = thread.comments().get(0);
        assertEquals("4 hours ago", first.postedText());
        assertEquals(SAVED.minus(Duration.ofHours(4)), first.posted());
        assertNull(parseOne(bare).comments().get(0).posted(), "a bare page has no save date to resolve against");
    }

    @Test
    void mhtmlPartKeepsItsUrlAndCharset() throws Exception {
        byte[] bare = Files.readAllBytes(Path.of("src/test/resources/golden/reddit/old-design-german-ui.html"));
        String url = "https://old.reddit.com/r/woodworking/comments/9zq1kx/what_finish_survives_a_kitchen_table/";
        List<PageSource> pages = new MhtmlReader().read(PageSource.of("x.mhtml",
                Wrappings.mhtml(bare, Charset.forName("windows-1252"), url, SAVED, Wrappings.Encoding.BASE64)));
        assertEquals(1, pages.size(), "the frame and the image are not pages");
        assertEquals(url, pages.get(0).url());
        assertEquals("windows-1252", pages.get(0).declaredCharset());
        assertEquals(SAVED, pages.get(0).capturedAt());
    }

    @Test
    void warcRecordsGiveTargetDateAndHttpCharset() throws Exception {
        byte[] bare = Files.readAllBytes(Path.of("src/test/resources/golden/lobsters/current-generation.html"));
        String url = "https://lobste.rs/s/a1b2c3/how_comment_threads_get_sorted";
        for (boolean gzipped : new boolean[] {false, true}) {
            byte[] warc = Wrappings.warc(bare, url, SAVED, gzipped, gzipped);
            WarcReader reader = new WarcReader();
            assertTrue(reader.accepts(Arrays.copyOf(warc, Math.min(warc.length, 8192))));
            List<PageSource> pages = reader.read(PageSource.of("crawl.warc", warc));
            assertEquals(1, pages.size(), "the request and the image are not pages");
            assertEquals(url, pages.get(0).url());
            assertEquals(SAVED, pages.get(0).capturedAt());
            assertEquals("utf-8", pages.get(0).declaredCharset());
            assertTrue(Arrays.equals(bare, pages.get(0).bytes()), "the body is the page, decoded");
        }
        assertTrue(!new GzipReader().accepts(new byte[] {'W', 'A', 'R', 'C'}));
    }

    @Test
    void waybackSnapshotGivesOriginalUrlAndTimestampAndLosesItsToolbar() throws IOException {
        byte[] bare = Files.readAllBytes(Path.of("src/test/resources/golden/hackernews/athing-show-hn-logged-out.html"));
        String url = "https://news.ycombinator.com/item?id=4100200";
        byte[] snapshot = Wrappings.wayback(bare, url, WAYBACK_TIMESTAMP);
        Document doc = Jsoup.parse(new String(snapshot, StandardCharsets.UTF_8), "https://web.archive.org/");
        Page page = new WaybackRewriter().rewrite(new Page(doc, null, null, "snapshot"));
        assertEquals(url, page.url());
        assertEquals(Instant.parse("2024-03-02T12:34:56Z"), page.capturedAt());
        assertNull(doc.getElementById("wm-ipp-base"));
        assertTrue(doc.select("script[src*=_static], script:containsData(__wm)").isEmpty());
        assertTrue(doc.select("[href*=/web/], [src*=/web/]").isEmpty(), () -> doc.select("[href*=/web/]").toString());
        assertEquals("https://news.ycombinator.com/item?id=4100201",
                doc.selectFirst("tr.athing.comtr span.age a").attr("href"));
    }

    @Test
    void aPageThatOnlyLinksToTheArchiveIsNotASnapshot() {
        String html = "<html><body><p>See <a href=\"http://web.archive.org/web/20090424093934/http://example.com/\">"
                + "this old copy</a>.</p></body></html>";
        Document doc = Jsoup.parse(html);
        Page page = new WaybackRewriter().rewrite(new Page(doc, null, null, "plain"));
        assertNull(page.capturedAt());
        assertEquals("http://web.archive.org/web/20090424093934/http://example.com/", doc.selectFirst("a").attr("href"));
    }

    @Test
    void singleFileHeaderGivesUrlAndSaveDate() {
        byte[] page = Wrappings.singleFile("<html lang=en><head></head><body><p>x</p></body></html>"
                .getBytes(StandardCharsets.UTF_8), "https://lobste.rs/s/a1b2c3", SINGLEFILE_DATE);
        Document doc = Jsoup.parse(new String(page, StandardCharsets.UTF_8));
        Page rewritten = new SingleFileRewriter().rewrite(new Page(doc, null, null, "sf.html"));
        assertEquals("https://lobste.rs/s/a1b2c3", rewritten.url());
        assertEquals(Instant.parse("2024-03-02T12:34:56Z"), rewritten.capturedAt());
    }

    @Test
    void browsersMarkOfTheWebGivesTheUrl() {
        Document doc = Jsoup.parse("<!DOCTYPE html>\n<!-- saved from url=(0045)https://news.ycombinator.com/item?id=4100200 -->"
                + "<html><head></head><body></body></html>");
        Page rewritten = new SingleFileRewriter().rewrite(new Page(doc, null, null, "saved.html"));
        assertEquals("https://news.ycombinator.com/item?id=4100200", rewritten.url());
        assertNull(rewritten.capturedAt());
    }

    @Test
    void completeSaveInAZipYieldsTheThreadAndSkipsItsFrame() throws IOException {
        byte[] bare = Files.readAllBytes(Path.of("src/test/resources/golden/lobsters/older-generation.html"));
        byte[] frame = "<html><body><p>an embedded player</p></body></html>".getBytes(StandardCharsets.UTF_8);
        List<PageOutcome> outcomes = importer.parseAll(PageSource.of("save.zip",
                Wrappings.zip(bare, "thread.html", frame, GIF, "a{}".getBytes(StandardCharsets.UTF_8))));
        assertEquals(2, outcomes.size(), outcomes::toString);
        assertInstanceOf(PageOutcome.Parsed.class, outcomes.get(0));
        assertInstanceOf(PageOutcome.Skipped.class, outcomes.get(1));
    }

    @Test
    void damagedContainersFailWithAReason() {
        byte[] gz = Wrappings.gzip("<html><body>".repeat(2000).getBytes(StandardCharsets.UTF_8));
        List<PageOutcome> truncated = importer.parseAll(PageSource.of("cut.gz", Arrays.copyOf(gz, gz.length / 2)));
        assertInstanceOf(PageOutcome.Failed.class, truncated.get(0), truncated::toString);
        byte[] notZip = "PK\u0003\u0004 this is not really a zip file".getBytes(StandardCharsets.ISO_8859_1);
        List<PageOutcome> bad = importer.parseAll(PageSource.of("bad.zip", notZip));
        assertEquals(1, bad.size());
        assertTrue(!(bad.get(0) instanceof PageOutcome.Parsed), bad::toString);
    }
}
