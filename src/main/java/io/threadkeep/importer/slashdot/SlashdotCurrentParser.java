package io.threadkeep.importer.slashdot;

import io.threadkeep.importer.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Slashdot story pages of 2014 to today: the firehose {@code <article>} header ({@code .story-title},
 * {@code .story-byline} with {@code <time>}, {@code span.dept-text}, topic icons, {@code div.body}) over the D2
 * listing ({@code li#tree_CID.comment.full/oneline/hidden}, {@code commentTop}, {@code span.by}/{@code span.uid},
 * {@code .otherdetails}, {@code commentBody}) and its inline {@code D2.comments} table.
 */
public final class SlashdotCurrentParser extends SlashdotEraParser {

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "slashdot-current";
    }

    /** Raise when what this parser extracts changes: the pages it read before are then read again. */
    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean accepts(Page page) {
        if (!isSlashdot(page)) {
            return false;
        }
        // Flat selector, then the ancestor check: "article .x" would climb every element's ancestors.
        for (Element e : page.document().select(".story-byline, .dept-text, .story-title")) {
            if (e.closest("article") != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    StoryHeader header(Document doc) {
        return firstOf(StoryHeader.firehose(doc), StoryHeader.classic(doc), StoryHeader.table(doc));
    }
}
