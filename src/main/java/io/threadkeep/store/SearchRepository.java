package io.threadkeep.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Full-text search over the archive. The expressions it runs were built by the search layer from quoted tokens;
 * every filter value is a bound parameter.
 *
 * <p>How it stays fast on large archives. Ranking costs the index work for every match, so the matches are first
 * counted up to {@link #RANK_WINDOW} (cheap: doclists are read in rowid order and the count stops there). Up to
 * that many, all of them are ranked and the filters applied to them. Beyond it, a narrow filter (an author, a
 * story) selects its rows first and one pass over the index ranks just those; otherwise the most recently imported
 * {@link #RANK_WINDOW} matches are ranked, and the result says so. Date order walks the date index and looks each
 * row up in the full-text index, which for a frequent word stops after a few rows. Snippets are made for the rows
 * shown only.
 */
public final class SearchRepository {

    /** Subjects and titles say what a comment or story is about: a word there counts more than one in the body. */
    static final String COMMENT_WEIGHTS = "bm25(3.0, 1.0, 0.0)";
    static final String STORY_WEIGHTS = "bm25(4.0, 1.0)";
    /** Words of context around the matches in a snippet. */
    static final int SNIPPET_TOKENS = 24;
    /** Characters of a comment shown when there is no word to centre the excerpt on. */
    static final int EXCERPT_CHARS = 240;
    /** Matches ranked at most per query (about 20 ms); more only when filters would otherwise leave too few. */
    public static final int RANK_WINDOW = 10_000;
    /** How many of the newest comments tell how common a word is. */
    static final int DENSITY_SAMPLE = 4_000;
    /** A narrow filter holding at most this many comments is applied before the full-text index. */
    static final int FILTER_FIRST_MAX = 50_000;

    private static final String COLUMNS = "c.id, c.story_id, s.title, s.site, c.site_comment_id, c.parent_site_id,"
            + " c.author, c.posted, c.score, c.label, c.subject";
    private static final String MARKS = "char(57344), char(57345)";

    private final ArchiveStore store;
    private final int rankWindow;
    private final int filterFirstMax;

    public SearchRepository(ArchiveStore store) {
        this(store, RANK_WINDOW, FILTER_FIRST_MAX);
    }

    /** With other thresholds, so tests can drive every plan on a small archive. */
    SearchRepository(ArchiveStore store, int rankWindow, int filterFirstMax) {
        this.store = store;
        this.rankWindow = rankWindow;
        this.filterFirstMax = filterFirstMax;
    }

    /**
     * Comment hits.
     *
     * @param rows         the best rows in the spec's order, without snippets
     * @param rankedAmong   0 when every match was considered; otherwise the ranking looked at only this many of the
     *                      most recently imported matches (a word in very many comments, no narrow filter)
     * @param newestInstead whether the rows are newest first rather than ranked, because every word is in most
     *                      comments and so ranks nothing
     */
    public record Hits(List<SearchRow> rows, int rankedAmong, boolean newestInstead) {
        public Hits {
            rows = List.copyOf(rows);
        }
    }

    /** Whether at most {@code cap} comments match the spec's words (filters aside); cheap, it stops at the cap. */
    public boolean fewMatches(SearchSpec spec, int cap) {
        if (spec.commentMatch() == null) {
            return false;
        }
        return store.withConnection(connection -> countUpTo(connection, spec.commentMatch(), cap + 1) <= cap);
    }

    /** The best {@code limit} comment hits in the spec's order, without snippets. */
    public Hits comments(SearchSpec asked, int limit) {
        return store.withConnection(connection -> {
            SearchSpec spec = withoutIdleScoring(connection, asked);
            if (spec.commentMatch() == null) {
                return new Hits(withoutWords(connection, spec, limit), 0, false);
            }
            if (spec.order() != SearchSpec.Order.RANK) {
                return new Hits(byDate(connection, spec, limit), 0, false);
            }
            return byRank(connection, spec, limit);
        });
    }

    /**
     * Without any friend, foe or label bonus the adjusted score is the score: the plain column keeps the score
     * filter on its cheap path.
     */
    private static SearchSpec withoutIdleScoring(Connection connection, SearchSpec spec) throws SQLException {
        if (!spec.adjustedScore() || (spec.minScore() == null && spec.maxScore() == null)) {
            return spec;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM reader_author)"
                + " OR EXISTS (SELECT 1 FROM reader_label_bonus)"); ResultSet rs = ps.executeQuery()) {
            boolean any = rs.next() && rs.getInt(1) == 1;
            return any ? spec : spec.withMarks(spec.starred(), spec.hasNote(), false);
        }
    }

    /** The best {@code limit} story-level hits (the words in a story's title or summary), without snippets. */
    public List<SearchRow> stories(SearchSpec spec, int limit) {
        if (spec.storyMatch() == null) {
            return List.of();
        }
        return store.withConnection(connection -> {
            Sql sql = new Sql();
            sql.append("SELECT s.id, s.title, s.site, s.author, s.posted, f.rank FROM story_fts f")
                    .append(" JOIN story s ON s.id = f.rowid WHERE f.story_fts MATCH ?", spec.storyMatch())
                    .append(" AND f.rank MATCH '" + STORY_WEIGHTS + "'");
            storyFilters(spec, sql, "s.");
            sql.append(switch (spec.order()) {
                case RANK -> " ORDER BY f.rank";
                case NEWEST -> " ORDER BY s.posted DESC, s.id DESC";
                case OLDEST -> " ORDER BY s.posted IS NULL, s.posted, s.id";
            });
            sql.append(" LIMIT ?", limit);
            List<SearchRow> out = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(connection); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SearchRow(rs.getLong(1), rs.getString(2), ArchiveStore.site(rs.getString(3)), null,
                            null, null, rs.getString(4), ArchiveStore.instant(rs.getString(5)), null, null, null,
                            spec.order() == SearchSpec.Order.RANK ? rs.getDouble(6) : 0, null));
                }
            }
            return out;
        });
    }

    /** The rows with their snippets filled: matched words marked, or the start of the text when no words. */
    public List<SearchRow> withSnippets(SearchSpec spec, List<SearchRow> rows) {
        return store.withConnection(connection -> {
            List<SearchRow> out = new ArrayList<>(rows.size());
            for (SearchRow row : rows) {
                out.add(row.withSnippet(snippet(connection, spec, row)));
            }
            return out;
        });
    }

    /** What the archive holds of an author (matched case-insensitively), or empty when they wrote nothing. */
    public Optional<AuthorStats> author(String name) {
        return store.withConnection(connection -> {
            String canonical = null;
            int comments = 0;
            int stories = 0;
            int unscored = 0;
            String first = null;
            String last = null;
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT author, count(*) FROM comment WHERE author = ? COLLATE NOCASE AND completeness > 0
                    GROUP BY author ORDER BY count(*) DESC, author LIMIT 1""")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    canonical = rs.getString(1);
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT count(*), count(DISTINCT story_id), sum(score IS NULL), min(posted), max(posted)
                    FROM comment WHERE author = ? COLLATE NOCASE AND completeness > 0""")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    comments = rs.getInt(1);
                    stories = rs.getInt(2);
                    unscored = rs.getInt(3);
                    first = rs.getString(4);
                    last = rs.getString(5);
                }
            }
            Map<Integer, Integer> distribution = new LinkedHashMap<>();
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT score, count(*) FROM comment
                    WHERE author = ? COLLATE NOCASE AND completeness > 0 AND score IS NOT NULL
                    GROUP BY score ORDER BY score""")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        distribution.put(rs.getInt(1), rs.getInt(2));
                    }
                }
            }
            return Optional.of(new AuthorStats(canonical, comments, stories, unscored, distribution,
                    ArchiveStore.instant(first), ArchiveStore.instant(last)));
        });
    }

    // ------------------------------------------------------------------------------------------------ plans

    /** Filters only: newest (or oldest) first. */
    private List<SearchRow> withoutWords(Connection connection, SearchSpec spec, int limit) throws SQLException {
        Sql sql = new Sql().append("SELECT " + COLUMNS + ", 0 FROM comment c JOIN story s ON s.id = c.story_id"
                + " WHERE 1");
        commentFilters(spec, sql);
        sql.append(dateOrder(spec)).append(" LIMIT ?", limit);
        return rows(connection, sql);
    }

    /**
     * Words, newest or oldest first. Few matches: look each up and sort them. Many: walk the comments in date order
     * (by an index) and keep those the full-text index holds, which stops early because many rows match.
     */
    private List<SearchRow> byDate(Connection connection, SearchSpec spec, int limit) throws SQLException {
        boolean few = countUpTo(connection, spec.commentMatch(), rankWindow + 1) <= rankWindow;
        return byDate(connection, spec, few, limit);
    }

    private static List<SearchRow> byDate(Connection connection, SearchSpec spec, boolean few, int limit)
            throws SQLException {
        Sql sql = new Sql().append("SELECT " + COLUMNS + ", 0 FROM comment c JOIN story s ON s.id = c.story_id");
        if (few || spec.order() == SearchSpec.Order.OLDEST) {
            sql.append(" WHERE c.id IN (SELECT rowid FROM comment_fts WHERE comment_fts MATCH ?)",
                    spec.commentMatch());
        } else {
            sql.append(" WHERE EXISTS (SELECT 1 FROM comment_fts f WHERE f.comment_fts MATCH ?", spec.commentMatch())
                    .append(" AND f.rowid = c.id)");
        }
        commentFilters(spec, sql);
        sql.append(dateOrder(spec)).append(" LIMIT ?", limit);
        return rows(connection, sql);
    }

    private Hits byRank(Connection connection, SearchSpec spec, int limit) throws SQLException {
        int matches = countUpTo(connection, spec.commentMatch(), rankWindow + 1);
        Ranking ranking = ranking(connection, spec);
        if (ranking.match() == null) {
            // Every word is in most comments: bm25 would weigh them all at nothing, so newest first says more.
            SearchSpec newest = spec.withOrder(SearchSpec.Order.NEWEST);
            return new Hits(byDate(connection, newest, matches <= rankWindow, limit), 0, true);
        }
        if (matches <= rankWindow) {
            return new Hits(ranked(connection, spec, ranking, false, -1, limit), 0, false);
        }
        if (selective(spec) && candidates(connection, spec) <= filterFirstMax) {
            return new Hits(filterFirst(connection, spec, ranking, limit), 0, false);
        }
        List<SearchRow> rows = ranked(connection, spec, ranking, true, rankWindow, limit);
        if (rows.size() >= limit || !spec.hasCommentFilters()) {
            return new Hits(rows, rankWindow, false);
        }
        // The filters let too few of the newest matches through: look further back, once.
        int wider = rankWindow * 10;
        rows = ranked(connection, spec, ranking, true, wider, limit);
        if (rows.size() < limit) {
            // Filters that correlate with import order (a site, a year) can empty any window; the matches they do
            // allow follow, newest first, found through the date index.
            List<SearchRow> more = new ArrayList<>(rows);
            java.util.Set<Long> seen = new java.util.HashSet<>();
            rows.forEach(r -> seen.add(r.commentRowId()));
            SearchSpec newest = spec.withOrder(SearchSpec.Order.NEWEST);
            for (SearchRow r : byDate(connection, newest, false, limit + rows.size())) {
                if (more.size() < limit && seen.add(r.commentRowId())) {
                    more.add(r);
                }
            }
            rows = more;
        }
        return new Hits(rows, wider, false);
    }

    /**
     * What bm25 ranks by. A word in more than half the comments gets no weight from bm25 (its inverse document
     * frequency is clamped to nothing), yet counting its matches, which bm25 does at the start of every query,
     * costs a pass over its whole posting list. Such parts are left out of the rank expression and checked as a
     * plain filter instead: the order is the same, without that pass. Beside words in under a tenth of the
     * comments, more common words are left out of the ranking too (they would shift it only slightly).
     *
     * @param match the expression to rank by; null when no part tells comments apart
     * @param exact whether {@code match} is the whole query (no separate filter needed)
     */
    private record Ranking(String match, boolean exact) {
    }

    private Ranking ranking(Connection connection, SearchSpec spec) throws SQLException {
        List<String> clauses = spec.commentClauses();
        if (clauses.isEmpty()) {
            return new Ranking(spec.commentMatch(), true);
        }
        long maxId;
        try (PreparedStatement ps = connection.prepareStatement("SELECT max(id) FROM comment");
             ResultSet rs = ps.executeQuery()) {
            maxId = rs.next() ? rs.getLong(1) : 0;
        }
        // The share among the newest rows stands for the whole: cheap, as FTS5 seeks to a rowid range.
        long sample = Math.min(DENSITY_SAMPLE, maxId);
        List<String> telling = new ArrayList<>();
        List<String> rare = new ArrayList<>();
        for (String clause : clauses) {
            Sql count = new Sql().append("SELECT count(*) FROM comment_fts WHERE comment_fts MATCH ?", clause)
                    .append(" AND rowid > ?", maxId - sample);
            int inSample;
            try (PreparedStatement ps = count.prepare(connection); ResultSet rs = ps.executeQuery()) {
                inSample = rs.next() ? rs.getInt(1) : 0;
            }
            if (sample == 0 || inSample * 2L <= sample) {
                telling.add(clause);
            }
            if (sample == 0 || inSample * 10L <= sample) {
                rare.add(clause);
            }
        }
        // Beside a rare word, a word in a tenth of the comments or more moves bm25 by a fraction of it, and each
        // such word costs a pass over a long posting list: rank by the rare ones then.
        if (!rare.isEmpty() && rare.size() < telling.size()) {
            telling = rare;
        }
        if (telling.size() == clauses.size()) {
            return new Ranking(spec.commentMatch(), true);
        }
        return telling.isEmpty() ? new Ranking(null, false) : new Ranking(String.join(" AND ", telling), false);
    }

    /** How many comments match, counted up to {@code cap}: reads rowids only, and stops at the cap. */
    private static int countUpTo(Connection connection, String match, int cap) throws SQLException {
        Sql count = new Sql().append("SELECT count(*) FROM (SELECT rowid FROM comment_fts"
                + " WHERE comment_fts MATCH ?", match).append(" LIMIT ?)", cap);
        try (PreparedStatement ps = count.prepare(connection); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Ranks matches and applies the filters to them, best {@code limit} kept: all of them ({@code window} -1), or
     * with {@code newest} the {@code window} most recently imported. Without filters only the best {@code limit}
     * are joined with their rows; with filters every ranked match is, as any may be the one that passes.
     */
    private static List<SearchRow> ranked(Connection connection, SearchSpec spec, Ranking ranking, boolean newest,
                                          int window, int limit) throws SQLException {
        boolean filtered = spec.hasCommentFilters();
        // Materialised, so the planner cannot push the join into the full-text scan or rank per joined row.
        Sql sql = new Sql().append("WITH f(id, r) AS MATERIALIZED (SELECT rowid, rank FROM comment_fts"
                + " WHERE comment_fts MATCH ?", ranking.match())
                .append(" AND rank MATCH '" + COMMENT_WEIGHTS + "'");
        wholeQuery(spec, ranking, sql);
        if (newest) {
            sql.append(" ORDER BY rowid DESC LIMIT ?)", window);
            if (!filtered) {
                sql.append(", top(id, r) AS MATERIALIZED (SELECT id, r FROM f ORDER BY r, id LIMIT ?)", limit);
            }
        } else if (!filtered) {
            // FTS5 keeps the best `limit` by rank itself, without materialising the rest.
            sql.append(" ORDER BY rank LIMIT ?)", limit);
        } else {
            sql.append(" LIMIT ?)", window);
        }
        String source = newest && !filtered ? "top" : "f";
        // CROSS JOIN keeps the ranked matches as the outer loop: an author index must not drive the join.
        sql.append(" SELECT " + COLUMNS + ", " + source + ".r FROM " + source + " CROSS JOIN comment c CROSS JOIN"
                + " story s WHERE c.id = " + source + ".id AND s.id = c.story_id");
        commentFilters(spec, sql);
        sql.append(" ORDER BY " + source + ".r, c.id LIMIT ?", limit);
        return rows(connection, sql);
    }

    /** When the rank expression leaves parts of the query out, the rows must still match all of it. */
    private static void wholeQuery(SearchSpec spec, Ranking ranking, Sql sql) {
        if (!ranking.exact()) {
            // The unary + keeps the set test out of the full-text index, which would restart per value.
            sql.append(" AND +rowid IN (SELECT rowid FROM comment_fts WHERE comment_fts MATCH ?)",
                    spec.commentMatch());
        }
    }

    /**
     * The narrow filter's rows first (by an index), then one pass over the index's matches ranking only those rows.
     * One pass, not a lookup per row: bm25 counts a word's matches each time a query starts, which for a frequent
     * word would be paid per row.
     */
    private static List<SearchRow> filterFirst(Connection connection, SearchSpec spec, Ranking ranking, int limit)
            throws SQLException {
        Sql sql = new Sql().append("WITH cand(id) AS MATERIALIZED (SELECT c.id FROM comment c WHERE 1");
        selectiveFilters(spec, sql);
        sql.append("), f(id, r) AS MATERIALIZED (SELECT rowid, rank FROM comment_fts WHERE comment_fts MATCH ?",
                        ranking.match())
                .append(" AND rank MATCH '" + COMMENT_WEIGHTS + "'")
                // The unary + keeps the set test out of the full-text index, which would restart per value.
                .append(" AND +rowid IN (SELECT id FROM cand)");
        wholeQuery(spec, ranking, sql);
        sql.append(")")
                .append(" SELECT " + COLUMNS + ", f.r FROM f CROSS JOIN comment c CROSS JOIN story s"
                        + " WHERE c.id = f.id AND s.id = c.story_id");
        commentFilters(spec, sql);
        sql.append(" ORDER BY f.r, c.id LIMIT ?", limit);
        return rows(connection, sql);
    }

    /** Whether the spec has a filter that an index narrows down to few comments. */
    private static boolean selective(SearchSpec spec) {
        return !spec.authors().isEmpty() || spec.storyId() != null || spec.storyTitleMatch() != null;
    }

    /** How many comments the narrow filters allow, counted up to just past the filter-first limit. */
    private int candidates(Connection connection, SearchSpec spec) throws SQLException {
        Sql sql = new Sql().append("SELECT count(*) FROM (SELECT 1 FROM comment c WHERE 1");
        selectiveFilters(spec, sql);
        sql.append(" LIMIT ?)", filterFirstMax + 1);
        try (PreparedStatement ps = sql.prepare(connection); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The filters an index narrows down: author, story, story title. */
    private static void selectiveFilters(SearchSpec spec, Sql sql) {
        if (!spec.authors().isEmpty()) {
            sql.append(" AND c.author COLLATE NOCASE IN (" + marks(spec.authors().size()) + ")",
                    spec.authors().toArray());
        }
        if (spec.storyId() != null) {
            sql.append(" AND c.story_id = ?", spec.storyId());
        }
        if (spec.storyTitleMatch() != null) {
            sql.append(" AND c.story_id IN (SELECT rowid FROM story_fts WHERE story_fts MATCH ?)",
                    spec.storyTitleMatch());
        }
    }

    // ------------------------------------------------------------------------------------------------ snippets

    private static String snippet(Connection connection, SearchSpec spec, SearchRow row) throws SQLException {
        if (row.isStory()) {
            return ftsSnippet(connection, "story_fts", spec.storyMatch(), row.storyId());
        }
        if (spec.commentMatch() != null) {
            String marked = ftsSnippet(connection, "comment_fts", spec.commentMatch(), row.commentRowId());
            if (marked != null && !marked.isBlank()) {
                return marked;
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT substr(coalesce(text, subject, ''), 1, ?), length(coalesce(text, subject, ''))"
                        + " FROM comment WHERE id = ?")) {
            ps.setInt(1, EXCERPT_CHARS + 40);
            ps.setLong(2, row.commentRowId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "";
                }
                return excerpt(rs.getString(1), rs.getInt(2));
            }
        }
    }

    private static String ftsSnippet(Connection connection, String table, String match, long rowId)
            throws SQLException {
        if (match == null) {
            return null;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT snippet(" + table + ", -1, " + MARKS
                + ", '…', " + SNIPPET_TOKENS + ") FROM " + table + " WHERE " + table + " MATCH ? AND rowid = ?")) {
            ps.setString(1, match);
            ps.setLong(2, rowId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The start of a text, cut at a word boundary. */
    static String excerpt(String start, int fullLength) {
        if (start.length() <= EXCERPT_CHARS && fullLength <= start.length()) {
            return start;
        }
        int cut = EXCERPT_CHARS;
        while (cut > EXCERPT_CHARS / 2 && !Character.isWhitespace(start.charAt(cut))) {
            cut--;
        }
        return start.substring(0, cut).stripTrailing() + "…";
    }

    // ------------------------------------------------------------------------------------------------ SQL pieces

    /**
     * The reader's adjusted score (friends, foes, label bonuses; Slashdot kept within −1…5), as
     * {@link io.threadkeep.model.ScoreRules} computes it for the reader. Needs the story as {@code s}.
     */
    static final String ADJUSTED_SCORE;

    static {
        String raw = "c.score"
                + " + COALESCE((SELECT a.points FROM reader_author a WHERE a.site = s2.site AND a.author = c.author), 0)"
                + " + COALESCE((SELECT b.points FROM reader_label_bonus b WHERE b.label = c.label), 0)";
        ADJUSTED_SCORE = "(SELECT CASE WHEN c.score IS NULL THEN NULL WHEN s2.site = 'slashdot' THEN max(-1, min(5, "
                + raw + ")) ELSE " + raw + " END FROM story s2 WHERE s2.id = c.story_id)";
    }

    private static void commentFilters(SearchSpec spec, Sql sql) {
        sql.append(" AND c.completeness > 0");
        if (!spec.authors().isEmpty()) {
            sql.append(" AND c.author COLLATE NOCASE IN (" + marks(spec.authors().size()) + ")",
                    spec.authors().toArray());
        }
        if (!spec.excludedAuthors().isEmpty()) {
            sql.append(" AND (c.author IS NULL OR c.author COLLATE NOCASE NOT IN ("
                    + marks(spec.excludedAuthors().size()) + "))", spec.excludedAuthors().toArray());
        }
        if (!spec.labels().isEmpty()) {
            sql.append(" AND c.label COLLATE NOCASE IN (" + marks(spec.labels().size()) + ")",
                    spec.labels().toArray());
        }
        if (!spec.excludedLabels().isEmpty()) {
            sql.append(" AND (c.label IS NULL OR c.label COLLATE NOCASE NOT IN ("
                    + marks(spec.excludedLabels().size()) + "))", spec.excludedLabels().toArray());
        }
        String score = spec.adjustedScore() ? ADJUSTED_SCORE : "c.score";
        if (spec.minScore() != null) {
            sql.append(" AND " + score + " >= ?", spec.minScore());
        }
        if (spec.maxScore() != null) {
            sql.append(" AND " + score + " <= ?", spec.maxScore());
        }
        if (spec.starred() != null) {
            sql.append((spec.starred() ? " AND" : " AND NOT") + " EXISTS (SELECT 1 FROM reader_mark m"
                    + " WHERE m.story_id = c.story_id AND m.site_comment_id = c.site_comment_id AND m.starred = 1)");
        }
        if (spec.hasNote() != null) {
            sql.append((spec.hasNote() ? " AND" : " AND NOT") + " EXISTS (SELECT 1 FROM reader_mark m"
                    + " WHERE m.story_id = c.story_id AND m.site_comment_id = c.site_comment_id"
                    + " AND m.note IS NOT NULL AND m.note <> '')");
        }
        if (spec.read() != null) {
            sql.append(" AND c.is_read = ?", spec.read() ? 1 : 0);
        }
        if (spec.postedBefore() != null) {
            sql.append(" AND c.posted < ?", ArchiveStore.iso(spec.postedBefore()));
        }
        if (spec.postedFrom() != null) {
            sql.append(" AND c.posted >= ?", ArchiveStore.iso(spec.postedFrom()));
        }
        if (spec.excludeMatch() != null) {
            sql.append(" AND c.id NOT IN (SELECT rowid FROM comment_fts WHERE comment_fts MATCH ?)",
                    spec.excludeMatch());
        }
        storyFilters(spec, sql, "c.story_");
    }

    /**
     * Filters on the story; {@code idPrefix} names the story id column as {@code idPrefix + "id"} ({@code s.id} for
     * stories, {@code c.story_id} for comments, which lets the story-id filters use the comment index).
     */
    private static void storyFilters(SearchSpec spec, Sql sql, String idPrefix) {
        String id = idPrefix + "id";
        // site:NAME and site:HOST widen each other: either may match.
        if (!spec.sites().isEmpty() && !spec.hosts().isEmpty()) {
            sql.append(" AND (s.site IN (" + marks(spec.sites().size()) + ")", spec.sites().toArray());
            sql.append(" OR ");
            hostCondition(sql, spec.hosts());
            sql.append(")");
        } else if (!spec.sites().isEmpty()) {
            sql.append(" AND s.site IN (" + marks(spec.sites().size()) + ")", spec.sites().toArray());
        } else if (!spec.hosts().isEmpty()) {
            sql.append(" AND ");
            hostCondition(sql, spec.hosts());
        }
        if (!spec.excludedHosts().isEmpty()) {
            sql.append(" AND NOT ");
            hostCondition(sql, spec.excludedHosts());
        }
        if (!spec.excludedSites().isEmpty()) {
            sql.append(" AND s.site NOT IN (" + marks(spec.excludedSites().size()) + ")",
                    spec.excludedSites().toArray());
        }
        if (spec.storyId() != null) {
            sql.append(" AND " + id + " = ?", spec.storyId());
        }
        if (spec.excludedStoryId() != null) {
            sql.append(" AND " + id + " <> ?", spec.excludedStoryId());
        }
        if (spec.storyTitleMatch() != null) {
            sql.append(" AND " + id + " IN (SELECT rowid FROM story_fts WHERE story_fts MATCH ?)",
                    spec.storyTitleMatch());
        }
        if (idPrefix.equals("s.")) {
            if (spec.postedBefore() != null) {
                sql.append(" AND s.posted < ?", ArchiveStore.iso(spec.postedBefore()));
            }
            if (spec.postedFrom() != null) {
                sql.append(" AND s.posted >= ?", ArchiveStore.iso(spec.postedFrom()));
            }
        }
    }

    /** The host of the story's URL: what lies between "://" and the next "/" (port included), lower case. */
    private static final String URL_REST = "substr(s.url, instr(s.url, '://') + 3)";
    private static final String STORY_HOST = "lower(CASE WHEN instr(" + URL_REST + ", '/') > 0 THEN substr(" + URL_REST
            + ", 1, instr(" + URL_REST + ", '/') - 1) ELSE " + URL_REST + " END)";

    /**
     * The story's host is one of {@code hosts} or a subdomain of one, with or without a port. The search layer
     * passes hosts of letters, digits, dots and hyphens only, so they hold no GLOB wildcard.
     */
    private static void hostCondition(Sql sql, List<String> hosts) {
        sql.append("(");
        for (int i = 0; i < hosts.size(); i++) {
            String h = hosts.get(i);
            sql.append(i == 0 ? "" : " OR ");
            sql.append(STORY_HOST + " = ? OR " + STORY_HOST + " GLOB ? OR " + STORY_HOST + " GLOB ? OR "
                    + STORY_HOST + " GLOB ?", h, "*." + h, h + ":*", "*." + h + ":*");
        }
        sql.append(")");
    }

    private static String dateOrder(SearchSpec spec) {
        return spec.order() == SearchSpec.Order.OLDEST
                ? " ORDER BY c.posted IS NULL, c.posted, c.id"
                : " ORDER BY c.posted DESC, c.id DESC";
    }

    private static String marks(int n) {
        StringJoiner j = new StringJoiner(", ");
        for (int i = 0; i < n; i++) {
            j.add("?");
        }
        return j.toString();
    }

    private static List<SearchRow> rows(Connection connection, Sql sql) throws SQLException {
        List<SearchRow> out = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(connection); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    private static SearchRow row(ResultSet rs) throws SQLException {
        Object score = rs.getObject(9);
        return new SearchRow(rs.getLong(2), rs.getString(3), ArchiveStore.site(rs.getString(4)), rs.getLong(1),
                rs.getString(5), rs.getString(6), rs.getString(7), ArchiveStore.instant(rs.getString(8)),
                score == null ? null : ((Number) score).intValue(), rs.getString(10), rs.getString(11),
                rs.getDouble(12), null);
    }

    /** SQL text with its parameters, built together so they cannot drift apart. */
    private static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        Sql append(String sql, Object... values) {
            text.append(sql);
            params.addAll(List.of(values));
            return this;
        }

        PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement ps = connection.prepareStatement(text.toString());
            try {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                return ps;
            } catch (SQLException e) {
                ps.close();
                throw e;
            }
        }

        @Override
        public String toString() {
            return text + " " + params;
        }
    }
}
