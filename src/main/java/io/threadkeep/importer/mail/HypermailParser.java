package io.threadkeep.importer.mail;

import io.threadkeep.importer.NotAThreadException;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.SafeHtml;
import io.threadkeep.importer.SiteParser;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Message pages of Hypermail (2b and 2.x): the headers in HTML comments ({@code <!-- name="..." -->},
 * {@code sent}, {@code isosent}, {@code subject}, {@code id}, {@code inreplyto}) and the text between
 * {@code <!-- body="start" -->} and {@code <!-- body="end" -->}, with quoted lines as {@code &gt;} (2.x wraps them in
 * {@code em.quotelev1}). The message's own id and its In-Reply-To make the reply tree across saved pages.
 */
public final class HypermailParser implements SiteParser {

    private static final Pattern META = Pattern.compile("<!--\\s*([a-z]+)=\"(.*?)\"\\s*-->");
    private static final Pattern BODY = Pattern.compile("(?s)<!--\\s*body=\"start\"\\s*-->(.*?)<!--\\s*body=\"end\"\\s*-->");
    private static final Pattern DATED_DIRECTORY = Pattern.compile(
            "/(?:\\d{4}(?:[/-]?\\d{2})?|\\d{4}-[a-z]+|[a-z]+-?\\d{4}|\\d{4}-q\\d|week_\\d+)/?$",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return "hypermail";
    }

    @Override
    public Site site() {
        return Site.HYPERMAIL;
    }

    @Override
    public boolean accepts(Page page) {
        String html = MailText.rawHtml(page.document());
        return html.contains("body=\"start\"") && (html.contains("<!-- id=\"") || html.contains("<!--id=\""));
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        String html = MailText.rawHtml(page.document());
        Map<String, String> meta = new HashMap<>();
        Matcher m = META.matcher(html);
        while (m.find()) {
            meta.putIfAbsent(m.group(1), Parser.unescapeEntities(m.group(2), false));
        }
        Matcher body = BODY.matcher(html);
        if (!body.find() || meta.get("id") == null) {
            throw new NotAThreadException("a Hypermail page without a message (an index page)");
        }
        MailArchivePage msg = new MailArchivePage();
        msg.subject = meta.getOrDefault("subject", SafeHtml.squash(page.document().title()));
        msg.author = blankToNull(meta.get("name"));
        msg.email = blankToNull(meta.get("email"));
        if (msg.author == null) {
            msg.author = msg.email;
        }
        msg.messageId = meta.get("id").replaceAll("^<|>$", "");
        msg.inReplyTo = blankToNull(meta.get("inreplyto"));
        if (msg.inReplyTo != null) {
            msg.inReplyTo = msg.inReplyTo.replaceAll("^<|>$", "");
        }
        msg.sent = MailText.date(meta.get("isosent"));
        if (msg.sent == null) {
            msg.sent = MailText.date(meta.get("sent"));
        }
        msg.sentText = meta.get("sent");
        // Line structure lives in <br> and <p>; quote marks are in the text ("&gt; ").
        String fragment = body.group(1).replaceAll("(?s)<span id=\"received\">.*?</span>", "").replaceAll("(?i)\\n?<br\\s*/?>\\n?", "\n").replaceAll("(?i)</?p(\\s[^>]*)?>", "\n\n");
        msg.body = MailText.body(Jsoup.parseBodyFragment(fragment).body().wholeText());
        String base = null;
        if (page.url() != null && page.url().startsWith("http")) {
            String dir = page.url().replaceFirst("[?#].*$", "").replaceFirst("/[^/]*$", "/");
            String before;
            do {
                before = dir;
                dir = DATED_DIRECTORY.matcher(dir).replaceFirst("/");
            } while (!dir.equals(before));
            base = dir.replaceFirst("^http://", "https://");
            String[] parts = base.split("/");
            msg.list = parts.length > 3 ? parts[parts.length - 1] : null;
        }
        if (msg.list == null) {
            // Hypermail titles pages "LABEL: subject" with the archive's label.
            String title = SafeHtml.squash(page.document().title());
            int colon = title.indexOf(": ");
            msg.list = colon > 0 && colon < 60 ? title.substring(0, colon) : null;
        }
        List<String> warnings = new ArrayList<>();
        if (base == null) {
            warnings.add("the page does not say where it was archived; the thread is keyed by its list and subject");
        }
        return msg.toThread(Site.HYPERMAIL, base, page.capturedAt(), warnings);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
