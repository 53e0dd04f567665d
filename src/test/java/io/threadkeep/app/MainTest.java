package io.threadkeep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's entry point without a display, and with a first word that is no command: one clear line, no trace. */
class MainTest {

    @TempDir
    Path dir;

    private record Exit(int code, String err) {
    }

    /** Runs {@code Main} in a JVM of its own with no display, as on a server or over ssh. */
    private Exit runMain(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put("THREADKEEP_DB", dir.resolve("archive.db").toString());
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        return new Exit(process.exitValue(), err);
    }

    @Test
    void withoutADisplayTheWindowSaysSoAndNamesTheCommands() throws Exception {
        Exit exit = runMain();
        assertEquals(1, exit.code(), exit.err());
        assertTrue(exit.err().contains("no display is available"), exit.err());
        assertTrue(exit.err().contains("import|list|export|search"), exit.err());
        assertFalse(exit.err().contains("Exception") || exit.err().contains("\tat "), exit.err());
    }

    @Test
    void anUnknownFirstWordIsAUsageError() throws Exception {
        Exit exit = runMain("rebuildd");
        assertEquals(2, exit.code(), exit.err());
        assertTrue(exit.err().contains("'rebuildd' is neither a command nor a saved page"), exit.err());
        assertFalse(exit.err().contains("Exception") || exit.err().contains("\tat "), exit.err());
    }

    @Test
    void firstWordChecks() {
        assertEquals("'serch' is neither a command nor a saved page",
                Main.unknownFirstWord(List.of("serch", "x"), p -> false).orElseThrow());
        assertTrue(Main.unknownFirstWord(List.of("page.html"), p -> true).isEmpty());
        assertTrue(Main.unknownFirstWord(List.of("--db", "a.db"), p -> false).isEmpty());
        assertTrue(Main.unknownFirstWord(List.of(), p -> false).isEmpty());
    }

    @Test
    void displayChecks() {
        assertTrue(Main.missingDisplay(Map.of(), "Linux", null).isPresent());
        assertTrue(Main.missingDisplay(Map.of("DISPLAY", " "), "Linux", null).isPresent());
        assertTrue(Main.missingDisplay(Map.of("DISPLAY", ":0"), "Linux", null).isEmpty());
        assertTrue(Main.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null).isEmpty());
        assertTrue(Main.missingDisplay(Map.of(), "Linux", "Monocle").isEmpty());
        assertTrue(Main.missingDisplay(Map.of(), "Windows 11", null).isEmpty());
        assertTrue(Main.missingDisplay(Map.of(), "Mac OS X", null).isEmpty());
    }
}
