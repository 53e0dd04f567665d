package io.threadkeep.importer.slashdot;

import io.threadkeep.importer.Page;
import org.jsoup.nodes.Document;

/**
 * Slashdot story pages of 2014 to today: the firehose {@code <article>} header ({@code .story-title},
 * {@code .story-byline} with {@code <time>}, {@code span.dept-text}, topic icons, {@code div.body}) over the D2
 * listing ({@code li#tree_CID.comment.full/oneline/hidden}, {@code commentTop}, {@code span.by}/{@code span.uid},
 * {@code .otherdetails}, {@code commentBody}) and its inline {@code D2.comments} table.
 */
public final class SlashdotCurrentParser extends SlashdotEraParser {

    @Override
    public boolean accepts(Page page) {
        return isSlashdot(page) && page.document().selectFirst(
                "article .story-byline, article .dept-text, article .story-title") != null;
    }

    @Override
    StoryHeader header(Document doc) {
        return firstOf(StoryHeader.firehose(doc), StoryHeader.classic(doc), StoryHeader.table(doc));
    }
}
