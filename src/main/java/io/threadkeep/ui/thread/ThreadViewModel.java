package io.threadkeep.ui.thread;

import io.threadkeep.body.SafeHtmlReader;
import io.threadkeep.model.Comment;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ScoreRules;
import io.threadkeep.store.ReadingArchive;
import io.threadkeep.store.ReaderMarks;
import io.threadkeep.store.StoredComment;
import io.threadkeep.store.StoredStory;
import io.threadkeep.ui.common.LinkOpener;
import io.threadkeep.ui.common.UiSettings;
import io.threadkeep.ui.thread.ThreadModel.Row;
import io.threadkeep.ui.thread.ThreadModel.RowKind;
import io.threadkeep.ui.thread.ThreadModel.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The story pane's state: the story, the visible comment rows, the selection, thresholds, sort, find and read
 * state. The view only binds to it and calls its commands; every archive access runs as a task on the injected
 * executor.
 */
public final class ThreadViewModel {

    /** How the view should bring the selected row into sight. */
    enum Scroll { NONE, IF_NEEDED, TO_TOP }

    /** A selection event; the serial makes every request distinct even when it selects the same row again. */
    record Selection(int item, int row, Scroll scroll, long serial) {
    }

    static final String SETTING_FULL = "thread.threshold.full";
    static final String SETTING_HIDE = "thread.threshold.hide";
    static final String SETTING_SORT = "thread.sort";

    private final ReadingArchive store;
    private final Executor executor;
    private final UiSettings settings;
    private final LinkOpener linkOpener;

    private final ReadOnlyObjectWrapper<StoredStory> story = new ReadOnlyObjectWrapper<>(this, "story");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Selection> selection =
            new ReadOnlyObjectWrapper<>(this, "selection", new Selection(-1, -1, Scroll.NONE, 0));
    private final ReadOnlyIntegerWrapper highlightedItem = new ReadOnlyIntegerWrapper(this, "highlightedItem", -1);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyIntegerWrapper fullThreshold = new ReadOnlyIntegerWrapper(this, "fullThreshold");
    private final ReadOnlyIntegerWrapper hideThreshold = new ReadOnlyIntegerWrapper(this, "hideThreshold");
    private final ReadOnlyObjectWrapper<SortOrder> sortOrder = new ReadOnlyObjectWrapper<>(this, "sortOrder");
    private final ReadOnlyStringWrapper findQuery = new ReadOnlyStringWrapper(this, "findQuery", "");
    private final ReadOnlyStringWrapper findStatus = new ReadOnlyStringWrapper(this, "findStatus", "");
    private final ReadOnlyBooleanWrapper findVisible = new ReadOnlyBooleanWrapper(this, "findVisible");
    private final ReadOnlyLongWrapper readVersion = new ReadOnlyLongWrapper(this, "readVersion");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final javafx.beans.property.IntegerProperty unreadCount =
            new javafx.beans.property.SimpleIntegerProperty(this, "unreadCount");
    private final ReadOnlyLongWrapper marksVersion = new ReadOnlyLongWrapper(this, "marksVersion");
    private final ReadOnlyLongWrapper marksSaved = new ReadOnlyLongWrapper(this, "marksSaved");
    private final ReadOnlyObjectWrapper<ScoreRules> scoreRules =
            new ReadOnlyObjectWrapper<>(this, "scoreRules", ScoreRules.NONE);
    private final ReaderMarks readerMarks;
    private final ReadOnlyObjectWrapper<ThreadMap> threadMap = new ReadOnlyObjectWrapper<>(this, "threadMap",
            ThreadMap.EMPTY);
    private boolean mapRunning;
    private boolean mapAgain;
    private long mapGeneration;
    private java.util.Map<String, ReaderMarks.Mark> marks = new java.util.HashMap<>();
    /** Where this session left each story, for reopening before the position's write reaches the archive. */
    private final java.util.Map<Long, String> leftAt = new java.util.HashMap<>();

    /** Hears about read marks written to the archive. */
    public interface ReadListener {
        /**
         * @param storyId the story
         * @param count   how many comments became read, or -1 for all of the story's
         */
        void markedRead(long storyId, int count);
    }

