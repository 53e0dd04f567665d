package io.threadkeep.ui.window;

import io.threadkeep.archiving.FileResult;
import io.threadkeep.archiving.ImportService;
import io.threadkeep.search.SearchHit;
import io.threadkeep.search.SearchService;
import io.threadkeep.store.ReadingArchive;
import io.threadkeep.ui.common.LinkOpener;
import io.threadkeep.ui.common.Theme;
import io.threadkeep.ui.common.UiSettings;
import io.threadkeep.ui.importing.ImportViewModel;
import io.threadkeep.ui.library.LibraryViewModel;
import io.threadkeep.ui.search.SearchViewModel;
import io.threadkeep.ui.thread.ThreadViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The reader window's state: the library, the open story, imports, theme and font size, and what is remembered
 * between runs. It ties the parts together (picking a story opens it; an import refreshes the library) and is the
 * entry point for other features: {@link #openStoryAt(long, long)} opens a story at a comment, and the search it
 * owns opens its results through {@link #openHit(SearchHit)}.
 */
public final class ReaderViewModel {

    static final String SETTING_THEME = "theme";
    static final String SETTING_FONT = "font.size";
    static final String SETTING_LAST_STORY = "last.story";
    static final String SETTING_LAST_COMMENT = "last.comment";
    static final String SETTING_SAMPLE = "sample.imported";
    static final int DEFAULT_FONT = 15;
    static final int MIN_FONT = 10;
    static final int MAX_FONT = 28;

    /** What the window was asked to do when it opened. */
    public record LaunchRequest(Long storyId, List<Path> files) {
        public LaunchRequest {
            files = files == null ? List.of() : List.copyOf(files);
        }

        public static LaunchRequest none() {
            return new LaunchRequest(null, List.of());
        }
    }

    private final ReadingArchive store;
    private final UiSettings settings;
    private final LibraryViewModel library;
    private final ThreadViewModel thread;
    private final ImportViewModel importing;
    private final SearchViewModel search;
    private final Supplier<List<Path>> samplePages;
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme");
    private final ReadOnlyIntegerWrapper fontSize = new ReadOnlyIntegerWrapper(this, "fontSize");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper sampleNotice =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "sampleNotice");
    private final Executor executor;
    private boolean openFirstImported;
    private boolean syncing;

    /**
     * @param samplePages the bundled sample pages, written to files, for a first run on an empty archive
     * @param systemTheme the theme to use when the reader has not chosen one
     */
    public ReaderViewModel(ReadingArchive store, ImportService importService, SearchService searchService,
                           Executor executor, UiSettings settings, LinkOpener linkOpener,
                           Supplier<List<Path>> samplePages, Theme systemTheme) {
        this.store = store;
        this.executor = executor;
        this.settings = settings;
        this.samplePages = samplePages;
        this.library = new LibraryViewModel(store, executor, settings);
        this.thread = new ThreadViewModel(store, executor, settings, linkOpener);
        this.importing = new ImportViewModel(importService, executor);
        this.search = new SearchViewModel(searchService, executor, this::openHit);
        theme.set(Theme.parse(settings.get(SETTING_THEME).orElse(null), systemTheme));
        fontSize.set(Math.max(MIN_FONT, Math.min(MAX_FONT, settings.getInt(SETTING_FONT, DEFAULT_FONT))));

        library.selectedStoryIdProperty().addListener((obs, old, id) -> {
            if (!syncing && id.longValue() >= 0 && id.longValue() != thread.storyId()) {
                thread.openStory(id.longValue());
            }
        });
        thread.storyProperty().addListener((obs, old, story) -> {
            syncing = true;
            try {
                library.select(story == null ? -1 : story.id());
            } finally {
                syncing = false;
            }
            if (story != null) {
                settings.put(SETTING_LAST_STORY, story.id());
                library.storyOpened(story.id(), java.time.Instant.now());
            }
            // One number for the header and the library badge: the library's count of the open story.
            if (story == null) {
                thread.unreadCountProperty().unbind();
            } else if (old == null || old.id() != story.id()) {
                thread.unreadCountProperty().bind(library.unreadCountOf(story.id()));
            }
        });
        library.setOnOpenMarked(m -> thread.openStoryAtComment(m.storyId(), m.siteCommentId()));
        thread.marksSavedProperty().addListener((obs, old, v) -> {
            if (library.showingMarkedProperty().get()) {
                library.refreshMarked();
            }
        });
        thread.setReadListener(library::storyRead);
        thread.messageProperty().addListener((obs, old, m) -> status.set(m));
        thread.failureProperty().addListener((obs, old, e) -> reportFailure(e));
        library.failureProperty().addListener((obs, old, e) -> reportFailure(e));
        library.setOnDeleted(id -> {
            if (thread.storyId() == id) {
                thread.closeStory();
            }
        });
        importing.setOnProgress(results -> library.refresh());
        importing.setOnFinished(this::importFinished);
    }

    public LibraryViewModel library() {
        return library;
    }

    public ThreadViewModel thread() {
        return thread;
    }

    public ImportViewModel importing() {
        return importing;
    }

    public SearchViewModel search() {
        return search;
    }

    /** Opens a search result: its story, at its comment unless the result is the story itself. */
    public void openHit(SearchHit hit) {
        if (hit.commentRowId() == null) {
            openStory(hit.storyId());
        } else {
            openStoryAt(hit.storyId(), hit.commentRowId());
        }
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    /** The reading font size in pixels. */
    public ReadOnlyIntegerProperty fontSizeProperty() {
        return fontSize.getReadOnlyProperty();
    }

    /** One line for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while the archive shows the bundled samples and the reader has not imported anything yet. */
    public javafx.beans.property.ReadOnlyBooleanProperty sampleNoticeProperty() {
        return sampleNotice.getReadOnlyProperty();
    }

    public void dismissSampleNotice() {
        sampleNotice.set(false);
    }

    public UiSettings settings() {
        return settings;
    }

    // ------------------------------------------------------------------------------------------ commands

    /**
     * Starts the window's work: imports files given on the command line and opens the first, or opens the given
     * story, or the story read last time at the same place, or (on an empty archive, once) the bundled samples.
     */
    public void start(LaunchRequest request) {
        library.refresh();
        if (!request.files().isEmpty()) {
            importAndOpen(request.files());
            return;
        }
        if (request.storyId() != null) {
            thread.openStory(request.storyId());
            return;
        }
        long last = settings.getLong(SETTING_LAST_STORY, -1);
        long lastComment = settings.getLong(SETTING_LAST_COMMENT, -1);
        boolean sampleOffered = !settings.get(SETTING_SAMPLE).isEmpty();
        StartTask task = new StartTask(store, last, sampleOffered, samplePages);
        task.setOnSucceeded(e -> begin(task.getValue(), lastComment));
        task.setOnFailed(e -> reportFailure(task.getException()));
        executor.execute(task);
    }

    /** On the FX thread, once the archive said what there is to open. */
    private void begin(StartTask.Opening opening, long lastComment) {
        if (opening.lastStory() >= 0) {
            thread.restoreStory(opening.lastStory(), lastComment);
            return;
        }
        if (opening.samples() != null) {
            settings.put(SETTING_SAMPLE, "yes");
            if (!opening.samples().isEmpty()) {
                importAndOpen(opening.samples());
                sampleNotice.set(true);
                return;
            }
        }
        if (library.loadedProperty().get()) {
            if (thread.storyId() < 0 && !library.stories().isEmpty()) {
                thread.openStory(library.stories().get(0).id());
            }
            return;
        }
        openNewestWhenLoaded();
    }

    private void openNewestWhenLoaded() {
        library.loadedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean old,
                                Boolean loaded) {
                if (loaded) {
                    library.loadedProperty().removeListener(this);
                    if (thread.storyId() < 0 && !library.stories().isEmpty()) {
                        thread.openStory(library.stories().get(0).id());
                    }
                }
            }
        });
    }

    /**
     * Derives again, in the background, the threads that pages read by an older parser feed (nothing when none are,
     * or on a read-only archive); the library and an open story that changed are refreshed afterwards.
     */
    public void rebuildStale(io.threadkeep.archiving.RebuildService rebuilds) {
        if (store.isReadOnly()) {
            return;
        }
        RebuildTask task = new RebuildTask(rebuilds);
        task.messageProperty().addListener((obs, old, m) -> status.set(m));
        task.setOnSucceeded(e -> {
            if (task.getValue().isEmpty()) {
                return;
            }
            library.refresh();
            long openId = thread.storyId();
            if (openId >= 0 && task.getValue().contains(openId)) {
                thread.restoreStory(openId, thread.topCommentRowId());
            }
        });
        task.setOnFailed(e -> reportFailure(task.getException()));
        executor.execute(task);
    }

    /** Opens a story at its top (a search hit on the story itself); the library reopens where the reader left. */
    public void openStory(long storyId) {
        thread.openStoryAtTop(storyId);
    }

    /**
     * Opens a story scrolled to one comment, with its ancestors expanded and the comment selected and highlighted
     * (for search results).
     *
     * @param commentRowId the comment's archive id ({@code StoredComment.rowId()})
     */
    public void openStoryAt(long storyId, long commentRowId) {
        thread.openStoryAt(storyId, commentRowId);
    }

    /** Like {@link #openStoryAt(long, long)}, with the site's own comment id. */
    public void openStoryAtComment(long storyId, String siteCommentId) {
        thread.openStoryAtComment(storyId, siteCommentId);
    }

    /** Imports files and folders chosen or dropped by the reader. */
    public void importPaths(List<Path> paths) {
        sampleNotice.set(false);
        importing.importPaths(paths);
    }

    /** Imports files and opens the first story they gave. */
    public void importAndOpen(List<Path> paths) {
        sampleNotice.set(false);
        if (!importing.runningProperty().get()) {
            openFirstImported = true;
        }
        importing.importPaths(paths);
    }

    private void importFinished(List<FileResult> results) {
        library.refresh();
        if (sampleNotice.get() && results.stream().noneMatch(FileResult::isProblem)) {
            // The banner says what happened; an import report for pages the reader never chose is noise.
            importing.dismiss();
        }
        if (openFirstImported) {
            openFirstImported = false;
            results.stream().map(FileResult::storyId).filter(Objects::nonNull).findFirst()
                    .ifPresent(thread::openStory);
        }
        long openId = thread.storyId();
        if (openId >= 0 && results.stream().anyMatch(r -> r.storyId() != null && r.storyId() == openId
                && (r.commentsAdded() > 0 || r.commentsUpdated() > 0))) {
            thread.restoreStory(openId, thread.topCommentRowId());
        }
    }

    public void toggleTheme() {
        setTheme(theme.get().other());
    }

    public void setTheme(Theme value) {
        theme.set(value);
        settings.put(SETTING_THEME, value.name());
    }

    public void fontLarger() {
        setFontSize(fontSize.get() + 1);
    }

    public void fontSmaller() {
        setFontSize(fontSize.get() - 1);
    }

    public void fontReset() {
        setFontSize(DEFAULT_FONT);
    }

    private void setFontSize(int size) {
        int clamped = Math.max(MIN_FONT, Math.min(MAX_FONT, size));
        fontSize.set(clamped);
        settings.put(SETTING_FONT, clamped);
    }

    /** Shows a link's target in the status bar while the pointer is over it. */
    public void linkHovered(String url) {
        status.set(url == null ? "" : url);
    }

    /** Remembers what is open and where, and writes pending read marks; called when the window closes. */
    public void saveState() {
        long storyId = thread.storyId();
        if (storyId >= 0) {
            settings.put(SETTING_LAST_STORY, storyId);
            settings.put(SETTING_LAST_COMMENT, thread.topCommentRowId());
        }
        thread.savePosition();
        thread.flushReadMarks();
    }

    private void reportFailure(Throwable e) {
        if (e != null) {
            status.set("Error: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("")));
        }
    }
}
