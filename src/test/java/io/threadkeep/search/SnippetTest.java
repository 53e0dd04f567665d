package io.threadkeep.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetTest {

    private static final char S = io.threadkeep.store.SearchRow.MATCH_START;
    private static final char E = io.threadkeep.store.SearchRow.MATCH_END;

    @Test
    void marksBecomeRangesAndWhiteSpaceIsCollapsed() {
        Snippet s = Snippet.fromMarked("a  " + S + "new" + E + "\n\n" + S + "panel" + E + " here");
        assertEquals("a new panel here", s.text());
        assertEquals(List.of(new Snippet.Range(2, 11)), s.matches(), "a phrase reads as one match");
        assertEquals("a [new panel] here", s.marked("[", "]"));
    }

    @Test
    void matchesSeparatedByPunctuationStayApart() {
        Snippet s = Snippet.fromMarked("in " + S + "C" + E + "/" + S + "C" + E + "++ code");
        assertEquals("in [C]/[C]++ code", s.marked("[", "]"));
    }

    @Test
    void unbalancedMarksAreIgnored() {
        assertEquals("x y", Snippet.fromMarked(E + "x " + S + S + "y").text());
        assertEquals("", Snippet.fromMarked(null).text());
    }
}
