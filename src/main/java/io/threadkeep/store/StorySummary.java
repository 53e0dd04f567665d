package io.threadkeep.store;

import io.threadkeep.model.Site;
import java.time.Instant;

/**
 * One row of the library.
 *
 * @param id               the archive's story id
 * @param commentCount     comments saved (placeholders not counted)
 * @param declaredComments the count the page declared, or null
 * @param unreadCount      saved comments not yet shown to the reader
 * @param lastRead         when the story was last opened, or null
 * @param lastImported     when a save of it was last imported
 */
public record StorySummary(
        long id,
        Site site,
        String title,
        String url,
        Instant posted,
        int commentCount,
        Integer declaredComments,
        int unreadCount,
        Instant lastRead,
        Instant lastImported) {
}
