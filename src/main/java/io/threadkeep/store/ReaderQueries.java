package io.threadkeep.store;

import static io.threadkeep.store.Rows.GSON;
import static io.threadkeep.store.Rows.commentFrom;
import static io.threadkeep.store.Rows.instant;
import static io.threadkeep.store.Rows.site;

import com.google.gson.reflect.TypeToken;
import io.threadkeep.model.Story;
import io.threadkeep.model.ThreadOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The reader's queries: stories and their comments. Called by {@link ArchiveStore} holding the connection. */
final class ReaderQueries {

    private final Connection connection;

    ReaderQueries(Connection connection) {
        this.connection = connection;
    }

    List<StorySummary> listStories() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT s.id, s.site, s.title, s.url, s.posted, s.declared_comments, s.last_read, s.last_imported,
                    (SELECT count(*) FROM comment c WHERE c.story_id = s.id AND c.completeness > 0),
                    (SELECT count(*) FROM comment c WHERE c.story_id = s.id AND c.completeness > 0
                        AND c.is_read = 0)
                FROM story s ORDER BY COALESCE(s.posted, s.first_imported) DESC, s.id DESC""")) {
            List<StorySummary> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new StorySummary(rs.getLong(1), site(rs.getString(2)), rs.getString(3), rs.getString(4),
                        instant(rs.getString(5)), rs.getInt(9), (Integer) rs.getObject(6), rs.getInt(10),
                        instant(rs.getString(7)), instant(rs.getString(8))));
            }
            return out;
        }
    }

    boolean hasStories() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM story)")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    Long findStory(String url) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM story WHERE url = ?")) {
            ps.setString(1, url);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    Optional<StoredStory> story(long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT site, site_story_id, url, title, author, posted, department, topics, tags, summary_html,
                    summary_text, declared_comments, link_url, first_imported, last_imported, last_read, saves
                FROM story WHERE id = ?""")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<String> topics = GSON.fromJson(rs.getString(8), new TypeToken<List<String>>() { }.getType());
                List<String> tags = GSON.fromJson(rs.getString(9), new TypeToken<List<String>>() { }.getType());
                Story story = new Story(site(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs.getString(6)), rs.getString(7), topics, tags, rs.getString(10),
                        rs.getString(11), (Integer) rs.getObject(12), rs.getString(13));
                return Optional.of(new StoredStory(id, story, instant(rs.getString(14)), instant(rs.getString(15)),
                        instant(rs.getString(16)), rs.getInt(17)));
            }
        }
    }

    List<StoredComment> comments(long storyId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT c.id, c.site_comment_id, c.parent_site_id, c.position, c.author, c.author_id, c.posted,
                    c.posted_text, c.score, c.label, c.subject, c.html, c.text, c.completeness, c.state,
                    c.post_number, c.accepted,
                    c.is_read, (s.had_earlier_save = 1 AND c.first_save = s.latest_adding_save)
                FROM comment c JOIN story s ON s.id = c.story_id
                WHERE c.story_id = ? ORDER BY c.position, c.site_comment_id""")) {
            ps.setLong(1, storyId);
            List<StoredComment> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredComment(rs.getLong(1), commentFrom(rs, 2), rs.getInt(18) == 1,
                            rs.getInt(19) == 1));
                }
            }
            return ThreadOrder.depthFirst(out, sc -> sc.comment().id(), sc -> sc.comment().parentId());
        }
    }
}
