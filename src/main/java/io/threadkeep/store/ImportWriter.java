package io.threadkeep.store;

import static io.threadkeep.store.Rows.GSON;
import static io.threadkeep.store.Rows.commentFrom;
import static io.threadkeep.store.Rows.iso;
import static io.threadkeep.store.Rows.instant;
import static io.threadkeep.store.Rows.setInteger;
import static io.threadkeep.store.Rows.setLong;

import io.threadkeep.model.Comment;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Story;
import io.threadkeep.model.ThreadFold;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * Writes imports: each page is kept with the parse it gave, and the story it feeds is derived again from all its
 * pages ({@link ThreadFold}). The comment rows are the derived thread, kept in step row by row so that row ids (which
 * read marks, the last-read place and search hits name) survive. Runs inside {@link ArchiveStore}'s transactions.
 */
final class ImportWriter {

    private final Connection connection;

    ImportWriter(Connection connection) {
        this.connection = connection;
    }

    /** What a page's parse keeps for folding, as deflated JSON in {@code source_file.parsed_deflated}. */
    record CachedParse(Story story, List<Comment> comments, boolean truncated) {
        static CachedParse of(ParsedThread t) {
            return new CachedParse(t.story(), t.comments(), t.truncated());
        }
    }

    /** What a waiting continuation page keeps, as JSON in {@code pending_page}. */
    private record PendingThread(List<Comment> comments, List<String> nextPageKeys, Instant capturedAt) {
        static PendingThread of(ParsedThread t) {
            return new PendingThread(t.comments(), t.nextPageKeys(), t.capturedAt());
        }
    }

    /** What deriving a story changed. */
    record Derived(int added, int updated, boolean storyChanged) {
    }

    SaveResult save(PreparedPage page, Instant now) throws SQLException {
        ParsedThread thread = page.thread;
        SourceFile source = page.source;
        String sha = page.sha;
        if (thread.story() == null) {
            return saveContinuation(page, now);
        }
        Story story = thread.story();
        Long storyId = findStory(story.url());
        boolean created = storyId == null;
        if (created) {
            storyId = insertStory(story, now);
        } else if (sourceExists(storyId, sha)) {
            return new SaveResult(SaveResult.Status.UNCHANGED, storyId, 0, 0);
        }
        long sourceId = insertSource(storyId, page, now, 0);
        Map<Long, ParsedThread> known = new HashMap<>();
        known.put(sourceId, thread);
        linkPages(thread.nextPageKeys(), storyId, 1);
        attachPendingPages(storyId, thread.nextPageKeys(), 1, known);
        Derived d = derive(storyId, known);
        touchStory(storyId, now);
        SaveResult.Status status = created ? SaveResult.Status.IMPORTED
                : d.added() > 0 || d.updated() > 0 || d.storyChanged() ? SaveResult.Status.UPDATED
                : SaveResult.Status.UNCHANGED;
        return new SaveResult(status, storyId, d.added(), d.updated());
    }

