package io.threadkeep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.testsupport.SearchArchive;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchCommandTest {

    @TempDir
    Path dir;
    private Path db;
    private SearchArchive archive;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() {
        db = dir.resolve("archive.db");
        try (ArchiveStore store = ArchiveStore.open(db)) {
            archive = SearchArchive.fill(store);
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("search", "--db", db.toString()));
        all.addAll(List.of(args));
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Run(code, out.toString(), err.toString());
    }

    private JsonArray json(String... args) {
        List<String> all = new ArrayList<>(List.of("--json"));
        all.addAll(List.of(args));
        Run r = run(all.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return JsonParser.parseString(r.out()).getAsJsonArray();
    }

    @Test
    void jsonHasTheDocumentedShapeBestFirst() {
        JsonArray hits = json("\"drag an applet\"");
        assertFalse(hits.isEmpty());
        JsonObject first = hits.get(0).getAsJsonObject();
        assertEquals(Set.of("storyId", "commentId", "author", "score", "posted", "snippet"), first.keySet());
        assertEquals(archive.gnome, first.get("storyId").getAsLong());
        assertEquals("101", first.get("commentId").getAsString());
        assertEquals("Alice", first.get("author").getAsString());
        assertEquals(5, first.get("score").getAsInt());
        assertEquals("2008-09-24T11:00:00Z", first.get("posted").getAsString());
        assertTrue(first.get("snippet").getAsString().contains("[drag an applet]"), first.get("snippet").toString());
    }

    @Test
    void storyHitsHaveANullCommentId() {
        JsonObject first = json("panel", "discussion").get(0).getAsJsonObject();
        assertTrue(first.get("commentId").isJsonNull());
        assertEquals(archive.funding, first.get("storyId").getAsLong());
        assertTrue(first.get("snippet").getAsString().startsWith("[Panel discussion]"), first.toString());
    }

    @Test
    void nullsAreWrittenNotDropped() {
        JsonObject anonymous = json("culture").get(0).getAsJsonObject();
        assertTrue(anonymous.get("author").isJsonNull());
        JsonObject unscored = json("emacs").get(0).getAsJsonObject();
        assertTrue(unscored.get("score").isJsonNull());
    }

    @Test
    void authorFilterReturnsOnlyThatAuthor() {
        JsonArray hits = json("author:carol");
        assertEquals(2, hits.size());
        for (JsonElement e : hits) {
            assertEquals("carol", e.getAsJsonObject().get("author").getAsString().toLowerCase());
        }
    }

    @Test
    void limitCutsTheList() {
        assertEquals(2, json("--limit", "2", "after:2000").size());
        assertEquals(9, json("--limit", "50", "after:2000").size());
    }

    @Test
    void excludingWordsWorksAsAnArgument() {
        JsonArray hits = json("applet", "-bug", "-favourite");
        assertEquals(List.of("102"), ids(hits));
    }

    @Test
    void nothingFoundIsAnEmptyArrayAndExitZero() {
        Run r = run("--json", "zebra");
        assertEquals(0, r.code());
        assertEquals(0, JsonParser.parseString(r.out()).getAsJsonArray().size());
        Run human = run("zebra");
        assertEquals(0, human.code());
        assertTrue(human.out().contains("No results"), human.out());
    }

    @Test
    void humanOutputShowsTitleAuthorAndMarkedSnippet() {
        Run r = run("regression", "bug");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("GNOME 2.24 Released"), r.out());
        assertTrue(r.out().contains("Alice"), r.out());
        assertTrue(r.out().contains("[regression]"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "score:>=abc", "*", "-foo", "site:myspace", "in:this"})
    void queriesThatCannotBeUnderstoodExitTwoWithAMessage(String query) {
        Run r = query.isEmpty() ? run() : run(query);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("threadkeep: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(r.out().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"don't", "C++", "multi-agent", "\"unclosed", "(a", "NEAR(", "a:b", "*", "50%", "@user",
        "OR", "", "-", "--", "-x", "--json", "\"", "a*", "score:>=abc panel"})
    void hostileStringsExitZeroOrTwoWithoutAStackTrace(String query) {
        for (boolean asJson : new boolean[] {false, true}) {
            Run r = asJson ? run("--json", query) : run(query);
            assertTrue(r.code() == 0 || r.code() == 2, query + " → " + r.code() + " " + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            if (r.code() == 2) {
                assertFalse(r.err().isBlank());
            } else if (asJson) {
                JsonParser.parseString(r.out()).getAsJsonArray();
            }
        }
    }

    @Test
    void tenKilobytesOfQuery() {
        Run r = run("--json", "panel ".repeat(1700));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("note"), "the cut is reported: " + r.err());
        JsonParser.parseString(r.out()).getAsJsonArray();
    }

    @Test
    void aMissingArchiveIsNotCreated() {
        Path missing = dir.resolve("none.db");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"search", "--db", missing.toString(), "--json", "panel"},
                new PrintWriter(out), new PrintWriter(err), Map.of());
        assertEquals(0, code);
        assertEquals("[]", out.toString().strip());
        assertFalse(Files.exists(missing));
    }

    @Test
    void badLimitIsAUsageError() {
        assertEquals(2, run("--limit", "0", "panel").code());
        assertEquals(2, run("--limit", "abc", "panel").code());
    }

    private static List<String> ids(JsonArray hits) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : hits) {
            JsonElement id = e.getAsJsonObject().get("commentId");
            out.add(id.isJsonNull() ? null : id.getAsString());
        }
        return out.stream().collect(Collectors.toList());
    }
}
