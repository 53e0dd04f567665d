package io.threadkeep.importer;

/** The page is readable but is not a discussion thread; the message says what it is instead. */
public class NotAThreadException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotAThreadException(String reason) {
        super(reason);
    }
}
