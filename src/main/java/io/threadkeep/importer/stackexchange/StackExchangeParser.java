package io.threadkeep.importer.stackexchange;

import io.threadkeep.importer.HumanDates;
import io.threadkeep.importer.MarkupNumbers;
import io.threadkeep.importer.NotAThreadException;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.SafeHtml;
import io.threadkeep.importer.SiteParser;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Stack Exchange question pages (Stack Overflow, Super User, the *.stackexchange.com sites...), both the Stacks
 * layout of 2019 on ({@code div.js-post-body}, {@code li.comment}) and the table layout before it
 * ({@code td.postcell div.post-text}, {@code tr.comment}). The question is the story; answers are top-level
 * comments with their score and accepted mark; comments on the question are top-level too, and comments on an
 * answer hang under it. Ids are the markup's own ({@code answer-N}, {@code comment-N}), because answers and
 * comments are numbered in separate sequences. Stack Exchange prints UTC times in {@code title} attributes.
 */
public final class StackExchangeParser implements SiteParser {

    private static final Pattern QUESTION_PATH = Pattern.compile("/(?:questions|q)/(\\d+)");
    private static final Pattern USER_PATH = Pattern.compile("/users/(-?\\d+)");

    @Override
    public String name() {
        return "stackexchange";
    }

    @Override
    public Site site() {
        return Site.STACKEXCHANGE;
    }

    @Override
    public boolean accepts(Page page) {
        Document doc = page.document();
        return doc.selectFirst("div#question[data-questionid], div.question[data-questionid], "
                + "div#question.question") != null
                && doc.selectFirst(".js-post-body, .post-text, [itemprop=text]") != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        List<String> warnings = new ArrayList<>();
        Element question = doc.selectFirst("div#question[data-questionid], div.question[data-questionid], "
                + "div#question");
        if (question == null) {
            throw new NotAThreadException("a Stack Exchange page without a question");
        }
        String host = host(doc, page.url());
        String questionId = question.attr("data-questionid").trim();
        if (!questionId.matches("\\d+")) {
            questionId = questionIdFromLinks(doc, page.url());
        }
        if (questionId == null) {
            throw new NotAThreadException("a Stack Exchange question page whose question id cannot be found");
        }
        if (host == null) {
            throw new NotAThreadException("a Stack Exchange question page that does not name its site");
        }
        Story story = story(doc, question, host, questionId);

        List<Comment> comments = new ArrayList<>();
        int hiddenComments = 0;
        hiddenComments += addComments(question, null, comments);
        int answers = 0;
        for (Element answer : doc.select("div.answer[data-answerid], div[id~=^answer-\\d+$]")) {
            String answerId = answer.attr("data-answerid").trim();
            if (!answerId.matches("\\d+")) {
                answerId = answer.id().substring("answer-".length());
            }
            String id = "answer-" + answerId;
            if (comments.stream().anyMatch(c -> c.id().equals(id))) {
                continue;
            }
            comments.add(answer(answer, id));
            answers++;
            hiddenComments += addComments(answer, id, comments);
        }
        if (answers == 0 && comments.isEmpty()) {
            // An unanswered question is still worth keeping: it is the thread the reader saved.
            warnings.add("the question has no answers or comments on the page");
        }
        if (hiddenComments > 0) {
            warnings.add(hiddenComments + " comment" + (hiddenComments == 1 ? "" : "s")
                    + " behind \"show more comments\" not loaded in the page");
        }
        return new ParsedThread(story, comments, warnings, page.capturedAt(), null, List.of());
    }

    private static Story story(Document doc, Element question, String host, String questionId) {
        Element titleLink = doc.selectFirst("#question-header h1 a, #question-header h1, h1[itemprop=name] a, "
                + "h1[itemprop=name], a.question-hyperlink");
        String title = titleLink == null ? null : SafeHtml.squash(titleLink.text());
        if (title == null || title.isEmpty()) {
            Element og = doc.selectFirst("meta[property=og:title][content]");
            title = og == null ? SafeHtml.squash(doc.title()) : SafeHtml.squash(og.attr("content"));
        }
        Element owner = ownerSignature(question);
        String author = owner == null ? null : userName(owner);
        Instant posted = owner == null ? null : signatureTime(owner);
        if (posted == null) {
            Element created = doc.selectFirst("time[itemprop=dateCreated][datetime]");
            posted = created == null ? null : HumanDates.absolute(created.attr("datetime"), ZoneOffset.UTC);
        }
        Set<String> tags = new LinkedHashSet<>();
        for (Element tag : question.select(".post-taglist a.post-tag, .post-taglist .post-tag, a.post-tag")) {
            String t = SafeHtml.squash(tag.text());
            if (!t.isEmpty()) {
                tags.add(t);
            }
        }
        if (tags.isEmpty()) {
            // Some layouts put the tags under the title instead of under the question's body.
            for (Element tag : doc.select("#question-header ~ * .post-tag, .question .post-tag")) {
                String t = SafeHtml.squash(tag.text());
                if (!t.isEmpty()) {
                    tags.add(t);
                }
            }
        }
        SafeHtml.Body body = body(question);
        boolean hasBody = body != null && !body.isEmpty();
        Integer answerCount = null;
        Element count = doc.selectFirst("[itemprop=answerCount], #answers-header h2[data-answercount]");
        if (count != null) {
            answerCount = MarkupNumbers.firstInteger(count.hasAttr("data-answercount")
                    ? count.attr("data-answercount") : count.text());
        }
        String siteName = siteName(host);
        return new Story(Site.STACKEXCHANGE, host + "/questions/" + questionId,
                "https://" + host + "/questions/" + questionId, title, author, posted, siteName,
                new ArrayList<>(tags), List.of(), hasBody ? body.html() : null, hasBody ? body.text() : null,
                answerCount, null);
    }

