package io.threadkeep.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The archive's schema as a list of migrations; {@code PRAGMA user_version} records how many have run. A database
 * from a newer Threadkeep (higher version than we know) is refused and never modified.
 */
final class Schema {

    /** Each entry brings the schema from version i to i+1. Never edit a released entry: append a new one. */
    private static final List<String> MIGRATIONS = List.of(
            """
            CREATE TABLE story (
                id INTEGER PRIMARY KEY,
                site TEXT NOT NULL,
                url TEXT NOT NULL UNIQUE,
                site_story_id TEXT,
                title TEXT,
                author TEXT,
                posted TEXT,
                department TEXT,
                topics TEXT NOT NULL DEFAULT '[]',
                tags TEXT NOT NULL DEFAULT '[]',
                summary_html TEXT,
                summary_text TEXT,
                declared_comments INTEGER,
                link_url TEXT,
                first_imported TEXT NOT NULL,
                last_imported TEXT NOT NULL,
                last_read TEXT,
                saves INTEGER NOT NULL DEFAULT 0,
                -- the save that last added comments, and whether an earlier save existed then: "new since last save"
                latest_adding_save INTEGER,
                had_earlier_save INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX story_site_id ON story(site, site_story_id);

            CREATE TABLE source_file (
                id INTEGER PRIMARY KEY,
                story_id INTEGER REFERENCES story(id) ON DELETE CASCADE,
                path TEXT NOT NULL,
                page_name TEXT NOT NULL,
                size INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                site TEXT NOT NULL,
                parser TEXT NOT NULL,
                parser_version INTEGER NOT NULL,
                imported_at TEXT NOT NULL,
                captured_at TEXT,
                raw_deflated BLOB NOT NULL
            );
            CREATE INDEX source_file_story ON source_file(story_id);
            CREATE INDEX source_file_sha ON source_file(sha256);

            CREATE TABLE comment (
                id INTEGER PRIMARY KEY,
                story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
                site_comment_id TEXT NOT NULL,
                parent_site_id TEXT,
                position REAL NOT NULL,
                author TEXT,
                author_id TEXT,
                posted TEXT,
                posted_text TEXT,
                score INTEGER,
                label TEXT,
                subject TEXT,
                html TEXT,
                text TEXT,
                completeness INTEGER NOT NULL,
                state TEXT NOT NULL DEFAULT 'NORMAL',
                score_seen TEXT,
                first_save INTEGER,
                is_read INTEGER NOT NULL DEFAULT 0,
                UNIQUE (story_id, site_comment_id)
            );
            CREATE INDEX comment_author ON comment(author COLLATE NOCASE);
            CREATE INDEX comment_story_position ON comment(story_id, position);

            -- continuation pages (HN "More") attach to a story through the keys of its "More" links
            CREATE TABLE page_link (
                link_key TEXT PRIMARY KEY,
                story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE
            );
            CREATE TABLE pending_page (
                id INTEGER PRIMARY KEY,
                link_key TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                site TEXT NOT NULL,
                thread_json TEXT NOT NULL,
                source_id INTEGER NOT NULL REFERENCES source_file(id) ON DELETE CASCADE,
                UNIQUE (link_key, sha256)
            );

            CREATE VIRTUAL TABLE comment_fts USING fts5(
                subject, text, author,
                content='comment', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2', prefix='2 3');
            CREATE TRIGGER comment_fts_insert AFTER INSERT ON comment BEGIN
                INSERT INTO comment_fts(rowid, subject, text, author) VALUES (new.id, new.subject, new.text, new.author);
            END;
            CREATE TRIGGER comment_fts_delete AFTER DELETE ON comment BEGIN
                INSERT INTO comment_fts(comment_fts, rowid, subject, text, author)
                    VALUES ('delete', old.id, old.subject, old.text, old.author);
            END;
            CREATE TRIGGER comment_fts_update AFTER UPDATE OF subject, text, author ON comment BEGIN
                INSERT INTO comment_fts(comment_fts, rowid, subject, text, author)
                    VALUES ('delete', old.id, old.subject, old.text, old.author);
                INSERT INTO comment_fts(rowid, subject, text, author) VALUES (new.id, new.subject, new.text, new.author);
            END;

            CREATE VIRTUAL TABLE story_fts USING fts5(
                title, summary_text,
                content='story', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2', prefix='2 3');
            CREATE TRIGGER story_fts_insert AFTER INSERT ON story BEGIN
                INSERT INTO story_fts(rowid, title, summary_text) VALUES (new.id, new.title, new.summary_text);
            END;
            CREATE TRIGGER story_fts_delete AFTER DELETE ON story BEGIN
                INSERT INTO story_fts(story_fts, rowid, title, summary_text)
                    VALUES ('delete', old.id, old.title, old.summary_text);
            END;
            CREATE TRIGGER story_fts_update AFTER UPDATE OF title, summary_text ON story BEGIN
                INSERT INTO story_fts(story_fts, rowid, title, summary_text)
                    VALUES ('delete', old.id, old.title, old.summary_text);
                INSERT INTO story_fts(rowid, title, summary_text) VALUES (new.id, new.title, new.summary_text);
            END;

            CREATE TABLE setting (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            """,
            // 2: search ordered by date walks these instead of sorting every match; an author's comments come
            // newest first straight from the second.
            """
            CREATE INDEX IF NOT EXISTS comment_posted ON comment(posted);
            CREATE INDEX IF NOT EXISTS comment_author_posted ON comment(author COLLATE NOCASE, posted);
            """,
            // 3: forums number their posts; Q&A sites mark one answer accepted.
            """
            ALTER TABLE comment ADD COLUMN post_number INTEGER;
            ALTER TABLE comment ADD COLUMN accepted INTEGER NOT NULL DEFAULT 0;
            """,
            // 4 (the saved pages are the record, the thread derived from them): each page keeps what a re-parse
            // needs (its URL and charset from the container), its place in a chain of "More" pages, whether it was
            // cut short, and the parse it gave (deflated JSON; null on pages imported before, until a rebuild).
            // Read marks on comments a rebuild no longer finds wait, dormant, for a page that brings them back.
            """
            ALTER TABLE source_file ADD COLUMN page_url TEXT;
            ALTER TABLE source_file ADD COLUMN charset TEXT;
            ALTER TABLE source_file ADD COLUMN chain_depth INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE source_file ADD COLUMN truncated INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE source_file ADD COLUMN parsed_deflated BLOB;
            ALTER TABLE page_link ADD COLUMN depth INTEGER NOT NULL DEFAULT 1;
            CREATE TABLE dormant_read (
                story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
                site_comment_id TEXT NOT NULL,
                PRIMARY KEY (story_id, site_comment_id)
            ) WITHOUT ROWID;
            """,
            // 5 (reader marks): what the reader made of the archive. Keyed by the
            // story id and the site's own comment id, or by site and author, never by comment row ids, so stars,
            // notes, scoring and the reading position survive a rebuild of a story's thread from its pages.
            """
            CREATE TABLE reader_mark (
                story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
                site_comment_id TEXT NOT NULL,
                starred INTEGER NOT NULL DEFAULT 0,
                note TEXT,
                changed_at TEXT NOT NULL,
                PRIMARY KEY (story_id, site_comment_id)
            );
            CREATE INDEX reader_mark_changed ON reader_mark(changed_at);
            CREATE TABLE reader_author (
                site TEXT NOT NULL,
                author TEXT NOT NULL COLLATE NOCASE,
                points INTEGER NOT NULL,
                PRIMARY KEY (site, author)
            );
            CREATE TABLE reader_label_bonus (
                label TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
                points INTEGER NOT NULL
            );
            CREATE TABLE reader_position (
                story_id INTEGER NOT NULL PRIMARY KEY REFERENCES story(id) ON DELETE CASCADE,
                site_comment_id TEXT NOT NULL,
                read_at TEXT NOT NULL
            );
            """,
            // 6: the 2-character prefix index cost more than a quarter of the full-text indexing time at import
            // and a fifth of the index's size. It is only a shortcut: without it FTS5 answers a 2-letter prefix
            // query ("li*") from the main index, with the same rows and ranks. The 3-character one stays for the
            // commonest short prefixes. The triggers name the tables, not their options, so they stay as they are.
            """
            DROP TABLE comment_fts;
            CREATE VIRTUAL TABLE comment_fts USING fts5(
                subject, text, author,
                content='comment', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2', prefix='3');
            INSERT INTO comment_fts(comment_fts) VALUES ('rebuild');
            DROP TABLE story_fts;
            CREATE VIRTUAL TABLE story_fts USING fts5(
                title, summary_text,
                content='story', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2', prefix='3');
            INSERT INTO story_fts(story_fts) VALUES ('rebuild');
            """,
            // 7: parsers that were stored under their Java class name now declare a stable name; the pages they
            // read keep counting as read by today's parser (an unknown name would rebuild their stories).
            """
            UPDATE source_file SET parser = 'phpbb' WHERE parser = 'PhpBbParser';
            UPDATE source_file SET parser = 'vbulletin' WHERE parser = 'VBulletinParser';
            UPDATE source_file SET parser = 'vbulletin5' WHERE parser = 'VBulletin5Parser';
            UPDATE source_file SET parser = 'xenforo' WHERE parser = 'XenForoParser';
            UPDATE source_file SET parser = 'xenforo-widget' WHERE parser = 'XenForoWidgetParser';
            UPDATE source_file SET parser = 'mybb' WHERE parser = 'MyBbParser';
            UPDATE source_file SET parser = 'smf' WHERE parser = 'SmfParser';
            UPDATE source_file SET parser = 'invision' WHERE parser = 'InvisionParser';
            UPDATE source_file SET parser = 'discourse' WHERE parser = 'DiscourseParser';
            UPDATE source_file SET parser = 'general-web' WHERE parser = 'GeneralReader';
            UPDATE source_file SET parser = 'stackexchange' WHERE parser = 'StackExchangeParser';
            UPDATE source_file SET parser = 'disqus' WHERE parser = 'DisqusParser';
            UPDATE source_file SET parser = 'wpdiscuz' WHERE parser = 'WpDiscuzParser';
            UPDATE source_file SET parser = 'wordpress' WHERE parser = 'WordPressParser';
            UPDATE source_file SET parser = 'lemmy' WHERE parser = 'LemmyParser';
            UPDATE source_file SET parser = 'pipermail' WHERE parser = 'PipermailParser';
            UPDATE source_file SET parser = 'hypermail' WHERE parser = 'HypermailParser';
            UPDATE source_file SET parser = 'threadkeep-export' WHERE parser = 'ThreadkeepExportParser';
            """);

