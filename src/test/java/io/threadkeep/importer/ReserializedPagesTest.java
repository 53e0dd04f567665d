package io.threadkeep.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonParser;
import io.threadkeep.export.ThreadExport;
import io.threadkeep.model.ParsedThread;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages that went through a prettifier or an IDE's formatter: whitespace inside text breaks into indented lines,
 * block tags go on lines of their own and long tags wrap between attributes. None of that is visible in a browser,
 * so none of it may change the export.
 */
class ReserializedPagesTest {

    private static final Pattern TAG_OR_TEXT = Pattern.compile("(<!--.*?-->|<[^>]*>)|([^<]+)", Pattern.DOTALL);
    private static final Pattern TAG_NAME = Pattern.compile("^</?([a-zA-Z][a-zA-Z0-9-]*)");
    private static final Set<String> BLOCKS = Set.of("html", "head", "body", "table", "tbody", "tr", "td", "th",
            "center", "div", "p", "form", "ol", "ul", "li", "blockquote", "br", "hr", "title", "link", "meta",
            "shreddit-comment", "shreddit-post", "header", "footer", "nav");
    private static final Set<String> RAW = Set.of("pre", "script", "style", "textarea");

    static Stream<Path> goldenPages() {
        return Stream.of("hackernews", "reddit", "lobsters").flatMap(site -> {
            try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden", site))) {
                return files.filter(p -> p.toString().endsWith(".html")).sorted().toList().stream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static String export(PageOutcome outcome) {
        PageOutcome.Parsed parsed = assertInstanceOf(PageOutcome.Parsed.class, outcome, outcome::toString);
        ParsedThread thread = parsed.thread();
        return ThreadExport.toJsonString(thread.story().siteStoryId(), thread.story(), thread.comments());
    }

    /** A prettifier's output: text wrapped onto indented lines, block tags on lines of their own, tags wrapped. */
    static String reformat(String html) {
        StringBuilder out = new StringBuilder();
        Matcher m = TAG_OR_TEXT.matcher(html);
        int rawDepth = 0;
        while (m.find()) {
            if (m.group(1) != null) {
                String tag = m.group(1);
                Matcher name = TAG_NAME.matcher(tag);
                String tagName = name.find() ? name.group(1).toLowerCase(java.util.Locale.ROOT) : null;
                boolean closing = tag.startsWith("</");
                if (tagName != null && BLOCKS.contains(tagName) && rawDepth == 0) {
                    out.append("\n    ");
                }
                if (rawDepth == 0 && tag.length() > 60 && !tag.startsWith("<!")) {
                    tag = wrapAttributes(tag);
                }
                out.append(tag);
                if (tagName != null && RAW.contains(tagName)) {
                    rawDepth += closing ? -1 : 1;
                    rawDepth = Math.max(0, rawDepth);
                }
            } else {
                String text = m.group(2);
                out.append(rawDepth > 0 ? text : text.replace(" ", "\n        "));
            }
        }
        return out.toString();
    }

    /** Breaks a start tag between its attributes, as IDE formatters do; quoted values stay whole. */
    private static String wrapAttributes(String tag) {
        StringBuilder out = new StringBuilder();
        boolean inQuote = false;
        char quote = 0;
        for (int i = 0; i < tag.length(); i++) {
            char ch = tag.charAt(i);
            if (inQuote) {
                inQuote = ch != quote;
            } else if (ch == '"' || ch == '\'') {
                inQuote = true;
                quote = ch;
            } else if (ch == ' ') {
                out.append("\n            ");
                continue;
            }
            out.append(ch);
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenPages")
    void reformattedPageExportsLikeTheOriginal(Path page) throws IOException {
        String original = Files.readString(page, StandardCharsets.UTF_8);
        String reformatted = reformat(original);
        assertNotEquals(original, reformatted);
        PageImporter importer = PageImporter.standard();
        List<PageOutcome> before = importer.parseAll(PageSource.of("original", original.getBytes(StandardCharsets.UTF_8)));
        List<PageOutcome> after = importer.parseAll(PageSource.of("reformatted",
                reformatted.getBytes(StandardCharsets.UTF_8)));
        String expected = export(before.get(0));
        String actual = export(after.get(0));
        assertEquals(JsonParser.parseString(expected), JsonParser.parseString(actual),
                () -> page + " reformatted exports differently:\n" + actual);
    }
}
