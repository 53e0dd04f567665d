package io.threadkeep.importer.slashdot;

import io.threadkeep.importer.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Slashdot's second discussion system, "D2" (2008–2013, including the 2013 "classic" skin with its firehose
 * header): {@code li#tree_CID} items whose class (on the item or on {@code div#comment_CID}) says full, oneline or
 * hidden, one-line bodies cut short with a {@code span.substr} marker, and the inline
 * {@code D2.comments({cid: {uid, pid, subject, points, ...}})} table, which gives the parents, author ids and scores
 * of collapsed comments that have no markup. uid 666 is Anonymous Coward.
 */
public final class SlashdotD2Parser extends SlashdotEraParser {

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "slashdot-d2";
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
        Document doc = page.document();
        if (doc.selectFirst("ul#commentlisting.d2, li[id^=tree_].oneline, li[id^=tree_].full, li[id^=tree_].hidden, "
                + "div[id^=comment_].oneline, div[id^=comment_].full, div[id^=comment_].hidden") != null) {
            return true;
        }
        for (Element script : doc.select("script")) {
            if (script.data().contains("D2.comments(")) {
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
