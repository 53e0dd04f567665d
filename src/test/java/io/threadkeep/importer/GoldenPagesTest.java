package io.threadkeep.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.threadkeep.export.ThreadExport;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code NAME.html} under {@code src/test/resources/golden/} (any site, any depth) that has a {@code NAME.json}
 * beside it is imported with {@link PageImporter#standard()} and must export to exactly that JSON, in the
 * {@link ThreadExport} shape with the story's {@code siteStoryId} as its {@code id}. A page that yields no story
 * (a continuation page) is expected with {@code "story": null}. To add a case, drop the two files in; the expected
 * JSON is written by hand from the page, not dumped from the importer.
 */
class GoldenPagesTest {

    static Stream<Path> pages() throws IOException, URISyntaxException {
        URL root = GoldenPagesTest.class.getResource("/golden");
        if (root == null) {
            return Stream.empty();
        }
        Path dir = Path.of(root.toURI());
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(".html"))
                    .filter(p -> Files.isRegularFile(expectedFor(p)))
                    .sorted()
                    .toList();
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageExportsAsExpected(Path html) throws IOException {
        PageSource source = PageSource.of(html.getFileName().toString(), Files.readAllBytes(html));
        List<PageOutcome> outcomes = PageImporter.standard().parseAll(source);
        assertEquals(1, outcomes.size(), "one page in " + html.getFileName());
        PageOutcome.Parsed parsed = assertInstanceOf(PageOutcome.Parsed.class, outcomes.get(0),
                () -> "not parsed: " + outcomes.get(0));
        ParsedThread thread = parsed.thread();
        JsonObject actual = export(thread);
        JsonElement expected = JsonParser.parseString(Files.readString(expectedFor(html), StandardCharsets.UTF_8));
        // Compare as text so a failure shows a readable diff; both sides go through the same printer.
        assertEquals(ThreadExport.gson().toJson(expected), ThreadExport.gson().toJson(actual),
                () -> html.getFileName() + " (warnings: " + thread.warnings() + ")");
        assertFalse(thread.comments().stream().anyMatch(c -> c.id().isBlank()));
    }

    private static JsonObject export(ParsedThread thread) {
        Story story = thread.story();
        if (story != null) {
            return ThreadExport.toJson(story.siteStoryId(), story, thread.comments());
        }
        Story stand = new Story(Site.SLASHDOT, null, null, null, null, null, null, null, null, null, null, null, null);
        JsonObject json = ThreadExport.toJson(null, stand, thread.comments());
        json.add("story", JsonNull.INSTANCE);
        return json;
    }

    private static Path expectedFor(Path html) {
        String name = html.getFileName().toString();
        return html.resolveSibling(name.substring(0, name.length() - ".html".length()) + ".json");
    }
}
