package io.threadkeep.app;

import io.threadkeep.cli.Cli;

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
            System.exit(Cli.windowUsageError(e.getMessage()));
        }
        // Only this path loads JavaFX: the CLI above never touches it.
        ThreadkeepApp.launchWindow(args);
    }
}
