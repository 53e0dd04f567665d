package io.threadkeep.ui.common;

/** Opens a link in the system browser. The reader never fetches anything itself. */
@FunctionalInterface
public interface LinkOpener {

    void open(String url);
}
