package io.threadkeep.importer.hackernews;

import io.threadkeep.importer.NotAThreadException;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.SiteParser;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Hacker News item pages since about 2014: each comment is a {@code tr.athing} (later {@code tr.athing.comtr})
 * whose id is the item id, indented by {@code td.ind} (with an {@code indent} attribute since about 2019, the
 * spacer image's width before that). Covers logged-in and logged-out pages and the numbered comment pages.
 */
public final class HackerNewsAthingParser implements SiteParser {

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "hackernews-athing";
    }

    /** Raise when what this parser extracts changes: the pages it read before are then read again. */
    @Override
    public int version() {
        return 1;
    }

    @Override
    public Site site() {
        return Site.HACKERNEWS;
    }

    @Override
    public boolean accepts(Page page) {
        return HackerNewsReader.isHackerNews(page) && page.document().selectFirst("tr.athing") != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        return new HackerNewsReader(page).read(head -> rows(page, head));
    }

    private static List<HackerNewsReader.CommentRow> rows(Page page, Element head) {
        List<HackerNewsReader.CommentRow> rows = new ArrayList<>();
        for (Element row : page.document().select("tr.athing")) {
            if (head != null && row.closest("table") == head) {
                continue;
            }
            Element cell = row.selectFirst("td.default");
            if (cell == null) {
                continue;
            }
            rows.add(new HackerNewsReader.CommentRow(cell, depth(row, cell)));
        }
        return rows;
    }

    private static int depth(Element row, Element cell) {
        Element ind = row.selectFirst("td.ind");
        if (ind != null && ind.hasAttr("indent")) {
            String digits = HackerNewsLinks.digitsIn(ind.attr("indent"));
            if (digits != null) {
                return Integer.parseInt(digits);
            }
        }
        return HackerNewsTableParser.depth(cell.parent());
    }
}
