package io.threadkeep.ui.window;

import io.threadkeep.archiving.RebuildService;
import io.threadkeep.store.SaveResult;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.concurrent.Task;

/**
 * Derives again, in the background, the stories fed by pages an older parser read; the value is the ids of the
 * stories that changed. Reports progress per story and stops between stories when cancelled.
 */
final class RebuildTask extends Task<Set<Long>> {

    private final RebuildService service;

    RebuildTask(RebuildService service) {
        this.service = service;
        updateTitle("Rebuilding threads");
    }

    @Override
    protected Set<Long> call() {
        List<Long> stale = service.staleStories();
        Set<Long> changed = new HashSet<>();
        if (stale.isEmpty()) {
            return changed;
        }
        updateMessage("Rebuilding " + stale.size() + " threads read by an older parser…");
        service.rebuild(stale, new RebuildService.Progress() {
            @Override
            public void rebuilt(int done, int total, long storyId, SaveResult result, String error) {
                if (result != null && result.status() == SaveResult.Status.UPDATED) {
                    changed.add(storyId);
                }
                updateProgress(done, total);
                updateMessage("Rebuilding threads read by an older parser: " + done + " of " + total);
            }

            @Override
            public boolean isCancelled() {
                return RebuildTask.this.isCancelled();
            }
        });
        updateMessage("Rebuilt " + stale.size() + " threads read by an older parser");
        return changed;
    }
}
