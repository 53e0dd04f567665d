package io.threadkeep.importer.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What an element of an unknown page says about itself: whether it names a person (a profile link, an author or
 * user class), carries a date (a {@code time} element, a stamp attribute, a date-shaped text), or is page furniture.
 */
final class Markers {

    /** Paths and queries of profile pages across engines: /members/x, /users/1/x, /u/x, memberlist.php?mode=viewprofile... */
    private static final Pattern PROFILE_HREF = Pattern.compile(
            "(?i)(/(members?|users?|u|profiles?|people|author|authors|benutzer|mitglied|mitglieder|community/profile"
                    + "|profil|account|accounts)/[^/?#]+|/~[^/?#]+|[?&](u|uid|userid|user|user_id|showuser|member|mid)=\\w"
                    + "|viewprofile|member\\.php|profile\\.php|userinfo|user\\.php|/user-|/profile-)");
    /** Class, itemprop and rel tokens that name the author of a block. */
    private static final Pattern AUTHOR_TOKEN = Pattern.compile(
            "(?i)^(author|.*[-_]author|author[-_].*|.*username.*|.*user-?name.*|user|.*[-_]user|user[-_](link|info|details)"
                    + "|poster|.*[-_]poster|.*postername.*|postauthor|.*poster[-_]?name.*|nick|nickname|.*[-_]nick|fn|commenter"
                    + "|.*commenter[-_]?name.*|byline|.*[-_]byline)$");
    /** Tokens that look like an author's but are about something else. */
    private static final Pattern NOT_AUTHOR_TOKEN = Pattern.compile(
            "(?i).*(avatar|img|image|photo|pic|title|rank|stats|status|badge|karma|reputation|online|offline|flair"
                    + "|role|count|posts|joined|location|signature|box|list|menu|popup|bio|description|info-extra).*");
    private static final Pattern DATE_TOKEN = Pattern.compile(
            "(?i).*(date|time|posted|published|ago|datum|zeit|stamp).*");
    private static final Pattern JOINED_CONTEXT = Pattern.compile(
            "(?i).*(joined|registered|member since|registriert|dabei seit|mitglied seit|beigetreten|last seen|"
                    + "zuletzt online|last activity|edited|bearbeitet|geändert|modified|updated|aktualisiert).*");
    /** Link texts that are actions or labels, never a person's name. */
    private static final Set<String> GENERIC_WORDS = Set.of("profile", "profil", "view profile", "reply", "quote",
            "antworten", "zitieren", "report", "melden", "share", "teilen", "permalink", "link", "posts", "beiträge",
            "message", "nachricht", "pm", "website", "homepage", "follow", "edit", "like", "more", "mehr",
            "anonymous", "guest", "gast");
    static final Set<String> SKIPPED_TAGS = Set.of("script", "style", "noscript", "template", "svg", "head", "iframe",
            "select", "option", "textarea", "button", "object", "embed", "canvas", "video", "audio", "map", "label",
            "input");
    private static final Pattern META_TOKEN = Pattern.compile(
            "(?i).*(reply|meta|avatar|actions|toolbar|signature|sig$|vote|share|permalink|report|rating|like|"
                    + "footer|header|vcard|userinfo|user-info|author|edit|controls|buttons|menu|tools|moderat|"
                    + "postdetails|post-?info|gravatar).*");

    private Markers() {
    }

    static boolean skipped(Element e) {
        return SKIPPED_TAGS.contains(e.normalName()) || e.hasAttr("hidden")
                || e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none");
    }

    /** Whether the href points at a member's profile page. */
    static boolean profileLink(Element e) {
        if (!e.normalName().equals("a")) {
            return false;
        }
        String href = e.attr("href");
        return !href.isEmpty() && !href.startsWith("#") && !href.startsWith("mailto:")
                && PROFILE_HREF.matcher(href).find();
    }