    private SaveResult saveContinuation(PreparedPage page, Instant now) throws SQLException {
        ParsedThread thread = page.thread;
        SourceFile source = page.source;
        String sha = page.sha;
        String key = thread.continuationKey();
        if (key == null) {
            throw new StoreException("a page without a story header must name the page it continues");
        }
        long[] link = linkedStory(key);
        if (link == null) {
            // Keep the page until its story's first page arrives; it is folded in then.
            if (pendingExists(key, sha)) {
                return new SaveResult(SaveResult.Status.UNCHANGED, null, 0, 0);
            }
            long sourceId = insertSource(null, page, now, 0);
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO pending_page(link_key, sha256, site, thread_json, source_id) VALUES (?,?,?,?,?)")) {
                ps.setString(1, key);
                ps.setString(2, sha);
                ps.setString(3, source.parser());
                ps.setString(4, GSON.toJson(PendingThread.of(thread)));
                ps.setLong(5, sourceId);
                ps.executeUpdate();
            }
            return new SaveResult(SaveResult.Status.PENDING, null, 0, 0);
        }
        long storyId = link[0];
        int depth = (int) link[1];
        if (sourceExists(storyId, sha)) {
            return new SaveResult(SaveResult.Status.UNCHANGED, storyId, 0, 0);
        }
        long sourceId = insertSource(storyId, page, now, depth);
        Map<Long, ParsedThread> known = new HashMap<>();
        known.put(sourceId, thread);
        linkPages(thread.nextPageKeys(), storyId, depth + 1);
        attachPendingPages(storyId, thread.nextPageKeys(), depth + 1, known);
        Derived d = derive(storyId, known);
        touchStory(storyId, now);
        SaveResult.Status status = d.added() > 0 || d.updated() > 0 ? SaveResult.Status.UPDATED
                : SaveResult.Status.UNCHANGED;
        return new SaveResult(status, storyId, d.added(), d.updated());
    }

    /** Gives the story the pages that were waiting for one of {@code keys}, and the pages waiting for theirs. */
    private void attachPendingPages(long storyId, List<String> keys, int depth, Map<Long, ParsedThread> known)
            throws SQLException {
        List<String> queue = new ArrayList<>(keys);
        Map<String, Integer> depths = new HashMap<>();
        for (String k : keys) {
            depths.put(k, depth);
        }
        while (!queue.isEmpty()) {
            String key = queue.remove(0);
            int at = depths.getOrDefault(key, depth);
            List<long[]> ids = new ArrayList<>();
            List<String> jsons = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT id, source_id, thread_json FROM pending_page WHERE link_key = ? ORDER BY id")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(new long[] {rs.getLong(1), rs.getLong(2)});
                        jsons.add(rs.getString(3));
                    }
                }
            }
            for (int i = 0; i < ids.size(); i++) {
                PendingThread pending = GSON.fromJson(jsons.get(i), PendingThread.class);
                long sourceId = ids.get(i)[1];
                try (PreparedStatement ps = connection.prepareStatement(
                        "UPDATE source_file SET story_id = ?, chain_depth = ? WHERE id = ?")) {
                    ps.setLong(1, storyId);
                    ps.setInt(2, at);
                    ps.setLong(3, sourceId);
                    ps.executeUpdate();
                }
                linkPages(pending.nextPageKeys(), storyId, at + 1);
                for (String next : pending.nextPageKeys()) {
                    depths.putIfAbsent(next, at + 1);
                    queue.add(next);
                }
                try (PreparedStatement ps = connection.prepareStatement("DELETE FROM pending_page WHERE id = ?")) {
                    ps.setLong(1, ids.get(i)[0]);
                    ps.executeUpdate();
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ deriving

    /** A page of the story as stored: its place in the order and whether its parse is kept. */
    private record PageRow(long id, Instant capturedAt, int depth, String sha, boolean truncated, boolean parsed) {
    }

    /** A comment row as stored. */
    private record Row(long rowId, Comment comment, double position, Long firstSave, boolean read) {
    }

    /**
     * Derives the story's thread from its pages and brings the comment and story rows in line with it.
     *
     * @param known parses already in hand, by page id (the page being imported, fresh re-parses); the rest are read
     *              from the archive
     */
    Derived derive(long storyId, Map<Long, ParsedThread> known) throws SQLException {
        List<PageRow> pages = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT id, captured_at, chain_depth, sha256, truncated, parsed_deflated IS NOT NULL
                FROM source_file WHERE story_id = ?""")) {
            ps.setLong(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pages.add(new PageRow(rs.getLong(1), instant(rs.getString(2)), rs.getInt(3), rs.getString(4),
                            rs.getInt(5) == 1, rs.getInt(6) == 1));
                }
            }
        }
        List<ThreadFold.Page> foldPages = new ArrayList<>();
        boolean legacy = false;
        for (PageRow p : pages) {
            CachedParse parse;
            ParsedThread fresh = known.get(p.id());
            if (fresh != null) {
                parse = CachedParse.of(fresh);
            } else if (p.parsed()) {
                parse = loadParse(p.id());
            } else {
                legacy = true;
                continue;
            }
            foldPages.add(new ThreadFold.Page(p.id(), p.capturedAt(), p.depth(), p.sha(), parse.story(),
                    parse.comments(), parse.truncated()));
        }
        Map<String, Row> existing = loadRows(storyId);
        StoredStory storyRow = new ReaderQueries(connection).story(storyId)
                .orElseThrow(() -> new StoreException("story " + storyId + " vanished while importing"));
        ThreadFold fold;
        if (legacy) {
            // Pages imported before parses were kept: what the rows hold is the best knowledge of them until a
            // rebuild re-reads those pages, so fold the other pages onto it and never drop a row.
            List<ThreadFold.Entry> seed = new ArrayList<>();
            for (Row r : existing.values()) {
                seed.add(new ThreadFold.Entry(r.comment(), r.position(), r.firstSave() == null ? -1 : r.firstSave(),
                        true));
            }
            fold = ThreadFold.seeded(storyRow.story(), seed);
            foldPages.sort(ThreadFold.ORDER);
            for (ThreadFold.Page page : foldPages) {
                fold.add(page);
            }
        } else {
            fold = ThreadFold.of(foldPages);
        }
        int[] counts = syncComments(storyId, fold, existing, !legacy);
        boolean storyChanged = syncStory(storyId, storyRow.story(), fold, legacy);
        return new Derived(counts[0], counts[1], storyChanged);
    }

    private CachedParse loadParse(long sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT parsed_deflated FROM source_file WHERE id = ?")) {
            ps.setLong(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String json = new String(Rows.inflate(rs.getBytes(1)), StandardCharsets.UTF_8);
                return GSON.fromJson(json, CachedParse.class);
            }
        }
    }

    static byte[] encodeParse(ParsedThread thread) {
        // The fastest level: the parse is re-read only when a story is derived again, and it must not slow imports.
        return Rows.deflate(GSON.toJson(CachedParse.of(thread)).getBytes(StandardCharsets.UTF_8),
                Deflater.BEST_SPEED);
    }

    private Map<String, Row> loadRows(long storyId) throws SQLException {
        Map<String, Row> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, " + Rows.COMMENT_COLUMNS
                + ", first_save, is_read FROM comment WHERE story_id = ?")) {
            ps.setLong(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Comment c = commentFrom(rs, 2);
                    Long firstSave = rs.getObject(18) == null ? null : rs.getLong(18);
                    out.put(c.id(), new Row(rs.getLong(1), c, rs.getDouble(4), firstSave, rs.getInt(19) == 1));
                }
            }
        }
        return out;
    }

    /** Returns {added, updated}. */
    private int[] syncComments(long storyId, ThreadFold fold, Map<String, Row> existing, boolean dropMissing)
            throws SQLException {
        int added = 0;
        int updated = 0;
        Map<String, Row> left = new HashMap<>(existing);
        List<String> revived = new ArrayList<>();
        boolean anyDormant = hasDormant(storyId);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO comment(story_id, site_comment_id, position, first_save, is_read, parent_site_id, author,
                    author_id, posted, posted_text, score, label, subject, html, text, completeness, state,
                    post_number, accepted)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""");
             PreparedStatement update = connection.prepareStatement("""
                UPDATE comment SET parent_site_id = ?, author = ?, author_id = ?, posted = ?, posted_text = ?,
                    score = ?, label = ?, subject = ?, html = ?, text = ?, completeness = ?, state = ?,
                    post_number = ?, accepted = ?, position = ?, first_save = ?
                WHERE id = ?""");
             PreparedStatement move = connection.prepareStatement(
                     "UPDATE comment SET position = ?, first_save = ? WHERE id = ?")) {
            int batched = 0;
            for (ThreadFold.Entry e : fold.entries().values()) {
                Comment c = e.comment();
                Row old = left.remove(c.id());
                Long firstSave = e.firstSource() < 0 ? null : e.firstSource();
                if (old == null) {
                    boolean read = anyDormant && isDormant(storyId, c.id());
                    if (read) {
                        revived.add(c.id());
                    }
                    insert.setLong(1, storyId);
                    insert.setString(2, c.id());
                    insert.setDouble(3, e.position());
                    setLong(insert, 4, firstSave);
                    insert.setInt(5, read ? 1 : 0);
                    Rows.bindMergedFields(insert, 6, c);
                    insert.addBatch();
                    added++;
                    batched++;
                } else if (!old.comment().equals(c)) {
                    int next = Rows.bindMergedFields(update, 1, c);
                    update.setDouble(next, e.position());
                    setLong(update, next + 1, firstSave);
                    update.setLong(next + 2, old.rowId());
                    update.addBatch();
                    updated++;
                    batched++;
                } else if (old.position() != e.position() || !Objects.equals(old.firstSave(), firstSave)) {
                    move.setDouble(1, e.position());
                    setLong(move, 2, firstSave);
                    move.setLong(3, old.rowId());
                    move.addBatch();
                    batched++;
                }
                if (batched >= 500) {
                    insert.executeBatch();
                    update.executeBatch();
                    move.executeBatch();
                    batched = 0;
                }
            }
            insert.executeBatch();
            update.executeBatch();
            move.executeBatch();
        }
        if (!revived.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM dormant_read WHERE story_id = ? AND site_comment_id = ?")) {
                for (String id : revived) {
                    ps.setLong(1, storyId);
                    ps.setString(2, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (dropMissing && !left.isEmpty()) {
            dropRows(storyId, left.values());
        }
        return new int[] {added, updated};
    }

    /** Removes rows the pages no longer give; a read mark on one is kept dormant for a page that brings it back. */
    private void dropRows(long storyId, Iterable<Row> rows) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM comment WHERE id = ?");
             PreparedStatement dormant = connection.prepareStatement(
                     "INSERT OR IGNORE INTO dormant_read(story_id, site_comment_id) VALUES (?, ?)")) {
            for (Row r : rows) {
                if (r.read()) {
                    dormant.setLong(1, storyId);
                    dormant.setString(2, r.comment().id());
                    dormant.addBatch();
                }
                delete.setLong(1, r.rowId());
                delete.addBatch();
            }
            dormant.executeBatch();
            delete.executeBatch();
        }
    }

    private boolean hasDormant(long storyId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM dormant_read WHERE story_id = ?)")) {
            ps.setLong(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private boolean isDormant(long storyId, String siteCommentId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM dormant_read WHERE story_id = ? AND site_comment_id = ?")) {
            ps.setLong(1, storyId);
            ps.setString(2, siteCommentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Writes the derived story fields and which save last added comments; returns whether the fields changed. */
    private boolean syncStory(long storyId, Story old, ThreadFold fold, boolean legacy) throws SQLException {
        Story derived = fold.story();
        boolean changed = false;
        if (derived != null) {
            // The story keeps its identity (site, URL) whatever a re-parse makes of the pages.
            Story s = new Story(old.site(), derived.siteStoryId(), old.url(), derived.title(), derived.author(),
                    derived.posted(), derived.department(), derived.topics(), derived.tags(), derived.summaryHtml(),
                    derived.summaryText(), derived.declaredCommentCount(), derived.linkUrl());
            if (!s.equals(old)) {
                changed = true;
                try (PreparedStatement ps = connection.prepareStatement("""
                        UPDATE story SET site_story_id = ?, title = ?, author = ?, posted = ?, department = ?,
                            topics = ?, tags = ?, summary_html = ?, summary_text = ?, declared_comments = ?,
                            link_url = ?
                        WHERE id = ?""")) {
                    ps.setString(1, s.siteStoryId());
                    ps.setString(2, s.title());
                    ps.setString(3, s.author());
                    ps.setString(4, iso(s.posted()));
                    ps.setString(5, s.department());
                    ps.setString(6, GSON.toJson(s.topics()));
                    ps.setString(7, GSON.toJson(s.tags()));
                    ps.setString(8, s.summaryHtml());
                    ps.setString(9, s.summaryText());
                    setInteger(ps, 10, s.declaredCommentCount());
                    ps.setString(11, s.linkUrl());
                    ps.setLong(12, storyId);
                    ps.executeUpdate();
                }
            }
        }
        if (!legacy || fold.latestAddingSource() != null) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE story SET latest_adding_save = ?, had_earlier_save = ? WHERE id = ?")) {
                setLong(ps, 1, fold.latestAddingSource());
                ps.setInt(2, fold.hadEarlierSave() ? 1 : 0);
                ps.setLong(3, storyId);
                ps.executeUpdate();
            }
        }
        return changed;
    }

    // ------------------------------------------------------------------------------------------------ rows

    private Long findStory(String url) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM story WHERE url = ?")) {
            ps.setString(1, url);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private long insertStory(Story s, Instant now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO story(site, url, site_story_id, title, author, posted, department, topics, tags,
                    summary_html, summary_text, declared_comments, link_url, first_imported, last_imported)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, s.site().id());
            ps.setString(2, s.url());
            ps.setString(3, s.siteStoryId());
            ps.setString(4, s.title());
            ps.setString(5, s.author());
            ps.setString(6, iso(s.posted()));
            ps.setString(7, s.department());
            ps.setString(8, GSON.toJson(s.topics()));
            ps.setString(9, GSON.toJson(s.tags()));
            ps.setString(10, s.summaryHtml());
            ps.setString(11, s.summaryText());
            setInteger(ps, 12, s.declaredCommentCount());
            ps.setString(13, s.linkUrl());
            ps.setString(14, iso(now));
            ps.setString(15, iso(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void touchStory(long storyId, Instant now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                UPDATE story SET last_imported = ?,
                    saves = (SELECT count(*) FROM source_file f WHERE f.story_id = story.id)
                WHERE id = ?""")) {
            ps.setString(1, iso(now));
            ps.setLong(2, storyId);
            ps.executeUpdate();
        }
    }

    private boolean sourceExists(long storyId, String sha) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM source_file WHERE story_id = ? AND sha256 = ? LIMIT 1")) {
            ps.setLong(1, storyId);
            ps.setString(2, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private boolean pendingExists(String key, String sha) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM pending_page WHERE link_key = ? AND sha256 = ?")) {
            ps.setString(1, key);
            ps.setString(2, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private long insertSource(Long storyId, PreparedPage page, Instant now, int depth) throws SQLException {
        SourceFile source = page.source;
        ParsedThread thread = page.thread;
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO source_file(story_id, path, page_name, size, sha256, site, parser, parser_version,
                    imported_at, captured_at, raw_deflated, page_url, charset, chain_depth, truncated,
                    parsed_deflated)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", Statement.RETURN_GENERATED_KEYS)) {
            setLong(ps, 1, storyId);
            ps.setString(2, source.path());
            ps.setString(3, source.pageName());
            ps.setLong(4, source.bytes().length);
            ps.setString(5, page.sha);
            ps.setString(6, thread.story() != null ? thread.story().site().id() : source.parser());
            ps.setString(7, source.parser());
            ps.setInt(8, source.parserVersion());
            ps.setString(9, iso(now));
            ps.setString(10, iso(thread.capturedAt() != null ? thread.capturedAt() : source.capturedAt()));
            ps.setBytes(11, page.rawDeflated);
            ps.setString(12, source.pageUrl());
            ps.setString(13, source.declaredCharset());
            ps.setInt(14, depth);
            ps.setInt(15, thread.truncated() ? 1 : 0);
            ps.setBytes(16, page.parseDeflated);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    void linkPages(List<String> keys, long storyId, int depth) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO page_link(link_key, story_id, depth) VALUES (?, ?, ?) ON CONFLICT(link_key) DO NOTHING")) {
            for (String key : keys) {
                ps.setString(1, key);
                ps.setLong(2, storyId);
                ps.setInt(3, depth);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The story and chain depth a continuation key leads to, or null. */
    private long[] linkedStory(String key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT story_id, depth FROM page_link WHERE link_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
            }
        }
    }
}
