package io.threadkeep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.bench.gen.DeepChain;
import io.threadkeep.bench.gen.Era;
import io.threadkeep.search.Snippet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Page text printed by {@code list}, {@code search} and {@code import} cannot drive the terminal.
 */
class CliTextSafetyTest {

    /** Retitles the window, clears the screen, writes "evil" to the clipboard (OSC 52), and a C1 CSI. */
    private static final String ATTACK = "\u001b]0;pwned\u0007\u001b[2J\u001b]52;c;ZXZpbA==\u0007\u009b31m";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertNoControlCharacters(String text) {
        for (String line : text.split("\n", -1)) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                assertFalse(Character.getType(c) == Character.CONTROL && c != '\r',
                        "control character U+" + Integer.toHexString(c) + " in: " + line);
            }
        }
    }

    @Test
    void listAndSearchPrintPageTextWithoutItsControlCharacters() throws Exception {
        String page = new String(DeepChain.page(Era.HACKERNEWS, 2), StandardCharsets.UTF_8);
        Matcher title = Pattern.compile("<title>(.*?) \\| Hacker News</title>").matcher(page);
        assertTrue(title.find());
        String attacked = page.replace(title.group(1), "Escaped " + ATTACK + " title")
                .replace("Reply number 1", "Reply number 1 clipboard" + ATTACK + "words");
        Path file = dir.resolve("attack.html");
        Files.writeString(file, attacked, StandardCharsets.UTF_8);
        String db = dir.resolve("archive.db").toString();
        assertEquals(Cli.OK, run("import", "--db", db, file.toString()).code());

        Run list = run("list", "--db", db);
        assertTrue(list.out().contains("Escaped"), list.out());
        assertTrue(list.out().contains("title"), list.out());
        assertNoControlCharacters(list.out());

        Run search = run("search", "--db", db, "clipboard");
        assertTrue(search.out().contains("[clipboard]"), search.out());
        assertTrue(search.out().contains("Escaped"), search.out());
        assertNoControlCharacters(search.out());
    }

    @Test
    void safeTextKeepsLettersAndMakesLineBreaksSpaces() {
        assertEquals("a b c", TerminalText.safe("a\tb\nc"));
        assertEquals("]0;x[2Jok", TerminalText.safe("\u001b]0;x\u0007\u001b[2Jok"));
        assertEquals("Ünïcödé ✓ 漢字", TerminalText.safe("Ünïcödé ✓ 漢字"));
        Snippet snippet = new Snippet("bad\u001b[2Jword here", List.of(new Snippet.Range(0, 11)));
        assertEquals("\u001b[1mbad[2Jword\u001b[0m here", TerminalText.marked(snippet, "\u001b[1m", "\u001b[0m"));
    }
}
