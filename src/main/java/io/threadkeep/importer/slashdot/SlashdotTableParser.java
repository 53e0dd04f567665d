package io.threadkeep.importer.slashdot;

import io.threadkeep.importer.Page;
import java.util.List;
import org.jsoup.nodes.Document;

/**
 * Slashdot's table layout (1997–2005): the story as "Posted by NAME on DATE" and "from the ... dept." lines in a
 * table cell, comments as header cells ({@code <a name="CID">}, "(Score:N, Label)", "by NAME (UID) on DATE (#CID)")
 * over body rows with a "[ Reply to This | Parent ]" bar, collapsed replies as one-line {@code pid=P#CID} links, and
 * replies indented with {@code <ul>}. Registered last: it accepts any Slashdot page with a story or comment links.
 */
public final class SlashdotTableParser extends SlashdotEraParser {

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "slashdot-table";
    }

    /** Raise when what this parser extracts changes: the pages it read before are then read again. */
    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean accepts(Page page) {
        return isSlashdot(page) && page.document().selectFirst("a[href*=comments.pl], a[name]") != null;
    }

    @Override
    StoryHeader header(Document doc) {
        return firstOf(StoryHeader.table(doc), StoryHeader.classic(doc), StoryHeader.firehose(doc));
    }

    @Override
    List<CommentDraft> comments(Document doc, CommentListReader reader) {
        return new TableCommentReader(reader).read(doc);
    }
}
