package io.threadkeep.ui.export;

import io.threadkeep.export.ExportFormat;
import io.threadkeep.export.ExportStory;
import io.threadkeep.export.Exporter;
import io.threadkeep.archiving.ExportService;
import io.threadkeep.store.ArchiveCare;
import io.threadkeep.store.ArchiveStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The window's export, backup and check: each a background task on the window's executor that reports progress and
 * can be cancelled; what it did reaches {@link #messageProperty()} on the FX thread. Holds no controls.
 */
public final class ArchiveActionsModel {

    private final ArchiveStore store;
    private final ExportService exports;
    private final Executor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(false);
    private Task<?> current;

    public ArchiveActionsModel(ArchiveStore store, Executor executor) {
        this.store = store;
        this.exports = new ExportService(store);
        this.executor = executor;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the last job did, or why it failed; one line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the last message reports a problem. */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Where an export of one story goes by default: its usual file name in {@code folder}. */
    public Path defaultStoryTarget(long storyId, ExportFormat format, Path folder) {
        return exports.story(storyId, false).map(s -> folder.resolve(Exporter.fileName(s, format)))
                .orElse(folder.resolve("story-" + storyId + "." + format.extension()));
    }

    /** Exports a story to {@code target}: a file, or a folder in which it gets its usual name. */
    public Task<List<Path>> exportStory(long storyId, ExportFormat format, Path target, boolean withNotes) {
        return run(new Task<>() {
            @Override
            protected List<Path> call() throws Exception {
                updateMessage("Exporting…");
                ExportStory story = exports.story(storyId, withNotes)
                        .orElseThrow(() -> new IllegalStateException("the story is no longer in the archive"));
                Path file = Files.isDirectory(target) ? target.resolve(Exporter.fileName(story, format)) : target;
                ExportService.writeFile(file, Exporter.write(format, story));
                updateProgress(1, 1);
                return List.of(file);
            }
        }, files -> "Exported to " + files.get(0));
    }

    /**
     * Exports what a search matches: one file for JSON and mbox ({@code target} a file), one file per story in the
     * folder {@code target} for Markdown and HTML.
     */
    public Task<List<Path>> exportSearch(String query, ExportFormat format, Path target, boolean withNotes) {
        return run(new Task<>() {
            @Override
            protected List<Path> call() throws Exception {
                updateMessage("Searching…");
                ExportService.Selection found = exports.search(query, withNotes);
                if (found.problem() != null) {
                    throw new IllegalArgumentException(found.problem());
                }
                List<ExportStory> stories = found.stories();
                if (format.manyStoriesInOneFile()) {
                    ExportService.writeFile(target, Exporter.write(format, stories, true));
                    updateProgress(1, 1);
                    return List.of(target);
                }
                return exports.writeFiles(format, stories, target, new ExportService.Progress() {
                    @Override
                    public void wrote(int done, int total, Path file) {
                        updateProgress(done, total);
                        updateMessage("Exported " + done + " of " + total + " stories…");
                    }

                    @Override
                    public boolean isCancelled() {
                        return ArchiveActionsModel.this.isCancelled();
                    }
                });
            }
        }, files -> files.size() == 1 ? "Exported to " + files.get(0)
                : "Exported " + files.size() + " stories to " + target);
    }

    /** Writes a consistent copy of the archive to {@code target}. */
    public Task<Long> backup(Path target) {
        return run(new Task<>() {
            @Override
            protected Long call() {
                updateMessage("Backing up the archive…");
                updateProgress(-1, 1);
                long bytes = ArchiveCare.backup(store.path(), target);
                updateProgress(1, 1);
                return bytes;
            }
        }, bytes -> String.format(Locale.ROOT, "Backed up the archive to %s (%.1f MB)", target, bytes / 1e6));
    }

    /**
     * Records that the window has the archive open; when the previous session did not close it cleanly, runs
     * SQLite's quick check and the index checks in the background and reports what they found.
     */
    public void checkIfLastSessionWasUnclean() {
        Task<List<ArchiveCare.Finding>> task = new Task<>() {
            @Override
            protected List<ArchiveCare.Finding> call() {
                if (!ArchiveCare.beginSession(store)) {
                    return null;
                }
                updateMessage("Checking the archive (the last session did not close it)…");
                return ArchiveCare.check(store.path(), true, this::isCancelled);
            }
        };
        run(task, this::describe);
    }

    /** Runs the full check (integrity, indexes, page hashes). */
    public Task<List<ArchiveCare.Finding>> check() {
        return run(new Task<>() {
            @Override
            protected List<ArchiveCare.Finding> call() {
                updateMessage("Checking the archive…");
                return ArchiveCare.check(store.path(), false, this::isCancelled);
            }
        }, this::describe);
    }

    /** Records a clean close; call before the archive closes. */
    public void sessionEnded() {
        ArchiveCare.endSession(store);
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    private boolean isCancelled() {
        return current != null && current.isCancelled();
    }

    private String describe(List<ArchiveCare.Finding> findings) {
        if (findings == null) {
            return "";
        }
        List<ArchiveCare.Finding> problems = findings.stream().filter(ArchiveCare.Finding::problem).toList();
        if (problems.isEmpty()) {
            return "Archive check: everything is in order.";
        }
        return "Archive check found " + problems.size() + " problem(s): " + problems.get(0).line()
                + " — run 'threadkeep check' for all of them.";
    }

    private <T> Task<T> run(Task<T> task, java.util.function.Function<T, String> done) {
        current = task;
        running.set(true);
        problem.set(false);
        progress.bind(task.progressProperty());
        message.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            finish();
            String text = done.apply(task.getValue());
            message.set(text);
            problem.set(text.startsWith("Archive check found"));
        });
        task.setOnFailed(e -> {
            finish();
            Throwable t = task.getException();
            message.set("Failed: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
            problem.set(true);
        });
        task.setOnCancelled(e -> {
            finish();
            message.set("Cancelled.");
        });
        executor.execute(task);
        return task;
    }

    private void finish() {
        progress.unbind();
        message.unbind();
        running.set(false);
    }
}
