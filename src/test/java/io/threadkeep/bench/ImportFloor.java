package io.threadkeep.bench;

import io.threadkeep.bench.gen.CorpusGenerator;
import io.threadkeep.model.Comment;
import io.threadkeep.model.ParsedThread;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * The import floor: the least work any importer must do for the same pages and rows. Reads each page, has jsoup
 * parse it (with the importer's parser settings), and inserts the page's rows (the generator's ground truth, so no
 * extraction) with one batched prepared statement in one transaction per page, into a plain table with the
 * store's comment columns. With {@code fullText} an FTS5 index like the store's (or one without prefix indexes) is
 * kept by trigger, to show what the full-text index costs on its own.
 *
 * <p>This is the baseline's own SQL, deliberately not the store's: it is the yardstick the store is held to.
 */
final class ImportFloor {

    /** Time spent per stage over the whole corpus, in nanoseconds. */
    record Result(long readParseNanos, long insertNanos, long comments, long bytes, Path database,
                  long[] pageNanos, long cpuNanos) {
        long totalNanos() {
            return readParseNanos + insertNanos;
        }
    }

    private ImportFloor() {
    }

    /** Which full-text index the floor keeps. */
    enum FullText {
        NONE,
        /** Like the store's (schema 5): unicode61, diacritics removed, a prefix index for 3 characters. */
        LIKE_STORE,
        /** The same without prefix indexes: what they cost. */
        NO_PREFIX_INDEXES
    }

    static Result run(CorpusGenerator.Corpus corpus, CorpusGenerator generator, Path database, FullText fullText)
            throws IOException, SQLException {
        Files.deleteIfExists(database);
        long readParse = 0;
        long insert = 0;
        long comments = 0;
        long bytes = 0;
        int[] scratch = new int[generator.vocabulary().size()];
        long[] pageNanos = new long[corpus.pages().size()];
        long cpu = 0;
        int pageIndex = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath())) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
                st.execute("""
                        CREATE TABLE comment (id INTEGER PRIMARY KEY, story_id INTEGER NOT NULL,
                            site_comment_id TEXT NOT NULL, parent_site_id TEXT, position REAL NOT NULL, author TEXT,
                            author_id TEXT, posted TEXT, posted_text TEXT, score INTEGER, label TEXT, subject TEXT,
                            html TEXT, text TEXT, completeness INTEGER NOT NULL, state TEXT NOT NULL)""");
                if (fullText != FullText.NONE) {
                    st.execute("CREATE VIRTUAL TABLE comment_fts USING fts5(subject, text, author, content='comment', "
                            + "content_rowid='id', tokenize='unicode61 remove_diacritics 2'"
                            + (fullText == FullText.LIKE_STORE ? ", prefix='3')" : ")"));
                    st.execute("""
                            CREATE TRIGGER comment_fts_insert AFTER INSERT ON comment BEGIN
                                INSERT INTO comment_fts(rowid, subject, text, author)
                                VALUES (new.id, new.subject, new.text, new.author);
                            END""");
                }
            }
            c.setAutoCommit(false);
            Parser parser = Parser.htmlParser().setMaxDepth(100_000);
            int story = 0;
            for (CorpusGenerator.PageInfo page : corpus.pages()) {
                ParsedThread rows = GroundTruth.parsed(generator.thread(page.plan(), scratch));
                story++;
                long c0 = Cpu.nanos();
                long t0 = System.nanoTime();
                byte[] raw = Files.readAllBytes(page.file());
                Document doc = Jsoup.parse(new ByteArrayInputStream(raw), null, "", parser);
                long t1 = System.nanoTime();
                if (doc.childNodeSize() == 0) {
                    throw new IllegalStateException("jsoup returned an empty document for " + page.file());
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO comment (story_id, site_comment_id, parent_site_id, position, author, author_id,
                            posted, posted_text, score, label, subject, html, text, completeness, state)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    int position = 0;
                    for (Comment comment : rows.comments()) {
                        ps.setInt(1, story);
                        ps.setString(2, comment.id());
                        ps.setString(3, comment.parentId());
                        ps.setDouble(4, position++);
                        ps.setString(5, comment.author());
                        ps.setString(6, comment.authorId());
                        ps.setString(7, comment.posted() == null ? null : comment.posted().toString());
                        ps.setString(8, comment.postedText());
                        if (comment.score() == null) {
                            ps.setNull(9, Types.INTEGER);
                        } else {
                            ps.setInt(9, comment.score());
                        }
                        ps.setString(10, comment.label());
                        ps.setString(11, comment.subject());
                        ps.setString(12, comment.html());
                        ps.setString(13, comment.text());
                        ps.setInt(14, comment.completeness().ordinal());
                        ps.setString(15, comment.state().name());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                long t2 = System.nanoTime();
                cpu += Cpu.nanos() - c0;
                pageNanos[pageIndex++] = t2 - t0;
                readParse += t1 - t0;
                insert += t2 - t1;
                comments += rows.comments().size();
                bytes += raw.length;
            }
        }
        return new Result(readParse, insert, comments, bytes, database, pageNanos, cpu);
    }
}
