package io.threadkeep.ui.library;

import io.threadkeep.store.ReadingArchive;
import io.threadkeep.store.ReaderMarks;
import io.threadkeep.store.StorySummary;
import io.threadkeep.ui.common.UiSettings;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.concurrent.Task;

/**
 * The library: every story of the archive, filtered as the reader types and sorted by the chosen key. Loads and
 * deletes run on the background executor; refreshes asked for while one runs are folded into one more.
 */
public final class LibraryViewModel {

    /** What the library is sorted by. */
    public enum SortKey {
        DATE("Newest"), TITLE("Title"), COMMENTS("Most comments"), LAST_READ("Recently read");

        private final String label;

        SortKey(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final String SETTING_SORT = "library.sort";

    private final ReadingArchive store;
    private final Executor executor;
    private final UiSettings settings;
    private final ObservableList<StorySummary> all = FXCollections.observableArrayList();
    private final FilteredList<StorySummary> filtered = new FilteredList<>(all);
    private final SortedList<StorySummary> sorted = new SortedList<>(filtered);
    private final ObservableList<StorySummary> visible = FXCollections.unmodifiableObservableList(sorted);
    private final ReadOnlyStringWrapper filter = new ReadOnlyStringWrapper(this, "filter", "");
    private final ReadOnlyObjectWrapper<SortKey> sortKey = new ReadOnlyObjectWrapper<>(this, "sortKey");
    private final ReadOnlyLongWrapper selectedStoryId = new ReadOnlyLongWrapper(this, "selectedStoryId", -1);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private boolean refreshRunning;
    private boolean refreshAgain;
    private LongConsumer onDeleted = id -> { };
    private final ReaderMarks readerMarks;
    private volatile java.util.Map<Long, ReaderMarks.DateClues> dateClues = java.util.Map.of();
    private final ObservableList<ReaderMarks.Marked> marked = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper showingMarked = new ReadOnlyBooleanWrapper(this, "showingMarked");
    private java.util.function.Consumer<ReaderMarks.Marked> onOpenMarked = m -> { };
    private boolean markedRunning;
    private boolean markedAgain;

    public LibraryViewModel(ReadingArchive store, Executor executor, UiSettings settings) {
        this.store = store;
        this.executor = executor;
        this.settings = settings;
        this.readerMarks = store.readerMarks();
        SortKey key;
        try {
            key = SortKey.valueOf(settings.get(SETTING_SORT, SortKey.DATE.name()));
        } catch (IllegalArgumentException e) {
            key = SortKey.DATE;
        }
        sortKey.set(key);
        sorted.setComparator(comparator(key, this::clues));
        filtered.predicateProperty().addListener(o -> updateCount());
        all.addListener((javafx.collections.ListChangeListener<StorySummary>) c -> updateCount());
    }

    public ObservableList<StorySummary> stories() {
        return visible;
    }

    /** Every story, unfiltered. */
    public List<StorySummary> allStories() {
        return List.copyOf(all);
    }

    public ReadOnlyStringProperty filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SortKey> sortKeyProperty() {
        return sortKey.getReadOnlyProperty();
    }

    /** The story the reader picked in the library, or -1. */
    public ReadOnlyLongProperty selectedStoryIdProperty() {
        return selectedStoryId.getReadOnlyProperty();
    }

    /** True once the first load finished. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** "12 stories", or "3 of 12 stories" while filtering. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Told the id of each story deleted through the library. */
    public void setOnDeleted(LongConsumer onDeleted) {
        this.onDeleted = onDeleted;
    }

    public void setFilter(String text) {
        String value = text == null ? "" : text;
        filter.set(value);
        String[] words = value.toLowerCase(Locale.ROOT).trim().split("\\s+");
        if (value.isBlank()) {
            filtered.setPredicate(null);
        } else {
            filtered.setPredicate(s -> {
                String hay = ((s.title() == null ? "" : s.title()) + " " + s.site().displayName() + " "
                        + (s.url() == null ? "" : s.url())).toLowerCase(Locale.ROOT);
                for (String word : words) {
                    if (!hay.contains(word)) {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    public void setSortKey(SortKey key) {
        if (key == null) {
            return;
        }
        sortKey.set(key);
        sorted.setComparator(comparator(key, this::clues));
        settings.put(SETTING_SORT, key.name());
    }

    /** The reader picked a story (or -1 for none). */
    public void select(long storyId) {
        selectedStoryId.set(storyId);
    }

    /**
     * Counts comments of a story as read without asking the archive again (it was just told), so reading a big
     * thread does not make the library reload.
     *
     * @param newlyRead how many of its comments became read, or -1 for all of them
     */
    public void storyRead(long storyId, int newlyRead) {
        replace(storyId, s -> new StorySummary(s.id(), s.site(), s.title(), s.url(), s.posted(), s.commentCount(),
                s.declaredComments(), newlyRead < 0 ? 0 : Math.max(0, s.unreadCount() - newlyRead), s.lastRead(),
                s.lastImported()));
    }

    /** Notes that a story was opened now (for sorting by last read). */
    public void storyOpened(long storyId, Instant when) {
        replace(storyId, s -> new StorySummary(s.id(), s.site(), s.title(), s.url(), s.posted(), s.commentCount(),
                s.declaredComments(), s.unreadCount(), when, s.lastImported()));
    }

    private void replace(long storyId, java.util.function.UnaryOperator<StorySummary> change) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == storyId) {
                all.set(i, change.apply(all.get(i)));
                return;
            }
        }
    }

    /** What the archive knows towards dating a story without a posted date (null when it has one). */
    public ReaderMarks.DateClues clues(long storyId) {
        return dateClues.get(storyId);
    }

    /**
     * The story's unread count as the library holds it: the one number the badge and the story header show. It
     * follows read marks as they are written. -1 while the library does not list the story.
     */
    public javafx.beans.binding.IntegerBinding unreadCountOf(long storyId) {
        return javafx.beans.binding.Bindings.createIntegerBinding(() -> {
            for (StorySummary s : all) {
                if (s.id() == storyId) {
                    return s.unreadCount();
                }
            }
            return -1;
        }, all);
    }

    // ------------------------------------------------------------------------------------------ starred

    /** Starred and annotated comments across stories, most recently marked first. */
    public ObservableList<ReaderMarks.Marked> marked() {
        return marked;
    }

    /** True while the library shows starred comments instead of stories. */
    public ReadOnlyBooleanProperty showingMarkedProperty() {
        return showingMarked.getReadOnlyProperty();
    }

    public void showMarked(boolean value) {
        showingMarked.set(value);
        if (value) {
            refreshMarked();
        }
    }

    /** Called with a starred comment the reader picked; the window opens its story at it. */
    public void setOnOpenMarked(java.util.function.Consumer<ReaderMarks.Marked> opener) {
        this.onOpenMarked = opener;
    }

    public void openMarked(ReaderMarks.Marked m) {
        if (m != null) {
            onOpenMarked.accept(m);
        }
    }

    /** Reloads the starred list; requests while one runs fold into one more. */
    public void refreshMarked() {
        if (markedRunning) {
            markedAgain = true;
            return;
        }
        markedRunning = true;
        Task<List<ReaderMarks.Marked>> task = new Task<>() {
            @Override
            protected List<ReaderMarks.Marked> call() {
                return readerMarks.marked();
            }

            @Override
            protected void succeeded() {
                marked.setAll(getValue());
                finished();
            }

            @Override
            protected void failed() {
                failure.set(getException());
                finished();
            }

            private void finished() {
                markedRunning = false;
                if (markedAgain) {
                    markedAgain = false;
                    refreshMarked();
                }
            }
        };
        executor.execute(task);
    }

    /** Reloads the list from the archive. */
    public void refresh() {
        if (refreshRunning) {
            refreshAgain = true;
            return;
        }
        refreshRunning = true;
        Task<List<StorySummary>> task = new Task<>() {
            @Override
            protected List<StorySummary> call() {
                List<StorySummary> stories = store.listStories();
                dateClues = readerMarks.undatedStoryClues();
                return stories;
            }

            @Override
            protected void succeeded() {
                all.setAll(getValue());
                if (showingMarked.get()) {
                    refreshMarked();
                }
                loaded.set(true);
                finished();
            }

            @Override
            protected void failed() {
                failure.set(getException());
                finished();
            }

            private void finished() {
                refreshRunning = false;
                if (refreshAgain) {
                    refreshAgain = false;
                    refresh();
                }
            }
        };
        executor.execute(task);
    }

    /** Deletes a story from the archive (the view asked the reader first). */
    public void delete(long storyId) {
        Task<Boolean> task = new Task<>() {
            @Override
            protected Boolean call() {
                return store.deleteStory(storyId);
            }

            @Override
            protected void succeeded() {
                all.removeIf(s -> s.id() == storyId);
                if (selectedStoryId.get() == storyId) {
                    selectedStoryId.set(-1);
                }
                onDeleted.accept(storyId);
            }

            @Override
            protected void failed() {
                failure.set(getException());
            }
        };
        executor.execute(task);
    }

    private void updateCount() {
        int total = all.size();
        int shown = filtered.size();
        String noun = total == 1 ? " story" : " stories";
        countText.set(shown == total ? total + noun : shown + " of " + total + noun);
    }

    static Comparator<StorySummary> comparator(SortKey key,
                                               java.util.function.LongFunction<ReaderMarks.DateClues> clues) {
        Comparator<StorySummary> byDate = Comparator.comparing(
                (StorySummary s) -> StoryDates.of(s, clues.apply(s.id()), java.time.ZoneOffset.UTC).sortKey(),
                Comparator.nullsLast(Comparator.reverseOrder()));
        return switch (key) {
            case DATE -> byDate.thenComparing(StorySummary::id, Comparator.reverseOrder());
            case TITLE -> Comparator.comparing((StorySummary s) -> s.title() == null ? "" : s.title(),
                    String.CASE_INSENSITIVE_ORDER).thenComparing(byDate);
            case COMMENTS -> Comparator.comparingInt(StorySummary::commentCount).reversed().thenComparing(byDate);
            case LAST_READ -> Comparator.comparing(StorySummary::lastRead,
                    Comparator.nullsLast(Comparator.<Instant>reverseOrder())).thenComparing(byDate);
        };
    }

}
