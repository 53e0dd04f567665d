package io.threadkeep.importer.slashdot;

import io.threadkeep.importer.NotAThreadException;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.SiteParser;
import io.threadkeep.model.Comment;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What every Slashdot era shares: recognising Slashdot, finding the story id, resolving dates, merging in the D2
 * comment table and assembling the thread. An era supplies its story-header preference and its comment reader.
 */
abstract class SlashdotEraParser implements SiteParser {

    private static final Pattern SLASHDOT_TITLE = Pattern.compile("(?i)^\\s*slashdot\\s*[|:-]|[|-]\\s*slashdot\\s*$");

    @Override
    public Site site() {
        return Site.SLASHDOT;
    }

    /** The story's sid from the page's address and links. */
    String findSid(Document doc, String pageUrl) {
        return SlashdotUrls.findSid(doc, pageUrl);
    }

    /** The merge key of a story with this sid. */
    String canonicalUrl(String sid) {
        return SlashdotUrls.canonical(sid);
    }

    /** The key of a discussion page that names only its discussion number. */
    String discussionUrl(String discussion) {
        return "https://slashdot.org/comments.pl?sid=" + discussion;
    }

    /** The story header as this era lays it out, falling back on the other layouts. */
    abstract StoryHeader header(Document doc);

    /** The comments in page order; the table era overrides this with its own reader. */
    List<CommentDraft> comments(Document doc, CommentListReader reader) {
        return reader.read(doc);
    }

    static StoryHeader firstOf(StoryHeader... headers) {
        for (StoryHeader h : headers) {
            if (h != null) {
                return h;
            }
        }
        return null;
    }

    /** Whether the page is Slashdot's, by its address, its head or Slashdot's own style sheets and images. */
    static boolean isSlashdot(Page page) {
        Document doc = page.document();
        if (SlashdotUrls.isSlashdotHost(page.url())) {
            return true;
        }
        for (Element e : doc.select("link[rel=canonical][href], meta[property=og:url][content]")) {
            if (SlashdotUrls.isSlashdotHost(e.hasAttr("href") ? e.attr("href") : e.attr("content"))) {
                return true;
            }
        }
        if (SLASHDOT_TITLE.matcher(doc.title()).find()) {
            return true;
        }
        Element siteName = doc.selectFirst("meta[property=og:site_name][content]");
        if (siteName != null && siteName.attr("content").trim().equalsIgnoreCase("slashdot")) {
            return true;
        }
        return doc.selectFirst("link[href*=images.slashdot.org], link[href*=a.fsdn.com/sd/], "
                + "script[src*=images.slashdot.org], script[src*=a.fsdn.com/sd/], img[src*=images.slashdot.org], "
                + "link[rel=top][href*=slashdot.org]") != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        List<String> warnings = new ArrayList<>();
        String sid = findSid(doc, page.url());
        StoryHeader header = header(doc);
        LocalDate sidDay = SlashdotUrls.sidDate(sid);
        LocalDate capturedDay = SlashdotDates.easternDay(page.capturedAt());
        Instant posted = header == null ? null : SlashdotDates.resolve(header.date, sidDay, capturedDay);
        LocalDate storyDay = posted != null ? SlashdotDates.easternDay(posted) : sidDay;

        D2Metadata d2 = D2Metadata.read(doc);
        CommentListReader reader = new CommentListReader(storyDay, capturedDay, d2);
        List<CommentDraft> drafts = new ArrayList<>(comments(doc, reader));
        int fromTableOnly = applyD2(drafts, d2);

        if (drafts.isEmpty() && (sid == null || storyCount(doc) > 1)) {
            throw new NotAThreadException(storyCount(doc) > 1
                    ? "a " + site().displayName() + " page listing several stories (front or section page), not one "
                    + "discussion"
                    : "a " + site().displayName() + " page without a story discussion");
        }
        String url;
        String storyId;
        if (sid != null) {
            url = canonicalUrl(sid);
            storyId = sid;
        } else {
            String discussion = SlashdotUrls.findDiscussionId(doc);
            if (discussion == null) {
                throw new NotAThreadException("a " + site().displayName()
                        + " page that does not say which story it belongs to");
            }
            url = discussionUrl(discussion);
            storyId = null;
            warnings.add("the page does not name its story's id; it is keyed by its discussion number " + discussion
                    + " and will not merge with other saves of the story");
        }

        if (header == null) {
            warnings.add("no story header found on the page");
        } else {
            if (header.date == null) {
                warnings.add("the story's date is not on the page");
            } else if (posted == null) {
                warnings.add("the story's date has no year and the page has no story id to take it from");
            }
            if (header.summary == null) {
                warnings.add("the story's summary is not on the page");
            }
        }
        noteTally(reader.tally, storyDay, warnings);
        if (fromTableOnly > 0) {
            warnings.add(fromTableOnly + " comment" + ThreadAssembler.plural(fromTableOnly)
                    + " known only from the D2 comment table (no markup on the page)");
        }
        if (d2.moreComments() != null && d2.moreComments() > 0) {
            warnings.add("the page did not load " + d2.moreComments() + " more comment"
                    + ThreadAssembler.plural(d2.moreComments()));
        }
        if (d2.problem() != null) {
            warnings.add(d2.problem());
        }

        List<Comment> comments = ThreadAssembler.assemble(drafts, warnings);
        Integer declared = header != null ? header.declaredCount : null;
        if (declared == null && !d2.isEmpty() && d2.moreComments() != null) {
            declared = d2.entries().size() + d2.moreComments();
        }
        Story story = new Story(site(), storyId, url,
                header != null ? header.title : StoryHeader.pageTitle(doc.title()),
                header != null ? header.poster : null,
                posted,
                header != null ? header.department : null,
                header != null ? List.copyOf(header.topics) : List.of(),
                header != null ? List.copyOf(header.tags) : List.of(),
                header != null && header.summary != null ? header.summary.html() : null,
                header != null && header.summary != null ? header.summary.text() : null,
                declared,
                header != null ? header.linkUrl : null);
        return new ParsedThread(story, comments, warnings, page.capturedAt(), null, List.of());
    }

