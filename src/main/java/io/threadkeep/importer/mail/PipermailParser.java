package io.threadkeep.importer.mail;

import io.threadkeep.importer.NotAThreadException;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.SafeHtml;
import io.threadkeep.importer.SiteParser;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Message pages of Mailman 2's Pipermail archive: the subject in {@code H1}, the sender's name in {@code B} and
 * address in a {@code mailto:} link whose query carries the message's {@code In-Reply-To}, the date in {@code I}
 * (ctime form), the text in a {@code PRE} between {@code <!--beginarticle-->} and {@code <!--endarticle-->}, and
 * the message's number in the "sorted by date" link. Pipermail does not print a message's own Message-ID, so
 * replies cannot be tied to their parents across pages: a thread's messages are flat, in the order saved.
 */
public final class PipermailParser implements SiteParser {

    private static final Pattern ARTICLE = Pattern.compile("(?s)<!--beginarticle-->(.*?)<!--endarticle-->");
    private static final Pattern IN_REPLY_TO = Pattern.compile("(?i)[?&]In-Reply-To=([^&\"]+)");
    private static final Pattern ARCHIVE = Pattern.compile("^(https?://[^#?]*/pipermail/([^/]+)/)");
    private static final Pattern LISTINFO = Pattern.compile("^(https?://[^/]+)/mailman/listinfo/([^/?#]+)");
    private static final Pattern NUMBER = Pattern.compile("date\\.html#(\\d+)");

    @Override
    public String name() {
        return "pipermail";
    }

    @Override
    public Site site() {
        return Site.PIPERMAIL;
    }

    @Override
    public boolean accepts(Page page) {
        Document doc = page.document();
        return doc.selectFirst("a[href^=date.html], a[href^=thread.html]") != null
                && doc.selectFirst("h1") != null && MailText.rawHtml(doc).contains("<!--beginarticle-->");
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        Matcher article = ARTICLE.matcher(MailText.rawHtml(doc));
        if (!article.find()) {
            throw new NotAThreadException("a Pipermail page without a message (an index page)");
        }
        MailArchivePage m = new MailArchivePage();
        m.subject = SafeHtml.squash(doc.selectFirst("h1").text());
        Element name = doc.selectFirst("h1 ~ b");
        m.author = name == null ? null : SafeHtml.squash(name.text());
        Element mailto = doc.selectFirst("h1 ~ a[href^=mailto:]");
        if (mailto != null) {
            m.email = SafeHtml.squash(mailto.text()).replace(" at ", "@");
            Matcher r = IN_REPLY_TO.matcher(mailto.attr("href"));
            if (r.find()) {
                m.inReplyTo = URLDecoder.decode(r.group(1), StandardCharsets.UTF_8).replaceAll("^<|>$", "").trim();
            }
        }
        if (m.author == null || m.author.isEmpty()) {
            m.author = m.email;
        }
        Element date = doc.selectFirst("h1 ~ i");
        m.sentText = date == null ? null : SafeHtml.squash(date.text());
        m.sent = MailText.date(m.sentText);
        Element sorted = doc.selectFirst("a[href^=date.html#]");
        if (sorted != null) {
            Matcher n = NUMBER.matcher(sorted.attr("href"));
            m.archiveNumber = n.find() ? n.group(1) : null;
        }
        Element fragment = Jsoup.parseBodyFragment(article.group(1)).body();
        Element pre = fragment.selectFirst("pre");
        m.body = MailText.body(pre != null ? pre.wholeText() : fragment.wholeText());
        String base = null;
        if (page.url() != null) {
            Matcher a = ARCHIVE.matcher(page.url());
            if (a.find()) {
                base = a.group(1);
                m.list = a.group(2);
            }
        }
        if (base == null) {
            // The footer links the list's info page; its archive lives beside it.
            Element info = doc.selectFirst("a[href*=/mailman/listinfo/]");
            Matcher i = info == null ? null : LISTINFO.matcher(info.attr("href"));
            if (i != null && i.find()) {
                base = i.group(1) + "/pipermail/" + i.group(2) + "/";
                m.list = i.group(2);
            }
        }
        if (base != null) {
            base = base.replaceFirst("^http://", "https://");
        }
        List<String> warnings = new ArrayList<>();
        return m.toThread(Site.PIPERMAIL, base, page.capturedAt(), warnings);
    }
}
