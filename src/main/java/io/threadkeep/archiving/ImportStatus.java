package io.threadkeep.archiving;

import java.util.Locale;

/** What happened to one imported page, as the CLI and the window report it. */
public enum ImportStatus {
    IMPORTED, UPDATED, UNCHANGED, SKIPPED, FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