    private static Comment answer(Element answer, String id) {
        Element owner = ownerSignature(answer);
        String author = owner == null ? null : userName(owner);
        String authorId = owner == null ? null : userId(owner);
        Instant posted = owner == null ? null : signatureTime(owner);
        String postedText = posted == null && owner != null ? timeText(owner) : null;
        Integer score = MarkupNumbers.firstInteger(answer.attr("data-score"));
        if (score == null) {
            Element votes = answer.selectFirst(".js-vote-count, .vote-count-post, [itemprop=upvoteCount]");
            if (votes != null) {
                score = MarkupNumbers.firstInteger(votes.hasAttr("data-value") ? votes.attr("data-value")
                        : votes.text());
            }
        }
        boolean accepted = answer.hasClass("accepted-answer") || "acceptedAnswer".equals(answer.attr("itemprop"))
                || answer.selectFirst(".vote-accepted-on, .js-accepted-answer-indicator:not(.d-none)") != null;
        SafeHtml.Body body = body(answer);
        boolean hasBody = body != null && !body.isEmpty();
        CommentState state = answer.hasClass("deleted-answer") ? CommentState.DELETED : CommentState.NORMAL;
        return new Comment(id, null, author, authorId, posted, postedText, score, null, null,
                hasBody ? body.html() : null, hasBody ? body.text() : null,
                hasBody ? Completeness.FULL : Completeness.METADATA_ONLY, state, null, accepted);
    }

    /** Adds the post's own comments (not those of posts inside it); returns how many the page did not load. */
    private static int addComments(Element post, String parentId, List<Comment> out) {
        Element container = null;
        for (Element c : post.select(".comments, .js-comments-container, [id^=comments-]")) {
            if (owningPost(c) == post) {
                container = c;
                break;
            }
        }
        if (container == null) {
            return 0;
        }
        for (Element c : container.select("li.comment[id^=comment-], tr.comment[id^=comment-], "
                + "li.js-comment[data-comment-id], [data-comment-id].comment")) {
            String number = c.hasAttr("data-comment-id") ? c.attr("data-comment-id").trim()
                    : c.id().substring("comment-".length());
            if (!number.matches("\\d+")) {
                continue;
            }
            String id = "comment-" + number;
            if (out.stream().anyMatch(existing -> existing.id().equals(id))) {
                continue;
            }
            out.add(comment(c, id, parentId));
        }
        int remaining = 0;
        Element list = container.selectFirst("[data-remaining-comments-count]");
        if (list != null) {
            Integer n = MarkupNumbers.firstInteger(list.attr("data-remaining-comments-count"));
            remaining = n == null ? 0 : n;
        }
        return remaining;
    }

    private static Element owningPost(Element e) {
        for (Element up = e.parent(); up != null; up = up.parent()) {
            if (up.id().equals("question") || up.hasAttr("data-questionid") || up.hasAttr("data-answerid")
                    || up.id().matches("answer-\\d+")) {
                return up;
            }
        }
        return null;
    }

    private static Comment comment(Element c, String id, String parentId) {
        Element copy = c.selectFirst(".comment-copy");
        SafeHtml.Body body = copy == null ? null : SafeHtml.clean(copy);
        boolean hasBody = body != null && !body.isEmpty();
        Element user = c.selectFirst(".comment-user");
        String author = user == null ? null : SafeHtml.squash(user.text());
        if (author != null && author.isEmpty()) {
            author = null;
        }
        String authorId = null;
        if (user != null) {
            Matcher m = USER_PATH.matcher(user.attr("href"));
            authorId = m.find() ? m.group(1) : null;
        }
        if (authorId == null && c.hasAttr("data-comment-owner-id")) {
            authorId = c.attr("data-comment-owner-id").trim();
        }
        Instant posted = null;
        String postedText = null;
        Element date = c.selectFirst(".comment-date [title]");
        if (date == null) {
            date = c.selectFirst(".comment-date");
        }
        if (date != null) {
            posted = HumanDates.absolute(date.attr("title"), ZoneOffset.UTC);
            if (posted == null) {
                postedText = SafeHtml.squash(date.text());
            }
        }
        Integer score = null;
        if (c.hasAttr("data-comment-score")) {
            score = MarkupNumbers.firstInteger(c.attr("data-comment-score"));
        } else {
            Element s = c.selectFirst(".comment-score");
            score = s == null ? null : MarkupNumbers.firstInteger(s.text());
        }
        return new Comment(id, parentId, author, authorId, posted, postedText, score, null, null,
                hasBody ? body.html() : null, hasBody ? body.text() : null,
                hasBody ? Completeness.FULL : Completeness.METADATA_ONLY, CommentState.NORMAL);
    }

