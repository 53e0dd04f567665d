package io.threadkeep.importer.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.importer.ImportLimits;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.PageSource;
import io.threadkeep.importer.UnpackBudget;
import io.threadkeep.importer.Unpacked;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** One unpacking budget across all nesting levels, and a cut WARC keeps its complete records. */
class ContainerLimitsTest {

    private final PageImporter importer = PageImporter.standard();

    private static byte[] gzipOfZeros(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                gz.write(zeros, 0, (int) Math.min(zeros.length, size - written));
            }
        }
        return out.toByteArray();
    }

    private static byte[] zip(List<String> names, List<byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < names.size(); i++) {
                zip.putNextEntry(new ZipEntry(names.get(i)));
                zip.write(entries.get(i));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aZipOfEightGzipBombsRefusesEachWithItsReasonAndKeepsThePage() throws IOException {
        byte[] bomb = gzipOfZeros(250L << 20);
        byte[] page = Files.readAllBytes(Path.of("src/test/resources/golden/lobsters/older-generation.html"));
        List<String> names = new java.util.ArrayList<>();
        List<byte[]> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            names.add("bomb" + i + ".html.gz");
            entries.add(bomb);
        }
        names.add("thread.html");
        entries.add(page);
        byte[] zip = zip(names, entries);
        assertTrue(zip.length < 4L << 20, "a few MB on disk: " + zip.length);

        List<PageOutcome> outcomes = importer.parseAll(PageSource.of("bombs.zip", zip));

        assertEquals(9, outcomes.size(), outcomes::toString);
        // Each bomb stops at the page limit; the inflating done for the refused ones still counts, so the
        // budget for the whole file runs out after a few and the rest are refused at once.
        long overPageLimit = outcomes.stream().filter(o -> o instanceof PageOutcome.Failed f
                && f.reason().contains("unpacks to more than 64 MB (the limit for one page)")).count();
        long overBudget = outcomes.stream().filter(o -> o instanceof PageOutcome.Failed f
                && f.reason().contains("everything unpacked from one file may hold at most 256 MB")).count();
        assertTrue(overPageLimit >= 1, outcomes::toString);
        assertEquals(8, overPageLimit + overBudget, outcomes::toString);
        assertTrue(outcomes.stream().anyMatch(o -> o instanceof PageOutcome.Parsed), "the real page beside them");
    }

    @Test
    void everyNestingLevelTakesFromTheSameBudget() throws Exception {
        // Four gzip files of 3 MB each in a zip, with a budget of 10 MB: what the zip itself inflates (the small
        // gzip entries) and what each gzip inflates count together.
        byte[] html = ("<html><body>" + "<p>words</p>".repeat(250_000) + "</body></html>")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] gz = Wrappings.gzip(html);
        byte[] zip = zip(List.of("a.gz", "b.gz", "c.gz", "d.gz"), List.of(gz, gz, gz, gz));
        UnpackBudget budget = new UnpackBudget(10L << 20);
        Unpacked fromZip = new ZipReader().read(PageSource.of("z.zip", zip), budget);
        assertEquals(4, fromZip.pages().size());
        int read = 0;
        int refused = 0;
        for (PageSource inner : fromZip.pages()) {
            try {
                new GzipReader().read(inner, budget);
                read++;
            } catch (io.threadkeep.importer.ImportException e) {
                assertTrue(e.getMessage().contains("everything unpacked from one file may hold at most 10 MB"),
                        e.getMessage());
                refused++;
            }
        }
        assertEquals(3, read);
        assertEquals(1, refused);
        assertTrue(ImportLimits.MAX_UNPACKED_BYTES <= 256L << 20, "the whole budget fits a 1 GB heap");
    }

    @Test
    void aCutWarcKeepsItsCompleteRecordsAndReportsTheDamagedTail() throws IOException {
        for (boolean gzipped : List.of(false, true)) {
            byte[] first = Files.readAllBytes(Path.of("src/test/resources/golden/lobsters/older-generation.html"));
            byte[] second = Files.readAllBytes(Path.of("src/test/resources/golden/lobsters/current-generation.html"));
            byte[] a = Wrappings.warc(first, "https://lobste.rs/s/aaaaaa/one", Instant.parse("2024-01-02T03:04:05Z"),
                    gzipped, false);
            byte[] b = Wrappings.warc(second, "https://lobste.rs/s/bbbbbb/two", Instant.parse("2024-01-03T03:04:05Z"),
                    gzipped, false);
            byte[] both = new byte[a.length + b.length];
            System.arraycopy(a, 0, both, 0, a.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            // Cut inside the second file's response record: past its request, short of its end.
            byte[] cut = Arrays.copyOf(both, a.length + b.length / 2);

            List<PageOutcome> outcomes = importer.parseAll(PageSource.of("crawl.warc", cut));

            List<PageOutcome.Parsed> parsed = outcomes.stream().filter(o -> o instanceof PageOutcome.Parsed)
                    .map(PageOutcome.Parsed.class::cast).toList();
            assertEquals(1, parsed.size(), outcomes::toString);
            assertEquals("https://lobste.rs/s/aaaaaa/one", parsed.get(0).source().url());
            PageOutcome.Failed tail = assertInstanceOf(PageOutcome.Failed.class, outcomes.get(outcomes.size() - 1),
                    outcomes::toString);
            assertTrue(tail.reason().startsWith("damaged WARC file: record 5 is cut short or damaged"),
                    tail.reason());
            assertTrue(tail.reason().contains("the 4 complete records before it were read"), tail.reason());
        }
    }
}
