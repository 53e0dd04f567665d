package io.threadkeep.importer.web;

import io.threadkeep.importer.NotAThreadException;
import io.threadkeep.importer.SafeHtml;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the repeated post structure of a discussion page whose engine is unknown: blocks of one kind (same tag and
 * class, same id pattern, or same-tag siblings) that each carry a person's name, a date and a body of text. The
 * group with the most such blocks wins; blocks of the group nested in one another are replies. A second group whose
 * blocks sit inside the winner's (comments under the answers of a Q&A page) is kept as their replies.
 *
 * <p>Pure: it reads the document and never changes it.
 */
final class RepeatedPosts {

    /** One post as found, before it becomes a comment. */
    record Found(Element block, String markupId, String author, Instant posted, String postedText, String html,
                 String text, Integer postNumber, Found parent, Element authorElement, Element dateElement,
                 Element bodyElement) {
    }

    /** Fewer blocks than this are not a discussion anybody saves. */
    static final int MIN_POSTS = 2;
    /** A runner-up group this close to the winner, with other blocks, makes the page ambiguous. */
    private static final double AMBIGUOUS_RATIO = 0.8;
    private static final Pattern ID_WITH_NUMBER = Pattern.compile("(?i)^([a-z][a-z_-]*?)[-_]?(\\d+)(?:[-_]\\d+)?$");
    private static final Pattern POST_NUMBER = Pattern.compile("^#\\s?(\\d{1,6})$");
    private static final int MAX_CANDIDATES = 12;

    /** Counts over an element's subtree (skipped furniture left out). */
    private static final class Stats {
        int text;
        int linkText;
        int dates;
        int authors;
        boolean isDate;
        boolean isAuthor;
    }

    private final Document document;
    private final Instant capturedAt;
    private final Map<Element, Stats> stats = new IdentityHashMap<>();
    private final Map<Element, Integer> order = new IdentityHashMap<>();
    private int linksLeftOut;

    RepeatedPosts(Document document, Instant capturedAt) {
        this.document = document;
        this.capturedAt = capturedAt;
    }

    /** The posts of the page, in page order, parents before replies. */
    List<Found> find() throws NotAThreadException {
        Element body = document.body();
        if (body == null) {
            throw new NotAThreadException("not a discussion page: it has no body");
        }
        measure(body);
        List<Candidate> candidates = candidates(body);
        if (candidates.isEmpty()) {
            throw new NotAThreadException("not a discussion page: no repeated blocks with an author, a date and text");
        }
        List<Extraction> done = new ArrayList<>();
        for (Candidate c : candidates) {
            Extraction x = extract(c);
            if (x != null) {
                done.add(x);
            }
        }
        done.sort(Comparator.comparingDouble(Extraction::weight).reversed());
        if (done.isEmpty()) {
            String why = candidates.stream().map(c -> c.refusal).filter(r -> r != null).findFirst()
                    .orElse("no repeated blocks with an author, a date and text");
            throw new NotAThreadException("not a discussion page: " + why);
        }
        Extraction best = done.get(0);
        Extraction replies = null;
        for (Extraction other : done.subList(1, done.size())) {
            if (same(best, other)) {
                continue;
            }
            Extraction outer = inside(other, best) ? best : inside(best, other) ? other : null;
            if (outer != null) {
                Extraction inner = outer == best ? other : best;
                if (replies == null) {
                    // The outer posts are read again without the inner blocks, whose names and dates are not theirs.
                    Extraction outerAlone = extract(outer.candidate, inner.posts);
                    if (outerAlone != null && outerAlone.posts.size() >= MIN_POSTS
                            && keepsItsBylines(outerAlone, outer) && separate(inner, outerAlone)) {
                        best = outerAlone;
                        replies = inner;
                    }
                }
                continue;
            }
            if (other.posts.size() >= AMBIGUOUS_RATIO * best.posts.size() && overlap(best, other) < 0.3) {
                throw new NotAThreadException(String.format(
                        "ambiguous page: two different repeated structures look like posts (%d blocks of %s and %d of"
                                + " %s); not guessing which is the discussion",
                        best.posts.size(), best.candidate.key, other.posts.size(), other.candidate.key));
            }
        }
        linksLeftOut = best.candidate.leftOut + (replies == null ? 0 : replies.candidate.leftOut);
        return assemble(best, replies);
    }

    /** How many blocks of the posts' kind were only links to other pages (pingbacks) and were left out. */
    int linksLeftOut() {
        return linksLeftOut;
    }

    // ---- measuring ------------------------------------------------------------------------------------------

