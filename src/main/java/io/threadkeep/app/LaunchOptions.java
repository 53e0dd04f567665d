package io.threadkeep.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The window's command line: {@code [--db DB] [--story ID] [FILE...]}. Parsed without JavaFX so that a mistake is
 * reported before any window opens.
 *
 * @param db      the archive file, or null for the default location
 * @param storyId the story to open, or null
 * @param files   saved pages to import and open
 */
record LaunchOptions(Path db, Long storyId, List<Path> files) {

    LaunchOptions {
        files = List.copyOf(files);
    }

    /** Thrown for arguments the window does not understand. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static LaunchOptions parse(List<String> args) throws UsageException {
        Path db = null;
        Long story = null;
        List<Path> files = new ArrayList<>();
        boolean onlyFiles = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (onlyFiles) {
                files.add(Path.of(arg));
            } else if (arg.equals("--")) {
                onlyFiles = true;
            } else if (arg.equals("--db") || arg.equals("--story")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("missing value after " + arg);
                }
                String value = args.get(++i);
                if (arg.equals("--db")) {
                    db = Path.of(value);
                } else {
                    story = parseStory(value);
                }
            } else if (arg.startsWith("--db=")) {
                db = Path.of(arg.substring(5));
            } else if (arg.startsWith("--story=")) {
                story = parseStory(arg.substring(8));
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option " + arg);
            } else {
                files.add(Path.of(arg));
            }
        }
        return new LaunchOptions(db, story, files);
    }

    private static long parseStory(String value) throws UsageException {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--story wants a story id (a number, as 'threadkeep list' shows), not " + value);
        }
    }
}
