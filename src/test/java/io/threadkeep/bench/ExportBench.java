package io.threadkeep.bench;

import io.threadkeep.bench.gen.CorpusGenerator;
import io.threadkeep.bench.gen.CorpusSpec;
import io.threadkeep.bench.gen.Era;
import io.threadkeep.export.ExportFormat;
import io.threadkeep.export.ExportStory;
import io.threadkeep.export.Exporter;
import io.threadkeep.model.ParsedThread;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Export time and size of generated threads (the bench generator's Slashdot threads, 5,000 and 20,000 comments)
 * in each format: {@code java -cp ... io.threadkeep.bench.ExportBench [COMMENTS...]}. Prints a Markdown table.
 * Measures the exporter alone (the thread is in memory, as after the archive has read it).
 */
public final class ExportBench {

    private static final int RUNS = 5;

    private ExportBench() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {5_000, 20_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        CorpusGenerator generator = new CorpusGenerator(CorpusSpec.SMALL);
        StringBuilder table = new StringBuilder("| comments | format | median ms | min ms | size |\n|---|---|---|---|---|\n");
        for (int n : sizes) {
            ParsedThread thread = GroundTruth.parsed(generator.thread(
                    new CorpusGenerator.PagePlan(0, Era.SLASHDOT_CURRENT, n, false), new int[60_000]));
            ExportStory story = new ExportStory(1, thread.story(), thread.comments());
            for (ExportFormat format : ExportFormat.values()) {
                String text = Exporter.write(format, story);
                long[] times = new long[RUNS];
                for (int r = 0; r < RUNS; r++) {
                    long start = System.nanoTime();
                    text = Exporter.write(format, story);
                    times[r] = System.nanoTime() - start;
                }
                Arrays.sort(times);
                table.append(String.format(Locale.ROOT, "| %,d | %s | %.0f | %.0f | %.1f MB |%n", n, format.id(),
                        times[RUNS / 2] / 1e6, times[0] / 1e6, text.getBytes(StandardCharsets.UTF_8).length / 1e6));
            }
        }
        System.out.print(table);
    }
}
