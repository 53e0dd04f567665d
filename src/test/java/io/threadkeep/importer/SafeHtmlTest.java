package io.threadkeep.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeHtmlTest {

    private static SafeHtml.Body clean(String html) {
        return SafeHtml.cleanFragment(html, "https://slashdot.org/story/1");
    }

    @Test
    void paragraphsAndLineBreaksBecomeBlankLinesAndNewlines() {
        SafeHtml.Body b = clean("<p>First   paragraph\n continues.</p><p>Second<br>line two</p>");
        assertEquals("First paragraph continues.\n\nSecond\nline two", b.text());
        assertEquals("<p>First paragraph continues.</p><p>Second<br>line two</p>", b.html());
    }

    @Test
    void quoteBlocksAreKeptAndTheirTextIncluded() {
        SafeHtml.Body b = clean("<div class=\"quote\"><p>quoted words</p></div>my reply");
        assertTrue(b.html().startsWith("<blockquote><p>quoted words</p></blockquote>"), b.html());
        assertEquals("quoted words\n\nmy reply", b.text());
    }

    @Test
    void everythingThatLoadsOrRunsIsDropped() {
        SafeHtml.Body b = clean("<p onclick=\"x()\" style=\"background:url(http://127.0.0.1/x.png)\">Hi"
                + "<img src=\"http://127.0.0.1/a.png\" srcset=\"http://127.0.0.1/b.png 2x\">"
                + "<script>alert(1)</script><iframe src=\"http://127.0.0.1/f\"></iframe>"
                + "<style>p{background:url(http://127.0.0.1/s.png)}</style>"
                + "<a href=\"javascript:alert(1)\">js</a> <a href=\"/relative\">rel</a></p>");
        assertFalse(b.html().contains("127.0.0.1"), b.html());
        assertFalse(b.html().contains("javascript"), b.html());
        assertFalse(b.html().contains("onclick") || b.html().contains("style"), b.html());
        assertTrue(b.html().contains("<a href=\"https://slashdot.org/relative\">rel</a>"), b.html());
        // as a browser shows it: the dropped image and script leave no space behind
        assertEquals("Hijs rel", b.text());
    }

    @Test
    void inlineMarkupKeepsWordsApartOnlyWhereTheSourceDid() {
        SafeHtml.Body b = clean("un<i>believ</i>able, <b>bold</b> and <code>x = 1</code>");
        assertEquals("unbelievable, bold and x = 1", b.text());
        assertEquals("un<i>believ</i>able, <b>bold</b> and <code>x = 1</code>", b.html());
    }

    @Test
    void preformattedTextKeepsItsWhitespace() {
        SafeHtml.Body b = clean("<pre>int x;\n    return x;</pre>");
        assertEquals("int x;\n    return x;", b.text());
        assertTrue(b.html().contains("<pre>int x;\n    return x;</pre>"), b.html());
    }

    @Test
    void doubleLineBreaksSeparateParagraphs() {
        SafeHtml.Body b = clean("First thought.<br><br>Second thought.<br>same paragraph");
        assertEquals("First thought.\n\nSecond thought.\nsame paragraph", b.text());
    }

    @Test
    void listsBecomeLines() {
        SafeHtml.Body b = clean("Items:<ul><li>one</li><li>two</li></ul>done");
        assertEquals("Items:\none\ntwo\ndone", b.text());
    }

    @Test
    void nestedBlocksInsideParagraphsStayWellFormed() {
        SafeHtml.Body b = clean("<p>before<blockquote>inside</blockquote>after</p>");
        assertEquals("before\n\ninside\n\nafter", b.text());
        assertFalse(b.html().contains("<p><blockquote>"), b.html());
    }
}
