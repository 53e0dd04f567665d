package io.threadkeep.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile text in every field a format places (author, subject, title, department, label, bodies, ids, notes)
 * stays in its place in every format: no markup, no new mail, no reordered line, nothing that loads or runs.
 */
class ExportFuzzTest {

    private static final String[] HOSTILE = {
        "<script>alert(1)</script>", "</script><script>alert(2)</script>", "\r\nFrom evil@example.com Mon Jan 1",
        "\nFrom ", "\r\n\r\nX-Injected: yes", "\u0000", "nul\u0000here", "\u202Eevil\u202C", "\u2066iso", "\u2069",
        "<img src=http://tracker.example/x.png>", "<a href=\"javascript:alert(3)\">x</a>", "<!--", "-->", "]]>",
        "```", "~~~", "    indented", "# heading", "- item", "1. item", "> quote", "**bold", "_x_", "[link](http://e)",
        "![img](http://tracker.example/i.png)", "<http://autolink.example>", "%%hidden%%", "$$math$$", "==mark==",
        "[[wiki]]", "&amp;", "&#0;", "\\", "`", "|table|", "---", "===", "+ plus", "\t\ttabs", "=?UTF-8?B?Zm9v?=",
        "\uD800", "\uDFFF", "😀", "עברית", "العربية", "\u0085", "\u2028", "\f", "\u001b[31m", "\" onmouseover=\"x",
        "' onload='y", "<style>body{background:url(http://e/x)}</style>", "<iframe src=http://e/>", "<<>>", ""};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void hostileTextStaysInItsPlaceInEveryFormat(long seed) {
        ExportStory story = hostileStory(new Random(seed), 60);
        checkAll(story);
    }

    @Test
    void tenThousandDeepQuotesInABodyCostNoStackAndDrawAtMost32() {
        String body = "<blockquote>".repeat(10_000) + "deep" + "</blockquote>".repeat(10_000) + "<p>From here</p>";
        Comment c = comment("1", null, "alice", "Re: deep", body);
        ExportStory story = new ExportStory(1, story("Deep quotes"), List.of(c));
        checkAll(story);
        String md = Exporter.write(ExportFormat.MARKDOWN, story);
        for (String line : md.split("\n")) {
            assertFalse(line.contains("> ".repeat(ThreadLayout.MAX_DRAWN_DEPTH + 1)), "quotes drawn at most 32 deep");
        }
        String html = Exporter.write(ExportFormat.HTML, story);
        assertTrue(html.split("<blockquote>", -1).length - 1 <= ThreadLayout.MAX_DRAWN_DEPTH);
    }

