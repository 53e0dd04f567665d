package io.threadkeep.importer;

import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * The importer's front door: file → pages (through any containers) → parsed threads. Pure apart from reading the
 * file it is given; it never writes anything.
 */
public final class PageImporter {

    /** Bigger single pages are refused (see {@link ImportLimits}). */
    public static final long MAX_PAGE_BYTES = ImportLimits.MAX_PAGE_BYTES;

    private final List<SiteParser> parsers;
    private final List<ContainerReader> containers;
    private final List<PageRewriter> rewriters;

    public PageImporter(List<SiteParser> parsers, List<ContainerReader> containers, List<PageRewriter> rewriters) {
        this.parsers = List.copyOf(parsers);
        this.containers = List.copyOf(containers);
        this.rewriters = List.copyOf(rewriters);
    }

    /** The importer with every site parser, container reader and rewriter Threadkeep has. */
    public static PageImporter standard() {
        return new PageImporter(StandardParsers.parsers(), StandardParsers.containers(), StandardParsers.rewriters());
    }

    /** Each parser's stable name with its current version: pages read by an older version are read again. */
    public java.util.Map<String, Integer> parserVersions() {
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (SiteParser parser : parsers) {
            out.put(parser.name(), parser.version());
        }
        return out;
    }

    /** Reads one file from disk, refusing what cannot be a page before parsing anything. */
    public static PageSource readFile(Path file) throws ImportException {
        try {
            if (Files.isDirectory(file)) {
                throw new ImportException("is a folder");
            }
            long size = Files.size(file);
            if (size == 0) {
                throw new ImportException("empty file");
            }
            if (size > MAX_PAGE_BYTES) {
                throw new ImportException(String.format("too large (%d MB; the limit for one page is %d MB)",
                        size >> 20, MAX_PAGE_BYTES >> 20));
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_PAGE_BYTES + 1);
            }
            return PageSource.of(file.getFileName().toString(), bytes);
        } catch (NoSuchFileException e) {
            throw new ImportException("no such file");
        } catch (AccessDeniedException e) {
            throw new ImportException("permission denied");
        } catch (IOException e) {
            throw new ImportException("cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads and parses one file; a container yields one outcome per page inside it, and a file that cannot be read
     * is one {@link PageOutcome.Failed} with the reason, so callers handle a single kind of result.
     */
    public List<PageOutcome> importFile(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            return parseAll(readFile(file));
        } catch (ImportException e) {
            return List.of(new PageOutcome.Failed(name, e.getMessage()));
        }
    }

    /**
     * Unwraps containers and parses every page inside. Everything unpacked from {@code source}, at every nesting
     * level, takes from one {@link UnpackBudget}; a refused part is an outcome of its own and the rest goes on.
     */
    public List<PageOutcome> parseAll(PageSource source) {
        List<PageOutcome> out = new ArrayList<>();
        unwrap(source, 0, UnpackBudget.standard(), out);
        if (out.isEmpty()) {
            out.add(new PageOutcome.Skipped(source.name(), "the container holds no HTML page"));
        }
        return out;
    }

    private void unwrap(PageSource source, int depth, UnpackBudget budget, List<PageOutcome> out) {
        byte[] head = source.bytes().length <= 8192 ? source.bytes() : Arrays.copyOf(source.bytes(), 8192);
        for (ContainerReader container : containers) {
            if (container.accepts(head)) {
                if (depth >= ImportLimits.MAX_CONTAINER_DEPTH) {
                    out.add(new PageOutcome.Failed(source.name(), "containers nested too deeply"));
                    return;
                }
                Unpacked unpacked;
                try {
                    unpacked = container.read(source, budget);
                } catch (ImportException e) {
                    out.add(new PageOutcome.Failed(source.name(), e.getMessage()));
                    return;
                }
                // Depth is bounded by MAX_CONTAINER_DEPTH, so this recursion is a few frames at most.
                for (PageSource inner : unpacked.pages()) {
                    unwrap(inner, depth + 1, budget, out);
                }
                out.addAll(unpacked.refused());
                return;
            }
        }
        out.add(parse(source));
    }

    /** Parses one HTML document (already out of any container). Never throws: failures are outcomes. */
    public PageOutcome parse(PageSource source) {
        String name = source.name();
        byte[] bytes = source.bytes();
        if (bytes.length == 0 || isBlank(bytes)) {
            return new PageOutcome.Failed(name, "empty file");
        }
        if (bytes.length > MAX_PAGE_BYTES) {
            return new PageOutcome.Failed(name, "page too large (limit " + (MAX_PAGE_BYTES >> 20) + " MB)");
        }
        if (HtmlDecoder.looksBinary(bytes)) {
            return new PageOutcome.Failed(name, "not a text file (binary content)");
        }
        HtmlDecoder.Decoded decoded = HtmlDecoder.decode(bytes, source.declaredCharset());
        if (!looksLikeHtml(decoded.text())) {
            return new PageOutcome.Skipped(name, "not an HTML page");
        }
        Document document = parseHtml(decoded.text(), source.url());
        Page page = new Page(document, source.url(), source.capturedAt(), name);
        for (PageRewriter rewriter : rewriters) {
            page = rewriter.rewrite(page);
        }
        for (SiteParser parser : parsers) {
            if (parser.accepts(page)) {
                try {
                    ParsedThread thread = parser.parse(page);
                    if (Truncation.isCut(decoded.text())) {
                        thread = Truncation.marked(thread);
                    }
                    // A re-imported export reads as the site it came from, not as the exporter's own parser.
                    Site site = thread.story() != null ? thread.story().site() : parser.site();
                    return new PageOutcome.Parsed(name, site, thread, parser.name(), source, parser.version());
                } catch (NotAThreadException e) {
                    return new PageOutcome.Skipped(name, e.getMessage());
                } catch (RuntimeException e) {
                    // A parser bug must not abort a folder import; the user gets the reason, the rest goes on.
                    return new PageOutcome.Failed(name, "could not parse " + parser.site().displayName()
                            + " page: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                }
            }
        }
        String title = document.title().isBlank() ? "" : " (title: \"" + abbreviate(document.title(), 80) + "\")";
        return new PageOutcome.Skipped(name, "not a discussion thread of a supported site" + title);
    }

    /** Parses HTML text with the depth limit raised, so very deep reply chains stay nested. */
    public static Document parseHtml(String html, String baseUri) {
        Parser parser = Parser.htmlParser().setMaxDepth(ImportLimits.MAX_DOM_DEPTH);
        // HTML's input preprocessing turns CR LF and lone CR into LF; jsoup keeps them, so <pre> text would differ
        // between a page and its MHTML copy (MIME text parts use CR LF).
        String normalized = html.indexOf('\r') < 0 ? html : html.replace("\r\n", "\n").replace('\r', '\n');
        return Jsoup.parse(normalized, baseUri == null ? "" : baseUri, parser);
    }

    private static boolean looksLikeHtml(String text) {
        int n = Math.min(text.length(), 65536);
        String head = text.substring(0, n).toLowerCase(java.util.Locale.ROOT);
        return head.contains("<html") || head.contains("<body") || head.contains("<div") || head.contains("<table")
                || head.contains("<!doctype html") || head.contains("<head") || head.contains("<p");
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String s, int max) {
        String t = SafeHtml.squash(s);
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