    /** Counts every element's subtree bottom-up, without recursion: saved threads nest thousands deep. */
    private void measure(Element root) {
        java.util.ArrayDeque<Element> stack = new java.util.ArrayDeque<>();
        List<Element> preorder = new ArrayList<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Element e = stack.pop();
            order.put(e, order.size());
            preorder.add(e);
            List<Element> children = e.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                if (!Markers.skipped(children.get(i))) {
                    stack.push(children.get(i));
                }
            }
        }
        for (int i = preorder.size() - 1; i >= 0; i--) {
            Element e = preorder.get(i);
            Stats s = new Stats();
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) {
                    s.text += nonSpace(t.getWholeText());
                } else if (child instanceof Element c) {
                    Stats cs = stats.get(c);
                    if (cs == null) {
                        continue;
                    }
                    s.text += cs.text;
                    s.linkText += c.normalName().equals("a") ? cs.text : cs.linkText;
                    s.dates += cs.dates;
                    s.authors += cs.authors;
                }
            }
            if (s.dates == 0 && isDate(e, s)) {
                s.isDate = true;
                s.dates = 1;
            }
            // The innermost element that names the person is the author; its wrappers are not authors again.
            if (s.authors == 0 && isAuthor(e, s)) {
                s.isAuthor = true;
                s.authors++;
            }
            stats.put(e, s);
        }
    }

    private static int nonSpace(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0') {
                n++;
            }
        }
        return n;
    }

    private boolean isDate(Element e, Stats s) {
        if (e.normalName().equals("time") || stampAttribute(e) != null) {
            return true;
        }
        if (s.text > 0 && s.text <= 60 && LooseDates.looksLikeDate(e.text())) {
            return true;
        }
        String title = e.attr("title");
        return s.text <= 60 && !title.isEmpty() && title.length() <= 80 && LooseDates.looksLikeDate(title)
                && (s.text == 0 || Markers.dateHint(e) || e.normalName().equals("abbr"));
    }

    private static String stampAttribute(Element e) {
        for (String name : List.of("datetime", "data-time", "data-timestamp", "data-datetime", "data-utime",
                "data-date")) {
            String v = e.attr(name);
            if (!v.isEmpty() && LooseDates.stamp(v).isPresent()) {
                return v;
            }
        }
        return null;
    }

    private boolean isAuthor(Element e, Stats s) {
        if (s.text == 0 || s.text > 100) {
            return false;
        }
        if (!Markers.profileLink(e) && !Markers.authorHint(e)) {
            return false;
        }
        return Markers.personName(e.text(), true) != null;
    }

    // ---- candidate groups -----------------------------------------------------------------------------------

    /** A group of blocks of one kind, with how many of them look like posts on their own. */
    private static final class Candidate {
        final String key;
        final List<Element> members;
        final Map<Element, Element> parentMember = new IdentityHashMap<>();
        final Map<Element, int[]> own = new IdentityHashMap<>();
        int posts;
        int leftOut;
        String refusal;

        Candidate(String key, List<Element> members) {
            this.key = key;
            this.members = members;
        }
    }

    private List<Candidate> candidates(Element body) {
        Map<String, List<Element>> groups = new LinkedHashMap<>();
        Map<Element, Integer> parentIds = new IdentityHashMap<>();
        for (Element e : body.getAllElements()) {
            if (e == body || !stats.containsKey(e)) {
                continue;
            }
            Stats s = stats.get(e);
            if (s.dates == 0 || s.authors == 0 || s.text < 8) {
                continue;
            }
            String tag = e.normalName();
            Matcher id = ID_WITH_NUMBER.matcher(e.id());
            if (id.matches()) {
                groups.computeIfAbsent(tag + "#" + id.group(1).toLowerCase(java.util.Locale.ROOT) + "N",
                        k -> new ArrayList<>()).add(e);
            }
            for (String c : Markers.stableClasses(e)) {
                groups.computeIfAbsent(tag + "." + c, k -> new ArrayList<>()).add(e);
            }
            Element parent = e.parent();
            if (parent != null) {
                int pid = parentIds.computeIfAbsent(parent, p -> parentIds.size());
                groups.computeIfAbsent(tag + "@" + pid + " (children of " + describe(parent) + ")",
                        k -> new ArrayList<>()).add(e);
            }
        }
        Map<Set<Element>, Candidate> distinct = new HashMap<>();
        for (Map.Entry<String, List<Element>> g : groups.entrySet()) {
            if (g.getValue().size() < MIN_POSTS) {
                continue;
            }
            Set<Element> set = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            set.addAll(g.getValue());
            Set<Element> key = new java.util.HashSet<>(g.getValue());
            if (distinct.containsKey(key)) {
                continue;
            }
            Candidate c = new Candidate(g.getKey(), g.getValue());
            score(c, set);
            if (c.posts >= MIN_POSTS) {
                distinct.put(key, c);
            }
        }
        List<Candidate> out = new ArrayList<>(distinct.values());
        out.sort(Comparator.comparingInt((Candidate c) -> c.posts).reversed()
                .thenComparing(c -> order.get(c.members.get(0))));
        return out.size() > MAX_CANDIDATES ? out.subList(0, MAX_CANDIDATES) : out;
    }

    private static String describe(Element e) {
        StringBuilder sb = new StringBuilder(e.normalName());
        if (!e.id().isEmpty()) {
            sb.append('#').append(e.id());
        }
        List<String> classes = Markers.stableClasses(e);
        if (!classes.isEmpty()) {
            sb.append('.').append(classes.get(0));
        }
        return sb.toString();
    }

    /** Counts the members that are posts by their own content (nested members' content taken out). */
    private void score(Candidate c, Set<Element> set) {
        for (Element m : c.members) {
            for (Element up = m.parent(); up != null; up = up.parent()) {
                if (set.contains(up)) {
                    c.parentMember.put(m, up);
                    break;
                }
            }
        }
        for (Element m : c.members) {
            Stats s = stats.get(m);
            c.own.put(m, new int[] {s.text, s.dates, s.authors, s.linkText});
        }
        for (Element m : c.members) {
            Element p = c.parentMember.get(m);
            if (p != null) {
                int[] po = c.own.get(p);
                Stats s = stats.get(m);
                po[0] -= s.text;
                po[1] -= s.dates;
                po[2] -= s.authors;
                po[3] -= s.linkText;
            }
        }
        for (Element m : c.members) {
            int[] o = c.own.get(m);
            // A block holding several dates and names is a wrapper of posts, not a post.
            if (o[0] >= 2 && o[1] >= 1 && o[1] <= 40 && o[2] <= 40) {
                c.posts++;
            }
        }
    }

    // ---- extraction -----------------------------------------------------------------------------------------

    /** A candidate read out: its posts and how strongly it looks like a discussion. */
    private record Extraction(Candidate candidate, List<Found> posts, double weight) {
    }

    private Extraction extract(Candidate c) {
        return extract(c, List.of());
    }

    /** Reads a candidate; {@code excluded} are blocks of another level (replies of another kind) to leave out. */
    private Extraction extract(Candidate c, List<Found> excluded) {
        Set<Element> memberSet = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        memberSet.addAll(c.members);
        for (Found f : excluded) {
            memberSet.add(f.block());
        }
        List<Element> posts = new ArrayList<>();
        for (Element m : c.members) {
            int[] o = c.own.get(m);
            if (o[0] >= 2 && o[1] >= 1 && o[1] <= 40 && o[2] <= 40 && !holdsPageHeading(m, memberSet)) {
                posts.add(m);
            }
        }
        Map<Element, List<Element>> ownElements = new IdentityHashMap<>();
        for (Element m : posts) {
            List<Element> list = new ArrayList<>();
            collectOwn(m, memberSet, list);
            ownElements.put(m, list);
        }
        Consensus authors = consensus(posts, ownElements, true);
        Consensus dates = consensus(posts, ownElements, false);
        if (authors == null || dates == null) {
            c.refusal = "the repeated blocks (" + c.key + ") do not name their authors and dates in one place";
            return null;
        }
        BodyChoice body = body(posts, ownElements, authors, dates);
        List<Found> found = new ArrayList<>();
        Map<Element, Found> byBlock = new IdentityHashMap<>();
        Map<Element, Integer> postsUnder = postsUnder(posts);
        Set<Found> linkOnly = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        int teasers = 0;
        int linky = 0;
        Set<String> names = new HashSet<>();
        for (Element m : posts) {
            Element authorEl = authors.chosen.get(m);
            Element dateEl = dates.chosen.get(m);
            String author = authorEl == null ? null : Markers.personName(authorEl.text(), true);
            Element bodyEl = body.chosen.get(m);
            SafeHtml.Body cleaned = cleanBody(m, bodyEl, memberSet, authorEl, dateEl);
            if (cleaned.isEmpty()) {
                continue;
            }
            double away = linkedAway(m, memberSet, authorEl, dateEl);
            boolean teaser = away >= 0.4;
            if (teaser) {
                teasers++;
            }
            String plain = cleaned.text();
            int linkChars = bodyEl == null ? 0 : stats.get(bodyEl).linkText;
            int textChars = bodyEl == null ? 1 : Math.max(1, stats.get(bodyEl).text);
            if (linkChars * 2 > textChars) {
                linky++;
            }
            if (author != null) {
                names.add(author);
            }
            Instant posted = null;
            String postedText = null;
            if (dateEl != null) {
                posted = dateOf(dateEl);
                postedText = SafeHtml.squash(dateEl.text());
                if (postedText.isEmpty()) {
                    postedText = dateEl.hasAttr("datetime") ? dateEl.attr("datetime") : dateEl.attr("title");
                }
            }
            Found f = new Found(m, markupId(m, postsUnder), author, posted, postedText, cleaned.html(), plain, postNumber(m,
                    memberSet), parentFound(m, c, byBlock), authorEl, dateEl, bodyEl);
            byBlock.put(m, f);
            found.add(f);
            if (away >= 0.7 || m.className().matches("(?i).*(pingback|trackback).*")) {
                linkOnly.add(f);
            }
        }
        if (found.size() < MIN_POSTS) {
            c.refusal = "fewer than " + MIN_POSTS + " posts with text in " + c.key;
            return null;
        }
        List<Integer> lengths = new ArrayList<>();
        for (Found f : found) {
            lengths.add(f.text().replaceAll("\\s+", "").length());
        }
        lengths.sort(null);
        if (lengths.get(lengths.size() / 2) < 8) {
            c.refusal = "the repeated blocks (" + c.key + ") hold almost no text";
            return null;
        }
        if (inSidebar(found)) {
            c.refusal = "the repeated blocks (" + c.key + ") sit beside the page's content (a sidebar or recent"
                    + " comments of other pages), not in its discussion";
            return null;
        }
        boolean discussion = speaksOfDiscussion(found);
        if (discussion && !linkOnly.isEmpty() && found.size() - linkOnly.size() >= MIN_POSTS
                && linkOnly.stream().allMatch(f -> f.parent() == null)) {
            // Pingbacks and trackbacks in a comment list: links to other pages, not posts by people.
            found.removeAll(linkOnly);
            c.leftOut = linkOnly.size();
            teasers = Math.max(0, teasers - linkOnly.size());
        }
        // Where the markup calls the blocks comments, link-heavy ones (reblogs, shared links) may be up to half.
        if (discussion ? teasers * 2 > found.size() : teasers * 5 >= found.size() * 2) {
            c.refusal = "the repeated blocks (" + c.key + ") are teasers linking to other articles, not posts";
            return null;
        }
        if (linky * 2 > found.size()) {
            c.refusal = "the repeated blocks (" + c.key + ") are mostly links, not posts";
            return null;
        }
        boolean nested = found.stream().anyMatch(f -> f.parent() != null);
        if (names.size() == 1 && found.size() >= (nested ? 4 : 3)) {
            c.refusal = "every repeated block (" + c.key + ") names the same author: a listing, not a discussion";
            return null;
        }
        if (!discussion) {
            c.refusal = "the repeated blocks (" + c.key + ") have authors and dates, but nothing in the page calls them"
                    + " comments, replies, posts or messages";
            return null;
        }
        long withAuthor = found.stream().filter(f -> f.author() != null).count();
        long withDate = found.stream().filter(f -> f.postedText() != null).count();
        if (withAuthor * 10 < found.size() * 7L || withDate * 10 < found.size() * 7L) {
            c.refusal = "the repeated blocks (" + c.key + ") lack authors or dates too often";
            return null;
        }
        double weight = found.size() + 0.01 * authors.score + 0.01 * dates.score;
        return new Extraction(c, found, weight);
    }

    private static final Pattern DISCUSSION_WORD = Pattern.compile("(?i).*(comment|koment|kommentar|reply|replies"
            + "|antwort|answer|discussion|diskussion|disqus|dsq-|thread|forum|message|msg|review|bewertung|guestbook"
            + "|gaestebuch|gästebuch|response|reaction|conversation|beitrag|beitraege|topic-post|commentaire|comentario"
            + "|commento|reactie|postbit|postcontainer|post_?body|post_?message|postrow|post_?wrapper|postarea|cpost"
            + "|bbwrapper).*");
    /** Tokens that mention comments without being them: counters, links, forms, states. */
    private static final Pattern NOT_DISCUSSION = Pattern.compile(
            "(?i).*(count|link|num|status|open|closed|form|respond|icon|button|btn|total|teaser|related|widget-title"
                    + "|sidebar|recent).*");

    /**
     * Whether the markup names the blocks as parts of a discussion: a class or id of the block, of what holds it, or
     * of its body says comment, reply, answer, message, post body... Article cards have bylines and dates too; what
     * they never have is that vocabulary.
     */
    private static boolean speaksOfDiscussion(List<Found> found) {
        int named = 0;
        for (Found f : found) {
            boolean said = false;
            for (Element e = f.block(); e != null && !said && !e.normalName().equals("body"); e = e.parent()) {
                said = discussionToken(e);
            }
            if (!said && f.bodyElement() != null) {
                said = discussionToken(f.bodyElement());
            }
            if (said) {
                named++;
            }
        }
        return named * 2 > found.size();
    }

    private static boolean discussionToken(Element e) {
        List<String> tokens = new ArrayList<>(e.classNames());
        tokens.add(e.id());
        for (String t : tokens) {
            if (!t.isEmpty() && DISCUSSION_WORD.matcher(t).matches() && !NOT_DISCUSSION.matcher(t).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Boxes beside the page's content; a comment widget embedded in an article is not one of them. */
    private static final Pattern SIDEBAR = Pattern.compile(
            "(?i)^(sidebar|sidebar[-_](primary|secondary|left|right|\\d)|[a-z]-sidebar|widget-area|dsq-widget.*"
                    + "|.*recent-?comments.*|.*latest-?comments.*|.*letzte-?kommentare.*)$");
    /** Layout classes that name a sidebar beside the content they wrap ("content-sidebar-wrap", "right-sidebar"). */
    private static final Pattern LAYOUT = Pattern.compile("(?i).*(wrap|content|has|layout|with|for|no-|main|page"
            + "|site|container|row|col).*");

    /** Whether most blocks sit in a page's sidebar or widget box: a list of comments made elsewhere. */
    private static boolean inSidebar(List<Found> found) {
        int inside = 0;
        for (Found f : found) {
            boolean side = false;
            for (Element e = f.block(); e != null && !side && !e.normalName().equals("body"); e = e.parent()) {
                side = e.normalName().equals("aside") || sidebarToken(e.id())
                        || e.classNames().stream().anyMatch(RepeatedPosts::sidebarToken);
            }
            if (side) {
                inside++;
            }
        }
        return inside * 2 > found.size();
    }

    private static boolean sidebarToken(String token) {
        return SIDEBAR.matcher(token).matches() && !LAYOUT.matcher(token).matches();
    }

    /** A block holding the page's main heading is the article or the page, not one of its posts. */
    private boolean holdsPageHeading(Element block, Set<Element> members) {
        for (Element h1 : block.getElementsByTag("h1")) {
            if (stats.containsKey(h1) && stats.get(h1).text > 0) {
                return true;
            }
        }
        return false;
    }

    private Found parentFound(Element m, Candidate c, Map<Element, Found> byBlock) {
        for (Element p = c.parentMember.get(m); p != null; p = c.parentMember.get(p)) {
            Found f = byBlock.get(p);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private void collectOwn(Element root, Set<Element> members, List<Element> out) {
        java.util.ArrayDeque<Element> stack = new java.util.ArrayDeque<>();
        List<Element> first = root.children();
        for (int i = first.size() - 1; i >= 0; i--) {
            stack.push(first.get(i));
        }
        while (!stack.isEmpty()) {
            Element e = stack.pop();
            if (members.contains(e) || !stats.containsKey(e)) {
                continue;
            }
            out.add(e);
            List<Element> children = e.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
    }

    /** For each post, the element in the role (author or date) that the posts agree on. */
    private static final class Consensus {
        final Map<Element, Element> chosen = new IdentityHashMap<>();
        double score;
    }

    private Consensus consensus(List<Element> posts, Map<Element, List<Element>> own, boolean author) {
        Map<String, Map<Element, Element>> bySignature = new LinkedHashMap<>();
        Map<String, Double> bonus = new HashMap<>();
        for (Element m : posts) {
            for (Element e : own.get(m)) {
                Stats s = stats.get(e);
                if (author ? !s.isAuthor : !s.isDate) {
                    continue;
                }
                if (author && editorCard(e, m) || e.closest("blockquote") != null) {
                    continue;
                }
                String sig = relativeSignature(e, m);
                Map<Element, Element> perPost = bySignature.computeIfAbsent(sig, k -> new IdentityHashMap<>());
                perPost.putIfAbsent(m, e);
                double b = author ? authorBonus(e) : dateBonus(e);
                bonus.merge(sig, b, Double::sum);
            }
        }
        int n = posts.size();
        List<Map.Entry<String, Double>> ranked = new ArrayList<>();
        for (Map.Entry<String, Map<Element, Element>> entry : bySignature.entrySet()) {
            Map<Element, Element> perPost = entry.getValue();
            Set<String> values = new HashSet<>();
            for (Element e : perPost.values()) {
                values.add(author ? String.valueOf(Markers.personName(e.text(), true)) : e.text() + e.attr("datetime")
                        + e.attr("title"));
            }
            double score = perPost.size() + bonus.get(entry.getKey()) / Math.max(1, perPost.size());
            if (values.size() == 1 && perPost.size() >= 3) {
                score -= author ? perPost.size() * 0.6 : perPost.size() * 0.3;
            }
            if (score > 0) {
                ranked.add(Map.entry(entry.getKey(), score));
            }
        }
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        if (ranked.isEmpty()) {
            return null;
        }
        Consensus c = new Consensus();
        c.score = ranked.get(0).getValue();
        // The main form first; posts that lack it (a staff member's styled name) take the next form they have.
        for (Map.Entry<String, Double> sig : ranked) {
            Map<Element, Element> perPost = bySignature.get(sig.getKey());
            boolean main = sig == ranked.get(0);
            if (!main && perPost.size() < 2 && n > 3) {
                continue;
            }
            for (Map.Entry<Element, Element> e : perPost.entrySet()) {
                c.chosen.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        if (c.chosen.size() * 2 < n) {
            return null;
        }
        return c;
    }

    private static final Pattern EDITED = Pattern.compile(
            "(?i)^(edited|last edited|modified|bearbeitet|zuletzt bearbeitet|geändert)\\b.*");

    /** Whether a name is the editor's ("edited ... by X" cards), not the poster's. */
    private boolean editorCard(Element name, Element post) {
        Element up = name.parent();
        for (int i = 0; i < 3 && up != null && up != post; i++, up = up.parent()) {
            Stats s = stats.get(up);
            if (s != null && s.text < 200 && EDITED.matcher(up.text()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static double authorBonus(Element e) {
        double b = 0;
        if (Markers.profileLink(e)) {
            b += 0.5;
        }
        if (Markers.authorHint(e)) {
            b += 0.5;
        }
        return b;
    }

    private double dateBonus(Element e) {
        double b = 0;
        if (e.normalName().equals("time") || stampAttribute(e) != null) {
            b += 0.4;
        }
        if (Markers.dateHint(e)) {
            b += 0.3;
        }
        LooseDates.read(e.text(), capturedAt).ifPresent(r -> {
        });
        if (LooseDates.read(e.text(), null).map(LooseDates.Reading::hasTime).orElse(false)) {
            b += 0.3;
        }
        if (Markers.joinedContext(e)) {
            b -= 1.5;
        }
        return b;
    }

    /** The element's tag and stable classes, with its ancestors' up to the post, so like parts of posts match. */
    private static String relativeSignature(Element e, Element post) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Element x = e; x != null && x != post && depth < 4; x = x.parent(), depth++) {
            sb.append(x.normalName());
            String cls = firstStableClass(x);
            if (cls != null) {
                sb.append('.').append(cls);
                if (depth > 0) {
                    break;
                }
            }
            if (Markers.profileLink(x)) {
                sb.append("[profile]");
            }
            sb.append('<');
        }
        return sb.toString();
    }

    /** The first class that is not a state: engines put the kind first ("comment-user owner"). */
    private static String firstStableClass(Element e) {
        if (e.className().isEmpty()) {
            return null;
        }
        for (String c : e.classNames()) {
            List<String> stable = Markers.stableClasses(new Element("x").addClass(c));
            if (!stable.isEmpty()) {
                return stable.get(0);
            }
        }
        return null;
    }

    private Instant dateOf(Element e) {
        for (String name : List.of("datetime", "data-time", "data-timestamp", "data-datetime", "data-utime",
                "data-date")) {
            java.util.Optional<Instant> s = LooseDates.stamp(e.attr(name));
            if (s.isPresent()) {
                return s.get();
            }
        }
        java.util.Optional<LooseDates.Reading> r = LooseDates.read(e.text(), capturedAt);
        if (r.isPresent() && r.get().instant() != null && !r.get().relative()) {
            return r.get().instant();
        }
        java.util.Optional<LooseDates.Reading> t = LooseDates.read(e.attr("title"), capturedAt);
        if (t.isPresent() && t.get().instant() != null && !t.get().relative()) {
            return t.get().instant();
        }
        return r.map(LooseDates.Reading::instant).orElse(null);
    }

    // ---- bodies ---------------------------------------------------------------------------------------------

    private static final class BodyChoice {
        final Map<Element, Element> chosen = new IdentityHashMap<>();
    }

    private BodyChoice body(List<Element> posts, Map<Element, List<Element>> own, Consensus authors,
                            Consensus dates) {
        Map<String, Map<Element, Element>> bySignature = new LinkedHashMap<>();
        Map<String, Integer> depthOf = new HashMap<>();
        for (Element m : posts) {
            Element a = authors.chosen.get(m);
            Element d = dates.chosen.get(m);
            for (Element e : own.get(m)) {
                if (!BODY_TAGS.contains(e.normalName())) {
                    continue;
                }
                if (a != null && (e == a || a.parents().contains(e)) || d != null && (e == d
                        || d.parents().contains(e))) {
                    continue;
                }
                if (Markers.metaHint(e) && !bodyHint(e) && stats.get(e).text < 40) {
                    continue;
                }
                String sig = relativeSignature(e, m);
                Map<Element, Element> perPost = bySignature.computeIfAbsent(sig, k -> new IdentityHashMap<>());
                Element prior = perPost.get(m);
                if (prior == null || stats.get(e).text > stats.get(prior).text) {
                    perPost.put(m, e);
                }
                depthOf.putIfAbsent(sig, e.parents().size());
            }
        }
        String best = null;
        long bestText = 0;
        int bestDepth = -1;
        for (Map.Entry<String, Map<Element, Element>> entry : bySignature.entrySet()) {
            if (entry.getValue().size() * 2 < posts.size()) {
                continue;
            }
            long text = 0;
            for (Element e : entry.getValue().values()) {
                Stats s = stats.get(e);
                text += s.text - s.linkText / 2;
            }
            int depth = depthOf.get(entry.getKey());
            boolean clearlyMore = text > bestText * 1.1;
            boolean aboutSame = text >= bestText * 0.93 && depth > bestDepth;
            if (best == null || clearlyMore || aboutSame && !(text < bestText * 0.93)) {
                if (best == null || clearlyMore || aboutSame) {
                    best = entry.getKey();
                    bestText = Math.max(text, bestText);
                    bestDepth = depth;
                }
            }
        }
        BodyChoice choice = new BodyChoice();
        if (best != null) {
            // A body present in each post must hold most of the post's own prose, or the posts keep it loose.
            long total = 0;
            for (Element m : posts) {
                total += stats.get(m).text;
            }
            if (bestText * 3 >= total) {
                choice.chosen.putAll(bySignature.get(best));
            }
        }
        return choice;
    }

    private static final Set<String> BODY_TAGS = Set.of("div", "p", "blockquote", "section", "article", "td", "dd",
            "span", "li", "pre", "font", "main");

    private static boolean bodyHint(Element e) {
        for (String c : e.classNames()) {
            String t = c.toLowerCase(java.util.Locale.ROOT);
            if (t.contains("content") || t.contains("body") || t.contains("message") || t.contains("text")
                    || t.contains("prose")) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern SIGNATURE = Pattern.compile("(?i).*(signature|sig$|^sig[-_]|editedby|last-?edit"
            + "|lastedit|edit-?note|editnote|wpdiscuz-readmore|read-?more-link).*");

    /** The body as safe HTML: the chosen element, else the post with its byline, date and controls taken out. */
    private SafeHtml.Body cleanBody(Element post, Element bodyEl, Set<Element> members, Element authorEl,
                                    Element dateEl) {
        Element root = bodyEl != null ? bodyEl : post;
        Element copy = root.clone();
        // Mark the parts to drop on the original, then find them in the copy by position.
        List<int[]> drops = new ArrayList<>();
        List<Element> originals = root.getAllElements();
        List<Element> copies = copy.getAllElements();
        for (int i = 1; i < originals.size(); i++) {
            Element e = originals.get(i);
            boolean drop = members.contains(e) || Markers.skipped(e) || signatureLike(e);
            if (bodyEl == null && !drop) {
                drop = e == authorEl || e == dateEl || (Markers.metaHint(e) && !bodyHint(e)
                        && (stats.get(e) == null || stats.get(e).text < 40
                        || authorEl != null && authorEl.parents().contains(e)
                        || dateEl != null && dateEl.parents().contains(e)))
                        || authorEl != null && e.children().contains(authorEl) && stats.get(e).text < 120
                        || e.normalName().equals("nav") || e.normalName().equals("form")
                        || e.normalName().equals("header") || e.normalName().equals("footer");
            }
            if (drop) {
                drops.add(new int[] {i});
            }
        }
        for (int k = drops.size() - 1; k >= 0; k--) {
            Element victim = copies.get(drops.get(k)[0]);
            if (victim.parent() != null) {
                victim.remove();
            }
        }
        markQuotes(copy);
        // Without a body element the post's text is loose beside its byline: what is left once the header parts
        // are gone.
        return SafeHtml.clean(copy);
    }

    /**
     * Quote boxes of any engine ({@code div.bbcode_quote}, {@code div.quote}...) become quote blocks, so the body
     * keeps them as quotes; only the outermost box of a nest is renamed.
     */
    private static void markQuotes(Element root) {
        // Some engines (vBulletin 4) wrap the whole body in a blockquote: that one is the body, not a quote.
        int total = root.text().length();
        for (Element bq : root.select("blockquote")) {
            if (total > 0 && total - bq.text().length() <= 3 && bq.parents().stream()
                    .noneMatch(p -> p.normalName().equals("blockquote"))) {
                bq.tagName("div");
            }
        }
        for (Element e : root.getAllElements()) {
            if (e == root || e.normalName().equals("blockquote")) {
                continue;
            }
            boolean quote = false;
            for (String c : e.classNames()) {
                String t = c.toLowerCase(java.util.Locale.ROOT);
                if (t.contains("quote") && !t.contains("unquote") && !t.contains("quoted-by")) {
                    quote = true;
                    break;
                }
            }
            if (quote && e.closest("blockquote") == null && BLOCKISH.contains(e.normalName())) {
                e.tagName("blockquote");
            }
        }
    }

    private static final Set<String> BLOCKISH = Set.of("div", "section", "aside", "table", "figure");

    private static boolean signatureLike(Element e) {
        for (String c : e.classNames()) {
            if (SIGNATURE.matcher(c).matches()) {
                return true;
            }
        }
        return SIGNATURE.matcher(e.id()).matches();
    }

    /**
     * How much of a block's own text (byline and date aside) sits in links to other pages: a teaser of another page
     * (a related-article card, a pingback) is mostly that; a heading that links away counts as all of it.
     */
    private double linkedAway(Element post, Set<Element> members, Element authorEl, Element dateEl) {
        List<Element> own = new ArrayList<>();
        collectOwn(post, members, own);
        int total = 0;
        for (Node n : post.childNodes()) {
            if (n instanceof TextNode t) {
                total += nonSpace(t.getWholeText());
            }
        }
        int away = 0;
        Set<Element> counted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e : own) {
            for (Node n : e.childNodes()) {
                if (n instanceof TextNode t) {
                    total += nonSpace(t.getWholeText());
                }
            }
            if (!e.normalName().equals("a") || e == authorEl || e == dateEl || !linksAway(e)
                    || authorEl != null && authorEl.parents().contains(e)
                    || dateEl != null && dateEl.parents().contains(e)) {
                continue;
            }
            boolean nested = false;
            for (Element up = e.parent(); up != null && up != post && !nested; up = up.parent()) {
                nested = counted.contains(up);
            }
            if (!nested) {
                counted.add(e);
                Stats s = stats.get(e);
                away += s.text;
                if (authorEl != null && authorEl.parents().contains(e) == false && e.getAllElements().contains(authorEl)) {
                    away -= stats.get(authorEl).text;
                }
                if (dateEl != null && e.getAllElements().contains(dateEl)) {
                    away -= stats.get(dateEl).text;
                }
            }
            if (e.parent() != null && HEADINGS.contains(e.parent().normalName()) && stats.get(e).text >= 20) {
                return 1;
            }
        }
        int authorText = authorEl == null ? 0 : stats.get(authorEl).text;
        int dateText = dateEl == null ? 0 : stats.get(dateEl).text;
        int rest = Math.max(1, total - authorText - dateText);
        return (double) away / rest;
    }

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    /** A link to another page: not an anchor on this one, not a reply or permalink of a comment, not a profile. */
    private static boolean linksAway(Element a) {
        String href = a.attr("href").trim();
        if (href.isEmpty() || href.startsWith("#") || href.startsWith("javascript:") || Markers.profileLink(a)) {
            return false;
        }
        return !href.contains("#") && !href.matches("(?i).*([?&](replytocom|cid|p|pid|comment|post)=|/comment|/post"
                + "|/goto/|/reply|/answers?/|/a/\\d|/q/\\d|showpost|viewtopic|findpost).*");
    }


    /**
     * The post's id in the markup: its own numbered id, an id attribute, or the numbered id of a wrapper that holds
     * this post alone ({@code div#answer-123 > div.post-layout}).
     */
    private static String markupId(Element post, Map<Element, Integer> postsUnder) {
        String own = ownId(post);
        if (own != null) {
            return own;
        }
        Element up = post.parent();
        for (int i = 0; i < 3 && up != null; i++, up = up.parent()) {
            if (postsUnder.getOrDefault(up, 0) > 1) {
                break;
            }
            if (ID_WITH_NUMBER.matcher(up.id()).matches()) {
                return up.id();
            }
        }
        return null;
    }

    private static String ownId(Element post) {
        String id = post.id();
        if (ID_WITH_NUMBER.matcher(id).matches()) {
            return id;
        }
        for (String attr : List.of("data-id", "data-comment-id", "data-post-id", "data-commentid", "data-postid",
                "data-content")) {
            String v = post.attr(attr);
            if (v.matches("[\\w-]{1,40}") && v.matches(".*\\d.*")) {
                return v;
            }
        }
        for (org.jsoup.nodes.Attribute a : post.attributes()) {
            if (a.getKey().matches("data-[a-z]+-?id") && a.getValue().matches("\\d{1,20}")) {
                return a.getValue();
            }
        }
        return null;
    }

    /** How many posts each near ancestor (three levels up) of the posts holds. */
    private static Map<Element, Integer> postsUnder(List<Element> posts) {
        Map<Element, Integer> out = new IdentityHashMap<>();
        for (Element m : posts) {
            Element up = m.parent();
            for (int i = 0; i < 3 && up != null; i++, up = up.parent()) {
                out.merge(up, 1, Integer::sum);
            }
        }
        return out;
    }

    private Integer postNumber(Element post, Set<Element> members) {
        List<Element> own = new ArrayList<>();
        collectOwn(post, members, own);
        for (Element e : own) {
            Stats s = stats.get(e);
            if (s.text > 0 && s.text <= 7 && e.children().isEmpty()) {
                Matcher m = POST_NUMBER.matcher(e.text().trim());
                if (m.matches()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return null;
    }

    // ---- comparing extractions ------------------------------------------------------------------------------

    /** Whether two extractions found the same posts (one group of blocks inside the other's, one to one). */
    private static boolean same(Extraction a, Extraction b) {
        return overlap(a, b) >= 0.7;
    }

    /** The share of the smaller extraction's posts that the other also found (same author and text start). */
    private static double overlap(Extraction a, Extraction b) {
        Set<String> keys = new HashSet<>();
        for (Found f : a.posts) {
            keys.add(key(f));
        }
        int common = 0;
        for (Found f : b.posts) {
            if (keys.contains(key(f))) {
                common++;
            }
        }
        return (double) common / Math.max(1, Math.min(a.posts.size(), b.posts.size()));
    }

    private static String key(Found f) {
        String t = f.text() == null ? "" : f.text().replaceAll("\\s+", "");
        return f.author() + "|" + (t.length() > 40 ? t.substring(0, 40) : t);
    }

    /** Whether most of {@code inner}'s blocks sit inside blocks of {@code outer}. */
    private static boolean inside(Extraction inner, Extraction outer) {
        Set<Element> outers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Found f : outer.posts) {
            outers.add(f.block());
        }
        int in = 0;
        for (Found f : inner.posts) {
            for (Element up = f.block().parent(); up != null; up = up.parent()) {
                if (outers.contains(up)) {
                    in++;
                    break;
                }
            }
        }
        return in * 10 >= inner.posts.size() * 8;
    }

    /** Whether posts read without the inner blocks still have their names and dates (else those were theirs). */
    private static boolean keepsItsBylines(Extraction alone, Extraction whole) {
        long authorsAlone = alone.posts.stream().filter(f -> f.author() != null).count();
        long datesAlone = alone.posts.stream().filter(f -> f.postedText() != null).count();
        long authors = whole.posts.stream().filter(f -> f.author() != null).count();
        long dates = whole.posts.stream().filter(f -> f.postedText() != null).count();
        return authorsAlone * 10 >= authors * 9 && datesAlone * 10 >= dates * 9;
    }

    /**
     * Whether the inner blocks are posts of their own rather than parts of the outer posts: a part holds the outer
     * post's byline or date (a user pane) or sits in its body (a quote).
     */
    private static boolean separate(Extraction inner, Extraction outer) {
        Set<Element> outerParts = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Found f : outer.posts) {
            if (f.authorElement() != null) {
                outerParts.add(f.authorElement());
            }
            if (f.dateElement() != null) {
                outerParts.add(f.dateElement());
            }
            if (f.bodyElement() != null) {
                outerParts.add(f.bodyElement());
            }
        }
        int parts = 0;
        for (Found f : inner.posts) {
            boolean part = false;
            for (Element up = f.block(); up != null && !part; up = up.parent()) {
                part = outerParts.contains(up) && up != f.block();
            }
            for (Element e : f.block().getAllElements()) {
                if (part) {
                    break;
                }
                part = outerParts.contains(e);
            }
            if (part) {
                parts++;
            }
        }
        return parts * 5 < inner.posts.size();
    }

    /** The winner's posts, with the inner level's posts placed after the outer post that holds them. */
    private List<Found> assemble(Extraction best, Extraction replies) {
        if (replies == null) {
            return best.posts;
        }
        Map<Element, Found> outer = new IdentityHashMap<>();
        for (Found f : best.posts) {
            outer.put(f.block(), f);
        }
        List<Found> all = new ArrayList<>(best.posts);
        Set<Element> taken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Found f : best.posts) {
            taken.add(f.block());
        }
        for (Found r : replies.posts) {
            if (taken.contains(r.block())) {
                continue;
            }
            Found holder = null;
            for (Element up = r.block().parent(); up != null && holder == null; up = up.parent()) {
                holder = outer.get(up);
            }
            Found parent = r.parent() != null ? r.parent() : holder;
            all.add(new Found(r.block(), r.markupId(), r.author(), r.posted(), r.postedText(), r.html(), r.text(),
                    r.postNumber(), parent, r.authorElement(), r.dateElement(), r.bodyElement()));
        }
        all.sort(Comparator.comparingInt(f -> order.get(f.block())));
        return all;
    }
}
