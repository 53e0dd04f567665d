package io.threadkeep.importer.slashdot;

import io.threadkeep.importer.Page;
import io.threadkeep.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * SoylentNews, which runs rehash, a fork of Slash: the story in {@code div.article} (with a hidden
 * {@code span.sd-key-sid} holding the sid), comments as {@code li#tree_CID} with {@code comment_body_CID}, the score
 * and moderation label in {@code span.score}, the byline "by nick (uid) on Wednesday March 04 2020, @07:47PM
 * (#CID)" and a "Parent" link: the markup of Slashdot's CSS era, read by the same comment reader. Its sids have
 * Slashdot's form ({@code YY/MM/DD/NNNNNNN}); the merge key is {@code https://soylentnews.org/article.pl?sid=SID}.
 * Times are read as US Eastern like Slashdot's: rehash kept Slash's default time zone for readers without an
 * account, and the pages do not name it.
 */
public final class SoylentNewsParser extends SlashdotEraParser {

    private static final String SID = "(\\d{2}/\\d{2}/\\d{2}/\\d{4,8})";
    private static final Pattern SID_LINK = Pattern.compile(
            "(?:article|comments)\\.pl\\?(?:[^#\\s\"']*?[&;])?sid=" + SID);
    private static final Pattern BARE_SID = Pattern.compile("^\\s*" + SID + "\\s*$");
    private static final Pattern HOST = Pattern.compile("(?i)^(?:https?:)?//(?:[\\w-]+\\.)*soylentnews\\.org(?:[:/?#]|$)");

    @Override
    public String name() {
        return "soylentnews";
    }

    @Override
    public Site site() {
        return Site.SOYLENTNEWS;
    }

    @Override
    public boolean accepts(Page page) {
        return isSoylentNews(page) && page.document().selectFirst(
                "li[id^=tree_], [id^=comment_body_], ul#commentlisting") != null;
    }

    static boolean isSoylentNews(Page page) {
        Document doc = page.document();
        List<String> addresses = new ArrayList<>();
        if (page.url() != null) {
            addresses.add(page.url());
        }
        for (Element e : doc.select("link[rel=canonical][href], meta[property=og:url][content]")) {
            addresses.add(e.hasAttr("href") ? e.attr("href") : e.attr("content"));
        }
        for (String a : addresses) {
            if (HOST.matcher(a.trim()).find()) {
                return true;
            }
        }
        if (doc.title().toLowerCase(Locale.ROOT).contains("soylentnews")) {
            return true;
        }
        Element siteName = doc.selectFirst("meta[property=og:site_name][content]");
        return siteName != null && siteName.attr("content").toLowerCase(Locale.ROOT).contains("soylentnews")
                || doc.selectFirst("link[rel=search][href*=soylentnews.org], link[rel=alternate][href*=soylentnews.org]"
                + ", link[rel=top][href*=soylentnews.org]") != null;
    }

    @Override
    String findSid(Document doc, String pageUrl) {
        for (Element e : doc.select(".sd-key-sid")) {
            Matcher m = BARE_SID.matcher(e.text());
            if (m.find()) {
                return m.group(1);
            }
        }
        List<String> candidates = new ArrayList<>();
        for (Element e : doc.select("link[rel=canonical][href], meta[property=og:url][content]")) {
            candidates.add(e.hasAttr("href") ? e.attr("href") : e.attr("content"));
        }
        if (pageUrl != null) {
            candidates.add(pageUrl);
        }
        for (Element a : doc.select(".article .title a[href], #title a[href], .commentBox a[href]")) {
            candidates.add(a.attr("href"));
        }
        for (String c : candidates) {
            Matcher m = SID_LINK.matcher(c.replace("%2F", "/"));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    @Override
    String canonicalUrl(String sid) {
        return "https://soylentnews.org/article.pl?sid=" + sid;
    }

    @Override
    String discussionUrl(String discussion) {
        return "https://soylentnews.org/comments.pl?sid=" + discussion;
    }

    @Override
    StoryHeader header(Document doc) {
        StoryHeader h = firstOf(StoryHeader.classic(doc), StoryHeader.firehose(doc), StoryHeader.table(doc));
        // rehash prefixes the title with a link to the story's section ("Science: ..."); the story link is the title.
        Element own = doc.selectFirst("div.article .title a[href*=article.pl]");
        if (h != null && own != null && !own.text().isBlank()) {
            h.title = io.threadkeep.importer.SafeHtml.squash(own.text());
        }
        return h;
    }
}
