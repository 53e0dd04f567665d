package io.threadkeep.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the archive lives when the user does not say: the OS's per-user data folder (XDG data home on Linux,
 * {@code %APPDATA%} on Windows, {@code ~/Library/Application Support} on macOS). {@code THREADKEEP_DB} overrides.
 */
public final class ArchiveLocation {

    public static final String ENV_VARIABLE = "THREADKEEP_DB";
    private static final String FILE_NAME = "archive.db";

    private ArchiveLocation() {
    }

    /** The archive path for an explicit {@code --db} value (may be null), this environment and OS. */
    public static Path resolve(Path explicit, Map<String, String> env, String osName, String userHome) {
        if (explicit != null) {
            return explicit;
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return dataFolder(env, osName, userHome).resolve(FILE_NAME);
    }

    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /** The per-user folder for Threadkeep's data (archive, settings). */
    public static Path dataFolder(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData)
                    : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("Threadkeep");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Threadkeep");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(userHome, ".local", "share");
        return base.resolve("threadkeep");
    }

    public static Path dataFolder() {
        return dataFolder(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }
}
