package io.threadkeep.importer.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.threadkeep.export.ThreadExport;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.model.Comment;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.testsupport.SharedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The real forum pages of {@code ../shared/corpus/forums}, read in place: each must export exactly as the JSON beside
 * this test, and its posts, authors and opening words must match what a regular expression over the raw markup
 * finds (an independent count, as the corpus's SOURCES table counts them).
 */
class ForumCorpusTest {

    private static final double MIN_RECALL = 1.0;
    private static final double MIN_AUTHORS = 1.0;
    private static final double MIN_TEXTS = 1.0;

    /** One post as the raw markup shows it: id, author, and the words its body opens with (quotes aside). */
    private record Seen(String id, String author, String openingWords) {
    }

    private final PageImporter importer = PageImporter.standard();

    @Test
    void xenforo2ThreadPage(TestReporter reporter) throws IOException {
        Path page = SharedCorpus.siteDir("forums").resolve("xenforo/villagersandheroes-com_patchnotes-4-47-4.html");
        String raw = Files.readString(page, StandardCharsets.UTF_8);
        List<Seen> seen = new ArrayList<>();
        Matcher m = Pattern.compile("data-author=\"([^\"]*)\"\\s+data-content=\"post-(\\d+)\".*?"
                + "<div class=\"bbWrapper\">(.*?)<div class=\"js-selectToQuoteEnd\"", Pattern.DOTALL).matcher(raw);
        while (m.find()) {
            seen.add(new Seen(m.group(2), m.group(1), opening(withoutQuotes(m.group(3), "<blockquote", "</blockquote>"))));
        }
        assertEquals(9, seen.size(), "the marker count of the SOURCES table");
        ParsedThread thread = check(page, Site.XENFORO, seen, reporter);
        // Page 1: the opening post is the story, with its author; the other eight are comments.
        assertEquals("Tiberius", thread.story().author());
        assertEquals(8, thread.comments().size());
        assertEquals(List.of("53796", "54374", "54375"), thread.comments().stream()
                .filter(c -> c.parentId() != null).map(Comment::id).toList(), "the three goto/post quotes");
        assertExportMatches(page, thread, "xenforo-villagersandheroes.json");
    }

    @Test
    void xenforoCommentWidget(TestReporter reporter) throws IOException {
        Path page = SharedCorpus.siteDir("forums").resolve("xenforo/tomshardware-com_rtx-3080-comments-widget.html");
        String raw = Files.readString(page, StandardCharsets.UTF_8);
        List<Seen> seen = new ArrayList<>();
        Matcher m = Pattern.compile("<li class=\"xenforo-comment[^\"]*\" id=\"xenforo-comment-(\\d+)\">.*?"
                + "<span class=\"author-name\">([^<]*)</span>.*?data-rm-words=\"\\d+\">(.*?)</div>\\s*<span "
                + "class=\"xf-comment-reply\"", Pattern.DOTALL).matcher(raw);
        while (m.find()) {
            seen.add(new Seen(m.group(1), m.group(2), opening(withoutQuotes(m.group(3), "<blockquote", "</blockquote>"))));
        }
        assertEquals(10, seen.size(), "the marker count of the SOURCES table");
        ParsedThread thread = check(page, Site.XENFORO, seen, reporter);
        assertEquals(32, thread.story().declaredCommentCount());
        assertTrue(thread.story().url().startsWith("https://forums.tomshardware.com/threads/"));
        assertExportMatches(page, thread, "xenforo-tomshardware-widget.json");
    }

    @Test
    void vbulletin4Page34(TestReporter reporter) throws IOException {
        Path page = SharedCorpus.siteDir("forums").resolve(
                "vbulletin/vbulletin4-2020-10_pocketpc-ch_auslieferung-p34_de_iso8859-1.html");
        String raw = new String(Files.readAllBytes(page), Charset.forName("windows-1252")).replace("\r\n", "\n");
        List<Seen> seen = new ArrayList<>();
        Matcher m = Pattern.compile("<li class=\"postbit[^\"]*\" id=\"post_(\\d+)\">.*?<strong>([^<]*)</strong>.*?"
                + "<blockquote class=\"postcontent restore\"[^>]*>(.*?)</blockquote>\\s*</div>", Pattern.DOTALL)
                .matcher(raw);
        while (m.find()) {
            String body = withoutQuotes(m.group(3), "<div class=\"bbcode_container\">", "</div>\n</div>\n</div>");
            seen.add(new Seen(m.group(1), m.group(2), opening(body)));
        }
        assertEquals(20, seen.size(), "the marker count of the SOURCES table");
        ParsedThread thread = check(page, Site.VBULLETIN, seen, reporter);
        // Page 34 without page 1: a story with its title and no opening post.
        assertEquals(null, thread.story().author());
        assertEquals(null, thread.story().summaryText());
        assertEquals("https://www.pocketpc.ch/windows-phone-7-allgemein/122760-microsoft-beginnt-auslieferung-"
                + "vorbereitungsupdate.html", thread.story().url());
        assertExportMatches(page, thread, "vbulletin-pocketpc-p34.json");
    }

    private ParsedThread check(Path page, Site site, List<Seen> seen, TestReporter reporter) {
        List<PageOutcome> outcomes = importer.importFile(page);
        assertEquals(1, outcomes.size(), outcomes::toString);
        PageOutcome.Parsed parsed = assertInstanceOf(PageOutcome.Parsed.class, outcomes.get(0),
                () -> outcomes.get(0).toString());
        assertEquals(site, parsed.site());
        ParsedThread thread = parsed.thread();
        Map<String, String[]> byId = new HashMap<>();
        for (Comment c : thread.comments()) {
            byId.put(c.id(), new String[] {c.author(), c.text()});
        }
        if (thread.story().summaryText() != null) {
            // The opening post became the story: it counts as found with the story's author and text.
            byId.put(seen.get(0).id(), new String[] {thread.story().author(), thread.story().summaryText()});
        }
        int found = 0;
        int authors = 0;
        int texts = 0;
        for (Seen s : seen) {
            String[] got = byId.get(s.id());
            if (got == null) {
                continue;
            }
            found++;
            if (s.author().equals(got[0])) {
                authors++;
            }
            if (got[1] != null && compact(got[1]).contains(compact(s.openingWords()))) {
                texts++;
            }
        }
        reporter.publishEntry(page.getFileName().toString(), String.format(
                "posts %d/%d, authors %d/%d, texts %d/%d", found, seen.size(), authors, seen.size(), texts,
                seen.size()));
        assertTrue(found >= MIN_RECALL * seen.size(), "posts found " + found + "/" + seen.size());
        assertTrue(authors >= MIN_AUTHORS * seen.size(), "authors right " + authors + "/" + seen.size());
        assertTrue(texts >= MIN_TEXTS * seen.size(), "texts right " + texts + "/" + seen.size());
        return thread;
    }

    private static void assertExportMatches(Path page, ParsedThread thread, String expectedName) throws IOException {
        JsonElement actual = ThreadExport.toJson(thread.story().siteStoryId(), thread.story(), thread.comments());
        try (InputStream in = ForumCorpusTest.class.getResourceAsStream("corpus/" + expectedName)) {
            assertTrue(in != null, "missing expected export " + expectedName);
            JsonElement expected = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(ThreadExport.gson().toJson(expected), ThreadExport.gson().toJson(actual),
                    page.getFileName().toString());
        }
    }

    /** The body's markup with every quote (from its opening tag to its closing marker) cut out. */
    private static String withoutQuotes(String html, String open, String close) {
        String out = html;
        int start;
        while ((start = out.indexOf(open)) >= 0) {
            int end = out.indexOf(close, start);
            if (end < 0) {
                break;
            }
            out = out.substring(0, start) + " " + out.substring(end + close.length());
        }
        return out;
    }

    /** The first eight words of a body's text, scripts and tags dropped, entities decoded. */
    private static String opening(String html) {
        String text = html.replaceAll("(?is)<script.*?</script>", " ").replaceAll("(?s)<[^>]*>", " ");
        text = Parser.unescapeEntities(text, false).replace('\u00A0', ' ').trim();
        String[] words = text.split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(8, words.length)));
    }

    private static String compact(String s) {
        return s.replace('\u00A0', ' ').replaceAll("\\s+", "");
    }
}
