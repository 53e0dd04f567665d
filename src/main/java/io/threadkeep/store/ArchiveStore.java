package io.threadkeep.store;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import io.threadkeep.model.ThreadOrder;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.sqlite.SQLiteConfig;

/**
 * The archive: one SQLite file holding stories, comments, the saved files they came from, read state and the
 * full-text index. All SQL of the application lives in this package. Each imported page is one transaction, so
 * a killed import leaves the archive as it was before that page.
 *
 * <p>Thread-safe: one connection, used by one caller at a time.
 */
public final class ArchiveStore implements AutoCloseable {

    private static final Gson GSON = new com.google.gson.GsonBuilder()
            .registerTypeAdapter(Instant.class, new com.google.gson.TypeAdapter<Instant>() {
                @Override
                public void write(com.google.gson.stream.JsonWriter out, Instant value) throws java.io.IOException {
                    if (value == null) {
                        out.nullValue();
                    } else {
                        out.value(value.toString());
                    }
                }

                @Override
                public Instant read(com.google.gson.stream.JsonReader in) throws java.io.IOException {
                    if (in.peek() == com.google.gson.stream.JsonToken.NULL) {
                        in.nextNull();
                        return null;
                    }
                    return Instant.parse(in.nextString());
                }
            }).create();

    private final Connection connection;
    private final Path path;
    private final Clock clock;

    private ArchiveStore(Connection connection, Path path, Clock clock) {
        this.connection = connection;
        this.path = path;
        this.clock = clock;
    }

