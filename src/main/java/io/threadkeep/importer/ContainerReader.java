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
     * The documents inside. A result may itself be another container (a zip of MHTML files); the importer
     * unwraps again, to a bounded depth.
     */
    List<PageSource> read(PageSource container) throws ImportException;
}