    private ReadListener readListener = (storyId, count) -> { };
    private ThreadModel model;
    private BodyBlocks bodies;
    private boolean[] markedShown = new boolean[0];
    /** Comments shown but not yet marked read in the archive, by story. */
    private final java.util.Map<Long, List<Long>> pendingRead = new java.util.LinkedHashMap<>();
    private boolean readFlushRunning;
    private long serial;
    private long loadGeneration;
    private int[] findMatches = new int[0];
    private int findIndex = -1;
    private int topItem = -1;

    public ThreadViewModel(ReadingArchive store, Executor executor, UiSettings settings, LinkOpener linkOpener) {
        this.store = store;
        this.executor = executor;
        this.settings = settings;
        this.linkOpener = LinkOpener.httpOnly(linkOpener);
        this.readerMarks = store.readerMarks();
        unreadCount.addListener((obs, old, n) -> updateSummary());
        int full = settings.getInt(SETTING_FULL, 1);
        fullThreshold.set(clampThreshold(full));
        hideThreshold.set(Math.min(clampThreshold(settings.getInt(SETTING_HIDE, ThreadModel.MIN_THRESHOLD)),
                fullThreshold.get()));
        SortOrder sort;
        try {
            sort = SortOrder.valueOf(settings.get(SETTING_SORT, SortOrder.THREAD.name()));
        } catch (IllegalArgumentException e) {
            sort = SortOrder.THREAD;
        }
        sortOrder.set(sort);
    }

    private static int clampThreshold(int t) {
        return Math.max(ThreadModel.MIN_THRESHOLD, Math.min(ThreadModel.MAX_THRESHOLD, t));
    }

