package io.threadkeep.ui.importing;

import io.threadkeep.archiving.FileResult;
import io.threadkeep.archiving.ImportService;
import io.threadkeep.archiving.ImportStatus;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Imports started from the window (chooser, drag and drop, command line): progress while running, then a summary
 * with the reason for every page that was skipped or failed.
 */
public final class ImportViewModel {

    private final ImportService service;
    private final Executor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper panelShown = new ReadOnlyBooleanWrapper(this, "panelShown");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<FileResult> results = FXCollections.observableArrayList();
    private final ObservableList<FileResult> resultsView = FXCollections.unmodifiableObservableList(results);
    private ImportTask current;
    private Consumer<List<FileResult>> onProgress = r -> { };
    private Consumer<List<FileResult>> onFinished = r -> { };

    public ImportViewModel(ImportService service, Executor executor) {
        this.service = service;
        this.executor = executor;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether the import panel (progress, then summary) is showing. */
    public ReadOnlyBooleanProperty panelShownProperty() {
        return panelShown.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "Imported 2 · updated 1 · unchanged 0 · skipped 1 · failed 0", once finished. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Every page's result, as they come. */
    public ObservableList<FileResult> results() {
        return resultsView;
    }

    /** Told the results so far each time a page was stored (the library refreshes from it). */
    public void setOnProgress(Consumer<List<FileResult>> onProgress) {
        this.onProgress = onProgress;
    }

    /** Told all results once an import ends (finished or cancelled). */
    public void setOnFinished(Consumer<List<FileResult>> onFinished) {
        this.onFinished = onFinished;
    }

    /** Starts importing the given files and folders; ignored while another import runs. */
    public void importPaths(List<Path> paths) {
        if (paths == null || paths.isEmpty() || running.get()) {
            return;
        }
        ImportTask task = new ImportTask(service, paths) {
            @Override
            protected void succeeded() {
                finish(this, getValue(), stopRequested());
            }

            @Override
            protected void cancelled() {
                finish(this, resultsSoFar(), true);
            }

            @Override
            protected void failed() {
                finish(this, resultsSoFar(), false);
                Throwable e = getException();
                summary.set("The import stopped: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()));
            }
        };
        current = task;
        results.clear();
        summary.set("");
        running.set(true);
        panelShown.set(true);
        progress.bind(task.progressProperty());
        message.bind(task.messageProperty());
        task.valueProperty().addListener((obs, old, soFar) -> {
            if (soFar != null && task == current) {
                results.setAll(soFar);
                onProgress.accept(soFar);
            }
        });
        executor.execute(task);
    }

    /** Stops the running import after the current file. */
    public void cancel() {
        if (current != null && running.get()) {
            current.requestStop();
        }
    }

    /** Hides the summary. */
    public void dismiss() {
        if (!running.get()) {
            panelShown.set(false);
        }
    }

    private void finish(ImportTask task, List<FileResult> all, boolean cancelled) {
        if (task != current) {
            return;
        }
        progress.unbind();
        message.unbind();
        progress.set(1);
        message.set("");
        results.setAll(all);
        summary.set(summarize(all) + (cancelled ? " — cancelled" : ""));
        running.set(false);
        onFinished.accept(all);
    }

    /** The counts of each outcome, in the order the reader cares about. */
    static String summarize(List<FileResult> all) {
        Map<ImportStatus, Integer> counts = new EnumMap<>(ImportStatus.class);
        for (ImportStatus s : ImportStatus.values()) {
            counts.put(s, 0);
        }
        for (FileResult r : all) {
            counts.merge(r.status(), 1, Integer::sum);
        }
        return "Imported " + counts.get(ImportStatus.IMPORTED)
                + " · updated " + counts.get(ImportStatus.UPDATED)
                + " · unchanged " + counts.get(ImportStatus.UNCHANGED)
                + " · skipped " + counts.get(ImportStatus.SKIPPED)
                + " · failed " + counts.get(ImportStatus.FAILED);
    }
}
