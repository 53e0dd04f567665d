package io.threadkeep.ui.window;

import io.threadkeep.store.ReadingArchive;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.concurrent.Task;

/**
 * Decides, off the FX thread, what the window opens with when it was given nothing to open: the story read last if
 * the archive still has it, else on a first run with an empty archive the sample pages (written to files here, since
 * that is disk work too), else nothing (the window then opens the newest story once the library has loaded).
 */
final class StartTask extends Task<StartTask.Opening> {

    /**
     * What to open.
     *
     * @param lastStory the story read last, or -1
     * @param samples   the sample pages to import on a first run (possibly empty), or null when this is no first run
     */
    record Opening(long lastStory, List<Path> samples) {
    }

    private final ReadingArchive store;
    private final long lastStory;
    private final boolean sampleOffered;
    private final Supplier<List<Path>> samplePages;

    StartTask(ReadingArchive store, long lastStory, boolean sampleOffered, Supplier<List<Path>> samplePages) {
        this.store = store;
        this.lastStory = lastStory;
        this.sampleOffered = sampleOffered;
        this.samplePages = samplePages;
        updateTitle("Opening the archive");
    }

    @Override
    protected Opening call() {
        if (lastStory >= 0 && store.story(lastStory).isPresent()) {
            return new Opening(lastStory, null);
        }
        if (!sampleOffered && !store.hasStories()) {
            return new Opening(-1, samplePages.get());
        }
        return new Opening(-1, null);
    }
}
