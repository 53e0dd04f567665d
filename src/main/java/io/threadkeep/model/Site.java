package io.threadkeep.model;

import java.util.Locale;
import java.util.Optional;

/** A discussion site whose saved pages Threadkeep understands. */
public enum Site {
    SLASHDOT("Slashdot"),
    HACKERNEWS("Hacker News"),
    REDDIT("Reddit"),
    LOBSTERS("Lobsters"),
    SOYLENTNEWS("SoylentNews"),
    STACKEXCHANGE("Stack Exchange"),
    PHPBB("phpBB"),
    VBULLETIN("vBulletin"),
    XENFORO("XenForo"),
    MYBB("MyBB"),
    SMF("SMF"),
    INVISION("Invision"),
    DISCOURSE("Discourse"),
    LEMMY("Lemmy"),
    WORDPRESS("WordPress"),
    DISQUS("Disqus"),
    PIPERMAIL("Pipermail"),
    HYPERMAIL("Hypermail"),
    /** A discussion page of an engine no site parser knows, read by the general reader; the host is in the URL. */
    WEB("Web");

    private final String displayName;

    Site(String displayName) {
        this.displayName = displayName;
    }

    /** The stable lower-case id used in the database, the CLI and exports ("slashdot", "hackernews", ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<Site> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
        for (Site site : values()) {
            if (site.id().equals(wanted)) {
                return Optional.of(site);
            }
        }
        if (wanted.equals("hn") || wanted.equals("ycombinator")) {
            return Optional.of(HACKERNEWS);
        }
        return Optional.empty();
    }
}
