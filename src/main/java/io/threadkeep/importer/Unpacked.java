package io.threadkeep.importer;

import java.util.List;

/**
 * What a container gave: the documents read, and what it could not give with the reason (an entry too large, the
 * unpacking budget spent, a damaged tail). A damaged or oversized part never costs the intact parts beside it.
 */
public record Unpacked(List<PageSource> pages, List<PageOutcome.Failed> refused) {

    public Unpacked {
        pages = List.copyOf(pages);
        refused = List.copyOf(refused);
    }

    public static Unpacked of(List<PageSource> pages) {
        return new Unpacked(pages, List.of());
    }
}
