package io.threadkeep.bench.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.PageSource;
import io.threadkeep.model.Comment;
import io.threadkeep.model.Site;
import io.threadkeep.testsupport.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The benchmark corpus generator: deterministic, the planned sizes, and markup that holds the thread it says. */
class CorpusGeneratorTest {

    private static final int COMMENTS = 120;

    /** Immutable once built, and building it takes a while: shared by the tests. */
    private static final CorpusGenerator generator = new CorpusGenerator(CorpusSpec.SMALL);

    private GenThread thread(Era era) {
        return generator.thread(plan(era), new int[generator.vocabulary().size()]);
    }

    private static CorpusGenerator.PagePlan plan(Era era) {
        return new CorpusGenerator.PagePlan(7, era, COMMENTS, era == Era.HACKERNEWS);
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void samePlanGivesTheSameBytes(Era era) {
        byte[] first = generator.render(plan(era), new int[generator.vocabulary().size()]);
        byte[] second = generator.render(plan(era), new int[generator.vocabulary().size()]);
        assertArrayEquals(first, second);
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void markupHoldsEveryCommentAtItsDepthUnderItsParent(Era era) {
        GenThread thread = thread(era);
        PageWriter writer = CorpusGenerator.writer(plan(era));
        Document doc = Jsoup.parse(new String(writer.write(thread).getBytes(writer.charset()), writer.charset()));
        Map<String, Integer> depthInMarkup = new HashMap<>();
        Map<String, String> parentInMarkup = new HashMap<>();
        switch (era.site()) {
            case SLASHDOT -> {
                for (Element li : doc.select("li.comment[id^=tree_]")) {
                    String id = li.id().substring("tree_".length());
                    depthInMarkup.put(id, (int) li.parents().stream().filter(e -> e.is("li.comment")).count());
                    Element up = li.parent() == null ? null : li.parent().closest("li.comment");
                    parentInMarkup.put(id, up == null ? null : up.id().substring("tree_".length()));
                    assertTrue(li.selectFirst("div.commentTop a[href*=cid=" + id + "]") != null, "cid link of " + id);
                    assertTrue(li.selectFirst("div.commentBody") != null && li.selectFirst("span.score") != null);
                    assertTrue(li.selectFirst(".otherdetails") != null);
                }
                assertEquals(era == Era.SLASHDOT_CURRENT, doc.selectFirst("article header h1.story") != null);
            }
            case HACKERNEWS -> {
                List<String> stack = new ArrayList<>();
                for (Element row : doc.select("tr.athing.comtr")) {
                    int indent = Integer.parseInt(row.selectFirst("td.ind").attr("indent"));
                    while (stack.size() > indent) {
                        stack.remove(stack.size() - 1);
                    }
                    depthInMarkup.put(row.id(), indent);
                    parentInMarkup.put(row.id(), stack.isEmpty() ? null : stack.get(stack.size() - 1));
                    stack.add(row.id());
                }
            }
            case REDDIT -> {
                for (Element thing : doc.select("div.thing.comment")) {
                    String id = thing.attr("data-fullname").substring(3);
                    depthInMarkup.put(id, (int) thing.parents().stream().filter(e -> e.is("div.thing.comment")).count());
                    Element up = thing.parent().closest("div.thing.comment");
                    parentInMarkup.put(id, up == null ? null : up.attr("data-fullname").substring(3));
                }
                assertTrue(doc.selectFirst("div.thing.link") != null);
            }
            case LOBSTERS -> {
                for (Element c : doc.select("div.comment[id^=c_]")) {
                    String id = c.id().substring(2);
                    Element subtree = c.parent();
                    depthInMarkup.put(id, (int) subtree.parents().stream().filter(e -> e.is("li.comments_subtree")).count() - 1);
                    Element up = subtree.parent().closest("li.comments_subtree");
                    Element upComment = up == null ? null : up.selectFirst("> div.comment");
                    parentInMarkup.put(id, upComment == null ? null : upComment.id().substring(2));
                }
            }
            default -> throw new IllegalStateException();
        }
        assertEquals(thread.comments().size(), depthInMarkup.size(), "comments in markup");
        for (GenComment c : thread.comments()) {
            assertEquals(c.depth(), depthInMarkup.get(c.id()), "depth of " + c.id());
            assertEquals(c.parentId(), parentInMarkup.get(c.id()), "parent of " + c.id());
        }
    }

    @Test
    void threadsHaveRealShapes() {
        GenThread thread = generator.thread(new CorpusGenerator.PagePlan(3, Era.REDDIT_OLD, 3000, false),
                new int[generator.vocabulary().size()]);
        long topLevel = thread.comments().stream().filter(c -> c.parentId() == null).count();
        int maxDepth = thread.comments().stream().mapToInt(GenComment::depth).max().orElse(0);
        int maxReplies = thread.comments().stream().mapToInt(GenComment::replies).max().orElse(0);
        long nonAscii = thread.comments().stream().filter(c -> c.body().plainText().chars().anyMatch(ch -> ch > 127)).count();
        long quoting = thread.comments().stream()
                .filter(c -> c.body().blocks().stream().anyMatch(b -> b instanceof Body.Quote)).count();
        assertTrue(topLevel > 300 && topLevel < 1500, "top-level comments: " + topLevel);
        assertTrue(maxDepth >= 10, "deepest reply chain: " + maxDepth);
        assertTrue(maxReplies >= 10, "most replies to one comment: " + maxReplies);
        assertTrue(nonAscii > 30, "comments with non-ASCII text: " + nonAscii);
        assertTrue(quoting > 100, "comments quoting their parent: " + quoting);
    }

    @Test
    void planHitsTheTargetWithPagesFromTwentyKilobytesToTheLargest() {
        List<CorpusGenerator.PagePlan> plan = generator.plan();
        long total = plan.stream().mapToLong(CorpusGenerator.PagePlan::comments).sum();
        assertEquals(CorpusSpec.SMALL.pages(), plan.size());
        assertTrue(Math.abs(total - CorpusSpec.SMALL.targetComments()) < CorpusSpec.SMALL.targetComments() / 50,
                "total comments " + total);
        byte[] smallest = generator.render(plan.get(1), new int[generator.vocabulary().size()]);
        assertTrue(smallest.length >= 20_000 && smallest.length < 40_000, "smallest page " + smallest.length);
        for (CorpusGenerator.PagePlan p : plan) {
            assertTrue(p.comments() * (long) CorpusGenerator.bytesPerComment(p.era()) <= CorpusSpec.SMALL.largestPageBytes(),
                    "page " + p.index() + " too big");
        }
    }

    @Test
    void writesACorpusWithManifestAndReusesIt(@TempDir Path dir) throws Exception {
        CorpusGenerator tiny = new CorpusGenerator(CorpusSpec.TINY);
        CorpusGenerator.Corpus written = tiny.generate(dir);
        assertEquals(CorpusSpec.TINY.pages(), written.pages().size());
        assertTrue(written.terms().rareCount() < written.terms().mediumCount());
        assertTrue(written.terms().mediumCount() < written.terms().commonCount());
        Path first = written.pages().get(0).file();
        long modified = Files.getLastModifiedTime(first).toMillis();
        CorpusGenerator.Corpus loaded = new CorpusGenerator(CorpusSpec.TINY).loadOrGenerate(dir);
        assertEquals(written.terms(), loaded.terms());
        assertEquals(written.totalBytes(), loaded.totalBytes());
        assertEquals(modified, Files.getLastModifiedTime(first).toMillis());
    }

    /**
     * Once a site's parser has landed (it accepts that site's real saved pages), generated pages of the site must
     * import with every comment under the right parent.
     */
    @ParameterizedTest
    @EnumSource(Era.class)
    void importerAcceptsGeneratedPagesOnceTheSiteHasAParser(Era era) throws Exception {
        PageImporter importer = PageImporter.standard();
        Assumptions.assumeTrue(importerKnows(importer, era.site()), "no parser for " + era.site() + " yet");
        GenThread thread = thread(era);
        PageWriter writer = CorpusGenerator.writer(plan(era));
        PageOutcome outcome = importer.parse(PageSource.of("generated.html", writer.write(thread).getBytes(writer.charset())));
        assertTrue(outcome instanceof PageOutcome.Parsed, era + ": " + outcome);
        List<Comment> comments = ((PageOutcome.Parsed) outcome).thread().comments();
        Map<String, Comment> byId = new HashMap<>();
        comments.forEach(c -> byId.put(c.id(), c));
        for (GenComment expected : thread.comments()) {
            Comment actual = byId.get(expected.id());
            assertTrue(actual != null, era + ": comment " + expected.id() + " missing");
            assertEquals(expected.parentId(), actual.parentId(), era + ": parent of " + expected.id());
            assertEquals(expected.author(), actual.author(), era + ": author of " + expected.id());
        }
        assertEquals(thread.story().title(), ((PageOutcome.Parsed) outcome).thread().story().title());
    }

    private static boolean importerKnows(PageImporter importer, Site site) throws Exception {
        String folder = site == Site.HACKERNEWS ? "hackernews" : site.id();
        for (Path page : SharedCorpus.pages(folder)) {
            for (PageOutcome outcome : importer.importFile(page)) {
                if (outcome instanceof PageOutcome.Parsed parsed && parsed.site() == site) {
                    return true;
                }
            }
        }
        return false;
    }
}
