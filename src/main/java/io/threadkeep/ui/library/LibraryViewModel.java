package io.threadkeep.ui.library;

import io.threadkeep.store.ReadingArchive;
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
        DATE("Newest"), TITLE("Title"), COMMENTS("Most comments"), LAST_READ("Last read");

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

    public LibraryViewModel(ReadingArchive store, Executor executor, UiSettings settings) {
        this.store = store;
        this.executor = executor;
        this.settings = settings;
        SortKey key;
        try {
            key = SortKey.valueOf(settings.get(SETTING_SORT, SortKey.DATE.name()));
        } catch (IllegalArgumentException e) {
            key = SortKey.DATE;
        }
        sortKey.set(key);
        sorted.setComparator(comparator(key));
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
        sorted.setComparator(comparator(key));
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
                return store.listStories();
            }

            @Override
            protected void succeeded() {
                all.setAll(getValue());
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

    static Comparator<StorySummary> comparator(SortKey key) {
        Comparator<StorySummary> byDate = Comparator.comparing(LibraryViewModel::when,
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

    private static Instant when(StorySummary s) {
        return s.posted() != null ? s.posted() : s.lastImported();
    }
}
