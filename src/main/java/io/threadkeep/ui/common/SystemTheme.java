package io.threadkeep.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desktop's light/dark preference, for "follow the system" (the theme used until the reader picks one). JavaFX
 * 21 has no API for it, so each desktop is asked the way its own tools are:
 * <ul>
 *   <li>Linux: the freedesktop appearance portal ({@code gdbus call … org.freedesktop.portal.Settings.Read
 *       org.freedesktop.appearance color-scheme}: 1 prefers dark, 2 light, 0 no preference), which GNOME, KDE and
 *       others answer; then GNOME's {@code gsettings get org.gnome.desktop.interface color-scheme}
 *       ('prefer-dark'), then its gtk-theme name, then {@code GTK_THEME}. Tested with a fake command runner.</li>
 *   <li>Windows: {@code reg query HKCU\Software\Microsoft\Windows\CurrentVersion\Themes\Personalize /v
 *       AppsUseLightTheme} (0x0 means dark). Written from Microsoft's documentation of that value; not tried on
 *       Windows.</li>
 *   <li>macOS: {@code defaults read -g AppleInterfaceStyle} prints "Dark" in dark mode and fails in light mode.
 *       Written from Apple's documented user default; not tried on a Mac.</li>
 * </ul>
 * Every command runs with a short timeout; a missing tool or an odd answer falls through to the next, and at the
 * end to light.
 */
public final class SystemTheme {

    /** Runs a command and returns what it printed, or empty when it could not run, failed, or took too long. */
    @FunctionalInterface
    public interface CommandRunner {
        Optional<String> run(List<String> command);
    }

    static final List<String> PORTAL = List.of("gdbus", "call", "--session", "--timeout", "1",
            "--dest", "org.freedesktop.portal.Desktop", "--object-path", "/org/freedesktop/portal/desktop",
            "--method", "org.freedesktop.portal.Settings.Read", "org.freedesktop.appearance", "color-scheme");
    static final List<String> GSETTINGS_SCHEME = List.of("gsettings", "get", "org.gnome.desktop.interface",
            "color-scheme");
    static final List<String> GSETTINGS_GTK_THEME = List.of("gsettings", "get", "org.gnome.desktop.interface",
            "gtk-theme");
    static final List<String> WINDOWS = List.of("reg", "query",
            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v", "AppsUseLightTheme");
    static final List<String> MACOS = List.of("defaults", "read", "-g", "AppleInterfaceStyle");

    private static final Pattern PORTAL_VALUE = Pattern.compile("uint32\\s+(\\d+)");
    private static final Pattern REG_VALUE = Pattern.compile("AppsUseLightTheme\\s+REG_DWORD\\s+0x([0-9a-fA-F]+)");

    private SystemTheme() {
    }

    /** The preference on this machine, asked with real processes. */
    public static Theme detect() {
        return detect(System.getProperty("os.name", ""), System.getenv(), SystemTheme::runProcess);
    }

    static Theme detect(String osName, Map<String, String> env, CommandRunner runner) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return runner.run(WINDOWS).flatMap(SystemTheme::fromRegistry).orElse(Theme.LIGHT);
        }
        if (os.startsWith("mac")) {
            // Light mode has no AppleInterfaceStyle at all: the command fails, which means light.
            return runner.run(MACOS).map(out -> out.strip().equalsIgnoreCase("dark") ? Theme.DARK : Theme.LIGHT)
                    .orElse(Theme.LIGHT);
        }
        Optional<Theme> portal = runner.run(PORTAL).flatMap(SystemTheme::fromPortal);
        if (portal.isPresent()) {
            return portal.get();
        }
        Optional<Theme> scheme = runner.run(GSETTINGS_SCHEME).flatMap(SystemTheme::fromGsettingsScheme);
        if (scheme.isPresent()) {
            return scheme.get();
        }
        Optional<String> gtkTheme = runner.run(GSETTINGS_GTK_THEME);
        if (gtkTheme.isPresent() && gtkTheme.get().toLowerCase(Locale.ROOT).contains("dark")) {
            return Theme.DARK;
        }
        return Theme.fromSystem(env);
    }

    /** "(<<uint32 1>>,)" (or "(<uint32 1>,)" from older portals): 1 dark, 2 light, 0 no preference (empty). */
    static Optional<Theme> fromPortal(String output) {
        Matcher m = PORTAL_VALUE.matcher(output);
        if (!m.find()) {
            return Optional.empty();
        }
        return switch (m.group(1)) {
            case "1" -> Optional.of(Theme.DARK);
            case "2" -> Optional.of(Theme.LIGHT);
            default -> Optional.empty();
        };
    }

    /** "'prefer-dark'", "'prefer-light'" or "'default'" (no preference: empty). */
    static Optional<Theme> fromGsettingsScheme(String output) {
        String v = output.strip().replace("'", "").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "prefer-dark" -> Optional.of(Theme.DARK);
            case "prefer-light" -> Optional.of(Theme.LIGHT);
            default -> Optional.empty();
        };
    }

    /** "    AppsUseLightTheme    REG_DWORD    0x0": 0 is dark. */
    static Optional<Theme> fromRegistry(String output) {
        Matcher m = REG_VALUE.matcher(output);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(m.group(1), 16) == 0 ? Theme.DARK : Theme.LIGHT);
    }

    private static Optional<String> runProcess(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            // The tool is not installed here: this desktop does not answer that way.
            return Optional.empty();
        }
        try (InputStream out = process.getInputStream()) {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            process.destroyForcibly();
            return Optional.empty();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
