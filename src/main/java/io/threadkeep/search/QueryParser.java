package io.threadkeep.search;

import io.threadkeep.model.Site;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns what a user typed into a {@link SearchQuery}. Total: any string gives a query, possibly with notes on what
 * was ignored, or with a {@linkplain SearchQuery#problem() problem} when nothing searchable is left. It never lets
 * user text through as syntax: words become {@link Phrase}s of plain tokens.
 *
 * <p>The language: words (all must match), {@code "exact phrases"}, {@code a OR b}, {@code -exclude},
 * {@code prefix*}, and filters {@code author:NAME site:SITE|HOST score:>=N label:LABEL story:WORDS in:this
 * before:DATE after:DATE is:unread is:read sort:relevance|newest|oldest}. An unknown {@code x:y} is searched for as
 * words.
 */
public final class QueryParser {

    /** More terms than this add little but cost the index work for each; the rest is dropped with a note. */
    static final int MAX_TERMS = 32;
    /** A pasted paragraph in quotes is still found by its first words. */
    static final int MAX_PHRASE_WORDS = 64;
    /** Prefixes shorter than this would expand to a large part of the vocabulary. */
    static final int MIN_PREFIX_LENGTH = 2;

    private static final Pattern FILTER = Pattern.compile("([A-Za-z]+):(.*)", Pattern.DOTALL);
    /** A host name with at least one dot: labels of letters, digits and hyphens (IDN hosts in their xn-- form). */
    private static final Pattern HOST = Pattern.compile(
            "(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
    private static final Pattern SCORE = Pattern.compile("(>=|<=|>|<|=)?([+-]?\\d{1,6})");
    private static final Pattern SCORE_RANGE = Pattern.compile("([+-]?\\d{1,6})\\.\\.([+-]?\\d{1,6})");
    private static final List<String> KEYS = List.of("author", "site", "score", "label", "story", "in", "before",
            "after", "is", "has", "sort");

    private QueryParser() {
    }

    /** Parses {@code text}; results are ordered by relevance unless the query says otherwise. */
    public static SearchQuery parse(String text, SearchContext context) {
        return parse(text, context, SortOrder.RELEVANCE);
    }

    /**
     * Parses {@code text}. {@code defaultSort} applies unless the query has a {@code sort:} filter; a query without
     * words has no relevance, so it is ordered newest first instead.
     */
    public static SearchQuery parse(String text, SearchContext context, SortOrder defaultSort) {
        return new Run(text == null ? "" : text, context == null ? SearchContext.NONE : context).parse(defaultSort);
    }

    /** The state of one parse. */
    private static final class Run {
        private final String text;
        private final SearchContext context;
        private final List<Clause> clauses = new ArrayList<>();
        private final List<Phrase> excluded = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<String> authors = new ArrayList<>();
        private final List<String> excludedAuthors = new ArrayList<>();
        private final List<Site> sites = new ArrayList<>();
        private final List<Site> excludedSites = new ArrayList<>();
        private final List<String> hosts = new ArrayList<>();
        private final List<String> excludedHosts = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private final List<String> excludedLabels = new ArrayList<>();
        private final List<Phrase> storyWords = new ArrayList<>();
        private Integer minScore;
        private Integer maxScore;
        private Long storyId;
        private Long excludedStoryId;
        private Instant postedBefore;
        private Instant postedFrom;
        private Boolean read;
        private Boolean starred;
        private Boolean hasNote;
        private SortOrder sort;
        private int terms;
        private boolean truncated;
        /** An OR was read after a positive clause; the next positive phrase joins that clause. */
        private boolean pendingOr;
        private boolean negateNext;
        private boolean lastWasPositive;
        private boolean lastWasFilter;
        /** An OR after a filter: harmless before another filter (repeated filters are alternatives anyway). */
        private boolean pendingFilterOr;

        Run(String text, SearchContext context) {
            this.text = text;
            this.context = context;
        }

        SearchQuery parse(SortOrder defaultSort) {
            for (String chunk : chunks(text)) {
                take(chunk);
            }
            if (pendingOr || pendingFilterOr) {
                notes.add("OR needs a word on both sides; it was ignored.");
            }
            if (negateNext) {
                notes.add("NOT needs a word after it; it was ignored.");
            }
            if (truncated) {
                notes.add("Only the first " + MAX_TERMS + " terms were used.");
            }
            if (minScore != null && maxScore != null && minScore > maxScore) {
                notes.add("score: no score is both at least " + minScore + " and at most " + maxScore + ".");
            }
            Filters filters = new Filters(authors, excludedAuthors, sites, excludedSites, labels, excludedLabels,
                    minScore, maxScore, storyWords, storyId, excludedStoryId, postedBefore, postedFrom, read, hosts,
                    excludedHosts, starred, hasNote, context.adjustedScores());
            SortOrder order = sort != null ? sort : defaultSort == null ? SortOrder.RELEVANCE : defaultSort;
            if (clauses.isEmpty() && order == SortOrder.RELEVANCE) {
                order = SortOrder.NEWEST;
            }
            return new SearchQuery(clauses, excluded, filters, order, notes, problem(filters));
        }

        private String problem(Filters filters) {
            if (!clauses.isEmpty() || filters.any()) {
                return null;
            }
            if (text.isBlank()) {
                return "The query is empty: type words to search for.";
            }
            if (!excluded.isEmpty()) {
                return "Nothing to search for: -word only leaves results out; add a word or a filter.";
            }
            if (!notes.isEmpty()) {
                return "Nothing to search for. " + String.join(" ", notes);
            }
            return "Nothing to search for in " + quoteForMessage(text) + ": it holds no word.";
        }

        /** Splits on white space; a double quote runs to the next one (or the end), so phrases keep their spaces. */
        private static List<String> chunks(String text) {
            List<String> out = new ArrayList<>();
            int i = 0;
            int n = text.length();
            while (i < n) {
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                StringBuilder chunk = new StringBuilder();
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    char c = text.charAt(i);
                    if (c == '"') {
                        int close = text.indexOf('"', i + 1);
                        int end = close < 0 ? n : close + 1;
                        chunk.append(text, i, end);
                        i = end;
                    } else {
                        chunk.append(c);
                        i++;
                    }
                }
                out.add(chunk.toString());
            }
            return out;
        }

        private void take(String chunk) {
            if (chunk.equals("OR")) {
                if (lastWasFilter) {
                    pendingFilterOr = true;
                    return;
                }
                if (lastWasPositive && !pendingOr) {
                    pendingOr = true;
                } else {
                    word(chunk, false);
                }
                return;
            }
            if (chunk.equals("AND")) {
                return;
            }
            if (chunk.equals("NOT")) {
                negateNext = true;
                return;
            }
            boolean negated = negateNext;
            negateNext = false;
            String body = chunk;
            if (body.length() > 1 && (body.charAt(0) == '-' || body.charAt(0) == '+')) {
                negated |= body.charAt(0) == '-';
                body = body.substring(1);
            }
            Matcher m = FILTER.matcher(body);
            if (m.matches() && KEYS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                endOr();
                pendingFilterOr = false;
                filter(m.group(1).toLowerCase(Locale.ROOT), unquote(m.group(2)), negated, chunk);
                lastWasPositive = false;
                lastWasFilter = true;
                return;
            }
            if (pendingFilterOr) {
                notes.add("OR works between words, or between filters of one kind; between a filter and a word"
                        + " both must match.");
                pendingFilterOr = false;
            }
            lastWasFilter = false;
            word(body, negated);
        }

        private void endOr() {
            if (pendingOr) {
                notes.add("OR needs a word on both sides; it was ignored.");
                pendingOr = false;
            }
        }

        private void word(String raw, boolean negated) {
            Optional<Phrase> phrase = phrase(raw, true);
            if (phrase.isEmpty()) {
                if (!raw.equals("-")) {
                    notes.add("Ignored " + quoteForMessage(raw) + ": it holds no word.");
                }
                return;
            }
            if (++terms > MAX_TERMS) {
                truncated = true;
                return;
            }
            if (negated) {
                endOr();
                excluded.add(phrase.get());
                lastWasPositive = false;
            } else if (pendingOr) {
                clauses.set(clauses.size() - 1, clauses.get(clauses.size() - 1).or(phrase.get()));
                pendingOr = false;
                lastWasPositive = true;
            } else {
                clauses.add(Clause.of(phrase.get()));
                lastWasPositive = true;
            }
        }

        /** The words of {@code raw} as a phrase; a trailing * makes the last word a prefix. */
        private Optional<Phrase> phrase(String raw, boolean allowPrefix) {
            String s = raw.replace("\"", "");
            boolean prefix = false;
            while (s.endsWith("*")) {
                prefix = true;
                s = s.substring(0, s.length() - 1);
            }
            List<String> words = Tokens.of(s);
            if (words.isEmpty()) {
                return Optional.empty();
            }
            if (words.size() > MAX_PHRASE_WORDS) {
                notes.add("A phrase was cut to its first " + MAX_PHRASE_WORDS + " words.");
                words = words.subList(0, MAX_PHRASE_WORDS);
                prefix = false;
            }
            String last = words.get(words.size() - 1);
            if (prefix && allowPrefix && last.codePointCount(0, last.length()) < MIN_PREFIX_LENGTH) {
                notes.add(quoteForMessage(raw) + ": a prefix needs at least " + MIN_PREFIX_LENGTH
                        + " letters, so the whole word was searched for.");
                prefix = false;
            }
            return Optional.of(new Phrase(words, prefix && allowPrefix));
        }

        private void filter(String key, String value, boolean negated, String chunk) {
            if (value.isBlank()) {
                notes.add(key + ": needs a value, as in " + example(key) + "; it was ignored.");
                return;
            }
            switch (key) {
                case "author" -> (negated ? excludedAuthors : authors).add(value.strip());
                case "label" -> (negated ? excludedLabels : labels).add(value.strip());
                case "site" -> site(value, negated);
                case "score" -> score(value, negated);
                case "story" -> story(value, negated);
                case "in" -> in(value, negated);
                case "before", "after" -> date(key, value, negated);
                case "is" -> is(value, negated);
                case "has" -> has(value, negated);
                case "sort" -> sort(value, negated);
                default -> throw new IllegalStateException("unhandled filter " + key + " in " + chunk);
            }
        }

        private void site(String value, boolean negated) {
            Optional<Site> site = Site.fromId(value);
            if (site.isEmpty()) {
                Optional<String> host = host(value);
                if (host.isPresent()) {
                    (negated ? excludedHosts : hosts).add(host.get());
                    return;
                }
                notes.add("site: unknown site " + quoteForMessage(value) + " (known: "
                        + Arrays.stream(Site.values()).map(Site::id).collect(Collectors.joining(", "))
                        + ", or a host such as example.org); it was ignored.");
                return;
            }
            (negated ? excludedSites : sites).add(site.get());
        }

        /**
         * A host as typed ({@code katzen-forum.net}, {@code https://www.Example.org/forum}), lower case and without
         * scheme, path, port or a leading "www.", so it also matches the site's other subdomains.
         */
        static Optional<String> host(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            v = v.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
            int cut = v.length();
            for (char c : new char[] {'/', '?', '#', ':'}) {
                int i = v.indexOf(c);
                if (i >= 0) {
                    cut = Math.min(cut, i);
                }
            }
            v = v.substring(0, cut);
            while (v.endsWith(".")) {
                v = v.substring(0, v.length() - 1);
            }
            if (v.startsWith("www.") && v.indexOf('.', 4) > 0) {
                v = v.substring(4);
            }
            if (!HOST.matcher(v).matches()) {
                return Optional.empty();
            }
            return Optional.of(v);
        }

        private void score(String value, boolean negated) {
            if (negated) {
                notes.add("-score: cannot be negated; write score:<N or score:>N instead. It was ignored.");
                return;
            }
            String v = value.strip();
            Matcher range = SCORE_RANGE.matcher(v);
            if (range.matches()) {
                atLeast(Integer.parseInt(range.group(1)));
                atMost(Integer.parseInt(range.group(2)));
                return;
            }
            Matcher m = SCORE.matcher(v);
            if (!m.matches()) {
                notes.add("score: expects a number with an optional comparison, as in score:>=4 or score:2..5, not "
                        + quoteForMessage(value) + "; it was ignored.");
                return;
            }
            int n = Integer.parseInt(m.group(2));
            String op = m.group(1) == null ? "=" : m.group(1);
            switch (op) {
                case ">=" -> atLeast(n);
                case ">" -> atLeast(n + 1);
                case "<=" -> atMost(n);
                case "<" -> atMost(n - 1);
                default -> {
                    atLeast(n);
                    atMost(n);
                }
            }
        }

        private void atLeast(int n) {
            minScore = minScore == null ? n : Math.max(minScore, n);
        }

        private void atMost(int n) {
            maxScore = maxScore == null ? n : Math.min(maxScore, n);
        }

        private void story(String value, boolean negated) {
            if (negated) {
                notes.add("-story: cannot be negated; it was ignored.");
                return;
            }
            Optional<Phrase> phrase = phrase(value, true);
            if (phrase.isEmpty()) {
                notes.add("story: " + quoteForMessage(value) + " holds no word; it was ignored.");
                return;
            }
            if (++terms > MAX_TERMS) {
                truncated = true;
                return;
            }
            storyWords.add(phrase.get());
        }

        private void in(String value, boolean negated) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (!v.equals("this") && !v.equals("story") && !v.equals("current")) {
                notes.add("in: knows only in:this (the story that is open); " + quoteForMessage(value)
                        + " was ignored.");
                return;
            }
            if (context.currentStoryId() == null) {
                notes.add("in:this needs an open story; it was ignored.");
                return;
            }
            if (negated) {
                excludedStoryId = context.currentStoryId();
            } else {
                storyId = context.currentStoryId();
            }
        }

        private void date(String key, String value, boolean negated) {
            if (negated) {
                notes.add("-" + key + ": cannot be negated; write " + (key.equals("before") ? "after:" : "before:")
                        + " instead. It was ignored.");
                return;
            }
            Optional<Instant[]> period = period(value.strip());
            if (period.isEmpty()) {
                notes.add(key + ": expects a date like 2019, 2019-06 or 2019-06-30, not " + quoteForMessage(value)
                        + "; it was ignored.");
                return;
            }
            if (key.equals("before")) {
                Instant start = period.get()[0];
                postedBefore = postedBefore == null || start.isBefore(postedBefore) ? start : postedBefore;
            } else {
                Instant end = period.get()[1];
                postedFrom = postedFrom == null || end.isAfter(postedFrom) ? end : postedFrom;
            }
        }

        /** The start and the (exclusive) end of the year, month or day a date names, in UTC. */
        private static Optional<Instant[]> period(String v) {
            try {
                if (v.matches("\\d{4}")) {
                    Year y = Year.parse(v);
                    return Optional.of(new Instant[] {start(y.atDay(1)), start(y.plusYears(1).atDay(1))});
                }
                if (v.matches("\\d{4}-\\d{1,2}")) {
                    String[] p = v.split("-");
                    YearMonth ym = YearMonth.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
                    return Optional.of(new Instant[] {start(ym.atDay(1)), start(ym.plusMonths(1).atDay(1))});
                }
                if (v.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                    String[] p = v.split("-");
                    LocalDate d = LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]),
                            Integer.parseInt(p[2]));
                    return Optional.of(new Instant[] {start(d), start(d.plusDays(1))});
                }
            } catch (java.time.DateTimeException | NumberFormatException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }

        private static Instant start(LocalDate day) {
            return day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        private void is(String value, boolean negated) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.equals("starred") || v.equals("star")) {
                starred = !negated;
                return;
            }
            if (!v.equals("unread") && !v.equals("read")) {
                notes.add("is: knows is:unread, is:read and is:starred; " + quoteForMessage(value)
                        + " was ignored.");
                return;
            }
            boolean wantRead = v.equals("read") != negated;
            if (read != null && read != wantRead) {
                notes.add("is:read and is:unread together match nothing; the last one was used.");
            }
            read = wantRead;
        }

        private void has(String value, boolean negated) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (!v.equals("note") && !v.equals("notes")) {
                notes.add("has: knows has:note; " + quoteForMessage(value) + " was ignored.");
                return;
            }
            hasNote = !negated;
        }

        private void sort(String value, boolean negated) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            SortOrder order = switch (v) {
                case "relevance", "best", "rank" -> SortOrder.RELEVANCE;
                case "date", "new", "newest", "recent" -> SortOrder.NEWEST;
                case "old", "oldest" -> SortOrder.OLDEST;
                default -> null;
            };
            if (order == null || negated) {
                notes.add("sort: knows sort:relevance, sort:newest and sort:oldest; " + quoteForMessage(value)
                        + " was ignored.");
                return;
            }
            sort = order;
        }

        private static String example(String key) {
            return switch (key) {
                case "author" -> "author:alice";
                case "site" -> "site:slashdot";
                case "score" -> "score:>=4";
                case "label" -> "label:insightful";
                case "story" -> "story:gnome";
                case "in" -> "in:this";
                case "before" -> "before:2010-06";
                case "after" -> "after:2019";
                case "is" -> "is:unread";
                case "has" -> "has:note";
                default -> "sort:newest";
            };
        }

        private static String unquote(String value) {
            String v = value;
            if (v.startsWith("\"")) {
                v = v.substring(1);
                if (v.endsWith("\"")) {
                    v = v.substring(0, v.length() - 1);
                }
            }
            return v;
        }
    }

    /** Quotes user text for a message, shortened so a pasted page does not become the message. */
    static String quoteForMessage(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        if (oneLine.length() > 40) {
            oneLine = oneLine.substring(0, 39) + "…";
        }
        return "'" + oneLine + "'";
    }
}
