package io.threadkeep.ui.search;

import io.threadkeep.model.Site;
import io.threadkeep.search.Filters;
import io.threadkeep.search.SearchContext;
import io.threadkeep.search.SearchHit;
import io.threadkeep.search.SearchOutcome;
import io.threadkeep.search.SearchQuery;
import io.threadkeep.search.SearchService;
import io.threadkeep.search.SortOrder;
import io.threadkeep.store.AuthorStats;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.util.Duration;

/**
 * The search pane's state and commands, without any view. Inputs are the query text, the sort order and the story
 * the window shows; everything else is read-only and changes on the FX thread only. Searches run as tasks on the
 * injected executor, started a moment after the last keystroke; a newer query cancels the running one, whose
 * result is then dropped.
 */
public final class SearchViewModel {

    /** Results per page; "more" fetches the next page. */
    static final int PAGE = 50;

    private final SearchService service;
    private final Executor executor;
    private final Consumer<SearchHit> opener;
    private final PauseTransition debounce;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObjectProperty<SortOrder> sort = new SimpleObjectProperty<>(this, "sort", SortOrder.RELEVANCE);
    private final ObjectProperty<Long> currentStoryId = new SimpleObjectProperty<>(this, "currentStoryId");
    private final javafx.beans.property.BooleanProperty adjustedScores =
            new javafx.beans.property.SimpleBooleanProperty(this, "adjustedScores", true);

    private final ReadOnlyListWrapper<SearchHit> results =
            new ReadOnlyListWrapper<>(this, "results", FXCollections.observableArrayList());
    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(this, "selectedIndex", -1);
    private final ReadOnlyObjectWrapper<SearchHit> selectedHit = new ReadOnlyObjectWrapper<>(this, "selectedHit");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<AuthorStats> author = new ReadOnlyObjectWrapper<>(this, "author");

    private Task<?> running;
    /** The query whose results the list shows, for "more". */
    private SearchQuery shown;
    /** The search results as they were when an author view opened, restored by {@link #closeAuthor()}. */
    private Snapshot beforeAuthor;

    private record Snapshot(List<SearchHit> hits, boolean more, String status, boolean problem, int selected,
                            SearchQuery query) {
    }

    /**
     * @param service  the archive search
     * @param executor where searches run (never the FX thread)
     * @param opener   opens a result in the reader: its story, at its comment ({@link SearchHit#commentId()} is null
     *                 for a story-level result)
     */
    public SearchViewModel(SearchService service, Executor executor, Consumer<SearchHit> opener) {
        this(service, executor, opener, SearchPane.TYPING_PAUSE);
    }

    SearchViewModel(SearchService service, Executor executor, Consumer<SearchHit> opener, Duration delay) {
        this.service = Objects.requireNonNull(service);
        this.executor = Objects.requireNonNull(executor);
        this.opener = Objects.requireNonNull(opener);
        this.debounce = new PauseTransition(delay);
        debounce.setOnFinished(e -> searchNow());
        query.addListener((o, was, now) -> queryChanged());
        sort.addListener((o, was, now) -> queryChanged());
        adjustedScores.addListener((o, was, now) -> {
            if (query.get() != null && query.get().contains("score:")) {
                queryChanged();
            }
        });
        currentStoryId.addListener((o, was, now) -> {
            // Only a query about the current story depends on which story that is.
            if (query.get() != null && query.get().contains("in:")) {
                queryChanged();
            }
        });
        selectedIndex.addListener((o, was, now) -> selectedHit.set(
                now.intValue() >= 0 && now.intValue() < results.size() ? results.get(now.intValue()) : null));
    }

    // ------------------------------------------------------------------------------------------------ inputs

    StringProperty queryProperty() {
        return query;
    }

    ObjectProperty<SortOrder> sortProperty() {
        return sort;
    }

    ObjectProperty<Long> currentStoryIdProperty() {
        return currentStoryId;
    }

    /** Whether score: compares the reader's adjusted scores (the default) or the scores the pages showed. */
    javafx.beans.property.BooleanProperty adjustedScoresProperty() {
        return adjustedScores;
    }

    // ------------------------------------------------------------------------------------------------ outputs

