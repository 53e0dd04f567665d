package io.threadkeep.importer;

/** A file could not be read as a saved page at all; the message is one line meant for the user. */
public class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
