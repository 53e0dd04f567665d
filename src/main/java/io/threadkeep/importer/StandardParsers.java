package io.threadkeep.importer;

import java.util.List;

/**
 * The registry of everything the importer knows. Order matters: the first parser that accepts a page parses it,
 * so more specific eras come before more general ones.
 */
final class StandardParsers {

    private StandardParsers() {
    }

    static List<SiteParser> parsers() {
        return List.of();
    }

    static List<ContainerReader> containers() {
        return List.of();
    }

    static List<PageRewriter> rewriters() {
        return List.of();
    }
}
