package io.threadkeep.importer.container;

import io.threadkeep.importer.ContainerReader;
import io.threadkeep.importer.ImportException;
import io.threadkeep.importer.PageSource;
import io.threadkeep.importer.UnpackBudget;
import io.threadkeep.importer.Unpacked;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * An MHTML ("web archive, single file") save: a MIME multipart message whose HTML part at the snapshot's own
 * location (else its first HTML part) is the page. The
 * part's own charset becomes the declared charset, its {@code Content-Location} (or the message's
 * {@code Snapshot-Content-Location}) the URL, and the message's {@code Date} the capture time. Frames and
 * resources in the other parts are not pages of their own.
 */
public final class MhtmlReader implements ContainerReader {

    private static final int HEADER_SCAN = 8192;

    @Override
    public boolean accepts(byte[] head) {
        String text = Bounded.headText(head, HEADER_SCAN);
        int end = headerEnd(text);
        String header = end < 0 ? text : text.substring(0, end);
        if (header.stripLeading().startsWith("<")) {
            return false;
        }
        // Some savers leave out MIME-Version; multipart/related is the web-archive type either way.
        return header.matches("(?s).*content-type:\\s*multipart/related.*")
                || header.contains("mime-version:") && header.matches("(?s).*content-type:\\s*multipart/.*");
    }

    private static int headerEnd(String text) {
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        if (crlf < 0) {
            return lf;
        }
        return lf < 0 ? crlf : Math.min(crlf, lf);
    }

    @Override
    public Unpacked read(PageSource container, UnpackBudget budget) throws ImportException {
        MimeConfig config = MimeConfig.custom().setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(-1)
                .setMaxContentLen(-1).setStrictParsing(false).build();
        MimeStreamParser parser = new MimeStreamParser(config);
        parser.setContentDecoding(true);
        Collector collector = new Collector(budget);
        parser.setContentHandler(collector);
        try {
            parser.parse(new ByteArrayInputStream(container.bytes()));
        } catch (MimeException | IOException e) {
            throw new ImportException("damaged MHTML file: " + e.getMessage(), e);
        }
        if (collector.failure != null) {
            throw collector.failure;
        }
        Map<String, String> message = collector.messageHeaders;
        Part root = rootPart(collector.parts, message.get("snapshot-content-location"));
        if (root == null) {
            return Unpacked.of(List.of());
        }
        String url = firstNonBlank(root.headers.get("content-location"), message.get("snapshot-content-location"),
                container.url());
        Instant captured = parseDate(message.get("date"));
        return Unpacked.of(List.of(new PageSource(container.name(), root.bytes, root.charset, url,
                captured != null ? captured : container.capturedAt())));
    }

    /**
     * The page itself: the HTML part whose location is the snapshot's own URL. Chrome saves ads, embeds and comment
     * iframes as HTML parts too, and does not always put the page first. Without a snapshot URL (other savers),
     * the first HTML part is the page.
     */
    private static Part rootPart(List<Part> parts, String snapshotUrl) {
        Part first = null;
        for (Part part : parts) {
            if (!part.isHtml()) {
                continue;
            }
            if (first == null) {
                first = part;
            }
            if (snapshotUrl != null && sameLocation(snapshotUrl, part.headers.get("content-location"))) {
                return part;
            }
        }
        return first;
    }

    private static boolean sameLocation(String a, String b) {
        if (b == null) {
            return false;
        }
        return withoutFragment(a).equals(withoutFragment(b));
    }

    private static String withoutFragment(String url) {
        String u = url.trim();
        int hash = u.indexOf('#');
        return hash < 0 ? u : u.substring(0, hash);
    }

    /** RFC 5322 dates, with or without the weekday and with trailing comments such as "(UTC)". */
    static Instant parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.replaceAll("\\([^)]*\\)", "").trim().replaceAll("\\s+", " ");
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            String noWeekday = v.replaceFirst("^[A-Za-z]{3},\\s*", "");
            try {
                return ZonedDateTime.parse(noWeekday, DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] Z",
                        Locale.ENGLISH)).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    private record Part(Map<String, String> headers, String mimeType, String charset, byte[] bytes) {
        boolean isHtml() {
            return mimeType.equals("text/html") || mimeType.equals("application/xhtml+xml");
        }
    }

    /** Collects the top-level message's headers and every leaf part with its own headers. */
    private static final class Collector extends AbstractContentHandler {
        final Map<String, String> messageHeaders = new HashMap<>();
        final List<Part> parts = new ArrayList<>();
        private Map<String, String> current = messageHeaders;
        private boolean inMessageHeader = true;
        private final UnpackBudget budget;
        private ImportException failure;

        Collector(UnpackBudget budget) {
            this.budget = budget;
        }

        @Override
        public void startHeader() {
            if (!inMessageHeader) {
                current = new HashMap<>();
            }
        }

        @Override
        public void field(Field field) {
            String body = field.getBody() == null ? "" : field.getBody().replaceAll("\\s*\\r?\\n\\s*", " ").trim();
            current.putIfAbsent(field.getName().toLowerCase(Locale.ROOT), body);
        }

        @Override
        public void endHeader() {
            inMessageHeader = false;
        }

        @Override
        public void body(BodyDescriptor descriptor, InputStream in) throws IOException {
            if (failure != null) {
                return;
            }
            String type = descriptor.getMimeType() == null ? "" : descriptor.getMimeType().toLowerCase(Locale.ROOT);
            boolean html = type.equals("text/html") || type.equals("application/xhtml+xml");
            if (!html) {
                // Resources are not pages; their bytes are skipped, not kept.
                in.transferTo(java.io.OutputStream.nullOutputStream());
                return;
            }
            try {
                byte[] bytes = Bounded.readAll(in, "an MHTML part", budget);
                String charset = current.containsKey("content-type") ? descriptor.getCharset() : null;
                if (charset != null && !current.get("content-type").toLowerCase(Locale.ROOT).contains("charset")) {
                    // mime4j fills in us-ascii when the part names none; only a declared charset counts.
                    charset = null;
                }
                parts.add(new Part(current, type, charset, bytes));
            } catch (ImportException e) {
                failure = e;
            }
        }
    }
}
