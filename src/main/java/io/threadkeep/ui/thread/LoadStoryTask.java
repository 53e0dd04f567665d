package io.threadkeep.ui.thread;

import io.threadkeep.model.ScoreRules;
import io.threadkeep.store.ReadingArchive;
import io.threadkeep.store.ReaderMarks;
import io.threadkeep.store.StoredComment;
import io.threadkeep.store.StoredStory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.concurrent.Task;

/**
 * Reads a story and its comments, lays out the rows and reads the bodies of the first screen, all off the FX thread; the view-model applies the result
 * in {@code succeeded()}. The value is null when the story is gone.
 */
class LoadStoryTask extends Task<LoadStoryTask.Loaded> {

    /** What the view-model needs to show the story at once, with the first screen's bodies already read. */
    record Loaded(StoredStory story, ThreadModel model, List<ThreadModel.Row> rows, int targetItem,
                  Map<String, ReaderMarks.Mark> marks, ScoreRules rules, BodyBlocks bodies) {
    }

    private final ReadingArchive store;
    private final long storyId;
    private final int fullThreshold;
    private final int hideThreshold;
    private final ThreadModel.SortOrder sortOrder;
    private final long targetRowId;
    private final String targetSiteId;
    private final ReaderMarks readerMarks;
    private final boolean resume;
    private final String knownPosition;

    /**
     * @param resume        whether to open at the comment the reader was at when they last left the story (when
     *                      no target is given)
     * @param knownPosition that comment's site id when this session left the story (its write to the archive may
     *                      still be queued), or null to read it from the archive
     */
    LoadStoryTask(ReadingArchive store, ReaderMarks readerMarks, long storyId, int fullThreshold, int hideThreshold,
                  ThreadModel.SortOrder sortOrder, long targetRowId, String targetSiteId, boolean resume,
                  String knownPosition) {
        this.knownPosition = knownPosition;
        this.store = store;
        this.readerMarks = readerMarks;
        this.resume = resume;
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
        ScoreRules rules = readerMarks.scoreRules();
        model.setScoreRules(rules, story.get().story().site());
        model.setThresholds(fullThreshold, hideThreshold);
        model.setSortOrder(sortOrder);
        int target = -1;
        if (targetSiteId != null) {
            target = model.itemOfId(targetSiteId);
        } else if (targetRowId >= 0) {
            target = model.itemOfRowId(targetRowId);
        } else if (resume) {
            String position = knownPosition != null ? knownPosition
                    : readerMarks.lastReadComment(storyId).orElse(null);
            target = position == null ? -1 : model.itemOfId(position);
        }
        if (target >= 0) {
            model.bringIntoView(target);
        }
        List<ThreadModel.Row> rows = model.rows();
        BodyBlocks bodies = new BodyBlocks(model);
        int firstRow = target >= 0 ? Math.max(0, model.rowOf(target)) : 0;
        bodies.readNow(rows, firstRow - BodyBlocks.BEHIND, firstRow + BodyBlocks.AHEAD);
        store.markOpened(storyId);
        return new Loaded(story.get(), model, rows, target, readerMarks.marks(storyId), rules, bodies);
    }
}