    /** Whether the element's class, itemprop or rel names it as an author. */
    static boolean authorHint(Element e) {
        if (e.attr("rel").toLowerCase(Locale.ROOT).contains("author")
                || e.attr("itemprop").equalsIgnoreCase("author") || e.attr("itemprop").equalsIgnoreCase("creator")) {
            return true;
        }
        if (e.normalName().equals("cite") && e.parent() != null && tokens(e.parent()).stream()
                .anyMatch(t -> AUTHOR_TOKEN.matcher(t).matches())) {
            return true;
        }
        boolean hinted = false;
        for (String token : tokens(e)) {
            if (NOT_AUTHOR_TOKEN.matcher(token).matches()) {
                return false;
            }
            if (AUTHOR_TOKEN.matcher(token).matches()) {
                hinted = true;
            }
        }
        return hinted;
    }

    static boolean dateHint(Element e) {
        if (e.normalName().equals("time")) {
            return true;
        }
        for (String token : tokens(e)) {
            if (DATE_TOKEN.matcher(token).matches() && !token.toLowerCase(Locale.ROOT).contains("update")) {
                return true;
            }
        }
        return false;
    }

    static boolean metaHint(Element e) {
        for (String token : tokens(e)) {
            if (META_TOKEN.matcher(token).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A name as a person would be named: short, not a date, not an action word. */
    static String personName(String text) {
        return personName(text, false);
    }

    /**
     * A name; {@code marked} when the markup says the element is an author (a class or profile link), which allows
     * the long joke names some communities use.
     */
    static String personName(String text, boolean marked) {
        String t = text == null ? "" : text.replace('\u00A0', ' ').replaceAll("\\s+", " ").trim();
        t = t.replaceFirst("(?i)^(by|von|posted by|geschrieben von|written by|from)\\s+", "");
        t = t.replaceFirst("(?i)\\s*(says|sagt|said|schrieb|schreibt|wrote|writes|meint|antwortet|replied)\\s*:?$", "");
        t = t.replaceFirst("[:,]$", "").trim();
        if (t.isEmpty() || t.length() > (marked ? 100 : 60) || t.split(" ").length > (marked ? 16 : 8)) {
            return null;
        }
        if (GENERIC_WORDS.contains(t.toLowerCase(Locale.ROOT)) || LooseDates.looksLikeDate(t)
                || t.matches("[\\d\\s.,:#/+-]+")) {
            return null;
        }
        return t;
    }

    /** Whether a date in this element is about the member (joined, last seen) or an edit, not the post. */
    static boolean joinedContext(Element e) {
        Element around = e.parent();
        String before = around == null ? "" : around.ownText();
        String cls = String.join(" ", tokens(e));
        String own = e.text();
        return JOINED_CONTEXT.matcher(before).matches() || JOINED_CONTEXT.matcher(cls).matches()
                || JOINED_CONTEXT.matcher(own).matches()
                || e.previousElementSibling() != null && e.previousElementSibling().text().length() < 40
                        && JOINED_CONTEXT.matcher(e.previousElementSibling().text()).matches();
    }

    /** The class tokens, with the ones that differ between blocks of one kind (parity, depth, state) left out. */
    static List<String> stableClasses(Element e) {
        List<String> out = new ArrayList<>();
        for (String c : e.classNames()) {
            String t = c.trim();
            if (t.isEmpty() || t.matches(".*\\d.*") || VOLATILE.contains(t.toLowerCase(Locale.ROOT))
                    || t.startsWith("comment-author-") || t.startsWith("byuser") || t.startsWith("user-")
                    || t.startsWith("is-") || t.startsWith("js-")) {
                continue;
            }
            out.add(t);
        }
        out.sort(null);
        return out;
    }

    private static final Set<String> VOLATILE = Set.of("even", "odd", "alt", "first", "last", "parent", "active",
            "selected", "open", "closed", "collapsed", "expanded", "hidden", "visible", "new", "unread", "read",
            "highlight", "highlighted", "bypostauthor", "byuser", "online", "offline", "staff", "moderator", "admin",
            "deleted", "sticky", "accepted-answer", "has-children", "thread-even", "thread-odd", "clearfix", "clear",
            "message--post", "old");

    private static List<String> tokens(Element e) {
        List<String> out = new ArrayList<>(e.classNames());
        if (e.hasAttr("itemprop")) {
            out.add(e.attr("itemprop"));
        }
        return out;
    }
}
