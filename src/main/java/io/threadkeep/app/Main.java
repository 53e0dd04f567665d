package io.threadkeep.app;

import io.threadkeep.cli.Cli;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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
            LaunchOptions.parse(List.of(args));
        } catch (LaunchOptions.UsageException e) {
            System.exit(Cli.windowUsageError(e.getMessage()));
        }
        Optional<String> notAFile = unknownFirstWord(List.of(args), Main::exists);
        if (notAFile.isPresent()) {
            System.exit(Cli.windowUsageError(notAFile.get()));
        }
        Optional<String> noDisplay = missingDisplay(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"));
        if (noDisplay.isPresent()) {
            System.exit(Cli.windowUnavailable(noDisplay.get()));
        }
        // Only this path loads JavaFX: the CLI above never touches it.
        try {
            ThreadkeepApp.launchWindow(args);
        } catch (RuntimeException e) {
            // The toolkit refuses to start (no usable display, missing native libraries): one line, no trace.
            System.exit(Cli.windowUnavailable("cannot open the window: " + describe(e)));
        }
    }

    /**
     * A first word that is neither a command nor an existing file is a mistyped command ("threadkeep serch"), not a
     * page to open; the window would only report a missing file after starting.
     */
    static Optional<String> unknownFirstWord(List<String> args, Predicate<String> exists) {
        if (args.isEmpty()) {
            return Optional.empty();
        }
        String first = args.get(0);
        if (first.startsWith("-") || exists.test(first)) {
            return Optional.empty();
        }
        return Optional.of("'" + first + "' is neither a command nor a saved page");
    }

    /**
     * Why no window can open here, if so: on Linux and other X11/Wayland systems a window needs {@code DISPLAY} or
     * {@code WAYLAND_DISPLAY}. Windows and macOS always have a display; the headless Monocle platform needs none.
     */
    static Optional<String> missingDisplay(Map<String, String> env, String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || "monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        if (isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of("no display is available to open the window (neither DISPLAY nor WAYLAND_DISPLAY is set)");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean exists(String path) {
        try {
            return Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.lines().findFirst()
                .orElse(message);
    }
}
