package io.threadkeep.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parser names are archive data: they must be stable, distinct and independent of class names. */
class ParserNamesTest {

    @Test
    void everyParserDeclaresADistinctLowerCaseName() {
        Set<String> seen = new HashSet<>();
        for (SiteParser parser : StandardParsers.parsers()) {
            String name = parser.name();
            assertTrue(name.matches("[a-z0-9]+(-[a-z0-9]+)*"), name);
            assertNotEquals(parser.getClass().getSimpleName(), name);
            assertTrue(seen.add(name), "two parsers named " + name);
        }
        assertEquals(seen.size(), PageImporter.standard().parserVersions().size());
    }
}
