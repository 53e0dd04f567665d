package io.threadkeep.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.body.SafeHtmlReader.Block;
import io.threadkeep.body.SafeHtmlReader.BlockKind;
import io.threadkeep.body.SafeHtmlReader.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafeHtmlReaderTest {

    @Test
    void paragraphsQuotesAndCodeBecomeBlocks() {
        List<Block> blocks = SafeHtmlReader.read(
                "<p>First <i>one</i>.</p><blockquote><p>Quoted</p><blockquote><p>deeper</p></blockquote></blockquote>"
                        + "<pre>int x;\n  y();</pre><p>Last</p>");
        assertEquals(5, blocks.size());
        assertEquals("First one.", blocks.get(0).text());
        assertEquals(0, blocks.get(0).quoteDepth());
        assertEquals(1, blocks.get(1).quoteDepth());
        assertEquals(2, blocks.get(2).quoteDepth());
        assertEquals(BlockKind.PREFORMATTED, blocks.get(3).kind());
        assertEquals("int x;\n  y();", blocks.get(3).text());
        assertTrue(blocks.get(3).spans().get(0).has(SafeHtmlReader.CODE));
        assertEquals("Last", blocks.get(4).text());
    }

    @Test
    void inlineStylesAndLinksAreSpans() {
        List<Block> blocks = SafeHtmlReader.read("Loose <b>bold <i>both</i></b> and <a href=\"https://example.test/x\">"
                + "a link</a><br>next line");
        assertEquals(1, blocks.size());
        List<Span> spans = blocks.get(0).spans();
        assertEquals("Loose ", spans.get(0).text());
        assertTrue(spans.get(1).has(SafeHtmlReader.BOLD));
        assertTrue(spans.get(2).has(SafeHtmlReader.BOLD) && spans.get(2).has(SafeHtmlReader.ITALIC));
        Span link = spans.stream().filter(s -> s.href() != null).findFirst().orElseThrow();
        assertEquals("a link", link.text());
        assertEquals("https://example.test/x", link.href());
        assertTrue(blocks.get(0).text().endsWith("a link\nnext line"));
    }

    @Test
    void unsafeLinkTargetsAndResourcesAreNotKept() {
        List<Block> blocks = SafeHtmlReader.read("<p><a href=\"javascript:alert(1)\">x</a><img src=\"http://h/i.png\">"
                + "<iframe src=\"http://h/f\"></iframe></p>");
        assertEquals(1, blocks.size());
        assertEquals("x", blocks.get(0).text());
        assertNull(blocks.get(0).spans().get(0).href());
    }

    @Test
    void listsNumberTheirItems() {
        List<Block> blocks = SafeHtmlReader.read("<ol><li>one</li><li>two</li></ol><ul><li>dot</li></ul>");
        assertEquals(List.of("1.", "2.", "•"), blocks.stream().map(Block::bullet).toList());
        assertEquals(BlockKind.LIST_ITEM, blocks.get(0).kind());
    }

    @Test
    void whitespaceFromMarkupLayoutIsCollapsed() {
        List<Block> blocks = SafeHtmlReader.read("<p>\n  several\n   words  <i> here </i>\n</p>");
        assertEquals("several words here", blocks.get(0).text());
    }

    @Test
    void emptyInputHasNoBlocks() {
        assertTrue(SafeHtmlReader.read(null).isEmpty());
        assertTrue(SafeHtmlReader.read("  ").isEmpty());
    }
}
