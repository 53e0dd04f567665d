package io.threadkeep.ui.thread;

import io.threadkeep.store.ReadingArchive;
import io.threadkeep.store.StoredComment;
import io.threadkeep.store.StoredStory;
import java.util.List;
import java.util.Optional;
import javafx.concurrent.Task;

/**
 * Reads a story and its comments, lays out the rows and reads the bodies of the first screen, all off the FX thread; the view-model applies the result
 * in {@code succeeded()}. The value is null when the story is gone.
 */
class LoadStoryTask extends Task<LoadStoryTask.Loaded> {

    /** What the view-model needs to show the story at once, with the first screen's bodies already read. */
    record Loaded(StoredStory story, ThreadModel model, List<ThreadModel.Row> rows, int targetItem,
                  BodyBlocks bodies) {
    }

    private final ReadingArchive store;
    private final long storyId;
    private final int fullThreshold;
    private final int hideThreshold;
    private final ThreadModel.SortOrder sortOrder;
    private final long targetRowId;
    private final String targetSiteId;

    LoadStoryTask(ReadingArchive store, long storyId, int fullThreshold, int hideThreshold,
                  ThreadModel.SortOrder sortOrder, long targetRowId, String targetSiteId) {
        this.store = store;
        this.storyId = storyId;
        this.fullThreshold = fullThreshold;
        this.hideThreshold = hideThreshold;
        this.sortOrder = sortOrder;
        this.targetRowId = targetRowId;
        this.targetSiteId = targetSiteId;
        updateTitle("Opening story");
    }

    @Override
    protected Loaded call() {
        Optional<StoredStory> story = store.story(storyId);
        if (story.isEmpty()) {
            return null;
        }
        List<StoredComment> comments = store.comments(storyId);
        ThreadModel model = new ThreadModel(comments);
        model.setThresholds(fullThreshold, hideThreshold);
        model.setSortOrder(sortOrder);
        int target = -1;
        if (targetSiteId != null) {
            target = model.itemOfId(targetSiteId);
        } else if (targetRowId >= 0) {
            target = model.itemOfRowId(targetRowId);
        }
        if (target >= 0) {
            model.bringIntoView(target);
        }
        List<ThreadModel.Row> rows = model.rows();
        BodyBlocks bodies = new BodyBlocks(model);
        int firstRow = target >= 0 ? Math.max(0, model.rowOf(target)) : 0;
        bodies.readNow(rows, firstRow - BodyBlocks.BEHIND, firstRow + BodyBlocks.AHEAD);
        store.markOpened(storyId);
        return new Loaded(story.get(), model, rows, target, bodies);
    }
}
