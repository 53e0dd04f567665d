package io.threadkeep.importer.web;

import io.threadkeep.importer.NotAThreadException;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.SafeHtml;
import io.threadkeep.importer.SiteParser;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * The general reader: a discussion page of an engine no site parser knows, read from its repeated post structure
 * (see {@link RepeatedPosts}) as a flat thread of site {@link Site#WEB}, filed under the page's canonical URL (so
 * its host is the source). It must come after every engine parser: it accepts any page, and refuses with a reason
 * what is not a discussion or what it cannot read without guessing.
 */
public final class GeneralReader implements SiteParser {

    /**
     * Query parameters that name a visit or a view, not the thread: sessions, trackers, and the page number and sort
     * order, so that pages 1..N of one thread saved separately are one story.
     */
    private static final Pattern VOLATILE_PARAM = Pattern.compile(
            "(?i)^(s|sid|phpsessid|sessionid|jsessionid|session|utm_[a-z]+|fbclid|gclid|ref|share|amp|page|start"
                    + "|sort|order|sortby|orderby)$");
    private static final Pattern SAVED_FROM = Pattern.compile("saved from url=\\(\\d+\\)(\\S+)");

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "general-web";
    }

    @Override
    public Site site() {
        return Site.WEB;
    }

    @Override
    public boolean accepts(Page page) {
        return page.document().body() != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        List<RepeatedPosts.Found> posts;
        RepeatedPosts reader = new RepeatedPosts(doc, page.capturedAt());
        try {
            posts = reader.find();
        } catch (NotAThreadException e) {
            String title = SafeHtml.squash(doc.title());
            throw new NotAThreadException(e.getMessage() + (title == null || title.isEmpty() ? ""
                    : " (title: \"" + (title.length() > 80 ? title.substring(0, 79) + "…" : title) + "\")"));
        }
        String url = pageUrl(page);
        if (url == null) {
            throw new NotAThreadException("read as a general discussion page (" + posts.size() + " posts), but the"
                    + " page does not say its address (no canonical link, og:url or saved-from note), so it cannot"
                    + " be filed under its site");
        }
        String host = URI.create(url).getHost();
        Story story = new Story(Site.WEB, host + pathOf(url), url, title(doc), null, null, null, List.of(),
                List.of(), null, null, null, null);
        List<Comment> comments = new ArrayList<>();
        Map<RepeatedPosts.Found, String> ids = new IdentityHashMap<>();
        Set<String> used = new HashSet<>();
        int unresolved = 0;
        for (RepeatedPosts.Found f : posts) {
            String id = f.markupId() != null ? f.markupId() : stableId(f);
            String unique = id;
            for (int n = 2; !used.add(unique); n++) {
                unique = id + "-" + n;
            }
            ids.put(f, unique);
            String parent = f.parent() == null ? null : ids.get(f.parent());
            if (f.posted() == null && f.postedText() != null) {
                unresolved++;
            }
            comments.add(new Comment(unique, parent, f.author(), null, f.posted(),
                    f.posted() == null ? f.postedText() : null, null, null, null, f.html(), f.text(),
                    Completeness.FULL, CommentState.NORMAL, f.postNumber(), false));
        }
        List<String> warnings = new ArrayList<>();
        long replies = comments.stream().filter(c -> c.parentId() != null).count();
        warnings.add("read as a general discussion page: " + comments.size() + " posts"
                + (replies > 0 ? " (" + replies + " of them replies)" : "") + " from " + host);
        if (reader.linksLeftOut() > 0) {
            warnings.add(reader.linksLeftOut() + " pingbacks (links from other pages, not posts) left out");
        }
        if (unresolved > 0) {
            warnings.add(unresolved + " dates kept as text: "
                    + (page.capturedAt() == null ? "relative dates need the save date, which is unknown"
                    : "not in a form the general reader knows"));
        }
        return new ParsedThread(story, comments, warnings, page.capturedAt(), null, List.of());
    }

    /** The page's own address, without session and tracking parameters or a fragment; null when it does not say. */
    static String pageUrl(Page page) {
        Document doc = page.document();
        List<String> tries = new ArrayList<>();
        for (Element e : doc.select("link[rel=canonical][href], meta[property=og:url][content]")) {
            tries.add(e.hasAttr("href") ? e.attr("href") : e.attr("content"));
        }
        if (page.url() != null) {
            tries.add(page.url());
        }
        for (Node n : doc.childNodes()) {
            if (n instanceof org.jsoup.nodes.Comment c) {
                Matcher m = SAVED_FROM.matcher(c.getData());
                if (m.find()) {
                    tries.add(m.group(1));
                }
            }
        }
        for (String candidate : tries) {
            String clean = clean(candidate, page.url());
            if (clean != null) {
                return clean;
            }
        }
        return null;
    }

    private static String clean(String raw, String base) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(raw.trim().replace(" ", "%20"));
            if (!uri.isAbsolute() && base != null && base.startsWith("http")) {
                uri = new URI(base).resolve(uri);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return null;
            }
            StringBuilder query = new StringBuilder();
            if (uri.getRawQuery() != null) {
                for (String part : uri.getRawQuery().split("&")) {
                    String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
                    if (!part.isEmpty() && !VOLATILE_PARAM.matcher(name).matches()) {
                        query.append(query.length() == 0 ? "" : "&").append(part);
                    }
                }
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            int port = uri.getPort();
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port) + path
                    + (query.length() == 0 ? "" : "?" + query);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String title(Document doc) {
        Element og = doc.selectFirst("meta[property=og:title][content]");
        if (og != null && !og.attr("content").isBlank()) {
            return SafeHtml.squash(og.attr("content"));
        }
        String title = SafeHtml.squash(doc.title());
        if (title != null && !title.isEmpty()) {
            return title;
        }
        Element h1 = doc.selectFirst("h1");
        return h1 == null ? null : SafeHtml.squash(h1.text());
    }

    /** An id for a post whose markup has none: the same post read from another save gets the same id. */
    static String stableId(RepeatedPosts.Found f) {
        String text = f.text() == null ? "" : SafeHtml.squash(f.text());
        String basis = f.author() + "\n" + f.postedText() + "\n" + text;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "w" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
