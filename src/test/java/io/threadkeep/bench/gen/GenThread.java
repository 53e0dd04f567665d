package io.threadkeep.bench.gen;

import java.util.List;

/**
 * A generated thread in page order (depth first, as the page shows it).
 *
 * @param era which markup generation renders it (see {@link Era})
 */
public record GenThread(Era era, GenStory story, List<GenComment> comments) {

    public GenThread {
        comments = List.copyOf(comments);
    }
}
