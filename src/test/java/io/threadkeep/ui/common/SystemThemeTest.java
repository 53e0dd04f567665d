package io.threadkeep.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemThemeTest {

    /** Answers commands from a table; records what was asked, in order. */
    private static final class FakeRunner implements SystemTheme.CommandRunner {
        final Map<List<String>, String> answers = new HashMap<>();
        final List<List<String>> asked = new ArrayList<>();

        FakeRunner answer(List<String> command, String output) {
            answers.put(command, output);
            return this;
        }

        @Override
        public Optional<String> run(List<String> command) {
            asked.add(command);
            return Optional.ofNullable(answers.get(command));
        }
    }

    @Test
    void thePortalsColourSchemeDecidesOnLinux() {
        FakeRunner dark = new FakeRunner().answer(SystemTheme.PORTAL, "(<<uint32 1>>,)\n")
                .answer(SystemTheme.GSETTINGS_SCHEME, "'prefer-light'\n");
        assertEquals(Theme.DARK, SystemTheme.detect("Linux", Map.of(), dark));
        assertEquals(List.of(SystemTheme.PORTAL), dark.asked, "the portal answered; nothing else was asked");

        FakeRunner light = new FakeRunner().answer(SystemTheme.PORTAL, "(<uint32 2>,)");
        assertEquals(Theme.LIGHT, SystemTheme.detect("Linux", Map.of("GTK_THEME", "Adwaita:dark"), light));
    }

    @Test
    void withoutAPortalPreferenceGsettingsThenTheGtkThemeThenTheEnvironmentDecide() {
        FakeRunner noPreference = new FakeRunner().answer(SystemTheme.PORTAL, "(<<uint32 0>>,)")
                .answer(SystemTheme.GSETTINGS_SCHEME, "'prefer-dark'\n");
        assertEquals(Theme.DARK, SystemTheme.detect("Linux", Map.of(), noPreference));

        FakeRunner gtkName = new FakeRunner().answer(SystemTheme.GSETTINGS_SCHEME, "'default'")
                .answer(SystemTheme.GSETTINGS_GTK_THEME, "'Adwaita-dark'");
        assertEquals(Theme.DARK, SystemTheme.detect("Linux", Map.of(), gtkName));
        assertEquals(List.of(SystemTheme.PORTAL, SystemTheme.GSETTINGS_SCHEME, SystemTheme.GSETTINGS_GTK_THEME),
                gtkName.asked);

        FakeRunner nothing = new FakeRunner();
        assertEquals(Theme.DARK, SystemTheme.detect("Linux", Map.of("GTK_THEME", "Adwaita:dark"), nothing));
        assertEquals(Theme.LIGHT, SystemTheme.detect("Linux", Map.of(), nothing));
    }

    @Test
    void oddAnswersAreNoAnswer() {
        assertTrue(SystemTheme.fromPortal("Error: GDBus.Error:org.freedesktop.portal.Error.NotFound").isEmpty());
        assertTrue(SystemTheme.fromGsettingsScheme("No such key “color-scheme”").isEmpty());
        assertTrue(SystemTheme.fromRegistry("ERROR: The system was unable to find the specified registry key").isEmpty());
    }

    @Test
    void windowsAndMacosAreAskedTheirOwnWay() {
        FakeRunner windowsDark = new FakeRunner().answer(SystemTheme.WINDOWS, """

                HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize
                    AppsUseLightTheme    REG_DWORD    0x0

                """);
        assertEquals(Theme.DARK, SystemTheme.detect("Windows 11", Map.of(), windowsDark));
        assertEquals(List.of(SystemTheme.WINDOWS), windowsDark.asked);
        FakeRunner windowsLight = new FakeRunner().answer(SystemTheme.WINDOWS,
                "    AppsUseLightTheme    REG_DWORD    0x1\n");
        assertEquals(Theme.LIGHT, SystemTheme.detect("Windows 10", Map.of(), windowsLight));

        assertEquals(Theme.DARK, SystemTheme.detect("Mac OS X", Map.of(),
                new FakeRunner().answer(SystemTheme.MACOS, "Dark\n")));
        // Light mode has no AppleInterfaceStyle: the command fails.
        assertEquals(Theme.LIGHT, SystemTheme.detect("Mac OS X", Map.of(), new FakeRunner()));
    }
}
