package io.threadkeep.ui.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates and counts read in the window. */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    private Formats() {
    }

    /**
     * The name a story's site goes by in the window: the site's own, except for pages the general reader read, which
     * go by their host (the engine is unknown, the host is what the reader recognises).
     */
    public static String siteName(io.threadkeep.model.Site site, String storyUrl) {
        if (site == io.threadkeep.model.Site.WEB && storyUrl != null) {
            try {
                String host = java.net.URI.create(storyUrl).getHost();
                if (host != null && !host.isBlank()) {
                    return host.startsWith("www.") ? host.substring(4) : host;
                }
            } catch (IllegalArgumentException unparsable) {
                return site.displayName();
            }
        }
        return site.displayName();
    }

    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    public static String date(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    /** "1 reply", "3 replies". */
    public static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
