package io.threadkeep.archiving;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.PageSource;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.PageReparser;
import io.threadkeep.store.SaveResult;
import io.threadkeep.store.StoreException;
import io.threadkeep.store.StoredPage;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives stories again from their saved pages, read by today's parsers: on request ({@code threadkeep rebuild}),
 * and by itself for the stories fed by pages an older parser read. One transaction per story, so a killed rebuild
 * loses nothing and the next one resumes with the stories still behind.
 */
public final class RebuildService {

    /** Hears about a rebuild's progress; called on the rebuilding thread. */
    public interface Progress {
        /** After each story (result null when it failed, with the reason in {@code error}). */
        default void rebuilt(int done, int total, long storyId, SaveResult result, String error) {
        }

        /** Polled between stories; returning true stops after the current one. */
        default boolean isCancelled() {
            return false;
        }

        Progress NONE = new Progress() {
        };
    }

    /** What a rebuild did. */
    public record Summary(int stories, int changed, int failed) {
    }

    private final PageImporter importer;
    private final ArchiveStore store;

    public RebuildService(PageImporter importer, ArchiveStore store) {
        this.importer = importer;
        this.store = store;
    }

    /** The stories fed by pages that an older version of their parser read (none on a read-only archive). */
    public List<Long> staleStories() {
        return store.isReadOnly() ? List.of() : store.staleStories(importer.parserVersions());
    }

    /** Rebuilds the stories an older parser fed; nothing on a read-only archive. */
    public Summary rebuildStale(Progress progress) {
        return rebuild(staleStories(), progress);
    }

    /** Rebuilds every story. */
    public Summary rebuildAll(Progress progress) {
        return rebuild(store.storyIds(), progress);
    }

    public Summary rebuild(List<Long> storyIds, Progress progress) {
        int changed = 0;
        int failed = 0;
        int done = 0;
        PageReparser reparser = this::reparse;
        for (long id : new ArrayList<>(storyIds)) {
            if (progress.isCancelled()) {
                break;
            }
            done++;
            try {
                SaveResult r = store.rebuildStory(id, reparser);
                if (r.status() == SaveResult.Status.UPDATED) {
                    changed++;
                }
                progress.rebuilt(done, storyIds.size(), id, r, null);
            } catch (StoreException e) {
                failed++;
                progress.rebuilt(done, storyIds.size(), id, null, e.getMessage());
            }
        }
        return new Summary(done, changed, failed);
    }

    private PageReparser.Reparsed reparse(StoredPage page) {
        PageSource source = new PageSource(page.pageName(), page.bytes(), page.charset(), page.url(),
                page.capturedAt());
        if (importer.parse(source) instanceof PageOutcome.Parsed parsed) {
            return new PageReparser.Reparsed(parsed.thread(), parsed.parserId(), parsed.parserVersion());
        }
        return null;
    }
}
