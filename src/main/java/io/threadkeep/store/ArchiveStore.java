package io.threadkeep.store;

import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The archive: one SQLite file holding the saved pages (the record), the stories and comments derived from them, read
 * state and the full-text index. All SQL of the application lives in this package. This class owns the connection and
 * its transactions; writing imports ({@link ImportWriter}), reader queries ({@link ReaderQueries}), read state
 * ({@link ReadState}) and rebuilding ({@link Rebuilds}) are their own classes. Each imported page and each rebuilt
 * story is one transaction, so a killed process leaves the archive as it was before that page or story.
 *
 * <p>Writers take the database's write lock when their transaction begins ({@code BEGIN IMMEDIATE}) and wait for
 * another process's writer rather than fail; a transaction that still meets a busy database is retried.
 *
 * <p>Thread-safe: one connection, used by one caller at a time.
 */
public final class ArchiveStore implements ReadingArchive, AutoCloseable {

    /** How long one statement waits for another process's lock before SQLite reports the database busy. */
    private static final int BUSY_TIMEOUT_MS = 15_000;
    /** Whole transactions retried on a busy database (a snapshot gone stale, a lock held longer than the timeout). */
    private static final int WRITE_ATTEMPTS = 6;

    private final Connection connection;
    private final Path path;
    private final Clock clock;
    private final boolean readOnly;
    private final ImportWriter imports;
    private final ReaderQueries queries;
    private final ReadState readState;
    private final Rebuilds rebuilds;
    private final ReaderMarks readerMarks;

    private ArchiveStore(Connection connection, Path path, Clock clock, boolean readOnly) {
        this.connection = connection;
        this.path = path;
        this.clock = clock;
        this.readOnly = readOnly;
        this.imports = new ImportWriter(connection);
        this.queries = new ReaderQueries(connection);
        this.readState = new ReadState(connection);
        this.rebuilds = new Rebuilds(connection, imports);
        this.readerMarks = new ReaderMarks(this, clock);
    }

