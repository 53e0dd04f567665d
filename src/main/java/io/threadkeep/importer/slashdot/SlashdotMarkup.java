package io.threadkeep.importer.slashdot;

import io.threadkeep.importer.SafeHtml;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;

/** Small pieces of Slashdot markup shared by every era: scores, user names, comment bodies, numbers. */
final class SlashdotMarkup {

    static final String ANONYMOUS_COWARD = "Anonymous Coward";
    /** Used to resolve relative links when the page's own address is unknown. */
    static final String DEFAULT_BASE = "https://slashdot.org/";

    private static final Pattern SCORE = Pattern.compile(
            "Score:\\s*(-?\\d+)\\s*(?:,\\s*([A-Za-z][A-Za-z -]*?)\\s*)?\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_WITH_UID = Pattern.compile("^(.*?)\\s*\\(\\s*(\\d+)\\s*\\)\\s*$");
    private static final Pattern DIGITS = Pattern.compile("(\\d+)");
    private static final Pattern NUMBER = Pattern.compile("(\\d[\\d,]*)");
    /** The " [example.com]" Slashdot prints after a link to show where it goes. */
    private static final Pattern LINK_DOMAIN = Pattern.compile("^\\s*\\[([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)\\]");
    private static final Set<String> INLINE = Set.of("i", "b", "em", "strong", "u", "font", "span", "tt", "code",
            "small", "big", "s", "strike", "nobr");
    private static final Pattern READ_THE_REST = Pattern.compile("Read the rest of this comment", Pattern.CASE_INSENSITIVE);

    /** A moderation score and its label ("Insightful"), either possibly null. */
    record Score(Integer score, String label) {
        static final Score NONE = new Score(null, null);
    }

    private SlashdotMarkup() {
    }

    /** Reads "(Score:5, Insightful)" / "(Score:2)" out of a text. */
    static Score score(String text) {
        if (text == null) {
            return Score.NONE;
        }
        Matcher m = SCORE.matcher(text);
        if (!m.find()) {
            return Score.NONE;
        }
        String label = m.group(2) == null ? null : m.group(2).trim();
        return new Score(Integer.valueOf(m.group(1)), label == null || label.isEmpty() ? null : label);
    }

    /** A user's name and id as in "Colin Smith (2679)"; the id is null when the text has none. */
    record Name(String name, String uid) {
        boolean isAnonymous() {
            return name == null || name.equalsIgnoreCase(ANONYMOUS_COWARD) || D2Metadata.ANONYMOUS_UID.equals(uid);
        }
    }

    static Name name(String text) {
        String t = SafeHtml.squash(text);
        if (t == null || t.isEmpty()) {
            return new Name(null, null);
        }
        if (t.regionMatches(true, 0, "by ", 0, 3)) {
            t = t.substring(3).trim();
        }
        Matcher m = NAME_WITH_UID.matcher(t);
        if (m.matches() && !m.group(1).isEmpty()) {
            return new Name(m.group(1), m.group(2));
        }
        return new Name(t.isEmpty() ? null : t, null);
    }

    /** The first run of digits in a text ("( 151149 )" → 151149), or null. */
    static String digits(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DIGITS.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The integer a text shows ("1,234 comments" → 1234), or null. */
    static Integer count(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            return null;
        }
        try {
            return Integer.valueOf(m.group(1).replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isReadTheRest(Element e) {
        return e.hasClass("commentshrunk") || READ_THE_REST.matcher(e.text()).find();
    }

    /**
     * The body under {@code body} as safe HTML and text. Stops at the first piece of thread structure (a body whose
     * closing tag the page lost swallows what follows it), and leaves out the link-domain tags, Slashdot's
     * abbreviation markers, "Read the rest" links and signature blocks.
     */
    static SafeHtml.Body cleanBody(Element body) {
        return cleanNodes(body, body.childNodes());
    }

    /** Like {@link #cleanBody} for a run of nodes (the oldest pages do not wrap bodies in one element). */
    static SafeHtml.Body cleanNodes(Element context, java.util.List<Node> nodes) {
        String base = context.baseUri();
        Element holder = new Element(Tag.valueOf("div"), base == null || base.isEmpty() ? DEFAULT_BASE : base);
        for (Node child : nodes) {
            if (child instanceof Element e && isThreadStructure(e)) {
                break;
            }
            holder.appendChild(child.clone());
        }
        holder.select(".substr, .commentshrunk, .sig, script, style").remove();
        for (Element a : holder.select("a")) {
            if (READ_THE_REST.matcher(a.text()).find()) {
                a.remove();
            }
        }
        stripLinkDomains(holder);
        return SafeHtml.clean(holder);
    }

    private static boolean isThreadStructure(Element e) {
        String id = e.id();
        if (id.startsWith("tree_") || id.startsWith("commtree_") || id.startsWith("comment_sub_")
                || id.startsWith("replyto_") || id.startsWith("group_") || e.hasClass("commentSub")) {
            return true;
        }
        return e.selectFirst("[id^=tree_], [id^=commtree_], [id^=comment_sub_]") != null;
    }

    private static void stripLinkDomains(Element holder) {
        for (Element a : holder.select("a[href]")) {
            Node next = nodeAfter(a, holder);
            if (next instanceof TextNode t) {
                String whole = t.getWholeText();
                Matcher m = LINK_DOMAIN.matcher(whole);
                if (m.lookingAt() && linkGoesTo(a, m.group(1))) {
                    t.text(whole.substring(m.end()));
                }
            }
        }
    }

    /** The node after {@code a}, stepping out of inline wrappers it ends ({@code <i><a>..</a></i> [x.com]}). */
    private static Node nodeAfter(Element a, Element holder) {
        Node node = a;
        while (node.nextSibling() == null && node.parent() instanceof Element p && p != holder
                && INLINE.contains(p.normalName())) {
            node = p;
        }
        return node.nextSibling();
    }

    private static boolean linkGoesTo(Element a, String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (a.attr("title").trim().toLowerCase(Locale.ROOT).equals(d)) {
            return true;
        }
        String href = a.absUrl("href").isEmpty() ? a.attr("href") : a.absUrl("href");
        try {
            String host = new URI(href.trim().replace(" ", "%20")).getHost();
            if (host == null) {
                return false;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.equals(d) || host.endsWith("." + d);
        } catch (URISyntaxException e) {
            // A link Slashdot printed a domain for but that does not parse: trust the printed domain's shape.
            return href.toLowerCase(Locale.ROOT).contains(d);
        }
    }

    /** The text of an element without the parts inside {@code excluded} (selector) descendants. */
    static String textWithout(Element e, String excluded) {
        if (e.selectFirst(excluded) == null) {
            return e.text();
        }
        Element copy = e.clone();
        copy.select(excluded).remove();
        return copy.text();
    }
}
