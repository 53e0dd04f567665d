package io.threadkeep.store;

import io.threadkeep.model.ParsedThread;

/**
 * A parsed page with what saving it computes without the archive: its hash and the compressed page and parse. Made
 * by {@link ArchiveStore#prepare} on any thread, so an import does that work beside the archive's one writer.
 */
public final class PreparedPage {

    final ParsedThread thread;
    final SourceFile source;
    final String sha;
    final byte[] rawDeflated;
    final byte[] parseDeflated;

    PreparedPage(ParsedThread thread, SourceFile source) {
        this.thread = thread;
        this.source = source;
        this.sha = Rows.sha256(source.bytes());
        this.rawDeflated = Rows.deflate(source.bytes());
        this.parseDeflated = ImportWriter.encodeParse(thread);
    }

    public String pageName() {
        return source.pageName();
    }
}
