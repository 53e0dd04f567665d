package io.threadkeep.importer.slashdot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.SafeHtml;
import io.threadkeep.model.Comment;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.testsupport.SharedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real saved Slashdot pages in {@code ../shared/corpus/slashdot}, read in place. What each page shows is
 * counted here with plain regular expressions over the raw HTML, independently of the parser's DOM walk, and the
 * parser must find at least 98% of it, with the parents the page states, the authors its bylines name, and text for
 * every comment that has a body.
 */
class SlashdotCorpusConformanceTest {

    private static final Pattern TREE = Pattern.compile("id=\"tree_(\\d+)\"");
    private static final Pattern ONE_LINER = Pattern.compile(
            "<li><a href=\"[^\"]*?pid=(\\d+)#(\\d+)\">[^<]*</a> by (.+?) \\(Score:");
    private static final Pattern D2_CALL = Pattern.compile("D2\\.comments\\(\\{(.*?)\\}\\s*\\);", Pattern.DOTALL);
    private static final Pattern D2_ENTRY = Pattern.compile("(\\d+):\\s*\\{\\s*uid:\\s*(\\w+),\\s*pid:\\s*(\\d+)");
    private static final Pattern COMMENT_SUB = Pattern.compile(
            "<div[^>]*id=\"comment_sub_(\\d+)\"[^>]*>(.*?)</div>", Pattern.DOTALL);
    private static final Pattern PARENT_LINK = Pattern.compile("cid=(\\d+)\"[^>]*>Parent</a>");
    private static final Pattern BODY = Pattern.compile("id=\"comment_body_(\\d+)\">(.{0,600})", Pattern.DOTALL);
    private static final Pattern BYLINE_NEW = Pattern.compile(
            "byby\">by </span>\\s*(?:<a [^>]*>([^<]*)</a>|([^<]+?)\\s*</span>)");
    private static final Pattern BYLINE_OLD = Pattern.compile(
            "\\bby\\s+(?:<a [^>]*>([^<]*?)\\s*\\(\\d+\\)</a>|(Anonymous Coward))");

    static List<Path> pages() {
        return SharedCorpus.pages("slashdot");
    }

    /** What the raw page shows, counted without the parser. */
    private record Shown(Set<String> ids, Map<String, String> statedParents, Map<String, String> authors,
                         Set<String> withBody) {
    }

    private static Shown count(String html) {
        Set<String> ids = new LinkedHashSet<>();
        Map<String, String> parents = new HashMap<>();
        Map<String, String> authors = new HashMap<>();
        Set<String> withBody = new HashSet<>();
        Matcher tree = TREE.matcher(html);
        while (tree.find()) {
            ids.add(tree.group(1));
        }
        Matcher one = ONE_LINER.matcher(html);
        while (one.find()) {
            ids.add(one.group(2));
            parents.put(one.group(2), one.group(1).equals("0") ? null : one.group(1));
            authors.put(one.group(2), author(one.group(3)));
        }
        Matcher call = D2_CALL.matcher(html);
        if (call.find()) {
            Matcher entry = D2_ENTRY.matcher(call.group(1));
            while (entry.find()) {
                ids.add(entry.group(1));
                parents.putIfAbsent(entry.group(1), entry.group(3).equals("0") ? null : entry.group(3));
            }
        }
        Matcher sub = COMMENT_SUB.matcher(html);
        while (sub.find()) {
            Matcher parent = PARENT_LINK.matcher(sub.group(2));
            if (parent.find()) {
                parents.put(sub.group(1), parent.group(1));
            }
        }
        for (String id : ids) {
            int top = html.indexOf("id=\"comment_top_" + id + "\"");
            int other = html.indexOf("id=\"comment_otherdetails_" + id + "\"");
            if (top < 0 || other < top) {
                continue;
            }
            String head = html.substring(top, other);
            Matcher m = head.contains("class=\"byby\"") ? BYLINE_NEW.matcher(head) : BYLINE_OLD.matcher(head);
            if (m.find()) {
                authors.put(id, author(m.group(1) != null ? m.group(1) : m.group(2)));
            }
        }
        Matcher body = BODY.matcher(html);
        while (body.find()) {
            String visible = Parser.unescapeEntities(body.group(2).replaceAll("<[^>]*>", " "), false)
                    .replace('\u00a0', ' ');
            int end = body.group(2).indexOf("</div>");
            if (end >= 0) {
                visible = Parser.unescapeEntities(body.group(2).substring(0, end).replaceAll("<[^>]*>", " "), false)
                        .replace('\u00a0', ' ');
            }
            if (!visible.isBlank()) {
                withBody.add(body.group(1));
            }
        }
        return new Shown(ids, parents, authors, withBody);
    }

    private static String author(String raw) {
        String name = Parser.unescapeEntities(raw.trim(), false);
        return name.equals("Anonymous Coward") ? null : name;
    }

