package io.threadkeep.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.threadkeep.export.ThreadExport;
import io.threadkeep.model.ParsedThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each golden page of Hacker News, Reddit and Lobsters ({@code golden/<site>/NAME.html}, written for these tests
 * in the sites' real markup) must export exactly as {@code NAME.json} says.
 */
class OtherSitesGoldenTest {

    static final List<String> SITES = List.of("hackernews", "reddit", "lobsters");

    static Stream<Path> goldenPages() {
        return SITES.stream().flatMap(site -> {
            Path dir = Path.of("src/test/resources/golden", site);
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".html")).sorted().toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The export of one parsed page, the way golden files are written (no archive id yet). */
    static String export(PageOutcome outcome) {
        PageOutcome.Parsed parsed = assertInstanceOf(PageOutcome.Parsed.class, outcome, () -> outcome.toString());
        ParsedThread thread = parsed.thread();
        return ThreadExport.toJsonString((String) null, thread.story(), thread.comments());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenPages")
    void pageExportsAsItsGoldenFileSays(Path page) throws IOException {
        Path expectedFile = Path.of(page.toString().replaceAll("\\.html$", ".json"));
        List<PageOutcome> outcomes = PageImporter.standard().importFile(page);
        assertEquals(1, outcomes.size(), () -> outcomes.toString());
        String actual = export(outcomes.get(0));
        JsonElement expected = JsonParser.parseString(Files.readString(expectedFile));
        assertEquals(expected, JsonParser.parseString(actual),
                () -> "export of " + page + " differs from " + expectedFile + "; actual:\n" + actual);
        assertFalse(((PageOutcome.Parsed) outcomes.get(0)).thread().comments().isEmpty());
    }
}
