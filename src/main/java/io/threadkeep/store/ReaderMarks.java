package io.threadkeep.store;

import io.threadkeep.model.ScoreRules;
import io.threadkeep.model.Site;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the reader made of the archive: stars and notes on comments, friends and foes, label bonuses, and where each
 * story was last read. Kept apart from the merged threads and keyed by story id and the site's own comment id (or
 * site and author), so it survives a rebuild of a story from its saved pages.
 */
public final class ReaderMarks {

    /** A comment's star and note. */
    public record Mark(boolean starred, String note) {
        public static final Mark NONE = new Mark(false, null);

        public boolean hasNote() {
            return note != null && !note.isBlank();
        }

        public boolean isEmpty() {
            return !starred && !hasNote();
        }
    }

    /**
     * A starred or annotated comment with its context, for the library's "Starred" list.
     *
     * @param commentRowId  the comment's current archive id, or null when the story no longer holds the comment
     * @param parentAuthor  who the comment replied to (null for a top-level comment or an anonymous parent)
     * @param excerpt       the start of its text
     */
    public record Marked(long storyId, Site site, String storyTitle, String siteCommentId, Long commentRowId,
                         String author, String subject, Integer score, String excerpt, String parentAuthor,
                         boolean starred, String note, Instant changedAt) {
    }

    private static final int EXCERPT_CHARS = 240;

    private final ArchiveStore store;
    private final Clock clock;

    public ReaderMarks(ArchiveStore store) {
        this(store, Clock.systemUTC());
    }