    /** The post's body, without what the post menu, signature and comments add around it. */
    private static SafeHtml.Body body(Element post) {
        for (Element b : post.select(".js-post-body, .post-text, [itemprop=text]")) {
            if (owningPost(b) == post || owningPost(b) == null) {
                return SafeHtml.clean(b);
            }
        }
        return null;
    }

    /**
     * The signature of whoever wrote the post: the one marked {@code owner}, else the last one that is not the
     * "edited" signature (which links to the post's revisions).
     */
    private static Element ownerSignature(Element post) {
        Element owner = null;
        for (Element sig : post.select(".post-signature")) {
            if (owningPost(sig) != post) {
                continue;
            }
            if (sig.hasClass("owner")) {
                return sig;
            }
            Element action = sig.selectFirst(".user-action-time");
            boolean edit = action != null && action.selectFirst("a[href*=/revisions]") != null;
            if (!edit) {
                owner = sig;
            }
        }
        return owner;
    }

    private static String userName(Element signature) {
        Element details = signature.selectFirst(".user-details");
        if (details == null) {
            return null;
        }
        Element name = details.selectFirst("a[href*=/users/]");
        if (name == null) {
            name = details.selectFirst("[itemprop=name]");
        }
        String text;
        if (name != null) {
            text = SafeHtml.squash(name.text());
        } else {
            // Deleted and unregistered users are plain text ("user12345", "anon") before the reputation flair.
            text = SafeHtml.squash(details.ownText());
        }
        return text == null || text.isEmpty() || text.equalsIgnoreCase("community wiki") ? null : text;
    }

    private static String userId(Element signature) {
        Element a = signature.selectFirst(".user-details a[href*=/users/]");
        if (a == null) {
            return null;
        }
        Matcher m = USER_PATH.matcher(a.attr("href"));
        return m.find() ? m.group(1) : null;
    }

    private static Instant signatureTime(Element signature) {
        Element time = signature.selectFirst(".user-action-time [title], .user-action-time time[datetime]");
        if (time == null) {
            return null;
        }
        String value = time.hasAttr("datetime") ? time.attr("datetime") : time.attr("title");
        return HumanDates.absolute(value, ZoneOffset.UTC);
    }

    private static String timeText(Element signature) {
        Element action = signature.selectFirst(".user-action-time");
        return action == null ? null : SafeHtml.squash(action.text());
    }

    /** The site's host from the page's declared address; Stack Exchange pages always carry a canonical link. */
    private static String host(Document doc, String pageUrl) {
        List<String> candidates = new ArrayList<>();
        for (Element e : doc.select("link[rel=canonical][href], meta[property=og:url][content], "
                + "meta[name=twitter:url][content]")) {
            candidates.add(e.hasAttr("href") ? e.attr("href") : e.attr("content"));
        }
        if (pageUrl != null) {
            candidates.add(pageUrl);
        }
        for (String candidate : candidates) {
            String host = hostOf(candidate);
            if (host != null) {
                return host;
            }
        }
        Element domain = doc.selectFirst("meta[name=twitter:domain][content]");
        return domain == null ? null : domain.attr("content").trim().toLowerCase(Locale.ROOT);
    }

    private static String hostOf(String url) {
        try {
            URI uri = new URI(url.trim());
            String host = uri.getHost();
            if (host == null || host.equals("web.archive.org")) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            // The mobile and "www." forms are the same site.
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String questionIdFromLinks(Document doc, String pageUrl) {
        List<String> candidates = new ArrayList<>();
        for (Element e : doc.select("link[rel=canonical][href], meta[property=og:url][content], "
                + "#question-header h1 a[href]")) {
            candidates.add(e.hasAttr("href") ? e.attr("href") : e.attr("content"));
        }
        if (pageUrl != null) {
            candidates.add(pageUrl);
        }
        for (String c : candidates) {
            Matcher m = QUESTION_PATH.matcher(c);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** "german.stackexchange.com" → "german", "stackoverflow.com" → "stackoverflow": the site within the network. */
    private static String siteName(String host) {
        String h = host.replaceFirst("\\.stackexchange\\.com$", "").replaceFirst("\\.com$", "");
        return h.isEmpty() ? null : h;
    }
}