    static final int CURRENT_VERSION = MIGRATIONS.size();

    private Schema() {
    }

    static int version(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Brings the schema up to date in one exclusive transaction, or refuses a newer database without touching it. Two
     * processes opening a new archive at once both get here: the second waits for the first's lock, then finds the
     * schema made and does nothing.
     */
    static void migrate(Connection connection, String displayPath) throws SQLException {
        if (!needsMigration(connection, displayPath)) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");
        }
        try (Statement st = connection.createStatement()) {
            int version = version(connection);
            if (needsMigration(connection, displayPath)) {
                for (int v = version; v < CURRENT_VERSION; v++) {
                    for (String sql : splitStatements(MIGRATIONS.get(v))) {
                        st.execute(sql);
                    }
                    st.execute("PRAGMA user_version = " + (v + 1));
                }
            }
            st.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            try (Statement st = connection.createStatement()) {
                st.execute("ROLLBACK");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    private static boolean needsMigration(Connection connection, String displayPath) throws SQLException {
        int version = version(connection);
        if (version > CURRENT_VERSION) {
            throw new StoreException("the archive " + displayPath + " was written by a newer Threadkeep (schema "
                    + version + "; this version knows up to " + CURRENT_VERSION + "); it was not modified");
        }
        return version < CURRENT_VERSION;
    }

    /** Splits a migration script on statement ends, keeping trigger bodies (BEGIN ... END;) whole. */
    static List<String> splitStatements(String script) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            String upper = trimmed.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            if (inTrigger ? upper.equals("END;") : trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
