package io.threadkeep.importer;

import java.util.List;

/**
 * Unwraps one kind of container (gzip, zip, MHTML, WARC...) into the pages inside it. Detection is by content
 * (magic bytes, headers), never by file name.
 */
public interface ContainerReader {

    /** Whether the bytes are this container. {@code head} is at least the first 4 KiB (or the whole file). */
    boolean accepts(byte[] head);

    /**
     * The documents inside, each taken from {@code budget} as it is inflated. A result may itself be another
     * container (a zip of MHTML files); the importer unwraps again, to a bounded depth, with the same budget.
     *
     * @throws ImportException when nothing at all can be read from it
     */
    Unpacked read(PageSource container, UnpackBudget budget) throws ImportException;

    /** The documents inside, with a budget of their own; fails when any part is refused. */
    default List<PageSource> read(PageSource container) throws ImportException {
        Unpacked unpacked = read(container, UnpackBudget.standard());
        if (!unpacked.refused().isEmpty()) {
            throw new ImportException(unpacked.refused().get(0).reason());
        }
        return unpacked.pages();
    }
}
