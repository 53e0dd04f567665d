package io.threadkeep.store;

import io.threadkeep.model.Story;
import java.time.Instant;

/** A story as the archive holds it, with its archive id and import history. */
public record StoredStory(long id, Story story, Instant firstImported, Instant lastImported, Instant lastRead,
                          int savesImported) {
}
