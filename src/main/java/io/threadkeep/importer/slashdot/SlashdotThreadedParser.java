package io.threadkeep.importer.slashdot;

import io.threadkeep.importer.Page;
import org.jsoup.nodes.Document;

/**
 * Slashdot's CSS layout before D2 (2005–2007): the story in {@code div.article} ({@code .generaltitle},
 * {@code .details} "Posted by ... from the ... dept.", {@code .intro}), full comments as {@code li#tree_CID} with
 * {@code comment_body_CID} and a "Parent" link, and collapsed comments only as one-line links
 * {@code <li><a href="...pid=P#CID">Subject</a> by nick (Score:1) date} with no body and no uid. Comment dates have
 * no year; it comes from the story.
 */
public final class SlashdotThreadedParser extends SlashdotEraParser {

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "slashdot-threaded";
    }

    /** Raise when what this parser extracts changes: the pages it read before are then read again. */
    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean accepts(Page page) {
        return isSlashdot(page) && page.document().selectFirst(
                "li[id^=tree_], [id^=comment_body_], ul#commentlisting") != null;
    }

    @Override
    StoryHeader header(Document doc) {
        return firstOf(StoryHeader.classic(doc), StoryHeader.firehose(doc), StoryHeader.table(doc));
    }
}