    /** Opens (creating if needed) the archive at {@code file}, migrating its schema. */
    public static ArchiveStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static ArchiveStore open(Path file, Clock clock) {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        boolean exists = Files.exists(absolute);
        if (exists && !Files.isRegularFile(absolute)) {
            throw new StoreException("the archive path " + file + " is not a file");
        }
        if (!exists) {
            try {
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (java.io.IOException e) {
                throw new StoreException("cannot create the folder for the archive " + file + ": " + e.getMessage(), e);
            }
            if (parent != null && !Files.isWritable(parent)) {
                throw new StoreException("cannot create the archive " + file + ": the folder " + parent
                        + " is read-only");
            }
        }
        // SQLite needs to create its journal files beside the archive: without a writable folder it can only read.
        boolean readOnly = exists && (parent != null && !Files.isWritable(parent) || !Files.isWritable(absolute));
        try {
            Connection connection = readOnly ? openReadOnly(absolute) : connect(absolute, false);
            try {
                checkIsArchive(connection, file);
                if (readOnly) {
                    int version = Schema.version(connection);
                    if (version > Schema.CURRENT_VERSION) {
                        Schema.migrate(connection, file.toString());
                    } else if (version < Schema.CURRENT_VERSION) {
                        throw new StoreException("the archive " + file + " needs upgrading to this version of"
                                + " Threadkeep, but " + readOnlyReason(absolute) + "; make it writable once");
                    }
                } else {
                    Schema.migrate(connection, file.toString());
                    useWriteAheadLog(connection);
                }
                try (Statement st = connection.createStatement()) {
                    // FTS5 segment merges and the comment indexes touch many pages per import: a bigger cache
                    // (64 MB, in KiB when negative) keeps them in memory.
                    st.execute("PRAGMA cache_size = -65536");
                }
                return new ArchiveStore(connection, file, clock, readOnly);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open the archive " + file + ": " + describe(e), e);
        }
    }

    /**
     * Switches a new archive to WAL. Changing the journal mode needs the file to itself, and SQLite answers BUSY at
     * once instead of calling the busy handler when another connection (a second import opening the same new
     * archive) holds it; so the switch is retried within the usual busy timeout. An archive already in WAL skips it.
     */
    private static void useWriteAheadLog(Connection connection) throws SQLException {
        long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
        try (Statement st = connection.createStatement()) {
            while (true) {
                try {
                    try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                        if (rs.next() && "wal".equalsIgnoreCase(rs.getString(1))) {
                            break;
                        }
                    }
                    try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                        // SQLite may also answer with the old mode when it could not switch: try again, and past
                        // the timeout stay in the old mode (the archive works; the next open switches it).
                        if (rs.next() && "wal".equalsIgnoreCase(rs.getString(1)) || System.nanoTime() > deadline) {
                            break;
                        }
                    }
                } catch (SQLException e) {
                    boolean busy = e.getMessage() != null && (e.getMessage().contains("SQLITE_BUSY")
                            || e.getMessage().contains("locked"));
                    if (!busy || System.nanoTime() > deadline) {
                        throw e;
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for the archive", interrupted);
                }
            }
            st.execute("PRAGMA synchronous = NORMAL");
        }
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setReadOnly(readOnly);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    /**
     * A read-only folder cannot hold the write-ahead log's shared-memory file that reading a WAL archive needs; when
     * the plain read-only open fails for that, the file is opened as immutable (nothing can change it anyway).
     */
    private static Connection openReadOnly(Path file) throws SQLException {
        Connection plain = connect(file, true);
        try (Statement st = plain.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
            return plain;
        } catch (SQLException e) {
            plain.close();
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        String uri = file.toUri().toString();
        return DriverManager.getConnection("jdbc:sqlite:" + uri + "?immutable=1", config.toProperties());
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

    private static String readOnlyReason(Path file) {
        Path parent = file.getParent();
        if (parent != null && !Files.isWritable(parent)) {
            return "the folder " + parent + " is read-only";
        }
        return "the file " + file + " is read-only";
    }

    public Path path() {
        return path;
    }

    @Override
    public ReaderMarks readerMarks() {
        return readerMarks;
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    public int schemaVersion() {
        return read("read the schema version", Schema::version);
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
     * Adds one parsed page to the archive in one transaction and re-derives the story it feeds: a new story is
     * created, an existing one (same canonical URL) is folded again from all its pages.
     */
    public SaveResult save(ParsedThread thread, SourceFile source) {
        return save(prepare(thread, source));
    }

    /** The same, for a page whose hash and compression were done beforehand (by {@link #prepare}). */
    public SaveResult save(PreparedPage page) {
        Instant now = clock.instant();
        return write("save " + page.pageName(), c -> imports.save(page, now));
    }

    /** Hashes and compresses a page for {@link #save(PreparedPage)}; needs no archive, so any thread may call it. */
    public static PreparedPage prepare(ParsedThread thread, SourceFile source) {
        return new PreparedPage(thread, source);
    }

    // ------------------------------------------------------------------------------------------------ rebuild

    /** Stories fed by a page that no current parser version read (given each parser's current version by name). */
    public List<Long> staleStories(Map<String, Integer> currentParsers) {
        return read("look for pages read by older parsers", c -> rebuilds.staleStories(currentParsers));
    }

    /** Every story's id, oldest first. */
    public List<Long> storyIds() {
        return read("list the stories", c -> rebuilds.storyIds());
    }

    /**
     * Parses every saved page of the story again and derives its thread anew, in one transaction. The story keeps its
     * id; read marks, the last-read place and anything else keyed by the comments' site ids stay.
     */
    public SaveResult rebuildStory(long storyId, PageReparser reparser) {
        // Parsing is slow: done before the write transaction, so another process's import is not held up by it.
        List<StoredPage> pages = read("read the saved pages of story " + storyId,
                c -> rebuilds.storedPages(storyId));
        Map<Long, PageReparser.Reparsed> fresh = new LinkedHashMap<>();
        for (StoredPage page : pages) {
            fresh.put(page.sourceId(), reparser.reparse(page));
        }
        Instant now = clock.instant();
        return write("rebuild story " + storyId, c -> rebuilds.rebuild(storyId, fresh, now));
    }

    // ------------------------------------------------------------------------------------------------ reading

    @Override
    public List<StorySummary> listStories() {
        return read("list the stories", c -> queries.listStories());
    }

    @Override
    public boolean hasStories() {
        return read("look for stories", c -> queries.hasStories());
    }

    @Override
    public Optional<StoredStory> story(long id) {
        return read("read story " + id, c -> queries.story(id));
    }

    /** Finds a story by any URL that normalises to its canonical URL. */
    public Optional<Long> findStoryByUrl(String canonicalUrl) {
        return read("find a story", c -> Optional.ofNullable(queries.findStory(canonicalUrl)));
    }

    @Override
    public List<StoredComment> comments(long storyId) {
        return read("read the comments of story " + storyId, c -> queries.comments(storyId));
    }

    /** The raw bytes of every saved page of a story, in the order they were imported. */
    public List<byte[]> sourcePages(long storyId) {
        return read("read the saved pages of story " + storyId,
                c -> rebuilds.storedPages(storyId).stream().map(StoredPage::bytes).toList());
    }

    // ------------------------------------------------------------------------------------------------ read state

    // A read-only archive can still be read: what the reader marks then is not kept, by design rather than error.

    @Override
    public void markRead(Collection<Long> commentRowIds) {
        if (commentRowIds.isEmpty() || readOnly) {
            return;
        }
        write("mark comments read", c -> {
            readState.markRead(commentRowIds);
            return null;
        });
    }

    @Override
    public void markStoryRead(long storyId, boolean read) {
        if (readOnly) {
            return;
        }
        write("mark a story read", c -> {
            readState.markStoryRead(storyId, read);
            return null;
        });
    }

    @Override
    public void markOpened(long storyId) {
        if (readOnly) {
            return;
        }
        Instant now = clock.instant();
        write("remember the story was opened", c -> {
            readState.markOpened(storyId, now);
            return null;
        });
    }

    @Override
    public boolean deleteStory(long storyId) {
        return write("delete story " + storyId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM story WHERE id = ?")) {
                ps.setLong(1, storyId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ settings

    @Override
    public Optional<String> setting(String key) {
        return read("read a setting", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void putSetting(String key, String value) {
        if (readOnly) {
            return;
        }
        write("save a setting", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO setting(key, value) VALUES (?, ?) "
                    + "ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------------ stats

    /** Counts for diagnostics and tests: stories, comments (incl. placeholders), saved files, pending pages. */
    public Map<String, Long> counts() {
        return read("count rows", c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement()) {
                for (String table : List.of("story", "comment", "source_file", "pending_page", "comment_fts")) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                        rs.next();
                        out.put(table, rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    /** Checks the full-text index against its content (FTS5 integrity-check); throws when they disagree. */
    public void checkSearchIndex() {
        read("check the search index", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO comment_fts(comment_fts, rank) VALUES ('integrity-check', 1)");
                st.execute("INSERT INTO story_fts(story_fts, rank) VALUES ('integrity-check', 1)");
            }
            return null;
        });
    }

    /**
     * Runs a read-only query for the search layer. Exposed package-wide only: SQL stays in this package.
     */
    <T> T withConnection(SqlFunction<T> work) {
        return read("query the archive", work);
    }

    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    // ------------------------------------------------------------------------------------------------ transactions

    private <T> T read(String what, SqlFunction<T> work) {
        synchronized (connection) {
            try {
                return work.apply(connection);
            } catch (SQLException e) {
                throw fail(what, e);
            }
        }
    }

    /**
     * Runs {@code work} in one write transaction, begun IMMEDIATE so the write lock is taken (or waited for) before
     * anything is read: a deferred transaction that read first could not upgrade once another process had written.
     * A transaction that still finds the database busy is rolled back and run again from the start.
     */
    private <T> T write(String what, SqlFunction<T> work) {
        if (readOnly) {
            throw new StoreException("cannot " + what + ": " + readOnlyReason(path.toAbsolutePath())
                    + "; the archive can be read but not changed");
        }
        synchronized (connection) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return inTransaction(work);
                } catch (SQLException e) {
                    if (!isBusy(e) || attempt >= WRITE_ATTEMPTS) {
                        throw fail(what, e);
                    }
                    pause(attempt);
                }
            }
        }
    }

    private <T> T inTransaction(SqlFunction<T> work) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
        }
        try {
            T result = work.apply(connection);
            try (Statement st = connection.createStatement()) {
                st.execute("COMMIT");
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback(e);
            throw e;
        }
    }

    /** Undoes a failed transaction; SQLite may already have rolled it back itself (a full disk does). */
    private void rollback(Exception cause) {
        try (Statement st = connection.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            // "no transaction is active" only says SQLite undid it already; anything else goes with the cause.
            if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the archive", e);
        }
    }

    static boolean isBusy(SQLException e) {
        int code = primaryCode(e);
        return code == 5 || code == 6;
    }

    private static int primaryCode(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException s) {
                return s.getResultCode().code & 0xff;
            }
            if (t instanceof SQLException q && q.getErrorCode() != 0) {
                return q.getErrorCode() & 0xff;
            }
        }
        return 0;
    }

    private StoreException fail(String what, SQLException e) {
        return new StoreException("cannot " + what + " in " + path + ": " + describe(e), e);
    }

    /** One line for the user, naming the cause in their terms where SQLite's code says what it is. */
    private static String describe(SQLException e) {
        return switch (primaryCode(e)) {
            case 13 -> "the disk is full; the archive was left as it was";
            case 8 -> "the archive or its folder is read-only";
            case 5, 6 -> "another program kept the archive busy; nothing was changed, try again";
            default -> oneLine(e);
        };
    }

    private static String oneLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    static Site site(String id) {
        return Rows.site(id);
    }

    static String iso(Instant instant) {
        return Rows.iso(instant);
    }

    static Instant instant(String iso) {
        return Rows.instant(iso);
    }
}