    // ------------------------------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<StoredStory> storyProperty() {
        return story.getReadOnlyProperty();
    }

    ObservableList<Row> rows() {
        return rowsView;
    }

    /** How many rows the comment list shows. */
    public int rowsCount() {
        return rows.size();
    }

    ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty highlightedItemProperty() {
        return highlightedItem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "12 unread · 3 new since the last save". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** A short note for the status bar ("No more unread comments"). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty fullThresholdProperty() {
        return fullThreshold.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty hideThresholdProperty() {
        return hideThreshold.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<SortOrder> sortOrderProperty() {
        return sortOrder.getReadOnlyProperty();
    }

    ReadOnlyStringProperty findQueryProperty() {
        return findQuery.getReadOnlyProperty();
    }

    ReadOnlyStringProperty findStatusProperty() {
        return findStatus.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty findVisibleProperty() {
        return findVisible.getReadOnlyProperty();
    }

    /** Changes whenever read marks were written to the archive (the library then refreshes its counts). */
    public ReadOnlyLongProperty readVersionProperty() {
        return readVersion.getReadOnlyProperty();
    }

    /** The last background failure, for the window to report. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    ThreadModel model() {
        return model;
    }

    /**
     * How many of the open story's comments are unread now. The window binds it to the library's count of the
     * story, so the header and the library badge show one number; unbound, the view-model keeps it itself.
     */
    public javafx.beans.property.IntegerProperty unreadCountProperty() {
        return unreadCount;
    }

    /** Changes whenever a star, a note or the scoring changed (cells then redraw). */
    public ReadOnlyLongProperty marksVersionProperty() {
        return marksVersion.getReadOnlyProperty();
    }

    /** Changes each time a star or note was written to the archive (the library's starred list then reloads). */
    public ReadOnlyLongProperty marksSavedProperty() {
        return marksSaved.getReadOnlyProperty();
    }

    /** The reader's scoring as last loaded or changed. */
    public ReadOnlyObjectProperty<ScoreRules> scoreRulesProperty() {
        return scoreRules.getReadOnlyProperty();
    }

    /** The thread map of the open story, recomputed off the FX thread whenever rows, read marks or finds change. */
    ReadOnlyObjectProperty<ThreadMap> threadMapProperty() {
        return threadMap.getReadOnlyProperty();
    }

    /** Whether the comment is unread now: unread when the story opened, and not shown since. */
    boolean isUnreadNow(int item) {
        return model != null && model.wasUnreadAtOpen(item) && (item >= markedShown.length || !markedShown[item]);
    }

    /** Lays out the thread map again in the background; requests while one runs fold into one more. */
    private void requestMap() {
        if (model == null) {
            mapGeneration++;
            threadMap.set(ThreadMap.EMPTY);
            return;
        }
        if (mapRunning) {
            mapAgain = true;
            return;
        }
        mapRunning = true;
        long generation = ++mapGeneration;
        ThreadMap.Snapshot snapshot = ThreadMap.Snapshot.of(model, this::isUnreadNow, findMatches);
        Task<ThreadMap> task = new Task<>() {
            @Override
            protected ThreadMap call() {
                return ThreadMap.compute(snapshot);
            }

            @Override
            protected void succeeded() {
                if (generation == mapGeneration) {
                    threadMap.set(getValue());
                }
                finished();
            }

            @Override
            protected void failed() {
                failure.set(getException());
                finished();
            }

            private void finished() {
                mapRunning = false;
                if (mapAgain) {
                    mapAgain = false;
                    requestMap();
                }
            }
        };
        executor.execute(task);
    }

    ReaderMarks.Mark mark(int item) {
        return model == null || item < 0 ? ReaderMarks.Mark.NONE
                : marks.getOrDefault(model.comment(item).id(), ReaderMarks.Mark.NONE);
    }

    /** The item's index in the current rows, for the thread map; -1 when hidden inside another row. */
    int selectedItem() {
        return selection.get().item();
    }

    /** The blocks of an item's body in the open story. */
    List<SafeHtmlReader.Block> bodyBlocks(int item) {
        return bodies.blocks(item);
    }

    /** Reads the bodies around the rows on screen off the FX thread, before the reader scrolls to them. */
    void readBodiesAround(int firstRow, int lastRow) {
        if (bodies != null) {
            bodies.readAhead(rows, firstRow, lastRow, executor);
        }
    }

    public void setReadListener(ReadListener listener) {
        this.readListener = listener;
    }

    /** The archive id of the selected comment, or -1. */
    public long selectedCommentRowId() {
        int item = selection.get().item();
        return model == null || item < 0 ? -1 : model.stored(item).rowId();
    }

    /** The archive id of the comment at the top of the view, or -1 (remembered as the scroll position). */
    public long topCommentRowId() {
        return model == null || topItem < 0 || topItem >= model.size() ? -1 : model.stored(topItem).rowId();
    }

    public long storyId() {
        StoredStory s = story.get();
        return s == null ? -1 : s.id();
    }

    // ------------------------------------------------------------------------------------------ opening

    /** Opens a story where the reader left it (the comment last read), or at its first comment. */
    public void openStory(long storyId) {
        open(storyId, -1, null, false, true);
    }

    /** Opens a story at its first comment, whatever was read last. */
    public void openStoryAtTop(long storyId) {
        open(storyId, -1, null, false, false);
    }

    /**
     * Opens a story scrolled to one comment: its ancestors are expanded, thresholds lifted for it, and it is
     * selected and highlighted. This is the command search results use.
     *
     * @param commentRowId the comment's archive id ({@code StoredComment.rowId()}), or -1 for the top
     */
    public void openStoryAt(long storyId, long commentRowId) {
        open(storyId, commentRowId, null, true, false);
    }

    /** Like {@link #openStoryAt(long, long)}, with the site's own comment id. */
    public void openStoryAtComment(long storyId, String siteCommentId) {
        open(storyId, -1, siteCommentId, true, false);
    }

    /** Reopens a story where the reader left it: the given comment at the top, nothing highlighted. */
    public void restoreStory(long storyId, long topCommentRowId) {
        open(storyId, topCommentRowId, null, false, topCommentRowId < 0);
    }

    public void closeStory() {
        rememberPosition();
        flushReadMarks();
        loadGeneration++;
        model = null;
        bodies = null;
        markedShown = new boolean[0];
        story.set(null);
        rows.clear();
        requestMap();
        summary.set("");
        hideFind();
        select(-1, Scroll.NONE);
    }

    private void open(long storyId, long commentRowId, String siteCommentId, boolean highlight, boolean resume) {
        rememberPosition();
        flushReadMarks();
        long generation = ++loadGeneration;
        loading.set(true);
        LoadStoryTask task = new LoadStoryTask(store, readerMarks, storyId, fullThreshold.get(), hideThreshold.get(),
                sortOrder.get(), commentRowId, siteCommentId, resume, leftAt.get(storyId)) {
            @Override
            protected void succeeded() {
                if (generation == loadGeneration) {
                    apply(getValue(), highlight);
                }
            }

            @Override
            protected void failed() {
                if (generation == loadGeneration) {
                    loading.set(false);
                    failure.set(getException());
                }
            }
        };
        executor.execute(task);
    }

    private void apply(LoadStoryTask.Loaded loaded, boolean highlight) {
        if (loaded == null) {
            loading.set(false);
            message.set("That story is no longer in the archive.");
            return;
        }
        hideFind();
        model = loaded.model();
        marks = new java.util.HashMap<>(loaded.marks());
        scoreRules.set(loaded.rules());
        bodies = loaded.bodies();
        markedShown = new boolean[model.size()];
        story.set(loaded.story());
        rows.setAll(loaded.rows());
        requestMap();
        highlightedItem.set(highlight ? loaded.targetItem() : -1);
        topItem = -1;
        if (!unreadCount.isBound()) {
            int unread = 0;
            for (int i = 0; i < model.size(); i++) {
                if (model.wasUnreadAtOpen(i)) {
                    unread++;
                }
            }
            unreadCount.set(unread);
        }
        updateSummary();
        loading.set(false);
        int target = loaded.targetItem();
        if (target >= 0) {
            select(target, Scroll.TO_TOP);
        } else {
            select(rows.isEmpty() ? -1 : rows.get(0).item(), Scroll.TO_TOP);
        }
    }

    private void updateSummary() {
        if (model == null) {
            summary.set("");
            return;
        }
        int unread = unreadCount.get();
        if (unread < 0) {
            // The library does not list the story yet (an import still running): count here.
            unread = 0;
            for (int i = 0; i < model.size(); i++) {
                if (isUnreadNow(i)) {
                    unread++;
                }
            }
        }
        int fresh = 0;
        for (int i = 0; i < model.size(); i++) {
            StoredComment c = model.stored(i);
            if (c.comment().completeness() == Completeness.PLACEHOLDER) {
                continue;
            }
            if (c.newSinceLastSave()) {
                fresh++;
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(unread == 0 ? "all read" : unread + " unread");
        if (fresh > 0) {
            sb.append(" · ").append(fresh).append(" new since the last save");
        }
        summary.set(sb.toString());
    }

    // ------------------------------------------------------------------------------------------ tree commands

    private void refreshRows() {
        if (model == null) {
            return;
        }
        rows.setAll(model.rows());
        requestMap();
    }

    /** Collapses or expands the item's replies; on a shortened comment without replies, shows it in full. */
    void toggle(int item) {
        if (model == null || item < 0) {
            return;
        }
        if (model.hasReplies(item)) {
            model.setCollapsed(item, !model.isCollapsed(item));
        } else if (model.visibility(item) != RowKind.FULL) {
            model.reveal(item);
        }
        refreshRows();
        select(item, Scroll.IF_NEEDED);
    }

    /** Shows the comments of a hidden group. */
    void revealGroup(Row row) {
        if (model == null || row.kind() != RowKind.HIDDEN_GROUP) {
            return;
        }
        model.revealRange(row.from(), row.to());
        refreshRows();
        select(row.item(), Scroll.IF_NEEDED);
    }

    /** Activates a row: a hidden group opens, a comment collapses/expands. */
    void activate(Row row) {
        if (row.kind() == RowKind.HIDDEN_GROUP) {
            revealGroup(row);
        } else {
            toggle(row.item());
        }
    }

    /** Enter: what a click on the selected row's header does (fold, unfold, or show a hidden group). */
    void activateSelected() {
        int r = selection.get().row();
        if (r >= 0 && r < rows.size()) {
            activate(rows.get(r));
        }
    }

    public void collapseAll() {
        if (model == null) {
            return;
        }
        model.collapseAll();
        int selected = selection.get().item();
        refreshRows();
        int keep = selected;
        while (keep >= 0 && model.rowOf(keep) < 0) {
            keep = model.parent(keep);
        }
        select(keep >= 0 ? keep : firstItem(), Scroll.IF_NEEDED);
    }

    public void expandAll() {
        if (model == null) {
            return;
        }
        model.expandAll();
        refreshRows();
        select(selection.get().item(), Scroll.IF_NEEDED);
    }

    /** Left arrow: collapses the selected thread, or goes to the parent when there is nothing to collapse. */
    void collapseSelected() {
        int item = selection.get().item();
        if (model == null || item < 0) {
            return;
        }
        if (model.hasReplies(item) && !model.isCollapsed(item)) {
            model.setCollapsed(item, true);
            refreshRows();
            select(item, Scroll.IF_NEEDED);
        } else {
            selectParent();
        }
    }

    /** Right arrow: expands the selected thread, or shows a shortened comment in full. */
    void expandSelected() {
        int item = selection.get().item();
        if (model == null || item < 0) {
            return;
        }
        int r = selection.get().row();
        if (r >= 0 && r < rows.size() && rows.get(r).kind() == RowKind.HIDDEN_GROUP) {
            revealGroup(rows.get(r));
            return;
        }
        if (model.isCollapsed(item)) {
            model.setCollapsed(item, false);
        } else if (model.visibility(item) != RowKind.FULL && model.visibility(item) != RowKind.PLACEHOLDER) {
            model.reveal(item);
        } else {
            return;
        }
        refreshRows();
        select(item, Scroll.IF_NEEDED);
    }

    public void setThresholds(int full, int hide) {
        int f = clampThreshold(full);
        int h = Math.min(clampThreshold(hide), f);
        fullThreshold.set(f);
        hideThreshold.set(h);
        settings.put(SETTING_FULL, f);
        settings.put(SETTING_HIDE, h);
        if (model != null) {
            int selected = selection.get().item();
            model.setThresholds(f, h);
            refreshRows();
            select(nearestShown(selected), Scroll.IF_NEEDED);
        }
    }

    void setSortOrder(SortOrder order) {
        if (order == null || order == sortOrder.get()) {
            return;
        }
        sortOrder.set(order);
        settings.put(SETTING_SORT, order.name());
        if (model != null) {
            int selected = selection.get().item();
            model.setSortOrder(order);
            refreshRows();
            select(selected, Scroll.IF_NEEDED);
            if (findMatches.length > 0) {
                find(findQuery.get());
            }
        }
    }

    /** The item itself if it has a row, else the nearest ancestor that has one, else the first row. */
    private int nearestShown(int item) {
        int keep = item;
        while (keep >= 0 && model.rowOf(keep) < 0) {
            keep = model.parent(keep);
        }
        if (keep >= 0) {
            return keep;
        }
        // Inside a hidden group: select the group's row.
        for (int p = item < 0 ? 0 : model.sequencePosition(item); p >= 0; p--) {
            int candidate = model.itemAt(p);
            if (model.rowOf(candidate) >= 0) {
                return candidate;
            }
        }
        return firstItem();
    }

    private int firstItem() {
        return rows.isEmpty() ? -1 : rows.get(0).item();
    }

    // ------------------------------------------------------------------------------------------ selection

    /** Called by the view when the reader clicks a row. */
    void selectRow(int rowIndex) {
        if (rowIndex >= 0 && rowIndex < rows.size()) {
            select(rows.get(rowIndex).item(), Scroll.NONE);
        }
    }

    private void select(int item, Scroll scroll) {
        int row = model == null || item < 0 ? -1 : model.rowOf(item);
        if (row < 0) {
            item = -1;
        }
        if (item != highlightedItem.get() && highlightedItem.get() >= 0 && selection.get().item() >= 0
                && item != selection.get().item()) {
            highlightedItem.set(-1);
        }
        selection.set(new Selection(item, row, scroll, ++serial));
    }

    private int selectedRowIndex() {
        return selection.get().row();
    }

    /** j: the next row. */
    void selectNext() {
        moveBy(1);
    }

    /** k: the previous row. */
    void selectPrevious() {
        moveBy(-1);
    }

    private void moveBy(int step) {
        if (rows.isEmpty()) {
            return;
        }
        int r = selectedRowIndex();
        int next = r < 0 ? (step > 0 ? 0 : rows.size() - 1) : r + step;
        if (next >= 0 && next < rows.size()) {
            select(rows.get(next).item(), Scroll.IF_NEEDED);
        }
    }

    /** n: the next comment that was unread when the story was opened, expanding and revealing as needed. */
    void selectNextUnread() {
        if (model == null) {
            return;
        }
        int item = selection.get().item();
        int start = item < 0 ? 0 : model.sequencePosition(item) + 1;
        for (int p = start; p < model.size(); p++) {
            int candidate = model.itemAt(p);
            if (model.wasUnreadAtOpen(candidate)) {
                model.bringIntoView(candidate);
                refreshRows();
                select(candidate, Scroll.IF_NEEDED);
                message.set("");
                return;
            }
        }
        message.set("No more unread comments.");
    }

    /** p: the parent of the selected comment. */
    void selectParent() {
        int item = selection.get().item();
        if (model == null || item < 0 || model.parent(item) < 0) {
            return;
        }
        select(model.parent(item), Scroll.IF_NEEDED);
    }

    /** t / T: the next or previous top-level thread. */
    void selectTopLevel(boolean forward) {
        if (model == null || rows.isEmpty()) {
            return;
        }
        int r = selectedRowIndex();
        int step = forward ? 1 : -1;
        for (int i = (r < 0 ? (forward ? -1 : rows.size()) : r) + step; i >= 0 && i < rows.size(); i += step) {
            Row row = rows.get(i);
            if (model.depth(row.item()) == 0) {
                select(row.item(), Scroll.TO_TOP);
                return;
            }
        }
    }

    /** Space / shift-space: the view scrolled a page and hands over the first row now at the top. */
    void pageScrolledTo(int firstVisibleRow) {
        if (firstVisibleRow >= 0 && firstVisibleRow < rows.size()) {
            select(rows.get(firstVisibleRow).item(), Scroll.NONE);
        }
    }

    // ------------------------------------------------------------------------------------------ read state

    /** Called for each row the reader actually sees; comments shown become read. */
    void rowShown(int rowIndex) {
        if (model == null || rowIndex < 0 || rowIndex >= rows.size()) {
            return;
        }
        Row row = rows.get(rowIndex);
        if (row.kind() != RowKind.FULL && row.kind() != RowKind.ONE_LINE) {
            return;
        }
        int item = row.item();
        if (item < markedShown.length && !markedShown[item]) {
            markedShown[item] = true;
            if (!model.stored(item).read()) {
                pendingRead.computeIfAbsent(storyId(), k -> new ArrayList<>()).add(model.stored(item).rowId());
                flushReadMarks();
            }
        }
    }

    /** Remembers which row is at the top, for reopening at the same place. */
    void topRowChanged(int rowIndex) {
        if (rowIndex >= 0 && rowIndex < rows.size()) {
            topItem = rows.get(rowIndex).item();
        }
    }

    /** Writes pending read marks; one write at a time, the next one takes whatever gathered meanwhile. */
    public void flushReadMarks() {
        if (readFlushRunning || pendingRead.isEmpty()) {
            return;
        }
        java.util.Map<Long, List<Long>> batch = new java.util.LinkedHashMap<>(pendingRead);
        pendingRead.clear();
        readFlushRunning = true;
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                List<Long> all = new ArrayList<>();
                batch.values().forEach(all::addAll);
                store.markRead(all);
                return null;
            }

            @Override
            protected void succeeded() {
                batch.forEach((storyId, ids) -> readListener.markedRead(storyId, ids.size()));
                List<Long> mine = batch.get(storyId());
                if (mine != null && !unreadCount.isBound()) {
                    unreadCount.set(Math.max(0, unreadCount.get() - mine.size()));
                }
                if (mine != null) {
                    requestMap();
                }
                flushFinished();
            }

            @Override
            protected void failed() {
                failure.set(getException());
                flushFinished();
            }

            private void flushFinished() {
                readFlushRunning = false;
                readVersion.set(readVersion.get() + 1);
                flushReadMarks();
            }
        };
        executor.execute(task);
    }

    /** Marks every comment of the story read. */
    public void markAllRead() {
        StoredStory s = story.get();
        if (s == null || model == null) {
            return;
        }
        model.forgetUnread();
        if (!unreadCount.isBound()) {
            unreadCount.set(0);
        }
        java.util.Arrays.fill(markedShown, true);
        pendingRead.remove(s.id());
        refreshRows();
        select(selection.get().item(), Scroll.NONE);
        updateSummary();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                store.markStoryRead(s.id(), true);
                return null;
            }

            @Override
            protected void succeeded() {
                readListener.markedRead(s.id(), -1);
                readVersion.set(readVersion.get() + 1);
            }

            @Override
            protected void failed() {
                failure.set(getException());
            }
        };
        executor.execute(task);
    }

    // ------------------------------------------------------------------------------------------ position

    /**
     * Remembers where the reader is in the open story: the selected comment, or the one at the top of the view when
     * the reader scrolled past the selection.
     */
    private void rememberPosition() {
        StoredStory s = story.get();
        if (s == null || model == null) {
            return;
        }
        int item = selection.get().item();
        if (topItem >= 0 && topItem < model.size()
                && (item < 0 || model.sequencePosition(topItem) > model.sequencePosition(item))) {
            item = topItem;
        }
        if (item < 0) {
            return;
        }
        long id = s.id();
        String siteId = model.comment(item).id();
        leftAt.put(id, siteId);
        runInBackground(() -> readerMarks.setLastReadComment(id, siteId), null);
    }

    /** Writes the reading position now (the window is closing). */
    public void savePosition() {
        rememberPosition();
    }

    // ------------------------------------------------------------------------------------------ stars and notes

    /** s: stars the selected comment, or takes its star away. */
    void toggleStarSelected() {
        int item = selection.get().item();
        if (model == null || item < 0
                || model.comment(item).completeness() == Completeness.PLACEHOLDER) {
            return;
        }
        setStarred(item, !mark(item).starred());
    }

    void setStarred(int item, boolean starred) {
        String siteId = model.comment(item).id();
        ReaderMarks.Mark old = marks.getOrDefault(siteId, ReaderMarks.Mark.NONE);
        putMark(siteId, new ReaderMarks.Mark(starred, old.note()));
        long id = storyId();
        message.set(starred ? "Starred." : "Star removed.");
        runInBackground(() -> readerMarks.setStarred(id, siteId, starred), this::markSaved);
    }

    /** Sets the selected-or-given comment's private note; blank removes it. */
    void setNote(int item, String note) {
        if (model == null || item < 0) {
            return;
        }
        String siteId = model.comment(item).id();
        ReaderMarks.Mark old = marks.getOrDefault(siteId, ReaderMarks.Mark.NONE);
        String clean = note == null || note.isBlank() ? null : note.strip();
        putMark(siteId, new ReaderMarks.Mark(old.starred(), clean));
        long id = storyId();
        runInBackground(() -> readerMarks.setNote(id, siteId, clean), this::markSaved);
    }

    private void markSaved() {
        marksSaved.set(marksSaved.get() + 1);
    }

    private void putMark(String siteId, ReaderMarks.Mark mark) {
        if (mark.isEmpty()) {
            marks.remove(siteId);
        } else {
            marks.put(siteId, mark);
        }
        marksVersion.set(marksVersion.get() + 1);
        refreshRows();
        select(selection.get().item(), Scroll.NONE);
    }

    // ------------------------------------------------------------------------------------------ scoring

    /**
     * Marks the item's author friend (positive points), foe (negative) or neither (0) on the story's site; the
     * thresholds apply to the adjusted scores at once.
     */
    void setAuthorPoints(int item, int points) {
        StoredStory s = story.get();
        if (s == null || model == null || item < 0 || model.comment(item).author() == null) {
            return;
        }
        String author = model.comment(item).author();
        applyRules(scoreRules.get().withAuthor(s.story().site(), author, points),
                () -> readerMarks.setAuthorPoints(s.story().site(), author, points));
        message.set(points == 0 ? author + " is neither friend nor foe."
                : author + " is a " + (points > 0 ? "friend" : "foe") + " (" + ScoreRules.signed(points) + ").");
    }

    /** Sets an author's points on a site (from the scoring dialog; 0 removes the mark). */
    void setAuthorPoints(io.threadkeep.model.Site site, String author, int points) {
        applyRules(scoreRules.get().withAuthor(site, author, points),
                () -> readerMarks.setAuthorPoints(site, author, points));
    }

    /** Gives a moderation label a bonus (0 removes it). */
    public void setLabelPoints(String label, int points) {
        applyRules(scoreRules.get().withLabel(label, points), () -> readerMarks.setLabelPoints(label, points));
    }

    private void applyRules(ScoreRules rules, Runnable write) {
        scoreRules.set(rules);
        if (model != null) {
            int selected = selection.get().item();
            model.setScoreRules(rules, story.get().story().site());
            refreshRows();
            select(nearestShown(selected), Scroll.IF_NEEDED);
        }
        marksVersion.set(marksVersion.get() + 1);
        runInBackground(write, null);
    }

    /** The selected comment's author and score adjustments, for menus. */
    int authorPointsOfSelected() {
        StoredStory s = story.get();
        int item = selection.get().item();
        return s == null || model == null || item < 0 ? 0
                : scoreRules.get().authorPoints(s.story().site(), model.comment(item).author());
    }

    // ------------------------------------------------------------------------------------------ thread map

    /** Jumps to a top-level thread (from the thread map): expands what hides it, selects it at the top. */
    void jumpTo(int item) {
        if (model == null || item < 0 || item >= model.size()) {
            return;
        }
        if (model.rowOf(item) < 0) {
            model.bringIntoView(item);
            refreshRows();
        }
        select(item, Scroll.TO_TOP);
    }

    /** The current find-in-thread matches (items), for the thread map. */
    int[] findMatches() {
        return findMatches.clone();
    }

    private void runInBackground(Runnable work, Runnable done) {
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                work.run();
                return null;
            }

            @Override
            protected void succeeded() {
                if (done != null) {
                    done.run();
                }
            }

            @Override
            protected void failed() {
                failure.set(getException());
            }
        };
        executor.execute(task);
    }

    // ------------------------------------------------------------------------------------------ find

    void showFind() {
        findVisible.set(true);
    }

    void hideFind() {
        findVisible.set(false);
        findQuery.set("");
        findStatus.set("");
        findMatches = new int[0];
        findIndex = -1;
        if (model != null) {
            requestMap();
        }
    }

    /** Finds comments of this story whose subject, author or text contain the query; selects the first after the selection. */
    void find(String query) {
        findQuery.set(query == null ? "" : query);
        findIndex = -1;
        if (model == null || query == null || query.isBlank()) {
            findMatches = new int[0];
            findStatus.set("");
            refreshRows();
            return;
        }
        String needle = query.strip().toLowerCase(Locale.ROOT);
        int[] found = new int[model.size()];
        int n = 0;
        for (int p = 0; p < model.size(); p++) {
            int item = model.itemAt(p);
            if (matches(model.comment(item), needle)) {
                found[n++] = item;
            }
        }
        findMatches = java.util.Arrays.copyOf(found, n);
        if (n == 0) {
            findStatus.set("No matches");
            refreshRows();
            return;
        }
        findNext();
    }

    private static boolean matches(Comment c, String needle) {
        return contains(c.subject(), needle) || contains(c.author(), needle) || contains(c.text(), needle);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    void findNext() {
        stepFind(1);
    }

    void findPrevious() {
        stepFind(-1);
    }

    private void stepFind(int step) {
        if (model == null || findMatches.length == 0) {
            return;
        }
        if (findIndex < 0) {
            // Start from the selection, so the first match is the one after where the reader is.
            int item = selection.get().item();
            int pos = item < 0 ? -1 : model.sequencePosition(item);
            findIndex = step > 0 ? 0 : findMatches.length - 1;
            for (int k = 0; k < findMatches.length; k++) {
                int idx = step > 0 ? k : findMatches.length - 1 - k;
                int mp = model.sequencePosition(findMatches[idx]);
                if (step > 0 ? mp >= pos : mp <= pos) {
                    findIndex = idx;
                    break;
                }
            }
        } else {
            findIndex = Math.floorMod(findIndex + step, findMatches.length);
        }
        int item = findMatches[findIndex];
        model.bringIntoView(item);
        refreshRows();
        findStatus.set((findIndex + 1) + " of " + findMatches.length);
        select(item, Scroll.IF_NEEDED);
    }

    // ------------------------------------------------------------------------------------------ copy & links

    /** The selected comment's text, or an empty string. */
    String selectedText() {
        int item = selection.get().item();
        if (model == null || item < 0) {
            return "";
        }
        String text = model.comment(item).text();
        return text == null ? "" : text;
    }

    /** The link to the selected comment on its site, or the story's link when there is no comment. */
    String selectedLink() {
        StoredStory s = story.get();
        if (s == null) {
            return "";
        }
        int item = selection.get().item();
        return item < 0 || model == null ? s.story().url() : CommentLinks.link(s.story(), model.comment(item));
    }

    void openSelectedOriginal() {
        String link = selectedLink();
        if (!link.isEmpty()) {
            linkOpener.open(link);
        }
    }

    void openLink(String url) {
        linkOpener.open(url);
    }

    /** Collapses the thread (the top-level comment) that holds the selection. */
    void collapseSelectedThread() {
        int item = selection.get().item();
        if (model == null || item < 0) {
            return;
        }
        int top = item;
        while (model.parent(top) >= 0) {
            top = model.parent(top);
        }
        model.setCollapsed(top, true);
        refreshRows();
        select(top, Scroll.IF_NEEDED);
    }

    /** Whether the story's poster wrote the comment. */
    boolean isByPoster(Comment c) {
        StoredStory s = story.get();
        return s != null && c.author() != null && s.story().author() != null
                && c.author().equalsIgnoreCase(s.story().author());
    }
}
