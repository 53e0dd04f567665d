package io.threadkeep.ui.importing;

import io.threadkeep.archiving.FileResult;
import io.threadkeep.archiving.ImportListener;
import io.threadkeep.archiving.ImportService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;

/**
 * Imports files and folders through the {@link ImportService}. Progress and message follow the files; the value
 * is the results so far, so the window can refresh the library while the import goes on. {@link #requestStop()}
 * stops it after the file being imported, which still ends normally with what was done (a page is never cut in
 * the middle of its transaction).
 */
class ImportTask extends Task<List<FileResult>> {

    private final ImportService service;
    private final List<Path> paths;
    private final List<FileResult> results = new ArrayList<>();
    private volatile boolean stopRequested;

    ImportTask(ImportService service, List<Path> paths) {
        this.service = service;
        this.paths = List.copyOf(paths);
        updateTitle("Importing saved pages");
    }

    @Override
    protected List<FileResult> call() {
        updateMessage("Looking for pages…");
        updateProgress(-1, 1);
        service.importPaths(paths, new ImportListener() {
            @Override
            public void starting(int index, int total, String file) {
                updateProgress(index, total);
                updateMessage("Importing " + (index + 1) + " of " + total + ": " + fileName(file));
            }

            @Override
            public void finished(FileResult result) {
                synchronized (results) {
                    results.add(result);
                    updateValue(List.copyOf(results));
                }
            }

            @Override
            public boolean isCancelled() {
                return stopRequested || ImportTask.this.isCancelled();
            }
        });
        synchronized (results) {
            updateProgress(1, 1);
            return List.copyOf(results);
        }
    }

    /** Asks the import to stop after the current file. */
    void requestStop() {
        stopRequested = true;
        updateMessage("Stopping after the current file…");
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** The results gathered so far (also after a cancel). */
    List<FileResult> resultsSoFar() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    private static String fileName(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return slash < 0 ? file : file.substring(slash + 1);
    }
}
