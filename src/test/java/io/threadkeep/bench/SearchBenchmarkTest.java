package io.threadkeep.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The search benchmark through Maven: {@code mvn test -Dtest=SearchBenchmarkTest -Dbench=true} (optionally
 * {@code -Dbench.comments=N -Dbench.archive=FILE}). Skipped otherwise: building a million-comment archive takes
 * a quarter of an hour and does not belong in {@code mvn verify}.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class SearchBenchmarkTest {

    @Test
    void timeTheQuerySet() throws Exception {
        int comments = Integer.getInteger("bench.comments", 1_000_000);
        Path archive = Path.of(System.getProperty("bench.archive", "bench-data/search-" + comments + ".db"));
        Files.createDirectories(archive.toAbsolutePath().getParent());
        String report = SearchBenchmark.run(archive, comments, Integer.getInteger("bench.runs", 21));
        Path out = Path.of("target", "search-benchmark.md");
        Files.writeString(out, report);
        assertTrue(report.contains("| kind |"));
    }
}
