package io.threadkeep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonArray jsonArray() {
            return JsonParser.parseString(out).getAsJsonArray();
        }
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>();
        env.put("THREADKEEP_DB", dir.resolve("env.db").toString());
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new Run(code, out.toString(), err.toString());
    }

    private String db() {
        return dir.resolve("archive.db").toString();
    }

    @Test
    void badInputsEachGetAStatusAndAReasonWithoutAStackTrace() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Files.write(folder.resolve("empty.html"), new byte[0]);
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        Files.write(folder.resolve("binary.html"), binary);
        Files.writeString(folder.resolve("notathread.html"),
                "<html><head><title>Recipes</title></head><body><p>Flour, water.</p></body></html>");
        Files.writeString(folder.resolve("truncated.html"), "<html><body><div class=\"comm");

        Run r = run("import", "--db", db(), "--json", folder.toString(), dir.resolve("missing.html").toString());
        assertEquals(Cli.SOME_FAILED, r.code(), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        Map<String, JsonObject> byFile = new HashMap<>();
        for (JsonElement e : r.jsonArray()) {
            JsonObject o = e.getAsJsonObject();
            byFile.put(Path.of(o.get("file").getAsString()).getFileName().toString(), o);
            for (String key : new String[] {"file", "status", "site", "storyId", "commentsAdded", "commentsUpdated",
                    "message"}) {
                assertTrue(o.has(key), "every result has " + key + ": " + o);
            }
            assertFalse(o.get("message").isJsonNull(), "a problem always has a reason: " + o);
        }
        assertEquals("failed", byFile.get("empty.html").get("status").getAsString());
        assertEquals("failed", byFile.get("binary.html").get("status").getAsString());
        assertEquals("skipped", byFile.get("notathread.html").get("status").getAsString());
        assertEquals("failed", byFile.get("missing.html").get("status").getAsString());
        assertTrue(byFile.containsKey("truncated.html"));
    }

    @Test
    void listOfAnEmptyArchiveIsAnEmptyArray() {
        Run r = run("list", "--db", db(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, r.jsonArray().size());
    }

    @Test
    void dbDefaultsToTheEnvironmentVariable() {
        Run r = run("list", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(dir.resolve("env.db")));
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        Run unknownOption = run("list", "--frobnicate");
        assertEquals(Cli.USAGE, unknownOption.code());
        assertTrue(unknownOption.err().startsWith("threadkeep: "), unknownOption.err());

        Run noPaths = run("import", "--db", db());
        assertEquals(Cli.USAGE, noPaths.code());

        Run missingStory = run("export", "--db", db(), "--story", "999", "--format", "json");
        assertEquals(Cli.USAGE, missingStory.code());
        assertTrue(missingStory.err().contains("no story with id 999"), missingStory.err());

        Run badFormat = run("export", "--db", db(), "--story", "1", "--format", "xml");
        assertEquals(Cli.USAGE, badFormat.code());
    }

    @Test
    void aFileThatIsNotAnArchiveIsAClearError() throws Exception {
        Path notDb = dir.resolve("notes.txt");
        Files.writeString(notDb, "this is not sqlite ".repeat(100));
        Run r = run("list", "--db", notDb.toString(), "--json");
        assertEquals(Cli.SOME_FAILED, r.code());
        assertTrue(r.err().startsWith("threadkeep: ") && r.err().contains("not"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("this is not sqlite ".repeat(100), Files.readString(notDb));
    }
}
