package io.threadkeep.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.PageSource;
import io.threadkeep.model.Comment;
import io.threadkeep.model.ParsedThread;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every format on the real saved pages: each story renders with commonmark-java to its comment count, reads back
 * from mbox as the same tree, parses as safe HTML with one element per comment and imports back from HTML as the
 * same thread; and each export matches its recorded digest (the golden check; the outputs hold the pages' text,
 * which stays out of src/, so src/test/resources/export/corpus-digests.txt keeps SHA-256 digests; run with
 * {@code -Dthreadkeep.updateExportDigests=true} to record them again; a mismatch leaves the output in
 * target/export-actual/ to diff).
 */
class CorpusExportTest {

    private static final Path DIGESTS = Path.of("src/test/resources/export/corpus-digests.txt");

    @TempDir
    static Path dir;

    private static List<ExportStory> stories;

    @BeforeAll
    static void importCorpus() {
        stories = CorpusArchive.stories(dir.resolve("corpus.db"));
    }

    @Test
    void markdownRendersWithCommonMarkToTheStorysComments() {
        for (ExportStory s : stories) {
            ExportChecks.checkMarkdown(Exporter.write(ExportFormat.MARKDOWN, s), s);
        }
    }

    @Test
    void mboxReadsBackAsOneMessagePerCommentInTheSameTree() {
        for (ExportStory s : stories) {
            ExportChecks.checkMbox(Exporter.write(ExportFormat.MBOX, s), List.of(s));
        }
        ExportChecks.checkMbox(Exporter.write(ExportFormat.MBOX, stories, true), stories);
    }

    @Test
    void htmlHoldsOneSafeElementPerCommentAndImportsBackAsTheSameThread() {
        for (ExportStory s : stories) {
            String html = Exporter.write(ExportFormat.HTML, s);
            ExportChecks.checkHtml(html, s);
            PageOutcome outcome = PageImporter.standard().parse(PageSource.of("export.html",
                    html.getBytes(StandardCharsets.UTF_8)));
            if (!(outcome instanceof PageOutcome.Parsed parsed)) {
                fail("the export did not import: " + outcome);
                return;
            }
            ParsedThread back = parsed.thread();
            assertEquals(s.story().site(), parsed.site(), "the original site");
            assertEquals(s.story(), back.story(), "the same story");
            List<Comment> expected = s.comments();
            List<Comment> actual = io.threadkeep.model.ThreadOrder.depthFirst(back.comments());
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), actual.get(i), "comment " + expected.get(i).id() + " of "
                        + s.story().url());
            }
        }
    }

    @Test
    void everyFormatIsDeterministicAndMatchesItsRecordedDigest() throws Exception {
        Map<String, String> actual = new TreeMap<>();
        for (ExportStory s : stories) {
            for (ExportFormat format : ExportFormat.values()) {
                String text = Exporter.write(format, s);
                assertEquals(text, Exporter.write(format, s), "deterministic");
                String key = s.story().url() + "\t" + format.id();
                actual.put(key, sha256(text));
                Path file = Path.of("target/export-actual").resolve(Exporter.fileName(s, format));
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
        }
        if (Boolean.getBoolean("threadkeep.updateExportDigests")) {
            List<String> lines = new ArrayList<>();
            actual.forEach((k, v) -> lines.add(k + "\t" + v));
            Files.createDirectories(DIGESTS.getParent());
            Files.write(DIGESTS, lines, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(DIGESTS), "no recorded digests; run with -Dthreadkeep.updateExportDigests=true");
        Map<String, String> recorded = new TreeMap<>();
        for (String line : Files.readAllLines(DIGESTS, StandardCharsets.UTF_8)) {
            int tab = line.lastIndexOf('\t');
            recorded.put(line.substring(0, tab), line.substring(tab + 1));
        }
        for (Map.Entry<String, String> e : actual.entrySet()) {
            if (recorded.containsKey(e.getKey())) {
                assertEquals(recorded.get(e.getKey()), e.getValue(), () -> "the export " + e.getKey()
                        + " changed; see target/export-actual/ and record again if intended");
            }
        }
        assertTrue(recorded.keySet().stream().anyMatch(actual::containsKey), "the recorded stories are imported");
    }

    static String sha256(String text) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }
}
