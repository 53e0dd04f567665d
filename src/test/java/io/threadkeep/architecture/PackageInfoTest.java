package io.threadkeep.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package says what it owns and what it may use, in a {@code package-info.java} (see docs/architecture.md).
 * Read from the sources rather than with ArchUnit: javac writes no {@code package-info.class} for a package that has
 * only a doc comment and no annotations, so the compiled classes cannot tell.
 */
class PackageInfoTest {

    /** Maven runs tests in the project folder. */
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path ROOT = SOURCES.resolve(Path.of("io", "threadkeep"));

    private static final Pattern DOC_THEN_PACKAGE = Pattern.compile(
            "\\A\\s*/\\*\\*(.*?)\\*/\\s*package\\s+([\\w.]+)\\s*;", Pattern.DOTALL);
    /**
     * Fewer words cannot say what a package owns, what it may use and what it must not; three or four sentences run
     * to 60-150 words, while a stub such as "The store package." fails.
     */
    private static final int MIN_WORDS = 40;

    @Test
    void everyPackageHasAPackageInfoThatSaysWhatItOwnsAndMayUse() throws IOException {
        assertTrue(Files.isDirectory(ROOT), () -> ROOT.toAbsolutePath() + " is missing: run from the project folder");
        List<String> problems = new ArrayList<>();
        for (Path dir : packageDirectories()) {
            String expectedPackage = packageName(dir);
            Path info = dir.resolve("package-info.java");
            if (!Files.isRegularFile(info)) {
                problems.add(expectedPackage + ": no package-info.java");
                continue;
            }
            Matcher m = DOC_THEN_PACKAGE.matcher(Files.readString(info, StandardCharsets.UTF_8));
            if (!m.find()) {
                problems.add(expectedPackage + ": package-info.java has no doc comment before its package line");
                continue;
            }
            if (!m.group(2).equals(expectedPackage)) {
                problems.add(expectedPackage + ": package-info.java declares package " + m.group(2));
            }
            String doc = m.group(1).replaceAll("(?m)^\\s*\\*", " ").strip();
            int words = doc.isEmpty() ? 0 : doc.split("\\s+").length;
            if (words < MIN_WORDS) {
                problems.add(expectedPackage + ": package-info.java says too little (" + words
                        + " words; say what the package owns, what it may use and what it must not)");
            }
        }
        assertEquals(List.of(), problems, "packages under io.threadkeep without a proper package-info.java");
    }

    @Test
    void theCheckSeesEveryPackageOfTheSources() throws IOException {
        // Guards the walk itself: a wrong root would pass the rule above with nothing checked.
        List<String> packages = packageDirectories().stream().map(PackageInfoTest::packageName).toList();
        assertTrue(packages.containsAll(List.of("io.threadkeep.model", "io.threadkeep.importer",
                "io.threadkeep.importer.slashdot", "io.threadkeep.store", "io.threadkeep.ui.thread")),
                packages::toString);
    }

    /** Every folder below {@code io/threadkeep}; the root itself holds no classes and is the project, not a layer. */
    private static List<Path> packageDirectories() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isDirectory).filter(dir -> !dir.equals(ROOT)).sorted().toList();
        }
    }

    private static String packageName(Path dir) {
        return SOURCES.relativize(dir).toString().replace(dir.getFileSystem().getSeparator(), ".");
    }
}
