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
 * Hacker News item pages of 2007 to about 2014: nested tables with no row classes, each comment in a
 * {@code td.default} whose row starts with a spacer image {@code <img src=s.gif width=40*depth>}. Includes the
 * "More" continuation pages ({@code /x?fnid=...}) that carry no story header.
 */
public final class HackerNewsTableParser implements SiteParser {

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "hackernews-table";
    }

    /** Raise when what this parser extracts changes: the pages it read before are then read again. */
    @Override
    public int version() {
        return 1;
    }

    private static final int INDENT_PIXELS = 40;

    @Override
    public Site site() {
        return Site.HACKERNEWS;
    }

    @Override
    public boolean accepts(Page page) {
        return HackerNewsReader.isHackerNews(page) && page.document().selectFirst("tr.athing") == null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        return new HackerNewsReader(page).read(head -> rows(page, head));
    }

    private static List<HackerNewsReader.CommentRow> rows(Page page, Element head) {
        List<HackerNewsReader.CommentRow> rows = new ArrayList<>();
        for (Element cell : page.document().select("td.default:has(span.comhead)")) {
            if (head != null && cell.closest("table") == head) {
                continue;
            }
            rows.add(new HackerNewsReader.CommentRow(cell, depth(cell.parent())));
        }
        return rows;
    }

    /** The spacer image's width in the first cell of the comment's row, in indentation steps. */
    static int depth(Element row) {
        if (row == null) {
            return 0;
        }
        for (Element td : row.children()) {
            if (!td.normalName().equals("td")) {
                continue;
            }
            Element spacer = td.selectFirst("img[width]");
            if (spacer != null && td.selectFirst("a") == null) {
                String digits = HackerNewsLinks.digitsIn(spacer.attr("width"));
                return digits == null ? 0 : Integer.parseInt(digits) / INDENT_PIXELS;
            }
            if (td.hasClass("default")) {
                break;
            }
        }
        return 0;
    }
}