    /** Opens (creating if needed) the archive at {@code file}, migrating its schema. */
    public static ArchiveStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static ArchiveStore open(Path file, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the folder for the archive " + file + ": " + e.getMessage(), e);
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new StoreException("the archive path " + file + " is not a file");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                    config.toProperties());
            try {
                checkIsArchive(connection, file);
                Schema.migrate(connection, file.toString());
                try (Statement st = connection.createStatement()) {
                    st.execute("PRAGMA journal_mode = WAL");
                    st.execute("PRAGMA synchronous = NORMAL");
                    // FTS5 segment merges and the comment indexes touch many pages per import: a bigger cache
                    // (64 MB, in KiB when negative) keeps them in memory.
                    st.execute("PRAGMA cache_size = -65536");
                }
                return new ArchiveStore(connection, file, clock);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open the archive " + file + ": " + oneLine(e), e);
        }
    }

    private static void checkIsArchive(Connection connection, Path file) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            int tables = rs.next() ? rs.getInt(1) : 0;
            if (tables > 0 && Schema.version(connection) == 0) {
                throw new StoreException("the file " + file + " is an SQLite database but not a Threadkeep archive;"
                        + " it was not modified");
            }
        } catch (SQLException e) {
            throw new StoreException("the file " + file + " is not an SQLite database (" + oneLine(e) + ")", e);
        }
    }

    public Path path() {
        return path;
    }

    public int schemaVersion() {
        synchronized (connection) {
            try {
                return Schema.version(connection);
            } catch (SQLException e) {
                throw fail("read the schema version", e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (connection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw fail("close the archive", e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ import

    /**
     * Merges one parsed page into the archive in one transaction: a new story is created, an existing one
     * (same canonical URL) gets new comments, fuller bodies, newer scores and found parents, never anything worse.
     */
    public SaveResult save(ParsedThread thread, SourceFile source) {
        synchronized (connection) {
            try {
                connection.setAutoCommit(false);
                try {
                    SaveResult result = saveInTransaction(thread, source);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw fail("save " + source.pageName(), e);
            }
        }
    }

    private SaveResult saveInTransaction(ParsedThread thread, SourceFile source) throws SQLException {
        String sha = sha256(source.bytes());
        Instant now = clock.instant();
        if (thread.story() == null) {
            return saveContinuation(thread, source, sha, now);
        }
        Story story = thread.story();
        Long storyId = findStory(story.url());
        boolean created = storyId == null;
        if (created) {
            storyId = insertStory(story, now);
        }
        boolean seenBefore = sourceExists(storyId, sha);
        long sourceId = seenBefore ? existingSource(storyId, sha) : insertSource(storyId, source, sha, now, thread);
        boolean storyChanged = !created && mergeStory(storyId, story);
        int[] counts = mergeComments(storyId, thread.comments(), sourceId, thread.capturedAt() != null
                ? thread.capturedAt() : source.capturedAt());
        for (String key : thread.nextPageKeys()) {
            linkPage(key, storyId);
        }
        int[] pendingCounts = attachPendingPages(storyId, thread.nextPageKeys());
        int added = counts[0] + pendingCounts[0];
        int updated = counts[1] + pendingCounts[1];
        SaveResult.Status status;
        if (created) {
            status = SaveResult.Status.IMPORTED;
        } else if (added > 0 || updated > 0 || storyChanged || !seenBefore) {
            status = added > 0 || updated > 0 || storyChanged ? SaveResult.Status.UPDATED : SaveResult.Status.UNCHANGED;
        } else {
            status = SaveResult.Status.UNCHANGED;
        }
        if (!seenBefore || added > 0 || updated > 0 || storyChanged) {
            touchStory(storyId, now, !seenBefore, added > 0 ? sourceId : null, created);
        }
        return new SaveResult(status, storyId, added, updated);
    }

    private SaveResult saveContinuation(ParsedThread thread, SourceFile source, String sha, Instant now)
            throws SQLException {
        String key = thread.continuationKey();
        if (key == null) {
            throw new StoreException("a page without a story header must name the page it continues");
        }
        Long storyId = linkedStory(key);
        if (storyId == null) {
            // Keep the page until its story's first page arrives; it will be merged then.
            if (pendingExists(key, sha)) {
                return new SaveResult(SaveResult.Status.UNCHANGED, null, 0, 0);
            }
            long sourceId = insertSource(null, source, sha, now, thread);
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
        boolean seenBefore = sourceExists(storyId, sha);
        long sourceId = seenBefore ? existingSource(storyId, sha) : insertSource(storyId, source, sha, now, thread);
        int[] counts = mergeComments(storyId, thread.comments(), sourceId, thread.capturedAt());
        for (String next : thread.nextPageKeys()) {
            linkPage(next, storyId);
        }
        int[] pendingCounts = attachPendingPages(storyId, thread.nextPageKeys());
        int added = counts[0] + pendingCounts[0];
        int updated = counts[1] + pendingCounts[1];
        if (!seenBefore || added > 0 || updated > 0) {
            touchStory(storyId, now, !seenBefore, added > 0 ? sourceId : null, false);
        }
        SaveResult.Status status = added > 0 || updated > 0 ? SaveResult.Status.UPDATED : SaveResult.Status.UNCHANGED;
        return new SaveResult(status, storyId, added, updated);
    }

    /** Merges pages that were waiting for one of {@code keys}, and the pages waiting for theirs in turn. */
    private int[] attachPendingPages(long storyId, List<String> keys) throws SQLException {
        int added = 0;
        int updated = 0;
        List<String> queue = new ArrayList<>(keys);
        while (!queue.isEmpty()) {
            String key = queue.remove(0);
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
                        "UPDATE source_file SET story_id = ? WHERE id = ?")) {
                    ps.setLong(1, storyId);
                    ps.setLong(2, sourceId);
                    ps.executeUpdate();
                }
                int[] c = mergeComments(storyId, pending.comments(), sourceId, pending.capturedAt());
                added += c[0];
                updated += c[1];
                for (String next : pending.nextPageKeys()) {
                    linkPage(next, storyId);
                    queue.add(next);
                }
                try (PreparedStatement ps = connection.prepareStatement("DELETE FROM pending_page WHERE id = ?")) {
                    ps.setLong(1, ids.get(i)[0]);
                    ps.executeUpdate();
                }
            }
        }
        return new int[] {added, updated};
    }

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
            ps.setString(2, Objects.requireNonNull(s.url(), "story url"));
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

    /** Fills what the archive lacks from a later save of the story; returns whether anything changed. */
    private boolean mergeStory(long storyId, Story s) throws SQLException {
        Story old = loadStoryRow(storyId).orElseThrow().story();
        String title = firstNonBlank(old.title(), s.title());
        String author = firstNonBlank(old.author(), s.author());
        Instant posted = old.posted() != null ? old.posted() : s.posted();
        String department = firstNonBlank(old.department(), s.department());
        List<String> topics = old.topics().isEmpty() ? s.topics() : old.topics();
        List<String> tags = s.tags().size() > old.tags().size() ? s.tags() : old.tags();
        boolean longerSummary = s.summaryText() != null
                && (old.summaryText() == null || s.summaryText().length() > old.summaryText().length());
        String summaryHtml = longerSummary ? s.summaryHtml() : old.summaryHtml();
        String summaryText = longerSummary ? s.summaryText() : old.summaryText();
        Integer declared = max(old.declaredCommentCount(), s.declaredCommentCount());
        String siteStoryId = firstNonBlank(old.siteStoryId(), s.siteStoryId());
        String link = firstNonBlank(old.linkUrl(), s.linkUrl());
        Story merged = new Story(old.site(), siteStoryId, old.url(), title, author, posted, department, topics, tags,
                summaryHtml, summaryText, declared, link);
        if (merged.equals(old)) {
            return false;
        }
        try (PreparedStatement ps = connection.prepareStatement("""
                UPDATE story SET site_story_id = ?, title = ?, author = ?, posted = ?, department = ?, topics = ?,
                    tags = ?, summary_html = ?, summary_text = ?, declared_comments = ?, link_url = ?
                WHERE id = ?""")) {
            ps.setString(1, siteStoryId);
            ps.setString(2, title);
            ps.setString(3, author);
            ps.setString(4, iso(posted));
            ps.setString(5, department);
            ps.setString(6, GSON.toJson(topics));
            ps.setString(7, GSON.toJson(tags));
            ps.setString(8, summaryHtml);
            ps.setString(9, summaryText);
            setInteger(ps, 10, declared);
            ps.setString(11, link);
            ps.setLong(12, storyId);
            ps.executeUpdate();
        }
        return true;
    }

    private void touchStory(long storyId, Instant now, boolean newSave, Long addingSave, boolean created)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                UPDATE story SET last_imported = ?, saves = saves + ?,
                    had_earlier_save = CASE WHEN ? IS NULL THEN had_earlier_save ELSE ? END,
                    latest_adding_save = COALESCE(?, latest_adding_save)
                WHERE id = ?""")) {
            ps.setString(1, iso(now));
            ps.setInt(2, newSave ? 1 : 0);
            setLong(ps, 3, addingSave);
            ps.setInt(4, created ? 0 : 1);
            setLong(ps, 5, addingSave);
            ps.setLong(6, storyId);
            ps.executeUpdate();
        }
    }

    private boolean sourceExists(long storyId, String sha) throws SQLException {
        return existingSourceOrNull(storyId, sha) != null;
    }

    private long existingSource(long storyId, String sha) throws SQLException {
        return Objects.requireNonNull(existingSourceOrNull(storyId, sha));
    }

    private Long existingSourceOrNull(long storyId, String sha) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id FROM source_file WHERE story_id = ? AND sha256 = ? ORDER BY id LIMIT 1")) {
            ps.setLong(1, storyId);
            ps.setString(2, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
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

    private long insertSource(Long storyId, SourceFile source, String sha, Instant now, ParsedThread thread)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO source_file(story_id, path, page_name, size, sha256, site, parser, parser_version,
                    imported_at, captured_at, raw_deflated) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
                Statement.RETURN_GENERATED_KEYS)) {
            setLong(ps, 1, storyId);
            ps.setString(2, source.path());
            ps.setString(3, source.pageName());
            ps.setLong(4, source.bytes().length);
            ps.setString(5, sha);
            ps.setString(6, thread.story() != null ? thread.story().site().id() : source.parser());
            ps.setString(7, source.parser());
            ps.setInt(8, source.parserVersion());
            ps.setString(9, iso(now));
            ps.setString(10, iso(thread.capturedAt() != null ? thread.capturedAt() : source.capturedAt()));
            ps.setBytes(11, deflate(source.bytes()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void linkPage(String key, long storyId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO page_link(link_key, story_id) VALUES (?, ?) ON CONFLICT(link_key) DO NOTHING")) {
            ps.setString(1, key);
            ps.setLong(2, storyId);
            ps.executeUpdate();
        }
    }

    private Long linkedStory(String key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT story_id FROM page_link WHERE link_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Existing comment state needed to merge; loaded once per page. */
    private record Existing(long rowId, String parentId, double position, Comment comment, String scoreSeen) {
    }

    /** Returns {added, updated}. */
    private int[] mergeComments(long storyId, List<Comment> comments, long sourceId, Instant capturedAt)
            throws SQLException {
        Map<String, Existing> existing = loadExisting(storyId);
        double maxPosition = existing.values().stream().mapToDouble(Existing::position).max().orElse(0);
        String seen = iso(capturedAt);
        int added = 0;
        int updated = 0;
        // Positions for new comments: after the previous comment of this page that the archive already has, so a
        // fuller save slots its extra comments where the page shows them.
        double[] positions = newPositions(comments, existing, maxPosition);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO comment(story_id, site_comment_id, position, first_save, parent_site_id, author,
                    author_id, posted, posted_text, score, label, subject, html, text, completeness, state, post_number,
                    accepted, score_seen)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT(story_id, site_comment_id) DO NOTHING""");
             PreparedStatement update = connection.prepareStatement("""
                UPDATE comment SET parent_site_id = ?, author = ?, author_id = ?, posted = ?, posted_text = ?,
                    score = ?, label = ?, subject = ?, html = ?, text = ?, completeness = ?, state = ?, post_number = ?,
                    accepted = ?, score_seen = ?
                WHERE id = ?""")) {
            int batched = 0;
            for (int i = 0; i < comments.size(); i++) {
                Comment c = comments.get(i);
                Existing old = existing.get(c.id());
                if (old == null) {
                    bindInsert(insert, storyId, c, positions[i], seen, sourceId);
                    insert.addBatch();
                    batched++;
                    existing.put(c.id(), new Existing(-1, c.parentId(), positions[i], c, seen));
                    added++;
                    continue;
                }
                Merged merged = merge(old, c, seen);
                if (merged != null && old.rowId() >= 0) {
                    bindUpdate(update, merged.comment(), merged.scoreSeen(), old.rowId());
                    update.addBatch();
                    batched++;
                    existing.put(c.id(), new Existing(old.rowId(), merged.comment().parentId(), old.position(),
                            merged.comment(), merged.scoreSeen()));
                    updated++;
                }
                if (batched >= 500) {
                    insert.executeBatch();
                    update.executeBatch();
                    batched = 0;
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
        return new int[] {added, updated};
    }

    private static double[] newPositions(List<Comment> comments, Map<String, Existing> existing, double maxPosition) {
        double[] positions = new double[comments.size()];
        // For each page comment, the position of the next comment on the page that the archive already has.
        double[] nextKnown = new double[comments.size()];
        double following = Double.NaN;
        for (int i = comments.size() - 1; i >= 0; i--) {
            nextKnown[i] = following;
            Existing e = existing.get(comments.get(i).id());
            if (e != null) {
                following = e.position();
            }
        }
        double previous = Double.NaN;
        double appendAt = maxPosition;
        for (int i = 0; i < comments.size(); i++) {
            Existing e = existing.get(comments.get(i).id());
            if (e != null) {
                previous = e.position();
                positions[i] = e.position();
                continue;
            }
            double next = nextKnown[i];
            double pos;
            if (!Double.isNaN(previous) && !Double.isNaN(next) && next > previous) {
                pos = previous + (next - previous) / 2;
            } else if (Double.isNaN(previous) && !Double.isNaN(next)) {
                pos = next - 0.5;
            } else {
                appendAt += 1;
                pos = appendAt;
            }
            // Halving can run out of precision after very many merges; fall back to appending.
            if (pos == previous || pos == next) {
                appendAt += 1;
                pos = appendAt;
            }
            positions[i] = pos;
            previous = pos;
            appendAt = Math.max(appendAt, pos);
        }
        return positions;
    }

    private record Merged(Comment comment, String scoreSeen) {
    }

    /** The better of what the archive has and what a page shows; null when nothing improves. */
    static Merged merge(Existing old, Comment c, String seen) {
        Comment o = old.comment();
        boolean fuller = c.completeness().compareTo(o.completeness()) > 0;
        boolean sameLevelLonger = c.completeness() == o.completeness() && c.completeness().hasBody()
                && c.text() != null && (o.text() == null || c.text().length() > o.text().length())
                && c.completeness() != Completeness.FULL;
        boolean takeBody = fuller || sameLevelLonger;
        boolean newerScore = c.score() != null && (old.scoreSeen() == null || seen == null
                || seen.compareTo(old.scoreSeen()) >= 0);
        Integer score = newerScore ? c.score() : (o.score() != null ? o.score() : c.score());
        // A one-line view shows the score without the label: keep the label we know rather than lose it.
        String label = newerScore ? firstNonBlank(c.label(), o.label()) : firstNonBlank(o.label(), c.label());
        String scoreSeen = newerScore ? seen : old.scoreSeen();
        String parent = o.parentId() != null ? o.parentId() : c.parentId();
        if (o.completeness() == Completeness.PLACEHOLDER && c.parentId() != null) {
            parent = c.parentId();
        }
        boolean wasPlaceholder = o.completeness() == Completeness.PLACEHOLDER;
        String author = wasPlaceholder && c.completeness() != Completeness.PLACEHOLDER ? c.author()
                : (o.author() != null ? o.author() : c.author());
        CommentState state = o.state() == CommentState.NORMAL ? c.state() : o.state();
        if (c.state() == CommentState.NORMAL && takeBody) {
            state = CommentState.NORMAL;
        }
        Comment merged = new Comment(o.id(), parent, author,
                o.authorId() != null ? o.authorId() : c.authorId(),
                o.posted() != null ? o.posted() : c.posted(),
                o.postedText() != null ? o.postedText() : c.postedText(),
                score, label,
                firstNonBlank(o.subject(), c.subject()),
                takeBody ? c.html() : o.html(),
                takeBody ? c.text() : o.text(),
                takeBody ? c.completeness() : o.completeness(),
                state,
                o.postNumber() != null ? o.postNumber() : c.postNumber(),
                // an accepted mark can move to another answer: the newer capture knows
                newerScore || c.accepted() ? c.accepted() : o.accepted());
        // When only the time we saw the score moved, there is nothing worth writing or reporting.
        if (merged.equals(o)) {
            return null;
        }
        return new Merged(merged, scoreSeen);
    }

    private Map<String, Existing> loadExisting(long storyId) throws SQLException {
        Map<String, Existing> out = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT id, site_comment_id, parent_site_id, position, author, author_id, posted, posted_text, score,
                    label, subject, html, text, completeness, state, post_number, accepted, score_seen
                FROM comment WHERE story_id = ?""")) {
            ps.setLong(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Comment c = commentFrom(rs, 2);
                    out.put(c.id(), new Existing(rs.getLong(1), c.parentId(), rs.getDouble(4), c, rs.getString(18)));
                }
            }
        }
        return out;
    }

    private static void bindInsert(PreparedStatement ps, long storyId, Comment c, double position, String seen,
                                   long sourceId) throws SQLException {
        ps.setLong(1, storyId);
        ps.setString(2, c.id());
        ps.setDouble(3, position);
        ps.setLong(4, sourceId);
        bindMergedFields(ps, 5, c, seen);
    }

    private static void bindUpdate(PreparedStatement ps, Comment c, String scoreSeen, long rowId) throws SQLException {
        int next = bindMergedFields(ps, 1, c, scoreSeen);
        ps.setLong(next, rowId);
    }

    /**
     * Binds the columns a merge may change, in the order both the INSERT and the UPDATE list them; returns the
     * next parameter index.
     */
    private static int bindMergedFields(PreparedStatement ps, int from, Comment c, String scoreSeen)
            throws SQLException {
        int i = from;
        ps.setString(i++, c.parentId());
        ps.setString(i++, c.author());
        ps.setString(i++, c.authorId());
        ps.setString(i++, iso(c.posted()));
        ps.setString(i++, c.postedText());
        setInteger(ps, i++, c.score());
        ps.setString(i++, c.label());
        ps.setString(i++, c.subject());
        ps.setString(i++, c.html());
        ps.setString(i++, c.text());
        ps.setInt(i++, c.completeness().ordinal());
        ps.setString(i++, c.state().name());
        setInteger(ps, i++, c.postNumber());
        ps.setInt(i++, c.accepted() ? 1 : 0);
        ps.setString(i++, scoreSeen);
        return i;
    }

    /** Reads a comment from columns starting at {@code from}: site id, parent, position, author ... state. */
    private static Comment commentFrom(ResultSet rs, int from) throws SQLException {
        int i = from;
        String id = rs.getString(i);
        String parent = rs.getString(i + 1);
        // i + 2 is position
        String author = rs.getString(i + 3);
        String authorId = rs.getString(i + 4);
        Instant posted = instant(rs.getString(i + 5));
        String postedText = rs.getString(i + 6);
        Integer score = (Integer) rs.getObject(i + 7) == null ? null : rs.getInt(i + 7);
        String label = rs.getString(i + 8);
        String subject = rs.getString(i + 9);
        String html = rs.getString(i + 10);
        String text = rs.getString(i + 11);
        Completeness completeness = Completeness.values()[rs.getInt(i + 12)];
        CommentState state = CommentState.valueOf(rs.getString(i + 13));
        Integer postNumber = rs.getObject(i + 14) == null ? null : rs.getInt(i + 14);
        boolean accepted = rs.getInt(i + 15) == 1;
        return new Comment(id, parent, author, authorId, posted, postedText, score, label, subject, html, text,
                completeness, state, postNumber, accepted);
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** Every story, newest first. */
    public List<StorySummary> listStories() {
        synchronized (connection) {
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
            } catch (SQLException e) {
                throw fail("list the stories", e);
            }
        }
    }

    /** Whether the archive holds any story; cheap, unlike {@link #listStories()}. */
    public boolean hasStories() {
        synchronized (connection) {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM story)")) {
                return rs.next() && rs.getInt(1) == 1;
            } catch (SQLException e) {
                throw fail("look for stories", e);
            }
        }
    }

    public Optional<StoredStory> story(long id) {
        synchronized (connection) {
            try {
                return loadStoryRow(id);
            } catch (SQLException e) {
                throw fail("read story " + id, e);
            }
        }
    }

    /** Finds a story by its archive id or by any URL that normalises to its canonical URL. */
    public Optional<Long> findStoryByUrl(String canonicalUrl) {
        synchronized (connection) {
            try {
                return Optional.ofNullable(findStory(canonicalUrl));
            } catch (SQLException e) {
                throw fail("find a story", e);
            }
        }
    }

    private Optional<StoredStory> loadStoryRow(long id) throws SQLException {
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

    /** The story's comments in depth-first thread order (siblings in page order). */
    public List<StoredComment> comments(long storyId) {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT c.id, c.site_comment_id, c.parent_site_id, c.position, c.author, c.author_id, c.posted,
                        c.posted_text, c.score, c.label, c.subject, c.html, c.text, c.completeness, c.state,
                        c.post_number, c.accepted,
                        c.is_read, (s.had_earlier_save = 1 AND c.first_save = s.latest_adding_save)
                    FROM comment c JOIN story s ON s.id = c.story_id
                    WHERE c.story_id = ? ORDER BY c.position""")) {
                ps.setLong(1, storyId);
                List<StoredComment> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredComment(rs.getLong(1), commentFrom(rs, 2), rs.getInt(18) == 1,
                                rs.getInt(19) == 1));
                    }
                }
                return ThreadOrder.depthFirst(out, sc -> sc.comment().id(), sc -> sc.comment().parentId());
            } catch (SQLException e) {
                throw fail("read the comments of story " + storyId, e);
            }
        }
    }

    /** The raw bytes of every saved page of a story, oldest first (for re-parsing with a newer parser). */
    public List<byte[]> sourcePages(long storyId) {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT raw_deflated FROM source_file WHERE story_id = ? ORDER BY id")) {
                ps.setLong(1, storyId);
                List<byte[]> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(inflate(rs.getBytes(1)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw fail("read the saved pages of story " + storyId, e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ read state

    /** Marks the given comments (archive row ids) read. */
    public void markRead(Collection<Long> commentRowIds) {
        if (commentRowIds.isEmpty()) {
            return;
        }
        synchronized (connection) {
            try {
                connection.setAutoCommit(false);
                try (PreparedStatement ps = connection.prepareStatement(
                        "UPDATE comment SET is_read = 1 WHERE id = ? AND is_read = 0")) {
                    for (long id : commentRowIds) {
                        ps.setLong(1, id);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw fail("mark comments read", e);
            }
        }
    }

    /** Marks every comment of the story read (or unread). */
    public void markStoryRead(long storyId, boolean read) {
        execute("mark a story read", "UPDATE comment SET is_read = ? WHERE story_id = ?", read ? 1 : 0, storyId);
    }

    /** Records that the reader opened the story now. */
    public void markOpened(long storyId) {
        execute("remember the story was opened", "UPDATE story SET last_read = ? WHERE id = ?",
                iso(clock.instant()), storyId);
    }

    /** Deletes a story with its comments and saved files. */
    public boolean deleteStory(long storyId) {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM story WHERE id = ?")) {
                ps.setLong(1, storyId);
                return ps.executeUpdate() > 0;
            } catch (SQLException e) {
                throw fail("delete story " + storyId, e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ settings

    public Optional<String> setting(String key) {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw fail("read a setting", e);
            }
        }
    }

    public void putSetting(String key, String value) {
        execute("save a setting", "INSERT INTO setting(key, value) VALUES (?, ?) "
                + "ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
    }

    // ------------------------------------------------------------------------------------------------ stats

    /** Counts for diagnostics and tests: stories, comments (incl. placeholders), saved files, pending pages. */
    public Map<String, Long> counts() {
        synchronized (connection) {
            Map<String, Long> out = new java.util.LinkedHashMap<>();
            try (Statement st = connection.createStatement()) {
                for (String table : List.of("story", "comment", "source_file", "pending_page")) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                        rs.next();
                        out.put(table, rs.getLong(1));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM comment_fts")) {
                    rs.next();
                    out.put("comment_fts", rs.getLong(1));
                }
            } catch (SQLException e) {
                throw fail("count rows", e);
            }
            return out;
        }
    }

    /** Checks the full-text index against its content (FTS5 integrity-check); throws when they disagree. */
    public void checkSearchIndex() {
        execute("check the search index",
                "INSERT INTO comment_fts(comment_fts, rank) VALUES ('integrity-check', 1)");
        execute("check the search index", "INSERT INTO story_fts(story_fts, rank) VALUES ('integrity-check', 1)");
    }

    /**
     * Runs a read-only query for the search layer. Exposed package-wide only: SQL stays in this package.
     */
    <T> T withConnection(SqlFunction<T> work) {
        synchronized (connection) {
            try {
                return work.apply(connection);
            } catch (SQLException e) {
                throw fail("query the archive", e);
            }
        }
    }

    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void execute(String what, String sql, Object... args) {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.execute();
            } catch (SQLException e) {
                throw fail(what, e);
            }
        }
    }

    private StoreException fail(String what, SQLException e) {
        return new StoreException("cannot " + what + " in " + path + ": " + oneLine(e), e);
    }

    private static String oneLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    static Site site(String id) {
        return Site.fromId(id).orElseThrow(() -> new StoreException("unknown site in archive: " + id));
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static Integer max(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    static byte[] deflate(byte[] bytes) {
        // The default level: the best level costs about twice the time for a percent or two of size.
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 6));
            byte[] buffer = new byte[65536];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static byte[] inflate(byte[] bytes) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 6);
            byte[] buffer = new byte[65536];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new StoreException("a saved page in the archive is corrupt");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (java.util.zip.DataFormatException e) {
            throw new StoreException("a saved page in the archive is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** What a waiting continuation page keeps, as JSON in {@code pending_page}. */
    private record PendingThread(List<Comment> comments, List<String> nextPageKeys, Instant capturedAt) {
        static PendingThread of(ParsedThread t) {
            return new PendingThread(t.comments(), t.nextPageKeys(), t.capturedAt());
        }
    }
}
