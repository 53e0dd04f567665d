package io.threadkeep.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;

/**
 * What the reader made: read marks and when a story was last opened. Marks live on the comment rows, which keep
 * their ids through re-derivation; a mark whose comment a rebuild no longer finds waits in {@code dormant_read}
 * (see {@link ImportWriter}). Called by {@link ArchiveStore} inside its transactions.
 */
final class ReadState {

    private final Connection connection;

    ReadState(Connection connection) {
        this.connection = connection;
    }

    void markRead(Collection<Long> commentRowIds) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE comment SET is_read = 1 WHERE id = ? AND is_read = 0")) {
            for (long id : commentRowIds) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    void markStoryRead(long storyId, boolean read) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE comment SET is_read = ? WHERE story_id = ?")) {
            ps.setInt(1, read ? 1 : 0);
            ps.setLong(2, storyId);
            ps.executeUpdate();
        }
        if (!read) {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM dormant_read WHERE story_id = ?")) {
                ps.setLong(1, storyId);
                ps.executeUpdate();
            }
        }
    }

    void markOpened(long storyId, Instant now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE story SET last_read = ? WHERE id = ?")) {
            ps.setString(1, Rows.iso(now));
            ps.setLong(2, storyId);
            ps.executeUpdate();
        }
    }
}
