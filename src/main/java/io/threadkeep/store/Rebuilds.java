package io.threadkeep.store;

import static io.threadkeep.store.Rows.instant;
import static io.threadkeep.store.Rows.iso;

import io.threadkeep.model.ParsedThread;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-derives stories from their saved pages read again by today's parsers: which stories need it, their pages, and
 * one story's rebuild (called inside {@link ArchiveStore}'s transaction, so each story is all or nothing and a killed
 * rebuild resumes with the stories still behind).
 */
final class Rebuilds {

    /** Recorded as a page's parser version when no parser reads it any more: it is not retried on every open. */
    static final int UNREADABLE = -1;

    private final Connection connection;
    private final ImportWriter writer;

    Rebuilds(Connection connection, ImportWriter writer) {
        this.connection = connection;
        this.writer = writer;
    }

    List<Long> storyIds() throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM story ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /**
     * Stories with a page that the current parsers would read differently: read by an older version of its parser,
     * by a parser known only under an old name, or imported before parses were kept.
     */
    List<Long> staleStories(Map<String, Integer> currentParsers) throws SQLException {
        Set<Long> out = new LinkedHashSet<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT DISTINCT story_id, parser, parser_version, parsed_deflated IS NULL FROM source_file
                WHERE story_id IS NOT NULL ORDER BY story_id""")) {
            while (rs.next()) {
                int version = rs.getInt(3);
                if (version == UNREADABLE) {
                    continue;
                }
                Integer current = currentParsers.get(rs.getString(2));
                if (rs.getInt(4) == 1 || current == null || version < current) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return new ArrayList<>(out);
    }

    List<StoredPage> storedPages(long storyId) throws SQLException {
        List<StoredPage> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT id, page_name, page_url, charset, captured_at, raw_deflated, parser, parser_version
                FROM source_file WHERE story_id = ? ORDER BY id""")) {
            ps.setLong(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredPage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs.getString(5)), Rows.inflate(rs.getBytes(6)), rs.getString(7), rs.getInt(8)));
                }
            }
        }
        return out;
    }

    /** Stores the fresh parses (null: the page no longer parses) and derives the story from its pages again. */
    SaveResult rebuild(long storyId, Map<Long, PageReparser.Reparsed> fresh, Instant now) throws SQLException {
        if (!storyExists(storyId)) {
            return new SaveResult(SaveResult.Status.UNCHANGED, null, 0, 0);
        }
        Map<Long, Integer> depths = chainDepths(fresh);
        Map<Long, ParsedThread> known = new HashMap<>();
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE source_file SET parser = ?, parser_version = ?, parsed_deflated = ?, truncated = ?,
                    captured_at = COALESCE(captured_at, ?), chain_depth = ?
                WHERE id = ? AND story_id = ?""");
             PreparedStatement unreadable = connection.prepareStatement(
                     "UPDATE source_file SET parser_version = ? WHERE id = ? AND story_id = ?")) {
            for (Map.Entry<Long, PageReparser.Reparsed> e : fresh.entrySet()) {
                PageReparser.Reparsed r = e.getValue();
                if (r == null) {
                    unreadable.setInt(1, UNREADABLE);
                    unreadable.setLong(2, e.getKey());
                    unreadable.setLong(3, storyId);
                    unreadable.executeUpdate();
                    continue;
                }
                update.setString(1, r.parser());
                update.setInt(2, r.parserVersion());
                update.setBytes(3, ImportWriter.encodeParse(r.thread()));
                update.setInt(4, r.thread().truncated() ? 1 : 0);
                update.setString(5, iso(r.thread().capturedAt()));
                update.setInt(6, depths.getOrDefault(e.getKey(), 0));
                update.setLong(7, e.getKey());
                update.setLong(8, storyId);
                if (update.executeUpdate() > 0) {
                    known.put(e.getKey(), r.thread());
                }
            }
        }
        for (ParsedThread t : known.values()) {
            writer.linkPages(t.nextPageKeys(), storyId, 1);
        }
        ImportWriter.Derived d = writer.derive(storyId, known);
        boolean changed = d.added() > 0 || d.updated() > 0 || d.storyChanged();
        return new SaveResult(changed ? SaveResult.Status.UPDATED : SaveResult.Status.UNCHANGED, storyId, d.added(),
                d.updated());
    }

    /**
     * Each page's place in its chain of "More" pages, from the pages themselves: a page with the story header is 0,
     * a page reached through a link on a page at depth n is n + 1.
     */
    private static Map<Long, Integer> chainDepths(Map<Long, PageReparser.Reparsed> fresh) {
        Map<String, Integer> keyDepth = new HashMap<>();
        Map<Long, Integer> out = new HashMap<>();
        List<Map.Entry<Long, PageReparser.Reparsed>> left = new ArrayList<>();
        for (Map.Entry<Long, PageReparser.Reparsed> e : fresh.entrySet()) {
            if (e.getValue() != null) {
                left.add(e);
            }
        }
        boolean progress = true;
        while (!left.isEmpty() && progress) {
            progress = false;
            for (var it = left.iterator(); it.hasNext(); ) {
                var e = it.next();
                ParsedThread t = e.getValue().thread();
                Integer depth = t.story() != null ? Integer.valueOf(0) : keyDepth.get(t.continuationKey());
                if (depth == null) {
                    continue;
                }
                out.put(e.getKey(), depth);
                for (String next : t.nextPageKeys()) {
                    keyDepth.merge(next, depth + 1, Math::min);
                }
                it.remove();
                progress = true;
            }
        }
        // A continuation page whose linking page is gone still follows every header page.
        for (var e : left) {
            out.put(e.getKey(), 1);
        }
        return out;
    }

    private boolean storyExists(long storyId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM story WHERE id = ?")) {
            ps.setLong(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
