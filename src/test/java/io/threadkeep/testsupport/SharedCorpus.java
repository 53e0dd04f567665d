package io.threadkeep.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real saved pages in {@code ../shared/corpus}, used in place. Tests that need them are skipped (not failed)
 * when the folder is absent, as it is in a user's clone.
 */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    /** The shared folder, or null when it is not there. */
    public static Path sharedDir() {
        String configured = System.getProperty("threadkeep.shared");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "shared");
        return Files.isDirectory(dir.resolve("corpus")) ? dir.toAbsolutePath().normalize() : null;
    }

    /** The corpus folder of one site ("slashdot", "hackernews", ...); skips the calling test when absent. */
    public static Path siteDir(String site) {
        Path shared = sharedDir();
        Assumptions.assumeTrue(shared != null, "../shared/corpus is not present; skipping real-page tests");
        Path dir = shared.resolve("corpus").resolve(site);
        Assumptions.assumeTrue(Files.isDirectory(dir), "no corpus folder for " + site);
        return dir;
    }

    /** The pages of one site's corpus folder, or an empty list when the folder is absent. */
    public static List<Path> pages(String site) {
        Path shared = sharedDir();
        if (shared == null) {
            return List.of();
        }
        Path dir = shared.resolve("corpus").resolve(site);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
