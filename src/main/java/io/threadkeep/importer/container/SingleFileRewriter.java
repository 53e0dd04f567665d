package io.threadkeep.importer.container;

import io.threadkeep.importer.Page;
import io.threadkeep.importer.PageRewriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Reads the header comment SingleFile writes at the top of a page it saved
 * ({@code <!-- Page saved with SingleFile url: ... saved date: ... -->}) and the browsers' "mark of the web"
 * ({@code <!-- saved from url=(0045)https://... -->}): the original URL, and for SingleFile the save date. A save
 * date the container already gave is kept.
 */
public final class SingleFileRewriter implements PageRewriter {

    private static final Pattern URL_LINE = Pattern.compile("(?m)^\\s*url:\\s*(\\S+)");
    private static final Pattern DATE_LINE = Pattern.compile("(?m)^\\s*saved date:\\s*(.+?)\\s*$");
    private static final Pattern SAVED_FROM = Pattern.compile("saved from url=\\(\\d+\\)\\s*(\\S+)");
    private static final Pattern JS_DATE = Pattern.compile(
            "([A-Z][a-z]{2}) (\\d{1,2}) (\\d{4}) (\\d{1,2}):(\\d\\d):(\\d\\d) GMT([+-]\\d{4})");
    /** Only the first nodes of a page can hold these headers; later comments are the page's own. */
    private static final int HEADER_NODES = 40;

    @Override
    public Page rewrite(Page page) {
        String url = null;
        Instant saved = null;
        for (Comment comment : leadingComments(page.document())) {
            String text = comment.getData();
            if (text.contains("Page saved with SingleFile")) {
                Matcher u = URL_LINE.matcher(text);
                if (u.find()) {
                    url = u.group(1);
                }
                Matcher d = DATE_LINE.matcher(text);
                if (d.find()) {
                    saved = parseSavedDate(d.group(1));
                }
                break;
            }
            Matcher from = SAVED_FROM.matcher(text);
            if (from.find() && url == null) {
                url = from.group(1);
            }
        }
        if (url == null && saved == null) {
            return page;
        }
        String newUrl = url != null && url.matches("(?i)^https?://.*") ? url : page.url();
        if (newUrl != null) {
            page.document().setBaseUri(newUrl);
        }
        return new Page(page.document(), newUrl, page.capturedAt() != null ? page.capturedAt() : saved, page.name());
    }

    private static List<Comment> leadingComments(Document doc) {
        List<Comment> out = new ArrayList<>();
        List<Node> candidates = new ArrayList<>(doc.childNodes());
        for (Element e : new Element[] {doc.selectFirst("html"), doc.head(), doc.body()}) {
            if (e != null) {
                candidates.addAll(e.childNodes().subList(0, Math.min(HEADER_NODES, e.childNodeSize())));
            }
        }
        for (Node n : candidates) {
            if (n instanceof Comment c) {
                out.add(c);
            }
        }
        return out;
    }

    /** JavaScript's {@code Date.toString()} ("Thu Jul 20 2023 10:00:00 GMT+0200 (...)") or ISO 8601. */
    static Instant parseSavedDate(String value) {
        Matcher m = JS_DATE.matcher(value);
        if (m.find()) {
            try {
                LocalDateTime local = LocalDateTime.parse(
                        m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4) + ":" + m.group(5) + ":"
                                + m.group(6),
                        DateTimeFormatter.ofPattern("MMM d yyyy H:mm:ss", Locale.ENGLISH));
                return local.atOffset(ZoneOffset.of(m.group(7))).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
