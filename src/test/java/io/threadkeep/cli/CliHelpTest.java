package io.threadkeep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every subcommand takes -h/--help, as the usage errors promise; "search --help" shows help, not a search. */
class CliHelpTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everySubcommandAnswersHelpWithItsUsage() {
        for (String command : Cli.commandNames()) {
            for (String flag : List.of("--help", "-h")) {
                Run r = run(command, flag);
                assertEquals(Cli.OK, r.code(), command + " " + flag + ": " + r.err());
                assertTrue(r.out().contains("Usage: threadkeep " + command), command + " " + flag + ": " + r.out());
                assertFalse(r.out().contains("No results"), r.out());
            }
        }
        assertTrue(Cli.commandNames().containsAll(List.of("import", "list", "export", "search")));
    }
}
