package io.threadkeep.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.archiving.FileResult;
import io.threadkeep.archiving.ImportListener;
import io.threadkeep.archiving.ImportService;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.StoredComment;
import io.threadkeep.store.StorySummary;
import io.threadkeep.testsupport.SharedCorpus;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Phrases taken from comments of the real saved pages find their comment first. The phrases are picked by
 * position, not chosen by hand, so pages not seen before are tested the same way.
 */
class RealPageSearchTest {

    @TempDir
    Path dir;

    static Stream<String> sites() {
        return Stream.of("slashdot", "hackernews", "reddit", "lobsters");
    }

    @ParameterizedTest
    @MethodSource("sites")
    void aPhraseFromACommentFindsThatCommentFirst(String site) {
        Path corpus = SharedCorpus.siteDir(site);
        try (ArchiveStore store = ArchiveStore.open(dir.resolve("archive.db"))) {
            List<FileResult> results = new ImportService(PageImporter.standard(), store)
                    .importPaths(List.of(corpus), ImportListener.NONE);
            Assumptions.assumeTrue(results.stream().anyMatch(r -> r.storyId() != null),
                    "no " + site + " page imports in this build yet");
            SearchService search = new SearchService(store);
            Map<String, Integer> phraseCounts = new HashMap<>();
            List<Candidate> candidates = new ArrayList<>();
            for (StorySummary story : store.listStories()) {
                for (StoredComment sc : store.comments(story.id())) {
                    List<String> words = Tokens.of(fold(sc.comment().text() == null ? "" : sc.comment().text()));
                    for (int i = 0; i + PHRASE <= words.size(); i++) {
                        phraseCounts.merge(String.join(" ", words.subList(i, i + PHRASE)), 1, Integer::sum);
                    }
                    if (words.size() >= 3 * PHRASE) {
                        candidates.add(new Candidate(story.id(), sc.comment().id(), sc.comment().text(), words));
                    }
                }
            }
            assertFalse(candidates.isEmpty(), "the pages hold comments with text");
            Random random = new Random(site.hashCode());
            int checked = 0;
            for (int tries = 0; tries < 400 && checked < 25; tries++) {
                Candidate c = candidates.get(random.nextInt(candidates.size()));
                int start = PHRASE + random.nextInt(c.words().size() - 2 * PHRASE);
                String phrase = String.join(" ", c.words().subList(start, start + PHRASE));
                if (phraseCounts.get(phrase) != 1) {
                    continue; // quoted by a reply or repeated: "first" is not well defined
                }
                // The phrase as a person would paste it: the original spelling of those words.
                String pasted = original(c.text(), c.words(), start);
                for (String query : List.of("\"" + pasted + "\"", pasted)) {
                    SearchOutcome outcome = search.search(query, 5);
                    assertTrue(outcome.ran(), outcome.problem());
                    assertFalse(outcome.hits().isEmpty(), "nothing found for " + query);
                    SearchHit first = outcome.hits().get(0);
                    assertEquals(c.storyId() + "/" + c.commentId(), first.storyId() + "/" + first.commentId(),
                            "first hit for " + query);
                }
                checked++;
            }
            assertTrue(checked > 0, "found phrases to check");
        }
    }

    private static final int PHRASE = 6;

    private record Candidate(long storyId, String commentId, String text, List<String> words) {
    }

    /** The stretch of the original text holding words start..start+PHRASE (punctuation and case kept). */
    private static String original(String text, List<String> words, int start) {
        // Walk the original text's words in step with the folded ones.
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && !Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int s = i;
            while (i < text.length() && (Character.isLetterOrDigit(text.codePointAt(i))
                    || Character.getType(text.codePointAt(i)) == Character.NON_SPACING_MARK)) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > s) {
                spans.add(new int[] {s, i});
            }
        }
        if (spans.size() != words.size()) {
            return String.join(" ", words.subList(start, start + PHRASE));
        }
        return text.substring(spans.get(start)[0], spans.get(start + PHRASE - 1)[1]);
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    }
}
