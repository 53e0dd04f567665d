package io.threadkeep.archiving;

import io.threadkeep.export.ExportFormat;
import io.threadkeep.export.ExportStory;
import io.threadkeep.export.Exporter;
import io.threadkeep.export.ReaderNotes;
import io.threadkeep.model.Comment;
import io.threadkeep.search.QueryParser;
import io.threadkeep.search.SearchContext;
import io.threadkeep.search.SearchHit;
import io.threadkeep.search.SearchOutcome;
import io.threadkeep.search.SearchQuery;
import io.threadkeep.search.SearchService;
import io.threadkeep.search.SortOrder;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.StoredComment;
import io.threadkeep.store.StoredStory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Takes stories out of the archive: the one engine behind the CLI's {@code export} and the window's "Export…".
 * Selects what to export (a story; the matches of a search with the comments they answer) and writes it.
 */
public final class ExportService {

    /** The most search hits one export gathers; an export of more is a backup, not a selection. */
    public static final int MAX_HITS = 100_000;

    private final ArchiveStore store;
    private final Function<Long, ReaderNotes> notes;

    /** An export service whose stars and notes are the ones the reader keeps in the archive. */
    public ExportService(ArchiveStore store) {
        this(store, storyId -> readerNotes(store, storyId));
    }

    private static ReaderNotes readerNotes(ArchiveStore store, long storyId) {
        java.util.Map<String, ReaderNotes.Note> byComment = new java.util.HashMap<>();
        store.readerMarks().marks(storyId).forEach((siteId, mark) ->
                byComment.put(siteId, new ReaderNotes.Note(mark.starred(), mark.note())));
        return byComment.isEmpty() ? ReaderNotes.NONE : new ReaderNotes(null, byComment);
    }

    /**
     * @param notes the reader's stars and notes of a story (by archive id), used when an export asks for them
     */
    public ExportService(ArchiveStore store, Function<Long, ReaderNotes> notes) {
        this.store = store;
        this.notes = notes;
    }

    /** What a selection gave: stories, or why there are none. */
    public record Selection(List<ExportStory> stories, boolean isSearch, List<String> notes, String problem) {
        public Selection {
            stories = List.copyOf(stories);
            notes = List.copyOf(notes);
        }
    }

    /** A whole story, or empty when the archive has no story with that id. */
    public Optional<ExportStory> story(long storyId, boolean withNotes) {
        Optional<StoredStory> story = store.story(storyId);
        if (story.isEmpty()) {
            return Optional.empty();
        }
        List<Comment> comments = store.comments(storyId).stream().map(StoredComment::comment).toList();
        return Optional.of(new ExportStory(storyId, story.get().story(), comments,
                withNotes ? notes.apply(storyId) : null));
    }

    /** The search that {@code --author NAME} stands for. */
    public static String authorQuery(String name) {
        return "author:\"" + name.replace("\"", "").strip() + "\"";
    }

    /**
     * The stories a search matches, each with only the matched comments and their ancestors (a story matched by
     * its title or summary comes with no comments), ordered by archive id so the same archive gives the same
     * export.
     */
    public Selection search(String queryText, boolean withNotes) {
        SearchQuery query = QueryParser.parse(queryText, SearchContext.NONE, SortOrder.NEWEST);
        if (!query.runnable()) {
            return new Selection(List.of(), true, query.notes(), query.problem());
        }
        SearchService search = new SearchService(store);
        Map<Long, Set<String>> matched = new TreeMap<>();
        List<String> outcomeNotes = new ArrayList<>();
        int offset = 0;
        while (offset < MAX_HITS) {
            SearchOutcome outcome = search.run(query, offset, SearchService.MAX_LIMIT);
            if (!outcome.ran()) {
                return new Selection(List.of(), true, outcome.notes(), outcome.problem());
            }
            if (offset == 0) {
                outcomeNotes.addAll(outcome.notes());
            }
            for (SearchHit hit : outcome.hits()) {
                Set<String> ids = matched.computeIfAbsent(hit.storyId(), k -> new HashSet<>());
                if (!hit.isStory()) {
                    ids.add(hit.commentId());
                }
            }
            offset += outcome.hits().size();
            if (!outcome.hasMore() || outcome.hits().isEmpty()) {
                break;
            }
        }
        if (offset >= MAX_HITS) {
            outcomeNotes.add("Only the first " + MAX_HITS + " matches were exported.");
        }
        List<ExportStory> stories = new ArrayList<>();
        for (Map.Entry<Long, Set<String>> e : matched.entrySet()) {
            Optional<StoredStory> story = store.story(e.getKey());
            if (story.isEmpty()) {
                continue;
            }
            List<Comment> all = store.comments(e.getKey()).stream().map(StoredComment::comment).toList();
            stories.add(new ExportStory(e.getKey(), story.get().story(), withAncestors(all, e.getValue()),
                    withNotes ? notes.apply(e.getKey()) : null));
        }
        return new Selection(stories, true, outcomeNotes, null);
    }

    /** The comments named and every comment above them, in the order given; walks up without recursion. */
    static List<Comment> withAncestors(List<Comment> all, Set<String> ids) {
        Map<String, Comment> byId = new HashMap<>();
        all.forEach(c -> byId.putIfAbsent(c.id(), c));
        Set<String> keep = new LinkedHashSet<>();
        for (String id : ids) {
            String at = id;
            while (at != null && byId.containsKey(at) && keep.add(at)) {
                at = byId.get(at).parentId();
            }
        }
        List<Comment> out = new ArrayList<>(keep.size());
        for (Comment c : all) {
            if (keep.contains(c.id())) {
                out.add(c);
            }
        }
        return out;
    }

    /** Hears how far a multi-file export has come; called on the exporting thread. */
    public interface Progress {
        void wrote(int done, int total, Path file);

        default boolean isCancelled() {
            return false;
        }

        Progress NONE = (done, total, file) -> { };
    }

    /**
     * Writes each story to its own file {@code <site>-<id>-<title-slug>.<ext>} in {@code dir} (created when
     * missing). Each file is written beside its place and moved in, so a cancelled or failed export leaves no
     * half-written file.
     */
    public List<Path> writeFiles(ExportFormat format, List<ExportStory> stories, Path dir, Progress progress)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            if (progress.isCancelled()) {
                break;
            }
            ExportStory story = stories.get(i);
            Path file = dir.resolve(Exporter.fileName(story, format));
            writeFile(file, Exporter.write(format, story));
            written.add(file);
            progress.wrote(i + 1, stories.size(), file);
        }
        return written;
    }

    /** Writes text as UTF-8 through a temporary file beside the target, then moves it into place. */
    public static void writeFile(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".part");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
