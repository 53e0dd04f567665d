package io.threadkeep.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the reader window needs of the archive: its stories and comments, and the reader's own marks. The window's
 * view-models see only this, never the store's import or rebuild machinery.
 */
public interface ReadingArchive {

    /** Every story, newest first. */
    List<StorySummary> listStories();

    /** Whether the archive holds any story; cheap, unlike {@link #listStories()}. */
    boolean hasStories();

    Optional<StoredStory> story(long id);

    /** The story's comments in depth-first thread order (siblings in page order). */
    List<StoredComment> comments(long storyId);

    /** Marks the given comments (archive row ids) read. */
    void markRead(Collection<Long> commentRowIds);

    /** Marks every comment of the story read (or unread). */
    void markStoryRead(long storyId, boolean read);

    /** Records that the reader opened the story now. */
    void markOpened(long storyId);

    /** Deletes a story with its comments and saved files. */
    boolean deleteStory(long storyId);

    Optional<String> setting(String key);

    void putSetting(String key, String value);

    /** What the reader made of the archive: stars, notes, own scoring and reading positions. */
    ReaderMarks readerMarks();

    /** Whether the archive can only be read (its folder or file is read-only). */
    boolean isReadOnly();
}
