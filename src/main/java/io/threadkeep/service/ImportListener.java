package io.threadkeep.service;

/** Hears about an import's progress; called on the importing thread. */
public interface ImportListener {

    /** Called before each file with how many files were found in all. */
    default void starting(int index, int total, String file) {
    }

    default void finished(FileResult result) {
    }

    /** Polled between files; returning true stops the import after the current file. */
    default boolean isCancelled() {
        return false;
    }

    ImportListener NONE = new ImportListener() {
    };
}
