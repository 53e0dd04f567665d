package io.threadkeep.importer.slashdot;

import io.threadkeep.importer.SafeHtml;
import io.threadkeep.model.Completeness;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;
import org.jsoup.select.NodeVisitor;

/**
 * Reads the comment listing shared by the CSS-era discussion pages (2005 on): every comment is an
 * {@code li#tree_CID} holding {@code div#comment_CID} (title, score, byline, {@code comment_body_CID}, "Parent" link)
 * and its replies in {@code ul#commtree_CID}; collapsed comments of pre-D2 threaded pages are only
 * {@code <li><a href="...pid=P#CID">Subject</a> by nick (Score:1) date<ul id="commtree_CID">}. The walk is
 * iterative and each comment's nesting is found by looking upward a step or two, so reply chains thousands deep
 * cost no stack and linear time.
 */
final class CommentListReader {

    private static final Pattern TREE_ID = Pattern.compile("tree_(\\d+)");
    private static final Pattern ONE_LINER_HREF = Pattern.compile("comments\\.pl\\?(?:[^#]*?[&;])?pid=(\\d+)[^#]*#(\\d+)\\s*$");
    private static final Pattern ONE_LINER_CID = Pattern.compile("comments\\.pl\\?(?:[^#]*?[&;])?cid=(\\d+)");
    private static final Pattern PID = Pattern.compile("[?&;]pid=(\\d+)");
    private static final Pattern PARENT_CID = Pattern.compile("[?&;]cid=(\\d+)");
    private static final Pattern SELECT_PARENT = Pattern.compile("selectParent\\(\\s*(\\d+)");
    private static final Pattern BYLINE = Pattern.compile("^\\s*by\\s+(.+?)\\s*(?:\\((?=Score:)|$)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> BLOCKS = Set.of("ul", "ol", "li", "div", "table", "dl", "p", "blockquote");
    private static final Set<String> INLINE_WRAPPERS = Set.of("font", "b", "i", "small", "span", "strong", "em");

    /** What the reader noticed, for the page's warnings. */
    static final class Tally {
        int full;
        int oneLiners;
        int abbreviated;
        int truncated;
        int hidden;
        int withoutYear;
        int undated;
    }

    private final LocalDate storyDay;
    private final LocalDate capturedDay;
    private final D2Metadata d2;
    final Tally tally = new Tally();

    CommentListReader(LocalDate storyDay, LocalDate capturedDay, D2Metadata d2) {
        this.storyDay = storyDay;
        this.capturedDay = capturedDay;
        this.d2 = d2;
    }

    /** Every comment of the listing, in page order. */
    List<CommentDraft> read(Document doc) {
        Element root = doc.getElementById("commentlisting");
        if (root == null) {
            root = doc.body();
        }
        List<Element> items = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            private int insideBody;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    if (isBody(e)) {
                        insideBody++;
                    }
                    // A list inside a comment body is text, not thread structure; but a comment item is one even
                    // there, where a body that lost its closing tag has swallowed the replies after it.
                    if (e.normalName().equals("li") && (insideBody == 0 || e.id().startsWith("tree_"))) {
                        items.add(e);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && isBody(e)) {
                    insideBody--;
                }
            }
        }, root);

        Map<Element, String> owners = new IdentityHashMap<>();
        List<CommentDraft> drafts = new ArrayList<>();
        List<Element> draftItems = new ArrayList<>();
        for (Element li : items) {
            Matcher tree = TREE_ID.matcher(li.id());
            CommentDraft draft = null;
            if (tree.matches()) {
                draft = readTreeItem(li, tree.group(1));
            } else if (li.id().isEmpty()) {
                draft = readOneLiner(li);
            }
            if (draft != null) {
                owners.put(li, draft.id);
                drafts.add(draft);
                draftItems.add(li);
            }
        }
        for (int i = 0; i < drafts.size(); i++) {
            drafts.get(i).nestedParent = nestingOwner(draftItems.get(i), owners, root);
        }
        return drafts;
    }

    /** The comment whose reply list holds {@code li}: the nearest {@code ul#commtree_N} or comment item above it. */
    private static String nestingOwner(Element li, Map<Element, String> owners, Element root) {
        for (Element e = li.parent(); e != null && e != root; e = e.parent()) {
            String id = e.id();
            if (id.startsWith("commtree_")) {
                String cid = id.substring("commtree_".length());
                if (!cid.isEmpty() && cid.chars().allMatch(Character::isDigit)) {
                    return cid;
                }
            }
            String owner = owners.get(e);
            if (owner != null) {
                return owner;
            }
        }
        return null;
    }

    private CommentDraft readTreeItem(Element li, String cid) {
        CommentDraft d = new CommentDraft(cid);
        Element cw = null;
        for (Element child : li.children()) {
            if (child.id().equals("comment_" + cid)) {
                cw = child;
                break;
            }
        }
        boolean hiddenClass = li.hasClass("hidden") || (cw != null && cw.hasClass("hidden"));
        if (cw == null || cw.children().isEmpty()) {
            tally.hidden++;
            return d; // an empty shell: known to exist, nothing else (the D2 table may fill it in)
        }
        Element link = own(cw, "[id^=comment_link_], .title h4 a, h4 a, .title a", li);
        String subject = link != null ? SafeHtml.squash(link.text()) : null;
        d.subject = subject == null || subject.isEmpty() ? null : subject;

        Element scoreElement = own(cw, "[id^=comment_score_], .score", li);
        Element title = own(cw, ".title, h4", li);
        SlashdotMarkup.Score score = SlashdotMarkup.score(scoreElement != null ? scoreElement.text()
                : title != null ? title.text() : null);
        d.score = score.score();
        d.label = score.label();

        Element details = own(cw, ".details", li);
        if (details != null) {
            readByline(details, d);
        }
        Element other = own(cw, "[id^=comment_otherdetails_], .otherdetails", li);
        String dateText = other != null ? SlashdotMarkup.textWithout(other, "small")
                : details != null ? SlashdotMarkup.textWithout(details, "small") : null;
        setDate(d, dateText);

        Element body = own(cw, "[id^=comment_body_]", li);
        if (body == null) {
            body = own(cw, ".commentBody", li);
        }
        if (body == null || hiddenClass && body.text().isBlank()) {
            tally.hidden++;
        } else {
            SafeHtml.Body clean = SlashdotMarkup.cleanBody(body);
            d.html = clean.html();
            d.text = clean.text();
            boolean oneline = li.hasClass("oneline") || cw.hasClass("oneline");
            boolean cutShort = own(body, ".substr", li) != null || d2.abbreviated().contains(cid);
            Element shrunk = own(cw, ".commentshrunk", li);
            if (shrunk == null) {
                for (Element a : cw.select("a")) {
                    if (SlashdotMarkup.isReadTheRest(a) && itemOf(a) == li) {
                        shrunk = a;
                        break;
                    }
                }
            }
            if (shrunk != null) {
                d.completeness = Completeness.TRUNCATED;
                tally.truncated++;
            } else if (cutShort || (oneline && d.text.isEmpty())) {
                d.completeness = Completeness.ABBREVIATED;
                tally.abbreviated++;
            } else {
                d.completeness = Completeness.FULL;
                tally.full++;
            }
        }
        Element sub = own(cw, "[id^=comment_sub_], .commentSub", li);
        if (sub != null) {
            for (Element a : sub.select("a")) {
                if (!a.text().trim().equalsIgnoreCase("Parent")) {
                    continue;
                }
                Matcher onclick = SELECT_PARENT.matcher(a.attr("onclick"));
                Matcher href = PARENT_CID.matcher(a.attr("href"));
                if (onclick.find()) {
                    d.stateParent(onclick.group(1));
                } else if (href.find()) {
                    d.stateParent(href.group(1));
                }
                break;
            }
        }
        return d;
    }

    private static boolean isBody(Element e) {
        return e.id().startsWith("comment_body_") || e.hasClass("commentBody");
    }

    /**
     * The first match in {@code scope} that belongs to {@code item} itself, not to a reply that broken markup
     * (a body missing its closing tags) has pulled inside it.
     */
    private static final Map<String, Evaluator> EVALUATORS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The first element matching {@code css} under {@code scope} that belongs to {@code item} itself, not to a reply
     * nested in it. Replies' subtrees are skipped rather than searched and filtered: a deep thread would otherwise
     * be searched once per ancestor, quadratic in its depth.
     */
    private static Element own(Element scope, String css, Element item) {
        Evaluator evaluator = EVALUATORS.computeIfAbsent(css, QueryParser::parse);
        Element[] found = new Element[1];
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                if (e != item && e.normalName().equals("li") && e.id().startsWith("tree_")) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (evaluator.matches(scope, e) && itemOf(e) == item) {
                    found[0] = e;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }
        }, scope);
        return found[0];
    }

    private static Element itemOf(Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p.normalName().equals("li") && p.id().startsWith("tree_")) {
                return p;
            }
        }
        return null;
    }

    /** "by Name (uid)" of 2005–2012 and {@code span.by}/{@code span.uid} of 2013 on. */
    private static void readByline(Element details, CommentDraft d) {
        Element by = details.selectFirst(".by");
        Element scope = by != null ? by : details;
        Element uid = scope.selectFirst(".uid");
        Element other = scope.selectFirst(".otherdetails");
        Element user = null;
        for (Element a : scope.select("a")) {
            if ((uid == null || !isInside(a, uid)) && (other == null || !isInside(a, other))
                    && !a.attr("href").startsWith("mailto:")) {
                user = a;
                break;
            }
        }
        SlashdotMarkup.Name name;
        if (user != null) {
            name = SlashdotMarkup.name(user.text());
        } else {
            String text = SlashdotMarkup.textWithout(scope, ".otherdetails, .writes, .uid");
            name = SlashdotMarkup.name(text);
        }
        String uidText = uid != null ? SlashdotMarkup.digits(uid.text()) : name.uid();
        d.author = name.name();
        d.authorId = uidText;
        d.anonymous = new SlashdotMarkup.Name(name.name(), uidText).isAnonymous();
    }

    private static boolean isInside(Element e, Element ancestor) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** {@code <li><a href="...pid=P#CID">Subject</a> by nick (Score:1) date<ul ...>}; null when li is not one. */
    CommentDraft readOneLiner(Element li) {
        Element a = li.firstElementChild();
        while (a != null && INLINE_WRAPPERS.contains(a.normalName())) {
            a = a.firstElementChild(); // <li><font size="2"><a ...> in the table layout
        }
        if (a == null || !a.normalName().equals("a") || !a.hasAttr("href")) {
            return null;
        }
        String href = a.attr("href");
        Matcher m = ONE_LINER_HREF.matcher(href);
        String cid;
        if (m.find()) {
            cid = m.group(2);
        } else {
            Matcher c = ONE_LINER_CID.matcher(href);
            if (!c.find()) {
                return null;
            }
            cid = c.group(1);
        }
        String line = lineAfter(li, a);
        if (!line.trim().toLowerCase(java.util.Locale.ROOT).startsWith("by ")) {
            return null; // a link in a list, not a comment's one-line entry
        }
        CommentDraft d = new CommentDraft(cid);
        Matcher pid = PID.matcher(href);
        if (pid.find()) {
            d.stateParent(pid.group(1));
        }
        String subject = SafeHtml.squash(a.text());
        d.subject = subject.isEmpty() ? null : subject;
        Matcher by = BYLINE.matcher(line);
        if (by.find()) {
            SlashdotMarkup.Name name = SlashdotMarkup.name(stripTrailingDate(by.group(1)));
            d.author = name.name();
            d.anonymous = name.isAnonymous();
        }
        SlashdotMarkup.Score score = SlashdotMarkup.score(line);
        d.score = score.score();
        d.label = score.label();
        setDate(d, line);
        d.completeness = Completeness.ABBREVIATED;
        tally.oneLiners++;
        return d;
    }

    /** One-liners without a score put the date straight after the name. */
    private static String stripTrailingDate(String nameAndMaybeDate) {
        SlashdotDates.Parts date = SlashdotDates.find(nameAndMaybeDate);
        if (date == null) {
            return nameAndMaybeDate;
        }
        int at = nameAndMaybeDate.indexOf(date.text());
        String name = at > 0 ? nameAndMaybeDate.substring(0, at) : nameAndMaybeDate;
        // drop the weekday and "on" that precede the matched month
        return name.replaceAll("(?i)\\s+(on\\s+)?((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s*)?$", "").trim();
    }

    /** The text of a one-liner's own line: what follows its link, up to its reply list. */
    private static String lineAfter(Element li, Element a) {
        StringBuilder line = new StringBuilder();
        for (Node n : li.childNodes()) {
            if (n instanceof TextNode t) {
                line.append(t.text());
            } else if (n instanceof Element e) {
                if (BLOCKS.contains(e.normalName())) {
                    break;
                }
                line.append(e.text());
            }
        }
        String all = line.toString();
        int at = all.indexOf(a.text());
        return at < 0 ? all : all.substring(at + a.text().length());
    }

    void setDate(CommentDraft d, String text) {
        SlashdotDates.Parts date = SlashdotDates.find(text);
        if (date == null) {
            return;
        }
        d.posted = SlashdotDates.resolve(date, storyDay, capturedDay);
        d.postedText = date.text();
        if (!date.hasYear()) {
            tally.withoutYear++;
        }
        if (d.posted == null) {
            tally.undated++;
        }
    }
}
