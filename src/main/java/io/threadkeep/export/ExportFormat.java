package io.threadkeep.export;

import java.util.Locale;

/** The formats a thread can be exported in. */
public enum ExportFormat {
    JSON("json", "JSON", true),
    MARKDOWN("md", "Markdown", false),
    HTML("html", "HTML page", false),
    MBOX("mbox", "mbox (mail)", true);

    private final String extension;
    private final String displayName;
    private final boolean manyStoriesInOneFile;

    ExportFormat(String extension, String displayName, boolean manyStoriesInOneFile) {
        this.extension = extension;
        this.displayName = displayName;
        this.manyStoriesInOneFile = manyStoriesInOneFile;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * Whether several stories fit in one file of this format (a JSON array, one mailbox); Markdown and HTML are
     * one file per story.
     */
    public boolean manyStoriesInOneFile() {
        return manyStoriesInOneFile;
    }

    /** The lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
