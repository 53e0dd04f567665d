package io.threadkeep.importer.mail;

import io.threadkeep.importer.SafeHtml;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * What mail archives share: message text as plain lines (quotes marked with "&gt;", a signature after "-- ", the
 * list's footer after a line of underscores), subjects with "Re:" and the list's tag, and the dates mail software
 * prints.
 */
final class MailText {

    private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)^\\s*((re|aw|sv|vs|antw|fwd?|wg)\\s*(\\[\\d+])?\\s*:\\s*)+");
    private static final Pattern LIST_TAG = Pattern.compile("^\\s*\\[([^\\]]{1,60})]\\s*");
    private static final Map<String, String> ZONES = Map.of("EST", "-05:00", "EDT", "-04:00", "CST", "-06:00",
            "CDT", "-05:00", "MST", "-07:00", "MDT", "-06:00", "PST", "-08:00", "PDT", "-07:00", "GMT", "Z", "UTC", "Z");
    /** Pipermail's ctime form: "Thu Jul 12 10:57:35 EDT 2018". */
    private static final Pattern CTIME = Pattern.compile(
            "(?:[A-Z][a-z]{2}\\s+)?([A-Z][a-z]{2})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})\\s+([A-Z]{2,5}|[+-]\\d{4})?\\s*(\\d{4})");
    /** RFC 822 form: "Mon, 8 Jan 2007 23:14:24 +0100". */
    private static final Pattern RFC822 = Pattern.compile(
            "(\\d{1,2})\\s+([A-Z][a-z]{2})\\s+(\\d{4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([+-]\\d{4}|[A-Z]{2,5})?");
    private static final Pattern ISO_COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})$");

    private MailText() {
    }

    /** The subject without reply prefixes and the list's "[tag]": the thread's title. */
    static String threadSubject(String subject) {
        String s = subject == null ? "" : SafeHtml.squash(subject);
        String before;
        do {
            before = s;
            s = REPLY_PREFIX.matcher(s).replaceFirst("");
            s = LIST_TAG.matcher(s).replaceFirst("");
        } while (!s.equals(before));
        return s.trim();
    }

    /** The list's tag in the subject ("python-dev" of "[python-dev] Re: ..."), or null. */
    static String listTag(String subject) {
        String s = subject == null ? "" : REPLY_PREFIX.matcher(SafeHtml.squash(subject)).replaceFirst("");
        Matcher m = LIST_TAG.matcher(s);
        return m.find() ? m.group(1).trim() : null;
    }

    static boolean isReplySubject(String subject) {
        String s = subject == null ? "" : LIST_TAG.matcher(SafeHtml.squash(subject)).replaceFirst("");
        return REPLY_PREFIX.matcher(s).find();
    }

    /** A slug of the thread's subject, for the thread's key. */
    static String slug(String threadSubject) {
        String s = java.text.Normalizer.normalize(threadSubject.toLowerCase(Locale.ROOT),
                java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "untitled" : s.length() > 80 ? s.substring(0, 80) : s;
    }

    static Instant date(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            Matcher iso = ISO_COMPACT.matcher(t);
            if (iso.find()) {
                return LocalDateTime.of(num(iso.group(1)), num(iso.group(2)), num(iso.group(3)), num(iso.group(4)),
                        num(iso.group(5)), num(iso.group(6))).toInstant(ZoneOffset.UTC);
            }
            Matcher m = RFC822.matcher(t);
            if (m.find()) {
                LocalDateTime local = LocalDateTime.of(num(m.group(3)), month(m.group(2)), num(m.group(1)),
                        num(m.group(4)), num(m.group(5)), m.group(6) == null ? 0 : num(m.group(6)));
                return local.atZone(zone(m.group(7))).toInstant();
            }
            m = CTIME.matcher(t);
            if (m.find()) {
                LocalDateTime local = LocalDateTime.of(num(m.group(7)), month(m.group(1)), num(m.group(2)),
                        num(m.group(3)), num(m.group(4)), num(m.group(5)));
                return local.atZone(zone(m.group(6))).toInstant();
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    private static ZoneId zone(String name) {
        if (name == null) {
            return ZoneOffset.UTC;
        }
        if (name.startsWith("+") || name.startsWith("-")) {
            return ZoneOffset.of(name.substring(0, 3) + ":" + name.substring(3));
        }
        String offset = ZONES.get(name);
        if (offset != null) {
            return offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset);
        }
        try {
            return ZoneId.of(name, ZoneId.SHORT_IDS);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static int month(String name) {
        return java.time.Month.from(DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH).parse(name)).getValue();
    }

    private static int num(String s) {
        return Integer.parseInt(s);
    }

    /**
     * A message's plain text as safe HTML: paragraphs at blank lines, line breaks kept, runs of "&gt;" lines as quote
     * blocks (nested by depth), the signature (after a "-- " line) and the list's footer (after a line of
     * underscores) left out.
     */
    static SafeHtml.Body body(String plain) {
        List<String> lines = new ArrayList<>(List.of(plain.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals("-- ") || line.equals("--") || line.matches("_{20,}\\s*")) {
                lines = new ArrayList<>(lines.subList(0, i));
                break;
            }
        }
        StringBuilder html = new StringBuilder();
        int depth = 0;
        List<String> paragraph = new ArrayList<>();
        for (String line : lines) {
            int level = 0;
            String rest = line;
            while (true) {
                String stripped = rest.stripLeading();
                if (stripped.startsWith(">")) {
                    level++;
                    rest = stripped.substring(1);
                } else {
                    break;
                }
            }
            if (level > 0 && rest.startsWith(" ")) {
                rest = rest.substring(1);
            }
            if (level != depth || rest.isBlank()) {
                flush(html, paragraph);
            }
            while (depth < level) {
                html.append("<blockquote>");
                depth++;
            }
            while (depth > level) {
                html.append("</blockquote>");
                depth--;
            }
            if (!rest.isBlank()) {
                paragraph.add(rest);
            }
        }
        flush(html, paragraph);
        while (depth-- > 0) {
            html.append("</blockquote>");
        }
        return SafeHtml.cleanFragment(html.toString(), null);
    }

    private static void flush(StringBuilder html, List<String> paragraph) {
        if (paragraph.isEmpty()) {
            return;
        }
        html.append("<p>");
        for (int i = 0; i < paragraph.size(); i++) {
            if (i > 0) {
                html.append("<br>");
            }
            html.append(linkify(paragraph.get(i)));
        }
        html.append("</p>");
        paragraph.clear();
    }

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]]");

    private static String linkify(String line) {
        StringBuilder out = new StringBuilder();
        Matcher m = URL.matcher(line);
        int last = 0;
        while (m.find()) {
            out.append(Entities.escape(line.substring(last, m.start())));
            String url = m.group();
            out.append("<a href=\"").append(Entities.escape(url)).append("\">").append(Entities.escape(url))
                    .append("</a>");
            last = m.end();
        }
        out.append(Entities.escape(line.substring(last)));
        return out.toString();
    }


    /**
     * The document's markup as parsed, without the re-indenting jsoup's pretty printer adds (which would put line
     * breaks into the text of a message). The document's own output settings are left as they were.
     */
    static String rawHtml(org.jsoup.nodes.Document doc) {
        boolean pretty = doc.outputSettings().prettyPrint();
        try {
            doc.outputSettings().prettyPrint(false);
            return doc.outerHtml();
        } finally {
            doc.outputSettings().prettyPrint(pretty);
        }
    }
}
