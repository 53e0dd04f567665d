package io.threadkeep.testsupport;

import io.threadkeep.model.Comment;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A small archive with invented threads for search tests: three stories on three sites, comments with subjects,
 * scores, labels, diacritics, a reply quoting its parent, an anonymous comment, and names that differ only in case
 * or by a suffix.
 */
public final class SearchArchive {

    /** Story ids in the archive, in the order saved. */
    public final long gnome;
    public final long editors;
    public final long funding;

    private SearchArchive(long gnome, long editors, long funding) {
        this.gnome = gnome;
        this.editors = editors;
        this.funding = funding;
    }

    public static SearchArchive fill(ArchiveStore store) {
        long gnome = save(store, new Story(Site.SLASHDOT, "08/09/24/1", "https://slashdot.org/story/08/09/24/1",
                "GNOME 2.24 Released", "timothy", Instant.parse("2008-09-24T10:00:00Z"), "footprints", List.of(),
                List.of(), "<p>The desktop project shipped a new release with a reworked file manager.</p>",
                "The desktop project shipped a new release with a reworked file manager.", 4, null), List.of(
                comment("101", null, "Alice", "2008-09-24T11:00:00Z", 5, "Insightful", "Panel regression",
                        "The new panel crashes whenever I drag an applet across the screen. A regression from the"
                                + " previous release, and the bug tracker already has a dozen duplicates."),
                comment("102", "101", "Bob", "2008-09-24T11:30:00Z", 2, null, "Re:Panel regression",
                        "> The new panel crashes whenever I drag an applet across the screen.\nWorks fine here."),
                comment("103", null, null, "2008-09-24T12:00:00Z", 0, null, "Off topic",
                        "Café culture and naïve résumé writers have nothing to do with desktops."),
                comment("104", null, "alicex", "2008-09-24T13:00:00Z", 4, "Funny", "Applets",
                        "My favourite applet is the weather one; it predicts rain every single day.")));
        long editors = save(store, new Story(Site.HACKERNEWS, "4711", "https://news.ycombinator.com/item?id=4711",
                "Ask HN: Favourite text editor?", "dang", Instant.parse("2015-03-01T09:00:00Z"), null, List.of(),
                List.of(), null, null, 3, null), List.of(
                comment("5001", null, "bob", "2015-03-01T10:00:00Z", null, null, null,
                        "I use emacs for everything, panel layouts included."),
                comment("5002", null, "Carol", "2015-03-01T11:00:00Z", null, null, null,
                        "Vim. The editor debate was settled long ago; multi-agent systems can't change that."),
                comment("5003", "5002", "ALICE", "2015-03-02T11:00:00Z", null, null, null,
                        "C++ programmers may disagree, 50% of them at least.")));
        long funding = save(store, new Story(Site.REDDIT, "abc12", "https://www.reddit.com/r/opensource/comments/abc12/",
                "Panel discussion on open source funding", "mod_team", Instant.parse("2020-05-05T15:00:00Z"), null,
                List.of("opensource"), List.of(), "<p>Maintainers talk about sponsorship.</p>",
                "Maintainers talk about sponsorship.", 2, null), List.of(
                comment("t1a", null, "Carol", "2020-05-05T16:00:00Z", 12, null, null,
                        "Sponsorship works when companies that depend on a library pay for it."),
                comment("t1b", "t1a", "dave", "2020-05-06T16:00:00Z", -3, null, null,
                        "Nobody pays for anything; donations are a rounding error.")));
        return new SearchArchive(gnome, editors, funding);
    }

    private static long save(ArchiveStore store, Story story, List<Comment> comments) {
        byte[] page = ("invented page " + story.url()).getBytes(StandardCharsets.UTF_8);
        return store.save(new ParsedThread(story, comments, List.of()),
                new SourceFile("test", story.siteStoryId() + ".html", page, "test", 1, null)).storyId();
    }

    private static Comment comment(String id, String parent, String author, String posted, Integer score,
                                   String label, String subject, String text) {
        return new Comment(id, parent, author, null, Instant.parse(posted), null, score, label, subject,
                "<p>" + text + "</p>", text, Completeness.FULL, CommentState.NORMAL);
    }

    /** Opens a new archive in {@code dir} and fills it. */
    public static ArchiveStore open(Path dir) {
        return ArchiveStore.open(dir.resolve("archive.db"));
    }
}