    ReadOnlyListProperty<SearchHit> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<SearchHit> selectedHitProperty() {
        return selectedHit.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    /** One line for the user: how many results, what was ignored, or why nothing was searched. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the status explains a query that could not be run. */
    ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The author whose comments the list shows, or null when it shows search results. */
    ReadOnlyObjectProperty<AuthorStats> authorProperty() {
        return author.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------------------------------------ commands

    /** Selects a result without opening it (-1 clears the selection). */
    void select(int index) {
        selectedIndex.set(index >= 0 && index < results.size() ? index : -1);
    }

    /** Opens the result at {@code index} in the reader. */
    void open(int index) {
        if (index < 0 || index >= results.size()) {
            return;
        }
        selectedIndex.set(index);
        opener.accept(results.get(index));
    }

    /** Opens the selected result, or the first when none is selected. */
    void openSelected() {
        open(selectedIndex.get() >= 0 ? selectedIndex.get() : 0);
    }

    /** Opens the next result without going back to the list. */
    void next() {
        if (selectedIndex.get() + 1 < results.size()) {
            open(selectedIndex.get() + 1);
        }
    }

    /** Opens the previous result. */
    void previous() {
        if (selectedIndex.get() > 0) {
            open(selectedIndex.get() - 1);
        }
    }

    boolean hasNext() {
        return selectedIndex.get() + 1 < results.size();
    }

    boolean hasPrevious() {
        return selectedIndex.get() > 0;
    }

    /** Runs the current query now rather than after the typing pause. */
    void searchNow() {
        debounce.stop();
        if (author.get() != null) {
            author.set(null);
            beforeAuthor = null;
        }
        String text = query.get() == null ? "" : query.get();
        if (text.isBlank()) {
            cancelRunning();
            shown = null;
            show(List.of(), false, "", false);
            return;
        }
        SearchContext context = new SearchContext(currentStoryId.get(), adjustedScores.get());
        SortOrder order = sort.get();
        start(() -> service.search(text, context, order, 0, PAGE), outcome -> showOutcome(outcome, false));
    }

    /** Fetches the next page of the list shown (search results or an author's comments). */
    void loadMore() {
        if (shown == null || !hasMore.get() || busy.get()) {
            return;
        }
        SearchQuery q = shown;
        int offset = results.size();
        start(() -> service.run(q, offset, PAGE), outcome -> showOutcome(outcome, true));
    }

    /** Shows every comment of an author, newest first, with their numbers. */
    void showAuthor(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        if (author.get() == null) {
            beforeAuthor = new Snapshot(List.copyOf(results), hasMore.get(), status.get(), problem.get(),
                    selectedIndex.get(), shown);
        }
        SearchQuery byAuthor = authorQuery(name.strip());
        start(() -> new AuthorPage(service.author(name), service.run(byAuthor, 0, PAGE)), page -> {
            if (page.stats().isEmpty()) {
                show(List.of(), false, "No saved comments by " + name.strip() + ".", true);
                author.set(null);
                return;
            }
            author.set(page.stats().get());
            showOutcome(page.comments(), false);
        });
    }

    /** Leaves the author view, back to the search results as they were. */
    void closeAuthor() {
        if (author.get() == null) {
            return;
        }
        cancelRunning();
        author.set(null);
        Snapshot s = beforeAuthor;
        beforeAuthor = null;
        if (s == null) {
            searchNow();
            return;
        }
        shown = s.query();
        show(s.hits(), s.more(), s.status(), s.problem());
        select(s.selected());
    }

    /** Stops any pending or running search (the window is closing or the pane is hidden). */
    void dispose() {
        debounce.stop();
        cancelRunning();
    }

    // ------------------------------------------------------------------------------------------------ internals

    private record AuthorPage(Optional<AuthorStats> stats, SearchOutcome comments) {
    }

    private static SearchQuery authorQuery(String name) {
        Filters f = Filters.NONE;
        Filters byAuthor = new Filters(List.of(name), f.excludedAuthors(), List.<Site>of(), f.excludedSites(),
                f.labels(), f.excludedLabels(), null, null, f.storyWords(), null, null, null, null, null);
        return new SearchQuery(List.of(), List.of(), byAuthor, SortOrder.NEWEST, List.of(), null);
    }

    private void queryChanged() {
        // What is running answers a query that no longer stands: drop it now, not when the next one starts.
        cancelRunning();
        debounce.playFromStart();
    }

    private <T> void start(java.util.concurrent.Callable<T> work, Consumer<T> done) {
        cancelRunning();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            if (running == task) {
                running = null;
                busy.set(false);
                done.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (running == task) {
                running = null;
                busy.set(false);
                Throwable t = task.getException();
                show(List.of(), false, "The search failed: " + (t == null || t.getMessage() == null
                        ? String.valueOf(t) : t.getMessage().lines().findFirst().orElse("")), true);
            }
        });
        running = task;
        busy.set(true);
        executor.execute(task);
    }

    private void cancelRunning() {
        if (running != null) {
            // Not interrupted: the archive call finishes on its own; its result is dropped because it is stale.
            running.cancel(false);
            running = null;
            busy.set(false);
        }
    }

    private void showOutcome(SearchOutcome outcome, boolean append) {
        if (!outcome.ran()) {
            shown = null;
            show(List.of(), false, outcome.problem(), true);
            return;
        }
        shown = outcome.query();
        List<SearchHit> hits = outcome.hits();
        if (append) {
            results.addAll(hits);
            hasMore.set(outcome.hasMore());
        } else {
            show(hits, outcome.hasMore(), "", false);
        }
        StringBuilder line = new StringBuilder();
        int n = results.size();
        line.append(n == 0 ? "No results." : n + (outcome.hasMore() ? "+" : "") + (n == 1 ? " result." : " results."));
        for (String note : outcome.notes()) {
            line.append(' ').append(note);
        }
        status.set(line.toString());
        problem.set(false);
    }

    private void show(List<SearchHit> hits, boolean more, String message, boolean isProblem) {
        selectedIndex.set(-1);
        results.setAll(hits);
        hasMore.set(more);
        status.set(message);
        problem.set(isProblem);
    }
}