    @Test
    void aTenThousandDeepReplyChainContinuesAtLevel32NamingWhomEachAnswers() {
        List<Comment> chain = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            chain.add(comment("c" + i, i == 0 ? null : "c" + (i - 1), "user" + i, null, "<p>reply " + i + "</p>"));
        }
        ExportStory story = new ExportStory(1, story("Deep thread"), chain);
        checkAll(story);
        String md = Exporter.write(ExportFormat.MARKDOWN, story);
        assertTrue(md.contains("\n" + "  ".repeat(31) + "- ↳ reply to **user9998** · **user9999**"), "the last reply"
                + " is drawn at level 32 and names whom it answers");
        String html = Exporter.write(ExportFormat.HTML, story);
        assertTrue(html.contains("<summary>↳ reply to <bdi>user9998</bdi> · <bdi class=\"a\">user9999</bdi>"));
    }

    private static void checkAll(ExportStory story) {
        for (ExportFormat format : ExportFormat.values()) {
            assertEquals(Exporter.write(format, story), Exporter.write(format, story), "deterministic " + format);
        }
        ExportChecks.checkMarkdown(Exporter.write(ExportFormat.MARKDOWN, story), story);
        ExportChecks.checkHtml(Exporter.write(ExportFormat.HTML, story), story);
        String mbox = Exporter.write(ExportFormat.MBOX, story);
        ExportChecks.checkMbox(mbox, List.of(story));
        for (MboxReader.Message m : MboxReader.read(mbox)) {
            m.headers().forEach((name, values) -> values.forEach(v -> {
                assertFalse(v.contains("\n") || v.contains("\r") || v.contains("\u0000"), name + " is one line");
                assertFalse(v.chars().anyMatch(ch -> Clean.isBidiControl((char) ch)), name + " reorders nothing");
            }));
            assertFalse(m.headers().containsKey("x-injected"), "no header injected");
        }
        assertTrue(com.google.gson.JsonParser.parseString(Exporter.write(ExportFormat.JSON, story)).isJsonObject());
        String md = Exporter.write(ExportFormat.MARKDOWN, story);
        for (String line : md.split("\n")) {
            if (line.stripLeading().startsWith("- ")) {
                assertFalse(line.chars().anyMatch(ch -> Clean.isBidiControl((char) ch)),
                        "a comment's header line reorders nothing: " + line);
            }
        }
        assertFalse(md.contains("\u0000") || md.contains("\r"), "no NUL or CR in Markdown");
    }

    static ExportStory hostileStory(Random random, int comments) {
        Story s = new Story(Site.SLASHDOT, hostile(random) + "/1", "https://slashdot.org/story/1?" + hostile(random),
                hostile(random) + " title " + hostile(random), hostile(random), Instant.parse("2020-10-07T20:20:00Z"),
                hostile(random), List.of(hostile(random), "topic"), List.of(), "<p>" + hostile(random) + "</p>",
                hostile(random), 3, "javascript:alert(1)");
        List<Comment> list = new ArrayList<>();
        for (int i = 0; i < comments; i++) {
            String parent = i == 0 || random.nextInt(4) == 0 ? null : list.get(random.nextInt(list.size())).id();
            String id = random.nextInt(5) == 0 ? "id " + hostile(random) + i : String.valueOf(1000 + i);
            Completeness completeness = Completeness.values()[random.nextInt(Completeness.values().length)];
            StringBuilder body = new StringBuilder();
            for (int k = 0; k < 1 + random.nextInt(6); k++) {
                String tag = new String[] {"p", "blockquote", "pre", "code", "b", "i", "li", "a href=\""
                        + hostile(random) + "\"", "ul", "script", "img src=\"http://e/" + k + "\""}[random.nextInt(11)];
                String name = tag.split(" ")[0];
                body.append('<').append(tag).append('>').append(hostile(random)).append(' ').append(hostile(random))
                        .append("</").append(name).append('>').append(hostile(random));
            }
            String html = completeness.hasBody() ? body.toString() : null;
            list.add(new Comment(id, parent, random.nextInt(6) == 0 ? null : hostile(random) + "name"
                    + hostile(random), null, random.nextBoolean() ? Instant.ofEpochSecond(1_600_000_000L + i) : null,
                    hostile(random), random.nextBoolean() ? random.nextInt(7) - 1 : null, hostile(random),
                    hostile(random) + " subject " + hostile(random), html, html == null ? null : hostile(random)
                    + " text", completeness, CommentState.values()[random.nextInt(CommentState.values().length)],
                    random.nextInt(3) == 0 ? i : null, random.nextInt(10) == 0));
        }
        Map<String, ReaderNotes.Note> notes = Map.of(list.get(0).id(), new ReaderNotes.Note(true, hostile(random)
                + "\nFrom me\n" + hostile(random)));
        return new ExportStory(7, s, list, new ReaderNotes(new ReaderNotes.Note(true, hostile(random)), notes));
    }

    private static String hostile(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            sb.append(HOSTILE[random.nextInt(HOSTILE.length)]);
        }
        return sb.toString();
    }

    static Story story(String title) {
        return new Story(Site.HACKERNEWS, "42", "https://news.ycombinator.com/item?id=42", title, "poster",
                Instant.parse("2021-01-02T03:04:05Z"), null, List.of(), List.of(), null, null, null, null);
    }

    static Comment comment(String id, String parent, String author, String subject, String html) {
        return new Comment(id, parent, author, null, Instant.parse("2021-01-02T04:00:00Z"), null, 3, null, subject,
                html, "text", Completeness.FULL, CommentState.NORMAL);
    }
}
