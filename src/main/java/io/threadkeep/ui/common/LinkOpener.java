package io.threadkeep.ui.common;

/** Opens a link in the system browser. The reader never fetches anything itself. */
@FunctionalInterface
public interface LinkOpener {

    void open(String url);

    /**
     * Passes only http(s) links to {@code browser}: whatever an archive holds (one imported before links were
     * filtered, or edited by hand), the desktop is never asked to open another scheme.
     */
    static LinkOpener httpOnly(LinkOpener browser) {
        return url -> {
            String safe = io.threadkeep.model.WebLinks.httpOnly(url);
            if (safe != null) {
                browser.open(safe);
            }
        };
    }
}