    /**
     * Fills drafts from the D2 table (parents, author ids, subjects and scores of collapsed comments) and adds the
     * comments only the table knows. Returns how many were added.
     */
    private static int applyD2(List<CommentDraft> drafts, D2Metadata d2) {
        if (d2.isEmpty()) {
            return 0;
        }
        Set<String> present = new HashSet<>();
        for (CommentDraft d : drafts) {
            present.add(d.id);
            D2Metadata.Entry e = d2.entries().get(d.id);
            if (e == null) {
                continue;
            }
            if (!d.parentStated) {
                d.stateParent(e.pid());
            }
            if (d.author == null && !d.anonymous && D2Metadata.ANONYMOUS_UID.equals(e.uid())) {
                d.anonymous = true;
            }
            if (d.authorId == null && !d.anonymous) {
                d.authorId = e.uid();
            }
            if (e.subject() != null && (d.subject == null || isBareReply(d.subject))) {
                // One-line and hidden entries show replies as a bare "Re:"; the table has the whole subject.
                d.subject = e.subject();
            }
            if (d.score == null) {
                d.score = e.points();
            }
        }
        int added = 0;
        for (D2Metadata.Entry e : d2.entries().values()) {
            if (present.contains(e.cid())) {
                continue;
            }
            CommentDraft d = new CommentDraft(e.cid());
            d.stateParent(e.pid());
            d.anonymous = D2Metadata.ANONYMOUS_UID.equals(e.uid());
            d.authorId = d.anonymous ? null : e.uid();
            d.subject = e.subject();
            d.score = e.points();
            d.completeness = Completeness.METADATA_ONLY;
            drafts.add(d);
            added++;
        }
        return added;
    }

    private static boolean isBareReply(String subject) {
        return subject.trim().equalsIgnoreCase("Re:");
    }

    private static void noteTally(CommentListReader.Tally t, LocalDate storyDay, List<String> warnings) {
        if (t.oneLiners > 0) {
            warnings.add(t.oneLiners + " comment" + ThreadAssembler.plural(t.oneLiners)
                    + " shown only as one-line entries (subject and byline, no body)");
        }
        if (t.abbreviated > 0) {
            warnings.add(t.abbreviated + " comment bod" + (t.abbreviated == 1 ? "y" : "ies")
                    + " abbreviated by the page");
        }
        if (t.truncated > 0) {
            warnings.add(t.truncated + " comment" + ThreadAssembler.plural(t.truncated)
                    + " cut short on the page (\"Read the rest of this comment...\")");
        }
        if (t.hidden > 0) {
            warnings.add(t.hidden + " comment" + ThreadAssembler.plural(t.hidden)
                    + " collapsed below the reading threshold (no body on the page)");
        }
        if (t.withoutYear > t.undated && storyDay != null) {
            warnings.add("comment dates show no year; resolved against the story's date " + storyDay);
        }
        if (t.undated > 0) {
            warnings.add(t.undated + " comment date" + ThreadAssembler.plural(t.undated)
                    + " could not be resolved (no year, no story date); kept as text");
        }
    }

    private static int storyCount(Document doc) {
        int articles = doc.select("article[data-fhtype=story], article.fhitem-story, div.article").size();
        int postedBy = doc.body().getElementsMatchingOwnText(Pattern.compile("Posted\\s+by", Pattern.CASE_INSENSITIVE)).size();
        return Math.max(articles, postedBy);
    }
}
