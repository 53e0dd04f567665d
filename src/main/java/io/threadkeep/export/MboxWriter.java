package io.threadkeep.export;

import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.Story;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stories as an mboxrd mailbox that mutt, Thunderbird and lei thread: the story is the root message, each comment a
 * reply with {@code In-Reply-To} and {@code References} from the tree. Message-IDs are derived from the site, the
 * story and the comment id, so the same archive always gives the same ids. Authors get made-up addresses in the
 * reserved {@code .invalid} domain. Headers are single lines of neutralised text (RFC 2047 encoded where not
 * ASCII); bodies are UTF-8 text, {@code From } lines quoted the mboxrd way, quoted-printable where a line would be
 * too long for mail.
 */
final class MboxWriter {

    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss '+0000'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter
            .ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** RFC 5322 allows 998 octets per line; longer bodies are written quoted-printable. */
    private static final int MAX_LINE_OCTETS = 998;
    private static final int MAX_QUOTE_DEPTH = 32;

    private final StringBuilder out = new StringBuilder();

    private MboxWriter() {
    }

    static String write(List<ExportStory> stories) {
        MboxWriter w = new MboxWriter();
        for (ExportStory s : stories) {
            w.story(s);
        }
        return w.out.toString();
    }

    private void story(ExportStory export) {
        Story s = export.story();
        String site = s.site().id();
        String storyKey = storyKey(s);
        String rootId = "<story." + storyKey + "@" + site + ".threadkeep.invalid>";
        Instant storyDate = s.posted() != null ? s.posted() : Instant.EPOCH;
        String title = Clean.line(s.title());
        title = title == null || title.isEmpty() ? "(untitled)" : title;
        ReaderNotes notes = export.notes() == null ? ReaderNotes.NONE : export.notes();

        StringBuilder body = new StringBuilder();
        List<String> meta = new ArrayList<>();
        meta.add(s.site().displayName());
        if (s.posted() != null) {
            meta.add(Clean.date(s.posted()));
        }
        String dept = Clean.line(s.department());
        if (dept != null && !dept.isEmpty()) {
            meta.add("from the " + dept + " dept.");
        }
        body.append(title).append('\n').append(String.join(" · ", meta)).append('\n');
        if (s.url() != null) {
            body.append("Source: ").append(Clean.line(s.url())).append('\n');
        }
        if (s.linkUrl() != null) {
            body.append("Link: ").append(Clean.line(s.linkUrl())).append('\n');
        }
        String summary = text(MarkdownWriter.bodyOf(s.summaryHtml(), s.summaryText()));
        if (!summary.isEmpty()) {
            body.append('\n').append(summary).append('\n');
        }
        appendNote(body, notes.story());
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"X-Threadkeep-Url", Clean.line(s.url())});
        message(s.author(), site, storyDate, title, rootId, null, List.of(), headers, body.toString());

        List<Comment> comments = export.comments();
        ThreadLayout layout = new ThreadLayout(comments);
        // The References of each comment, built from its parent's so a deep thread costs no recursion.
        Map<String, List<String>> referencesById = new HashMap<>();
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            String id = commentMessageId(c.id(), storyKey, site);
            Comment parent = layout.parent(i);
            List<String> refs;
            String inReplyTo;
            if (parent == null) {
                refs = List.of(rootId);
                inReplyTo = rootId;
            } else {
                String parentId = commentMessageId(parent.id(), storyKey, site);
                List<String> parentRefs = referencesById.getOrDefault(parent.id(), List.of(rootId));
                refs = references(parentRefs, parentId);
                inReplyTo = parentId;
            }
            referencesById.put(c.id(), refs);
            String subject = Clean.line(c.subject());
            if (subject == null || subject.isEmpty()) {
                subject = "Re: " + title;
            }
            Instant date = c.posted() != null ? c.posted() : storyDate;
            List<String[]> extra = new ArrayList<>();
            String score = MarkdownWriter.scoreText(c);
            if (c.score() != null) {
                extra.add(new String[] {"X-Threadkeep-Score", String.valueOf(c.score())});
            }
            if (c.label() != null && !Clean.line(c.label()).isEmpty()) {
                extra.add(new String[] {"X-Threadkeep-Label", Clean.line(c.label())});
            }
            if (c.posted() == null && c.postedText() != null) {
                extra.add(new String[] {"X-Threadkeep-Posted-Text", Clean.line(c.postedText())});
            }
            extra.add(new String[] {"X-Threadkeep-Comment-Id", Clean.line(c.id())});
            StringBuilder text = new StringBuilder();
            if (c.completeness() == Completeness.PLACEHOLDER) {
                text.append("[This comment was not saved; replies to it were.]\n");
            } else {
                List<String> notesLine = new ArrayList<>();
                if (score != null) {
                    notesLine.add(score);
                }
                if (c.postNumber() != null) {
                    notesLine.add("#" + c.postNumber());
                }
                if (c.accepted()) {
                    notesLine.add("accepted answer");
                }
                if (c.state() != CommentState.NORMAL) {
                    notesLine.add("[" + c.state().name().toLowerCase(Locale.ROOT) + "]");
                }
                if (c.completeness() == Completeness.METADATA_ONLY) {
                    notesLine.add("body not saved");
                } else if (c.completeness() != Completeness.FULL) {
                    notesLine.add("cut short on the saved page");
                }
                if (!notesLine.isEmpty()) {
                    text.append('[').append(String.join(" · ", notesLine)).append("]\n\n");
                }
                if (c.completeness().hasBody()) {
                    text.append(text(MarkdownWriter.bodyOf(c.html(), c.text()))).append('\n');
                }
                appendNote(text, notes.forComment(c.id()));
            }
            message(c.completeness() == Completeness.PLACEHOLDER ? null : c.author(), site, date, subject, id,
                    inReplyTo, refs, extra, text.toString());
        }
    }

    /** The parent's References plus the parent; long chains keep the root and the nearest ancestors (RFC 5322). */
    private static List<String> references(List<String> parentRefs, String parentId) {
        List<String> refs = new ArrayList<>(Math.min(parentRefs.size() + 1, 21));
        if (parentRefs.size() >= 20) {
            refs.add(parentRefs.get(0));
            refs.addAll(parentRefs.subList(parentRefs.size() - 18, parentRefs.size()));
        } else {
            refs.addAll(parentRefs);
        }
        refs.add(parentId);
        return List.copyOf(refs);
    }

    private void appendNote(StringBuilder body, ReaderNotes.Note note) {
        if (note == null || note.isEmpty()) {
            return;
        }
        body.append("\n-- \n");
        if (note.starred()) {
            body.append("★ starred\n");
        }
        if (note.text() != null && !note.text().isBlank()) {
            body.append("Note: ").append(Clean.body(note.text()).strip()).append('\n');
        }
    }

    private void message(String author, String site, Instant date, String subject, String messageId,
                         String inReplyTo, List<String> refs, List<String[]> extra, String body) {
        String name = Clean.line(author);
        String address = (name == null || name.isEmpty() ? "anonymous" : localPart(name)) + "@users." + site
                + ".invalid";
        out.append("From ").append(address).append(' ').append(ASCTIME.format(date)).append('\n');
        header("From", (name == null || name.isEmpty() ? "Anonymous" : displayName(name)) + " <" + address + ">");
        header("Date", RFC_5322.format(date));
        header("Subject", encodeWords(subject));
        header("Message-ID", messageId);
        if (inReplyTo != null) {
            header("In-Reply-To", inReplyTo);
            header("References", String.join("\n ", refs));
        }
        for (String[] h : extra) {
            if (h[1] != null && !h[1].isEmpty()) {
                header(h[0], encodeWords(h[1]));
            }
        }
        header("MIME-Version", "1.0");
        header("Content-Type", "text/plain; charset=utf-8");
        String text = Clean.body(body);
        if (!text.endsWith("\n")) {
            text = text + "\n";
        }
        boolean longLines = false;
        for (String line : text.split("\n", -1)) {
            if (line.getBytes(StandardCharsets.UTF_8).length > MAX_LINE_OCTETS) {
                longLines = true;
                break;
            }
        }
        if (longLines) {
            header("Content-Transfer-Encoding", "quoted-printable");
            out.append('\n');
            out.append(fromQuoted(QuotedPrintable.encode(text)));
        } else {
            header("Content-Transfer-Encoding", "8bit");
            out.append('\n');
            out.append(fromQuoted(text));
        }
        // mbox: a blank line ends each message, before the next "From " line.
        out.append('\n');
    }

    private void header(String name, String value) {
        out.append(name).append(": ").append(value).append('\n');
    }

    /** mboxrd: every line that reads "From " after any number of '>' gets one more '>'. */
    static String fromQuoted(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            int i = start;
            while (i < end && text.charAt(i) == '>') {
                i++;
            }
            if (text.startsWith("From ", i) && i + 5 <= end) {
                sb.append('>');
            }
            sb.append(text, start, end);
            if (nl >= 0) {
                sb.append('\n');
            }
            start = end + 1;
        }
        return sb.toString();
    }

    /** Plain text of a body: quotes as "> ", list items with their markers, links as "text <url>". */
    static String text(List<BodyBlocks.Block> blocks) {
        StringBuilder sb = new StringBuilder();
        for (BodyBlocks.Block b : blocks) {
            if (sb.length() > 0) {
                String quote = quotePrefix(b.quoteDepth());
                sb.append(quote.stripTrailing()).append('\n');
            }
            String prefix = quotePrefix(b.quoteDepth());
            String listIndent = b.kind() == BodyBlocks.Kind.LIST_ITEM
                    ? "  ".repeat(Math.max(0, Math.min(b.listDepth(), MAX_QUOTE_DEPTH) - 1)) : "";
            String marker = b.kind() == BodyBlocks.Kind.LIST_ITEM
                    ? (b.bullet() == null || b.bullet().isEmpty() ? "* " : b.bullet() + " ") : "";
            StringBuilder line = new StringBuilder();
            for (BodyBlocks.Span span : b.spans()) {
                line.append(span.text());
                if (span.href() != null && !span.text().strip().equals(span.href())) {
                    line.append(" <").append(span.href()).append('>');
                }
            }
            String[] lines = line.toString().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String l = b.kind() == BodyBlocks.Kind.PREFORMATTED ? lines[i] : lines[i].strip();
                sb.append(prefix).append(listIndent).append(i == 0 ? marker : " ".repeat(marker.length()))
                        .append(l);
                // a line of nothing but the quote prefix keeps no trailing space
                int len = sb.length();
                while (len > 0 && sb.charAt(len - 1) == ' ') {
                    len--;
                }
                sb.setLength(len);
                sb.append('\n');
            }
        }
        int len = sb.length();
        while (len > 0 && sb.charAt(len - 1) == '\n') {
            len--;
        }
        sb.setLength(len);
        return sb.toString();
    }

    private static String quotePrefix(int depth) {
        return "> ".repeat(Math.min(depth, MAX_QUOTE_DEPTH));
    }

    static String storyKey(Story s) {
        if (s.siteStoryId() != null && !s.siteStoryId().isBlank()) {
            return atom(s.siteStoryId());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    String.valueOf(s.url()).getBytes(StandardCharsets.UTF_8));
            return "u" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String commentMessageId(String commentId, String storyKey, String site) {
        return "<c." + atom(commentId) + "." + storyKey + "@" + site + ".threadkeep.invalid>";
    }

    /**
     * A dot-atom-safe, reversible spelling of an id: letters, digits, '-' and '_' stay, everything else is "=XX"
     * per UTF-8 byte (so "20/10/07/2020214" becomes "20=2F10=2F07=2F2020214").
     */
    static String atom(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                sb.append((char) c);
            } else {
                sb.append('=').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.length() == 0 ? "_" : sb.toString();
    }

    private static String localPart(String name) {
        String a = atom(name);
        return a.length() > 64 ? a.substring(0, 64) : a;
    }

    /** A display name: a quoted string when ASCII, else RFC 2047 encoded words. */
    private static String displayName(String name) {
        if (isPrintableAscii(name)) {
            return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return encodeWords(name);
    }

    /**
     * The value as is when it is short printable ASCII, else RFC 2047 "B" encoded words of UTF-8, each under 76
     * characters, folded onto continuation lines (never splitting a character).
     */
    static String encodeWords(String value) {
        if (isPrintableAscii(value) && value.length() <= 900) {
            return value;
        }
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            int end = i;
            int bytes = 0;
            while (end < value.length()) {
                int cp = value.codePointAt(end);
                int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + n > 45) {
                    break;
                }
                bytes += n;
                end += Character.charCount(cp);
            }
            words.add("=?UTF-8?B?" + Base64.getEncoder().encodeToString(
                    value.substring(i, end).getBytes(StandardCharsets.UTF_8)) + "?=");
            i = end;
        }
        return String.join("\n ", words);
    }

    private static boolean isPrintableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return !s.contains("=?");
    }
}