    public ReaderMarks(ArchiveStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------ stars and notes

    /** The marks of one story's comments, by site comment id. */
    public Map<String, Mark> marks(long storyId) {
        return store.withConnection(c -> {
            Map<String, Mark> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT site_comment_id, starred, note FROM reader_mark WHERE story_id = ?")) {
                ps.setLong(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Mark(rs.getInt(2) == 1, rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    public void setStarred(long storyId, String siteCommentId, boolean starred) {
        Mark old = marks(storyId).getOrDefault(siteCommentId, Mark.NONE);
        write(storyId, siteCommentId, new Mark(starred, old.note()));
    }

    /** Sets the comment's private note; a blank note removes it. */
    public void setNote(long storyId, String siteCommentId, String note) {
        Mark old = marks(storyId).getOrDefault(siteCommentId, Mark.NONE);
        write(storyId, siteCommentId, new Mark(old.starred(), note == null || note.isBlank() ? null : note.strip()));
    }

    private void write(long storyId, String siteCommentId, Mark mark) {
        store.withConnection(c -> {
            if (mark.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM reader_mark WHERE story_id = ? AND site_comment_id = ?")) {
                    ps.setLong(1, storyId);
                    ps.setString(2, siteCommentId);
                    ps.executeUpdate();
                }
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO reader_mark(story_id, site_comment_id, starred, note, changed_at) VALUES (?,?,?,?,?)
                    ON CONFLICT(story_id, site_comment_id) DO UPDATE SET starred = excluded.starred,
                        note = excluded.note, changed_at = excluded.changed_at""")) {
                ps.setLong(1, storyId);
                ps.setString(2, siteCommentId);
                ps.setInt(3, mark.starred() ? 1 : 0);
                ps.setString(4, mark.note());
                ps.setString(5, ArchiveStore.iso(clock.instant()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every starred or annotated comment of the archive, most recently marked first, with its context. */
    public List<Marked> marked() {
        return store.withConnection(c -> {
            List<Marked> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT m.story_id, s.site, s.title, m.site_comment_id, cm.id, cm.author, cm.subject, cm.score,
                        substr(cm.text, 1, ?), p.author, m.starred, m.note, m.changed_at
                    FROM reader_mark m JOIN story s ON s.id = m.story_id
                    LEFT JOIN comment cm ON cm.story_id = m.story_id AND cm.site_comment_id = m.site_comment_id
                    LEFT JOIN comment p ON p.story_id = m.story_id AND p.site_comment_id = cm.parent_site_id
                    ORDER BY m.changed_at DESC, m.story_id, m.site_comment_id""")) {
                ps.setInt(1, EXCERPT_CHARS + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String text = rs.getString(9);
                        String excerpt = text == null ? null : text.strip().replaceAll("\\s+", " ");
                        if (excerpt != null && (excerpt.length() > EXCERPT_CHARS || text.length() > EXCERPT_CHARS)) {
                            excerpt = excerpt.substring(0, Math.min(excerpt.length(), EXCERPT_CHARS)).strip() + "…";
                        }
                        Object rowId = rs.getObject(5);
                        Object score = rs.getObject(8);
                        out.add(new Marked(rs.getLong(1), ArchiveStore.site(rs.getString(2)), rs.getString(3),
                                rs.getString(4), rowId == null ? null : ((Number) rowId).longValue(),
                                rs.getString(6), rs.getString(7), score == null ? null : ((Number) score).intValue(),
                                excerpt, rs.getString(10), rs.getInt(11) == 1, rs.getString(12),
                                ArchiveStore.instant(rs.getString(13))));
                    }
                }
            }
            return out;
        });
    }

    // ------------------------------------------------------------------------------------------ scoring

    /** The reader's scoring: friends, foes and label bonuses. */
    public ScoreRules scoreRules() {
        return store.withConnection(c -> {
            Map<String, Integer> authors = new HashMap<>();
            Map<String, Integer> labels = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT site, author, points FROM reader_author");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Optional<Site> site = Site.fromId(rs.getString(1));
                    if (site.isPresent()) {
                        authors.put(ScoreRules.authorKey(site.get(), rs.getString(2)), rs.getInt(3));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT label, points FROM reader_label_bonus");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    labels.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getInt(2));
                }
            }
            return new ScoreRules(authors, labels);
        });
    }

    /** Marks an author on a site as friend (positive points) or foe (negative); 0 removes the mark. */
    public void setAuthorPoints(Site site, String author, int points) {
        store.withConnection(c -> {
            String sql = points == 0 ? "DELETE FROM reader_author WHERE site = ? AND author = ?"
                    : "INSERT INTO reader_author(site, author, points) VALUES (?,?,?)"
                            + " ON CONFLICT(site, author) DO UPDATE SET points = excluded.points";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, site.id());
                ps.setString(2, author);
                if (points != 0) {
                    ps.setInt(3, points);
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Gives a moderation label a bonus; 0 removes it. */
    public void setLabelPoints(String label, int points) {
        store.withConnection(c -> {
            String sql = points == 0 ? "DELETE FROM reader_label_bonus WHERE label = ?"
                    : "INSERT INTO reader_label_bonus(label, points) VALUES (?,?)"
                            + " ON CONFLICT(label) DO UPDATE SET points = excluded.points";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, label);
                if (points != 0) {
                    ps.setInt(2, points);
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------ reading position

    /** The site id of the comment the reader was at when they last left the story. */
    public Optional<String> lastReadComment(long storyId) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT site_comment_id FROM reader_position WHERE story_id = ?")) {
                ps.setLong(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public void setLastReadComment(long storyId, String siteCommentId) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO reader_position(story_id, site_comment_id, read_at) VALUES (?,?,?)
                    ON CONFLICT(story_id) DO UPDATE SET site_comment_id = excluded.site_comment_id,
                        read_at = excluded.read_at""")) {
                ps.setLong(1, storyId);
                ps.setString(2, siteCommentId);
                ps.setString(3, ArchiveStore.iso(clock.instant()));
                ps.executeUpdate();
            } catch (SQLException e) {
                // A story deleted meanwhile has no position to keep (the foreign key refuses it).
                if (e.getMessage() == null || !e.getMessage().contains("FOREIGN KEY")) {
                    throw e;
                }
            }
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------ library dates

    /**
     * For stories without a posted date: the site's story id and the earliest capture date of their saved pages,
     * from which the library estimates a date.
     */
    public record DateClues(String siteStoryId, Instant earliestCapture) {
    }

    public Map<Long, DateClues> undatedStoryClues() {
        return store.withConnection(c -> {
            Map<Long, DateClues> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.id, s.site_story_id,
                        (SELECT min(f.captured_at) FROM source_file f WHERE f.story_id = s.id)
                    FROM story s WHERE s.posted IS NULL""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new DateClues(rs.getString(2), ArchiveStore.instant(rs.getString(3))));
                }
            }
            return out;
        });
    }
}
