package io.threadkeep.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;

/** The two looks. The base stylesheet comes from AtlantaFX; Threadkeep's own colours derive from its palette. */
public enum Theme {
    LIGHT, DARK;

    public String userAgentStylesheet() {
        return this == LIGHT ? new PrimerLight().getUserAgentStylesheet() : new PrimerDark().getUserAgentStylesheet();
    }

    /** The style class put on the scene root, so the stylesheet can adjust colours per theme. */
    public String styleClass() {
        return "theme-" + name().toLowerCase(Locale.ROOT);
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
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
     * The system's preference where it can be read. Only GNOME's setting is asked about (through the environment
     * GTK_THEME); everywhere else light is assumed and the reader's choice is remembered.
     */
    public static Theme fromSystem(java.util.Map<String, String> env) {
        String gtk = env.getOrDefault("GTK_THEME", "");
        return gtk.toLowerCase(Locale.ROOT).contains("dark") ? DARK : LIGHT;
    }
}
