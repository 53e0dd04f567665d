package io.threadkeep.importer;

/**
 * Every size and depth limit of the importer in one place. They bound memory and time for any input: a real saved
 * page comes nowhere near them, and a crafted one (a zip bomb, containers inside containers) is refused with its
 * reason instead of filling the memory.
 */
public final class ImportLimits {

    /** The most one page (a file, or a document unpacked from a container) may hold. */
    public static final long MAX_PAGE_BYTES = 64L * 1024 * 1024;
    /** The most one unpacked container may hold (a WARC or MHTML file inside a zip bundles many pages). */
    public static final long MAX_CONTAINER_BYTES = 4 * MAX_PAGE_BYTES;
    /**
     * The most everything unpacked from one imported file may hold, across all nesting levels together: what a zip
     * of gzip files inflates to at every level counts against the same budget.
     */
    public static final long MAX_UNPACKED_BYTES = 4 * MAX_PAGE_BYTES;
    /** How deep containers may nest (zip of gzip of MHTML...). */
    public static final int MAX_CONTAINER_DEPTH = 4;
    /** Deep reply chains nest one element per level; jsoup's default of 512 would flatten a 1,000-deep thread. */
    public static final int MAX_DOM_DEPTH = 100_000;

    private ImportLimits() {
    }

    /** Megabytes, for messages. */
    public static long megabytes(long bytes) {
        return bytes >> 20;
    }
}
