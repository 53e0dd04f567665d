package io.threadkeep.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A story written for this test (quotes, code, links, lists, a missing parent, a deleted comment, an accepted answer,
 * post numbers, stars and notes) against the full expected file of each format in src/test/resources/export/. The
 * files were written by the exporter and read line by line before they were committed; run with
 * {@code -Dthreadkeep.updateExportGolden=true} to write them again after an intended change.
 */
class ExportGoldenTest {

    private static final Path DIR = Path.of("src/test/resources/export");

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void theFixtureStoryExportsExactlyAsRecorded(ExportFormat format) throws IOException {
        String actual = Exporter.write(format, fixture());
        Path expected = DIR.resolve("fixture." + format.extension());
        if (Boolean.getBoolean("threadkeep.updateExportGolden")) {
            Files.createDirectories(DIR);
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(expected), "no " + expected + "; run with -Dthreadkeep.updateExportGolden=true");
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual);
    }

    static ExportStory fixture() {
        Story story = new Story(Site.STACKEXCHANGE, "4711", "https://cooking.example.com/questions/4711",
                "Why does my sourdough starter smell of nail-polish remover?", "breadhead",
                Instant.parse("2023-03-14T09:26:53Z"), null, List.of("sourdough", "fermentation"), List.of(),
                "<p>My starter is two weeks old. Since Tuesday it smells <i>sharp</i>, like acetone.</p>"
                        + "<ul><li>fed once a day</li><li>kept at 24 °C</li></ul>",
                "My starter is two weeks old. Since Tuesday it smells sharp, like acetone.\nfed once a day\n"
                        + "kept at 24 °C", 5, null);
        List<Comment> comments = List.of(
                new Comment("a1", null, "crumb_lord", "17", Instant.parse("2023-03-14T10:02:00Z"), null, 12, null,
                        null, "<p>It is hungry. Feed it <b>twice</b> a day for a week:</p>"
                                + "<pre>100 g starter\n100 g flour\n100 g water</pre>"
                                + "<p>See <a href=\"https://example.org/starter-guide\">this guide</a>.</p>",
                        "It is hungry.", Completeness.FULL, CommentState.NORMAL, 2, true),
                new Comment("a2", "a1", "breadhead", null, Instant.parse("2023-03-14T10:30:00Z"), null, 1, null,
                        null, "<blockquote><p>Feed it twice a day</p></blockquote><p>Same flour both times?</p>",
                        "Feed it twice a day\nSame flour both times?", Completeness.FULL, CommentState.NORMAL, 3,
                        false),
                new Comment("a3", "a2", "crumb_lord", "17", Instant.parse("2023-03-14T11:00:00Z"), null, 2, null,
                        null, "<p>Yes. 1. Whole rye helps. 2. So does <code>patience</code>.</p>",
                        "Yes.", Completeness.FULL, CommentState.NORMAL, 4, false),
                Comment.placeholder("gone", null),
                new Comment("a5", "gone", null, null, null, "a while ago", null, null, null,
                        "<p>Replying to a post that was not saved.</p>", "Replying to a post that was not saved.",
                        Completeness.TRUNCATED, CommentState.NORMAL),
                new Comment("a6", null, "spammer", null, Instant.parse("2023-03-15T08:00:00Z"), null, -3, null,
                        null, null, null, Completeness.METADATA_ONLY, CommentState.DELETED));
        ReaderNotes notes = new ReaderNotes(new ReaderNotes.Note(true, "Try the rye trick."),
                Map.of("a1", new ReaderNotes.Note(true, "This worked after four days.")));
        return new ExportStory(3, story, comments, notes);
    }
}
