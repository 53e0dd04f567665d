package io.threadkeep.app;

import io.threadkeep.cli.Cli;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the jar. It deliberately does not extend {@code javafx.application.Application}: CLI commands
 * must never start the JavaFX toolkit (they run headless, in scripts, on servers).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && Cli.COMMANDS.contains(args[0])) {
            System.exit(Cli.runOnConsole(args));
        }
        try {
            LaunchOptions.parse(java.util.List.of(args));
        } catch (LaunchOptions.UsageException e) {
            PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
            err.println("threadkeep: " + e.getMessage());
            err.println("Usage: threadkeep [--db FILE] [--story ID] [SAVED_PAGE...]   (the window)");
            err.println("       threadkeep import|list|export|search ...            (see 'threadkeep --help')");
            System.exit(Cli.USAGE);
        }
        // Only this path loads JavaFX: the CLI above never touches it.
        ThreadkeepApp.launchWindow(args);
    }
}
