package io.threadkeep.importer;

import io.threadkeep.importer.slashdot.SlashdotCurrentParser;
import io.threadkeep.importer.slashdot.SlashdotD2Parser;
import io.threadkeep.importer.slashdot.SlashdotTableParser;
import io.threadkeep.importer.slashdot.SlashdotThreadedParser;
import java.util.List;

/**
 * The registry of everything the importer knows. Order matters: the first parser that accepts a page parses it,
 * so more specific eras come before more general ones.
 */
final class StandardParsers {

    private StandardParsers() {
    }

    static List<SiteParser> parsers() {
        return List.of(
                // Slashdot, most specific era first: the table layout accepts any Slashdot page with comments.
                new SlashdotCurrentParser(),
                new SlashdotD2Parser(),
                new SlashdotThreadedParser(),
                new SlashdotTableParser());
    }

    static List<ContainerReader> containers() {
        return List.of();
    }

    static List<PageRewriter> rewriters() {
        return List.of();
    }
}
