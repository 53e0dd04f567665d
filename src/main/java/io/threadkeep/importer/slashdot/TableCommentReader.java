package io.threadkeep.importer.slashdot;

import io.threadkeep.importer.SafeHtml;
import io.threadkeep.model.Completeness;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
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

/**
 * Reads the comments of the table layout (1997–2005). A full comment is a header cell, {@code <a name="CID">}
 * with the subject, "(Score:N, Label)", "by NAME (UID) on DATE (#CID)", followed by a row with the body and a
 * "[ Reply to This | Parent ]" bar; collapsed replies are one-line {@code <li>} links with {@code pid=P#CID}. Replies
 * are indented by {@code <ul>} (or {@code <dl>}/{@code <blockquote>}) lists, so where the page states no parent the
 * nearest preceding comment one list level up is taken. Nothing here assumes a fixed nesting of tables.
 */
final class TableCommentReader {

    private static final Pattern PERMALINK_TEXT = Pattern.compile("^#(\\d+)$");
    private static final Pattern CID = Pattern.compile("[?&;]cid=(\\d+)");
    private static final Pattern USER_INFO = Pattern.compile("User\\s*(?:#\\s*(\\d+)\\s*)?Info",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BY_NAME = Pattern.compile("\\bby\\s+(.+?)\\s*(?:\\(|\\bon\\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BY = Pattern.compile("\\bby\\s", Pattern.CASE_INSENSITIVE);
    private static final Pattern NICK_PARAM = Pattern.compile("[?&;]nick=([^&;#]+)");
    private static final Pattern TILDE_NICK = Pattern.compile("/~([^/?#]+)/?$");
    private static final Pattern FOOTER = Pattern.compile("^\\s*\\[.*\\b(Reply to This|Parent)\\b.*\\]\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> INDENTS = Set.of("ul", "ol", "dl", "blockquote");

    private final CommentListReader lines;

    TableCommentReader(CommentListReader lines) {
        this.lines = lines;
    }

    List<CommentDraft> read(Document doc) {
        Map<String, Element> heads = findHeads(doc);
        Map<Element, String> headCells = new IdentityHashMap<>();
        Set<Element> bodyCells = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Element, CommentDraft> byCell = new IdentityHashMap<>();
        for (Map.Entry<String, Element> e : heads.entrySet()) {
            Element cell = e.getValue();
            if (insideAny(cell, bodyCells)) {
                continue; // a "#123" link quoted inside another comment's body
            }
            CommentDraft d = readFull(e.getKey(), cell, bodyCells);
            headCells.put(cell, d.id);
            byCell.put(cell, d);
        }
        // Page order, with one-liners, in one pass over the document.
        List<CommentDraft> drafts = new ArrayList<>();
        List<Element> anchors = new ArrayList<>();
        for (Element e : doc.body().getAllElements()) {
            CommentDraft d = byCell.get(e);
            if (d == null && e.normalName().equals("li") && !insideAny(e, bodyCells)) {
                d = lines.readOneLiner(e);
            }
            if (d != null) {
                drafts.add(d);
                anchors.add(e);
            }
        }
        assignNesting(drafts, anchors);
        return drafts;
    }

    /** Header cells by cid, in page order: the cell holding the comment's anchor or its "(#CID)" link. */
    private static Map<String, Element> findHeads(Document doc) {
        Map<String, Element> heads = new LinkedHashMap<>();
        for (Element a : doc.body().select("a[name], a[href*=cid=]")) {
            String cid = null;
            String name = a.attr("name");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                cid = name;
            } else if (a.hasAttr("href")) {
                Matcher text = PERMALINK_TEXT.matcher(a.text().trim());
                Matcher href = CID.matcher(a.attr("href"));
                if (text.matches() && href.find() && href.group(1).equals(text.group(1))) {
                    cid = text.group(1);
                }
            }
            if (cid == null || heads.containsKey(cid)) {
                continue;
            }
            Element cell = a.closest("td, th, li, div, p");
            if (cell == null) {
                cell = a.parent();
            }
            if (cell != null && looksLikeHead(cell)) {
                heads.put(cid, cell);
            }
        }
        return heads;
    }

    private static boolean looksLikeHead(Element cell) {
        String text = cell.text();
        return text.matches("(?is).*\\bby\\s+\\S.*") && SlashdotDates.find(text) != null;
    }

    private CommentDraft readFull(String cid, Element head, Set<Element> bodyCells) {
        CommentDraft d = new CommentDraft(cid);
        Element anchor = null;
        for (Element a : head.select("a[name]")) {
            if (a.attr("name").equals(cid)) {
                anchor = a;
                break;
            }
        }
        String subject = anchor != null ? SafeHtml.squash(anchor.text()) : "";
        if (subject.isEmpty()) {
            Element bold = head.selectFirst("b");
            subject = bold != null ? SafeHtml.squash(bold.text()) : "";
        }
        d.subject = subject.isEmpty() ? null : subject;
        // Only what follows the subject is byline: a subject may itself say "by" or "(Score:".
        String text = head.text();
        int subjectAt = subject.isEmpty() ? -1 : text.indexOf(subject);
        String byline = subjectAt < 0 ? text : text.substring(subjectAt + subject.length());
        SlashdotMarkup.Score score = SlashdotMarkup.score(byline);
        d.score = score.score();
        d.label = score.label();
        readAuthor(head, byline, d);
        int by = indexOfBy(byline);
        lines.setDate(d, by >= 0 ? byline.substring(by) : byline);

        Element body = bodyCell(head);
        if (body == null) {
            return d;
        }
        bodyCells.add(body);
        Element copy = body.clone();
        for (Element footer : footers(copy)) {
            for (Element a : footer.select("a")) {
                if (a.text().trim().equalsIgnoreCase("Parent")) {
                    Matcher m = CID.matcher(a.attr("href"));
                    if (m.find()) {
                        d.stateParent(m.group(1));
                    }
                }
            }
            footer.remove();
        }
        boolean cut = false;
        for (Element a : copy.select("a")) {
            if (SlashdotMarkup.isReadTheRest(a)) {
                cut = true;
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (Node n : copy.childNodes()) {
            if (n instanceof Element e && (INDENTS.contains(e.normalName()) && e.selectFirst("a[href*=pid=], a[name]") != null
                    || e.selectFirst("a[name~=^\\d+$]") != null)) {
                break; // replies placed inside the body cell
            }
            nodes.add(n);
        }
        SafeHtml.Body clean = SlashdotMarkup.cleanNodes(body, nodes);
        d.html = clean.html();
        d.text = clean.text();
        d.completeness = cut ? Completeness.TRUNCATED : Completeness.FULL;
        return d;
    }

    private static int indexOfBy(String text) {
        Matcher m = BY.matcher(text);
        return m.find() ? m.start() : -1;
    }

    private static void readAuthor(Element head, String text, CommentDraft d) {
        String uid = null;
        String name = null;
        for (Element a : head.select("a[href]")) {
            String href = a.attr("href");
            Matcher info = USER_INFO.matcher(a.text().trim());
            if (info.matches()) {
                // "(User #1234 Info)" / "(User Info)": the id, and the nick in the link
                uid = info.group(1) != null ? info.group(1) : uid;
                if (name == null) {
                    name = nickFromHref(href);
                }
                continue;
            }
            if (name == null && (href.contains("/~") || href.contains("users.pl") || href.contains("nick="))) {
                SlashdotMarkup.Name n = SlashdotMarkup.name(a.text());
                name = n.name() != null ? n.name() : nickFromHref(href);
                uid = uid != null ? uid : n.uid();
            }
        }
        if (name == null) {
            Matcher m = BY_NAME.matcher(text);
            if (m.find()) {
                name = SafeHtml.squash(m.group(1));
            }
        }
        if (uid == null && name != null) {
            // "by Name (12345) on ..." with the id outside the name's link, or no link at all
            Matcher withUid = Pattern.compile(Pattern.quote(name) + "\\s*\\(\\s*(\\d+)\\s*\\)").matcher(text);
            if (withUid.find()) {
                uid = withUid.group(1);
            }
        }
        d.author = name == null || name.isEmpty() ? null : name;
        d.authorId = uid;
        d.anonymous = new SlashdotMarkup.Name(d.author, uid).isAnonymous();
    }

    private static String nickFromHref(String href) {
        Matcher m = NICK_PARAM.matcher(href);
        if (m.find()) {
            return java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
        }
        m = TILDE_NICK.matcher(href);
        if (m.find()) {
            return java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
        }
        return null;
    }

    /** The cell under the header row, or the element after the header when it is not in a table. */
    private static Element bodyCell(Element head) {
        Element row = head.normalName().equals("td") || head.normalName().equals("th") ? head.parent() : null;
        if (row != null && row.normalName().equals("tr")) {
            for (Element next = row.nextElementSibling(); next != null; next = next.nextElementSibling()) {
                if (next.normalName().equals("tr")) {
                    Element cell = next.selectFirst("td, th");
                    return cell != null ? cell : next;
                }
            }
            return null;
        }
        return head.nextElementSibling();
    }

    /** The "[ Reply to This | Parent ]" bars of a body, outermost only. */
    private static List<Element> footers(Element body) {
        List<Element> found = new ArrayList<>();
        Set<Element> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e : body.select("font, small, div, span, p, b")) {
            if (FOOTER.matcher(e.text()).matches() && e.selectFirst("a") != null && !insideAny(e, seen)) {
                found.add(e);
                seen.add(e);
            }
        }
        return found;
    }

    private static boolean insideAny(Element e, Set<Element> cells) {
        if (cells.isEmpty()) {
            return false;
        }
        for (Element p = e; p != null; p = p.parent()) {
            if (cells.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many indenting elements enclose {@code e}, itself included. Levels are remembered per element, so each
     * ancestor is counted once for the whole page: counting up to the root for every comment made a reply chain
     * N deep cost N squared.
     */
    private static int indentLevel(Element e, Map<Element, Integer> levels) {
        Deque<Element> uncounted = new ArrayDeque<>();
        Element p = e;
        while (p != null && !levels.containsKey(p)) {
            uncounted.push(p);
            p = p.parent();
        }
        int level = p == null ? 0 : levels.get(p);
        while (!uncounted.isEmpty()) {
            Element next = uncounted.pop();
            level += INDENTS.contains(next.normalName()) ? 1 : 0;
            levels.put(next, level);
        }
        return level;
    }

    /** Where the page states no parent: the nearest earlier comment one indentation level up. */
    private static void assignNesting(List<CommentDraft> drafts, List<Element> anchors) {
        Deque<int[]> stack = new ArrayDeque<>(); // {level, index}
        Map<Element, Integer> levels = new IdentityHashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            Element parent = anchors.get(i).parent();
            int level = parent == null ? 0 : indentLevel(parent, levels);
            while (!stack.isEmpty() && stack.peek()[0] >= level) {
                stack.pop();
            }
            drafts.get(i).nestedParent = stack.isEmpty() ? null : drafts.get(stack.peek()[1]).id;
            stack.push(new int[] {level, i});
        }
    }
}
