package io.threadkeep.archiving;

/** Hears about an import's progress; called on the importing thread. */
public interface ImportListener {

    /** Called before each file with how many files were found in all. */
    default void starting(int index, int total, String file) {
    }

    default void finished(FileResult result) {
    }

    /**
     * Called while stories fed by pages an older parser read are derived again, before the files are imported: after
     * {@code done} of {@code total} stories.
     */
    default void rebuilding(int done, int total) {
    }

    /** Polled between files; returning true stops the import after the current file. */
    default boolean isCancelled() {
        return false;
    }

    ImportListener NONE = new ImportListener() {
    };
}
