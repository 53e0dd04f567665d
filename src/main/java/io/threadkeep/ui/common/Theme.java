package io.threadkeep.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;

/**
 * The looks. The base stylesheet comes from AtlantaFX; Threadkeep's own colours derive from its palette. High
 * contrast is Primer dark with Threadkeep's stylesheet overriding the palette: white on black, yellow focus.
 */
public enum Theme {
    LIGHT, DARK, HIGH_CONTRAST;

    public String userAgentStylesheet() {
        return this == LIGHT ? new PrimerLight().getUserAgentStylesheet() : new PrimerDark().getUserAgentStylesheet();
    }

    /** The style class put on the scene root, so the stylesheet can adjust colours per theme. */
    public String styleClass() {
        return "theme-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What the theme button switches to: light and dark swap; high contrast goes back to light. */
    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    public boolean isDark() {
        return this != LIGHT;
    }

    public static Theme parse(String value, Theme fallback) {
        if (value == null) {
            return fallback;
        }
        for (Theme theme : values()) {
            if (theme.name().equalsIgnoreCase(value.trim())) {
                return theme;
            }
        }
        return fallback;
    }

    /**
     * The theme GTK_THEME asks for ("Adwaita:dark"). The desktop's colour-scheme preference is read by
     * {@link SystemTheme}; this is its last resort.
     */
    public static Theme fromSystem(java.util.Map<String, String> env) {
        String gtk = env.getOrDefault("GTK_THEME", "");
        return gtk.toLowerCase(Locale.ROOT).contains("dark") ? DARK : LIGHT;
    }
}
