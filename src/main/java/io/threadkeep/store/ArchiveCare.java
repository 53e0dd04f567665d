package io.threadkeep.store;

import io.threadkeep.model.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Looking after the archive file: online backups, integrity checks, and what takes its space. A backup and a check
 * use their own connection, so they run while the window has the archive open (WAL lets readers and the writer
 * work side by side, and a backup reads one consistent snapshot).
 */
public final class ArchiveCare {

    /** The setting that records whether the window closed the archive cleanly. */
    static final String SESSION_KEY = "window_session";

    private ArchiveCare() {
    }

    // ------------------------------------------------------------------------------------------------ backup

    /**
     * Writes a consistent copy of the archive to {@code target} with {@code VACUUM INTO} (compact, one file, no
     * WAL beside it). The copy is made next to the target and moved into place, so a failed backup never leaves a
     * half-written file under the name.
     *
     * @return the size of the copy in bytes
     */
    public static long backup(Path archive, Path target) {
        requireArchive(archive);
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Path temp = parent.resolve("." + absolute.getFileName() + ".backup-part");
        try {
            Files.createDirectories(parent);
            Files.deleteIfExists(temp);
            try (Connection c = connect(archive, true); PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, temp.toString());
                ps.execute();
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(absolute);
        } catch (SQLException e) {
            throw new StoreException("cannot back up " + archive + " to " + target + ": " + oneLine(e), e);
        } catch (IOException e) {
            throw new StoreException("cannot write the backup " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // The copy itself succeeded or failed above; a leftover temporary file is only untidy.
                temp.toFile().deleteOnExit();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ check

    /** One finding of a check: one line, and whether it is a problem. */
    public record Finding(boolean problem, String line) {
        static Finding ok(String line) {
            return new Finding(false, line);
        }

        static Finding problem(String line) {
            return new Finding(true, line);
        }
    }

    /**
     * Checks the archive: SQLite's integrity (or the quick check), foreign keys, both full-text indexes, counts,
     * and every stored page against its recorded SHA-256. {@code quick} runs SQLite's quick_check and leaves out the
     * page hashes, for a check at start-up. Never throws for a damaged archive: damage is a finding.
     */
    public static List<Finding> check(Path archive, boolean quick, BooleanSupplier cancelled) {
        List<Finding> out = new ArrayList<>();
        if (!Files.isRegularFile(archive)) {
            out.add(Finding.problem("archive: there is no archive file at " + archive));
            return out;
        }
        // Read-write: the full-text integrity check is spelled as an INSERT, though it changes nothing.
        try (Connection c = connect(archive, false)) {
            try {
                int version = Schema.version(c);
                if (version == 0) {
                    out.add(Finding.problem("archive: " + archive + " is not a Threadkeep archive"));
                    return out;
                }
            } catch (SQLException e) {
                out.add(Finding.problem("archive: " + archive + " cannot be read as SQLite: " + oneLine(e)));
                return out;
            }
            out.add(integrity(c, quick));
            out.add(foreignKeys(c));
            out.add(fts(c, "comment_fts", "comments"));
            out.add(fts(c, "story_fts", "stories"));
            out.add(counts(c));
            if (!quick && !cancelled.getAsBoolean()) {
                out.addAll(pageHashes(c, cancelled));
            }
        } catch (SQLException e) {
            out.add(Finding.problem("archive: cannot open " + archive + ": " + oneLine(e)));
        }
        return out;
    }

    private static Finding integrity(Connection c, boolean quick) {
        String pragma = quick ? "quick_check" : "integrity_check";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            List<String> messages = new ArrayList<>();
            while (rs.next()) {
                messages.add(rs.getString(1));
            }
            if (messages.size() == 1 && messages.get(0).equals("ok")) {
                return Finding.ok("integrity: ok (" + pragma.replace('_', ' ') + ")");
            }
            return Finding.problem("integrity: " + messages.size() + " problem(s), first: " + messages.get(0));
        } catch (SQLException e) {
            return Finding.problem("integrity: the check could not run: " + oneLine(e));
        }
    }

    private static Finding foreignKeys(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            int n = 0;
            String first = null;
            while (rs.next()) {
                if (first == null) {
                    first = rs.getString(1) + " row " + rs.getLong(2) + " points to a missing " + rs.getString(3);
                }
                n++;
            }
            return n == 0 ? Finding.ok("references: ok")
                    : Finding.problem("references: " + n + " row(s) point nowhere, first: " + first);
        } catch (SQLException e) {
            return Finding.problem("references: the check could not run: " + oneLine(e));
        }
    }

    private static Finding fts(Connection c, String table, String what) {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + table + "(" + table + ", rank) VALUES ('integrity-check', 1)");
            return Finding.ok("search index of " + what + ": ok");
        } catch (SQLException e) {
            return Finding.problem("search index of " + what + ": does not match the " + what + " ("
                    + oneLine(e) + "); rebuild it with: INSERT INTO " + table + "(" + table + ") VALUES ('rebuild')");
        }
    }

    private static Finding counts(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT (SELECT count(*) FROM story), (SELECT count(*) FROM comment WHERE completeness > 0),
                    (SELECT count(*) FROM comment WHERE completeness = 0), (SELECT count(*) FROM source_file),
                    (SELECT count(*) FROM pending_page)""")) {
            rs.next();
            return Finding.ok(String.format(Locale.ROOT,
                    "counts: %,d stories, %,d comments (+%,d placeholders), %,d saved pages, %,d pages waiting for"
                            + " their story", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5)));
        } catch (SQLException e) {
            return Finding.problem("counts: cannot count: " + oneLine(e));
        }
    }

    private static List<Finding> pageHashes(Connection c, BooleanSupplier cancelled) {
        List<Finding> out = new ArrayList<>();
        int checked = 0;
        int bad = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, path, page_name, sha256, raw_deflated FROM source_file ORDER BY id")) {
            while (rs.next()) {
                if (cancelled.getAsBoolean()) {
                    out.add(Finding.ok("saved pages: check cancelled after " + checked));
                    return out;
                }
                checked++;
                String problem;
                try {
                    String actual = Rows.sha256(Rows.inflate(rs.getBytes(5)));
                    problem = actual.equals(rs.getString(4)) ? null : "its bytes do not match their recorded hash";
                } catch (RuntimeException e) {
                    problem = "its bytes cannot be read back (" + e.getMessage() + ")";
                }
                if (problem != null) {
                    bad++;
                    out.add(Finding.problem("saved page " + rs.getLong(1) + " (" + rs.getString(2)
                            + (rs.getString(2).endsWith(rs.getString(3)) ? "" : " " + rs.getString(3)) + "): "
                            + problem));
                }
            }
        } catch (SQLException e) {
            out.add(Finding.problem("saved pages: cannot read them: " + oneLine(e)));
            return out;
        }
        if (bad == 0) {
            out.add(Finding.ok(String.format(Locale.ROOT, "saved pages: %,d checked, every hash matches", checked)));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ stats

    /**
     * What the archive holds and what takes its space.
     *
     * @param stories         stories
     * @param commentsBySite  saved comments (placeholders not counted) per site, most first
     * @param pages           saved pages
     * @param pageBytes       the saved pages' original size
     * @param fileBytes       the archive file with its WAL
     * @param spaceByPart     bytes per part of the archive (stored pages, comments, search index...), most first;
     *                        from SQLite's dbstat where the library has it, else estimated from the content
     * @param measured        whether spaceByPart comes from dbstat
     */
    public record Stats(long stories, Map<Site, Long> commentsBySite, long pages, long pageBytes, long fileBytes,
                        Map<String, Long> spaceByPart, boolean measured) {
    }

    public static Stats stats(ArchiveStore store) {
        return store.withConnection(c -> {
            long stories = single(c, "SELECT count(*) FROM story");
            Map<Site, Long> bySite = new LinkedHashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT s.site, count(c.id) FROM story s LEFT JOIN comment c
                        ON c.story_id = s.id AND c.completeness > 0
                    GROUP BY s.site ORDER BY 2 DESC, 1""")) {
                while (rs.next()) {
                    bySite.put(ArchiveStore.site(rs.getString(1)), rs.getLong(2));
                }
            }
            long pages = single(c, "SELECT count(*) FROM source_file");
            long pageBytes = single(c, "SELECT COALESCE(sum(size), 0) FROM source_file");
            long fileBytes = size(store.path()) + size(Path.of(store.path() + "-wal"));
            Map<String, Long> space = new LinkedHashMap<>();
            boolean measured = true;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT name, sum(pgsize) FROM dbstat GROUP BY name")) {
                Map<String, Long> raw = new LinkedHashMap<>();
                while (rs.next()) {
                    raw.merge(part(rs.getString(1)), rs.getLong(2), Long::sum);
                }
                raw.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(e -> space.put(e.getKey(), e.getValue()));
            } catch (SQLException noDbstat) {
                measured = false;
                space.put("saved pages (compressed)", single(c,
                        "SELECT COALESCE(sum(length(raw_deflated)), 0) FROM source_file"));
                space.put("comments", single(c, "SELECT COALESCE(sum(length(html) + length(text)), 0) FROM comment"));
            }
            return new Stats(stories, bySite, pages, pageBytes, fileBytes, space, measured);
        });
    }

    /** Folds SQLite's tables and indexes into the parts a reader knows. */
    private static String part(String name) {
        if (name.startsWith("comment_fts") || name.startsWith("story_fts")) {
            return "search index";
        }
        if (name.startsWith("source_file") || name.startsWith("sqlite_autoindex_source_file")) {
            return "saved pages (compressed)";
        }
        if (name.startsWith("comment")) {
            return name.equals("comment") ? "comments" : "comment indexes";
        }
        if (name.startsWith("story") || name.startsWith("sqlite_autoindex_story")) {
            return "stories";
        }
        if (name.startsWith("pending_page") || name.startsWith("page_link")) {
            return "pages waiting for their story";
        }
        return "other";
    }

    // ------------------------------------------------------------------------------------------------ sessions

    /**
     * Records that the window opened the archive and tells whether the previous session ended without closing it
     * (a crash or a killed process), in which case a quick check is worth running.
     */
    public static boolean beginSession(ArchiveStore store) {
        boolean unclean = store.setting(SESSION_KEY).map("open"::equals).orElse(false);
        store.putSetting(SESSION_KEY, "open");
        return unclean;
    }

    /** Records that the window closed the archive cleanly. */
    public static void endSession(ArchiveStore store) {
        store.putSetting(SESSION_KEY, "closed");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void requireArchive(Path archive) {
        if (!Files.isRegularFile(archive)) {
            throw new StoreException("there is no archive at " + archive);
        }
    }

    private static Connection connect(Path archive, boolean readOnly) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(10_000);
        return DriverManager.getConnection("jdbc:sqlite:" + archive.toAbsolutePath(), config.toProperties());
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            throw new StoreException("cannot read the size of " + p + ": " + e.getMessage(), e);
        }
    }

    private static String oneLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