    private static ParsedThread parse(Path page) {
        List<PageOutcome> outcomes = PageImporter.standard().importFile(page);
        assertEquals(1, outcomes.size());
        PageOutcome.Parsed parsed = assertInstanceOf(PageOutcome.Parsed.class, outcomes.get(0),
                () -> "not parsed: " + outcomes.get(0));
        assertEquals(Site.SLASHDOT, parsed.site());
        return parsed.thread();
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("pages")
    void findsWhatThePageShows(Path page) throws IOException {
        String html = Files.readString(page, StandardCharsets.ISO_8859_1);
        Shown shown = count(html);
        ParsedThread thread = parse(page);
        Map<String, Comment> byId = new HashMap<>();
        for (Comment c : thread.comments()) {
            byId.put(c.id(), c);
        }
        assertFalse(shown.ids().isEmpty(), "the page shows comments");

        int found = 0;
        List<String> missing = new ArrayList<>();
        for (String id : shown.ids()) {
            Comment c = byId.get(id);
            if (c != null && c.completeness() != Completeness.PLACEHOLDER) {
                found++;
            } else {
                missing.add(id);
            }
        }
        assertTrue(found >= 0.98 * shown.ids().size(),
                "recall " + found + "/" + shown.ids().size() + ", missing " + missing);

        int rightParents = 0;
        List<String> wrongParents = new ArrayList<>();
        for (Map.Entry<String, String> e : shown.statedParents().entrySet()) {
            Comment c = byId.get(e.getKey());
            if (c != null && Objects.equals(e.getValue(), c.parentId())) {
                rightParents++;
            } else {
                wrongParents.add(e.getKey() + " expected " + e.getValue() + " got " + (c == null ? "-" : c.parentId()));
            }
        }
        assertFalse(shown.statedParents().isEmpty());
        assertTrue(rightParents >= 0.98 * shown.statedParents().size(), "parents " + rightParents + "/"
                + shown.statedParents().size() + ": " + wrongParents);

        int rightAuthors = 0;
        List<String> wrongAuthors = new ArrayList<>();
        for (Map.Entry<String, String> e : shown.authors().entrySet()) {
            Comment c = byId.get(e.getKey());
            if (c != null && Objects.equals(e.getValue(), c.author())) {
                rightAuthors++;
            } else {
                wrongAuthors.add(e.getKey() + " expected " + e.getValue() + " got " + (c == null ? "-" : c.author()));
            }
        }
        assertFalse(shown.authors().isEmpty());
        assertTrue(rightAuthors >= 0.98 * shown.authors().size(), "authors " + rightAuthors + "/"
                + shown.authors().size() + ": " + wrongAuthors);

        List<String> withoutText = new ArrayList<>();
        for (String id : shown.withBody()) {
            Comment c = byId.get(id);
            if (c == null || c.text() == null || c.text().isBlank() || !c.completeness().hasBody()) {
                withoutText.add(id);
            }
        }
        assertTrue(withoutText.isEmpty(), "comments with a body but no text: " + withoutText);

        // Parents before children, every parent present (placeholders included), no comment twice.
        Set<String> seen = new HashSet<>();
        for (Comment c : thread.comments()) {
            assertTrue(seen.add(c.id()), "twice: " + c.id());
            assertTrue(c.parentId() == null || seen.contains(c.parentId()), c.id() + " before its parent");
        }
        assertNotNull(thread.story());
        assertTrue(thread.story().url().matches("https://slashdot\\.org/story/\\d{2}/\\d{2}/\\d{2}/\\d+"),
                thread.story().url());
        assertNotNull(thread.story().title());
        assertNotNull(thread.story().posted(), "story date");
    }

    @Test
    void seedStoryMatchesItsPageText() throws IOException {
        Path seedDir = SharedCorpus.siteDir("slashdot").getParent().getParent().resolve("seed");
        Path page = pages().stream().filter(p -> p.getFileName().toString().contains("reconstructed-from-seed"))
                .findFirst().orElse(null);
        Assumptions.assumeTrue(page != null && Files.isDirectory(seedDir), "seed story not present");
        String seedText;
        try (var files = Files.list(seedDir)) {
            Path txt = files.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
            seedText = squash(Files.readString(txt, StandardCharsets.UTF_8));
        }
        String html = Files.readString(page, StandardCharsets.UTF_8);
        ParsedThread thread = parse(page);

        var story = thread.story();
        assertTrue(seedText.contains(story.title()), "title is on the page: " + story.title());
        Matcher dept = Pattern.compile("class=\"dept-text\">([^<]+)<").matcher(html);
        assertTrue(dept.find());
        assertEquals(dept.group(1).trim(), story.department());
        Matcher poster = Pattern.compile("Posted\\s+by\\s+<a [^>]*>([^<]+)</a>").matcher(html);
        assertTrue(poster.find());
        assertEquals(poster.group(1).trim(), story.author());
        assertNotNull(story.summaryText());
        for (String paragraph : story.summaryText().split("\n+")) {
            assertTrue(seedText.contains(squash(paragraph)), "summary paragraph on the page: " + paragraph);
        }
        assertTrue(story.summaryText().startsWith("An anonymous reader quotes a report from Bloomberg"));

        int withText = 0;
        for (Comment c : thread.comments()) {
            if (c.text() == null) {
                continue;
            }
            withText++;
            for (String paragraph : c.text().split("\n+")) {
                assertTrue(seedText.contains(squash(paragraph)), c.id() + " paragraph not on the page: " + paragraph);
            }
        }
        assertEquals(count(html).withBody().size(), withText);
    }

    private static String squash(String s) {
        return SafeHtml.squash(s);
    }
}
