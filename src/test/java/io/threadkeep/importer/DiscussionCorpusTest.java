package io.threadkeep.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.threadkeep.export.ThreadExport;
import io.threadkeep.model.Comment;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.testsupport.SharedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The real Stack Exchange, WordPress and wpDiscuz pages in {@code ../shared/corpus}, read in place: recall of posts,
 * parents, authors and texts against {@link DiscussionOracle}'s independent reading of the raw markup, and the
 * page's shape (story key, counts, first posts' ids and parents, accepted answer) against the expected JSON beside
 * this test in {@code src/test/resources/corpus-expected/} (structure only: no page text is copied into the project).
 */
class DiscussionCorpusTest {

    private static final double MIN_RECALL = 0.98;
    private static final double MIN_PARENT = 0.98;
    private static final double MIN_AUTHOR = 0.98;
    private static final double MIN_TEXT = 0.95;

    private final PageImporter importer = PageImporter.standard();

    private static Path page(String folder, String name) {
        Path file = SharedCorpus.siteDir(folder).resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "missing " + file);
        return file;
    }

    private ParsedThread parse(Path page, Site site) {
        List<PageOutcome> outcomes = importer.importFile(page);
        assertEquals(1, outcomes.size(), outcomes::toString);
        PageOutcome.Parsed parsed = assertInstanceOf(PageOutcome.Parsed.class, outcomes.get(0),
                () -> outcomes.get(0).toString());
        assertEquals(site, parsed.site());
        return parsed.thread();
    }

    /** Checks recall, parents, authors and texts; returns the thread for further checks. */
    private ParsedThread check(Path page, Site site, List<CorpusOracle.Expected> expected, boolean checkParents,
                               TestReporter reporter) {
        assertTrue(expected.size() > 5, () -> "the oracle found too few posts in " + page);
        ParsedThread thread = parse(page, site);
        Map<String, Comment> byId = new HashMap<>();
        for (Comment c : thread.comments()) {
            if (c.completeness() != Completeness.PLACEHOLDER) {
                byId.put(c.id(), c);
            }
        }
        int found = 0;
        int parents = 0;
        int authors = 0;
        int texts = 0;
        int textChecked = 0;
        List<String> misses = new ArrayList<>();
        for (CorpusOracle.Expected e : expected) {
            Comment c = byId.get(e.id());
            if (c == null) {
                misses.add("missing " + e.id());
                continue;
            }
            found++;
            if (Objects.equals(e.parentId(), c.parentId())) {
                parents++;
            } else if (checkParents) {
                misses.add("parent of " + e.id() + ": " + c.parentId() + " not " + e.parentId());
            }
            if (Objects.equals(e.author(), c.author())) {
                authors++;
            } else {
                misses.add("author of " + e.id() + ": " + c.author() + " not " + e.author());
            }
            if (e.text() != null) {
                textChecked++;
                if (CorpusOracle.compactPlain(e.text()).equals(CorpusOracle.compactPlain(c.text()))) {
                    texts++;
                } else {
                    misses.add("text of " + e.id());
                }
            }
        }
        String line = String.format("%s: posts %d/%d, parents %d, authors %d, texts %d/%d%s",
                page.getFileName(), found, expected.size(), parents, authors, texts, textChecked,
                misses.isEmpty() ? "" : " " + misses.subList(0, Math.min(5, misses.size())));
        reporter.publishEntry("corpus", line);
        assertTrue(found >= MIN_RECALL * expected.size(), line);
        if (checkParents) {
            assertTrue(parents >= MIN_PARENT * found, line);
        }
        assertTrue(authors >= MIN_AUTHOR * found, line);
        assertTrue(texts >= MIN_TEXT * textChecked, line);
        assertEquals(expected.size(), byId.size(), () -> "no posts beyond the oracle's: " + line);
        return thread;
    }

    /** The thread's shape as the expected JSON states it. */
    private static JsonObject shape(ParsedThread thread, int firstPosts) {
        JsonObject json = new JsonObject();
        json.addProperty("site", thread.story().site().id());
        json.addProperty("id", thread.story().siteStoryId());
        json.addProperty("url", thread.story().url());
        json.addProperty("hasTitle", thread.story().title() != null && !thread.story().title().isBlank());
        json.addProperty("hasSummary", thread.story().summaryText() != null);
        json.addProperty("storyPosted", thread.story().posted() == null ? null : thread.story().posted().toString());
        json.addProperty("topics", thread.story().topics().size());
        json.addProperty("posts", thread.comments().stream()
                .filter(c -> c.completeness() != Completeness.PLACEHOLDER).count());
        json.addProperty("topLevel", thread.comments().stream().filter(c -> c.parentId() == null).count());
        json.addProperty("withAuthor", thread.comments().stream().filter(c -> c.author() != null).count());
        json.addProperty("dated", thread.comments().stream().filter(c -> c.posted() != null).count());
        json.addProperty("abbreviated", thread.comments().stream()
                .filter(c -> c.completeness() == Completeness.ABBREVIATED).count());
        JsonArray accepted = new JsonArray();
        thread.comments().stream().filter(Comment::accepted).forEach(c -> accepted.add(c.id()));
        json.add("accepted", accepted);
        JsonArray first = new JsonArray();
        for (Comment c : thread.comments().subList(0, Math.min(firstPosts, thread.comments().size()))) {
            JsonObject o = new JsonObject();
            o.addProperty("id", c.id());
            o.addProperty("parentId", c.parentId());
            o.addProperty("posted", c.posted() == null ? null : c.posted().toString());
            o.addProperty("score", c.score());
            first.add(o);
        }
        json.add("firstPosts", first);
        return json;
    }

    private static void assertShape(String expectedName, ParsedThread thread) throws IOException {
        try (InputStream in = DiscussionCorpusTest.class.getResourceAsStream("/corpus-expected/" + expectedName)) {
            assertTrue(in != null, "missing expected JSON " + expectedName);
            JsonObject expected = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            JsonObject actual = shape(thread, expected.getAsJsonArray("firstPosts").size());
            assertEquals(ThreadExport.gson().toJson(expected), ThreadExport.gson().toJson(actual), expectedName);
        }
    }

    // ---- Stack Exchange -----------------------------------------------------------------------------------------

    private static final Pattern SE_POST = Pattern.compile(
            "<div id=\"answer-(\\d+)\"|<li id=\"comment-(\\d+)\"");
    private static final Pattern SE_ANSWER_AUTHOR = Pattern.compile(
            "<div class=\"user-details\" itemprop=\"author\"[^>]*>\\s*<a [^>]*>([^<]+)</a>");
    private static final Pattern SE_ANSWER_TEXT = Pattern.compile(
            "(?s)<div class=\"s-prose js-post-body\" itemprop=\"text\">(.*?)</div>\\s*<div class=\"mt24");
    private static final Pattern SE_COMMENT_AUTHOR = Pattern.compile("class=\"comment-user[^\"]*\">([^<]+)<");
    private static final Pattern SE_COMMENT_TEXT = Pattern.compile("(?s)<span class=\"comment-copy\">(.*?)</span>");

    /** Answers and comments in page order; a comment's parent is the answer before it (none before the first). */
    static List<CorpusOracle.Expected> stackExchange(String html) {
        List<CorpusOracle.Expected> out = new ArrayList<>();
        Matcher m = SE_POST.matcher(html);
        List<int[]> starts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            ids.add(m.group(1) != null ? "answer-" + m.group(1) : "comment-" + m.group(2));
        }
        String answer = null;
        for (int i = 0; i < ids.size(); i++) {
            String segment = html.substring(starts.get(i)[1], i + 1 < ids.size() ? starts.get(i + 1)[0]
                    : html.length());
            String id = ids.get(i);
            boolean isAnswer = id.startsWith("answer-");
            Matcher a = (isAnswer ? SE_ANSWER_AUTHOR : SE_COMMENT_AUTHOR).matcher(segment);
            Matcher t = (isAnswer ? SE_ANSWER_TEXT : SE_COMMENT_TEXT).matcher(segment);
            out.add(new CorpusOracle.Expected(id, isAnswer ? null : answer,
                    a.find() ? CorpusOracle.normalize(a.group(1)) : null,
                    t.find() ? CorpusOracle.normalize(t.group(1)) : null));
            if (isAnswer) {
                answer = id;
            }
        }
        return out;
    }

    @Test
    void stackExchangeQuestionWithSixAnswers(TestReporter reporter) throws IOException {
        Path file = page("stackexchange", "se-german-2024cap_q-2014_wurde-vs-war.html");
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        List<CorpusOracle.Expected> expected = stackExchange(raw);
        assertEquals(6, expected.stream().filter(e -> e.id().startsWith("answer-")).count(), "answers on the page");
        assertEquals(14, DiscussionOracle.count(raw, "class=\"comment-copy\""), "comments on the page");
        ParsedThread thread = check(file, Site.STACKEXCHANGE, expected, true, reporter);
        assertShape("stackexchange/se-german-2024cap_q-2014_wurde-vs-war.json", thread);
    }

    // ---- WordPress ----------------------------------------------------------------------------------------------

    private static final Pattern WP_LI_DEPTH = Pattern.compile(
            "<li (?:class=\"[^\"]*depth-(\\d+)[^\"]*\" id=\"comment-(\\d+)\"|id=\"comment-(\\d+)\" "
                    + "class=\"[^\"]*depth-(\\d+)[^\"]*\")");

    /** WordPress list items with their depth class, either attribute order; group 1 = id, group 2 = depth. */
    private static List<CorpusOracle.Expected> wordPress(String html, Pattern author, Pattern text) {
        // Normalise the two attribute orders into one so the segment reader sees id first, depth second.
        Matcher m = WP_LI_DEPTH.matcher(html);
        StringBuilder unified = new StringBuilder();
        while (m.find()) {
            String id = m.group(2) != null ? m.group(2) : m.group(3);
            String depth = m.group(1) != null ? m.group(1) : m.group(4);
            m.appendReplacement(unified, "<li data-oracle=\"" + id + ":" + depth + "\"");
        }
        m.appendTail(unified);
        return DiscussionOracle.segments(unified.toString(), Pattern.compile("<li data-oracle=\"(\\d+):(\\d+)\""),
                DiscussionOracle.ParentMode.DEPTH, author, text);
    }

    @Test
    void wordPressThreadedWebcomicComments(TestReporter reporter) throws IOException {
        Path file = page("forums/wordpress", "killsixbilliondemons-com_1589914561721.html");
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        List<CorpusOracle.Expected> expected = wordPress(raw, Pattern.compile("(?s)<cite[^>]*>(.*?)</cite>"),
                Pattern.compile("(?s)<div class=\"comment-text\">(.*?)</div>"));
        assertEquals(217, expected.size());
        ParsedThread thread = check(file, Site.WORDPRESS, expected, true, reporter);
        assertShape("wordpress/killsixbilliondemons-com_1589914561721.json", thread);
    }

    @Test
    void wordPressGermanBlogWithDeepReplies(TestReporter reporter) throws IOException {
        Path file = page("forums/wordpress", "netzpolitik-org_abmahnungen.html");
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        List<CorpusOracle.Expected> expected = wordPress(raw, Pattern.compile("(?s)<b class=\"fn\">(.*?)</b>"),
                Pattern.compile("(?s)<div class=\"comment-content\">(.*?)</div><!-- .comment-content -->"));
        assertEquals(74, expected.size());
        ParsedThread thread = check(file, Site.WORDPRESS, expected, true, reporter);
        assertShape("wordpress/netzpolitik-org_abmahnungen.json", thread);
    }

    @Test
    void wordPressWaybackCaptureWithLooseParagraphs(TestReporter reporter) throws IOException {
        Path file = page("forums/wordpress", "archive-org_muffinrezept-net_grundrezept.html");
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        List<CorpusOracle.Expected> expected = wordPress(raw,
                Pattern.compile("(?s)<cite class=\"fn\">(.*?)</cite>"),
                Pattern.compile("(?s)class=\"comment-meta commentmetadata\">.*?</div>(.*?)<div class=\"reply\">"));
        assertEquals(51, expected.size());
        ParsedThread thread = check(file, Site.WORDPRESS, expected, true, reporter);
        assertShape("wordpress/archive-org_muffinrezept-net_grundrezept.json", thread);
    }

    // ---- wpDiscuz -----------------------------------------------------------------------------------------------

    @Test
    void wpDiscuzWithCutBodiesAndRelativeDates(TestReporter reporter) throws IOException {
        Path file = page("forums/wpdiscuz", "tichyseinblick-de_pence-syrien.html");
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        List<CorpusOracle.Expected> expected = DiscussionOracle.segments(raw,
                Pattern.compile("id=\"wc-comm-(\\d+)_(\\d+)\""), DiscussionOracle.ParentMode.ID,
                Pattern.compile("(?s)<div class=\"wc-comment-author \">(.*?)</div>"),
                Pattern.compile("(?s)<div class=\"wc-comment-text\">(.*?)(?:<span id=\"wpdiscuz-readmore|</div>)"));
        assertEquals(18, expected.size());
        ParsedThread thread = check(file, Site.WORDPRESS, expected, true, reporter);
        assertEquals(DiscussionOracle.count(raw, "<span class=\"wpdiscuz-readmore\""), thread.comments().stream()
                .filter(c -> c.completeness() == Completeness.ABBREVIATED).count(), "cut bodies are abbreviated");
        assertShape("wpdiscuz/tichyseinblick-de_pence-syrien.json", thread);
    }

    // ---- pages that are not discussions ----------------------------------------------------------------------------

    @Test
    void noEngineOfThisRoundAcceptsTheNonDiscussionPages() {
        List<Path> pages = SharedCorpus.pages("nonthread");
        Assumptions.assumeFalse(pages.isEmpty(), "no shared non-discussion pages");
        for (Path p : pages) {
            for (PageOutcome o : importer.importFile(p)) {
                if (o instanceof PageOutcome.Parsed parsed) {
                    assertTrue(!List.of(Site.STACKEXCHANGE, Site.WORDPRESS, Site.SOYLENTNEWS, Site.LEMMY,
                            Site.DISQUS, Site.PIPERMAIL, Site.HYPERMAIL).contains(parsed.site()),
                            () -> p.getFileName() + " was imported as " + parsed.site());
                }
            }
        }
    }
}
