package io.threadkeep.body;

import io.threadkeep.model.WebLinks;
import org.jsoup.nodes.Element;

/**
 * The one link policy of the body format: a link is kept only as an absolute http(s) target, both when the importer
 * writes a body and when the reader reads one back, so a body can never name anything else.
 */
public final class SafeLinks {

    private SafeLinks() {
    }

    /** Returns a safe absolute link target (http or https only, see {@link WebLinks}), or null. */
    public static String safeHref(Element a) {
        String href = a.absUrl("href");
        if (href.isEmpty()) {
            href = a.attr("href").trim();
        }
        return WebLinks.httpOnly(href);
    }
}
