package io.threadkeep.importer.reddit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
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
import io.threadkeep.model.ThreadOrder;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reddit's 2018–2022 design: server-rendered comments with hashed class names ({@code div#t1_xxx} holding a
 * {@code .Comment}), and the whole loaded tree in the page state {@code window.___r = {...}}. The page state
 * usually holds more comments than were rendered, so it gives the structure; rendered bodies are preferred where
 * a comment was rendered, and rendered comments missing from the state are kept too.
 */
public final class NewRedditParser implements SiteParser {

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "reddit-2018";
    }

    /** Raise when what this parser extracts changes: the pages it read before are then read again. */
    @Override
    public int version() {
        return 1;
    }

    private static final String STATE_MARK = "window.___r";
    private static final Pattern STATE_ASSIGNMENT = Pattern.compile("window\\.___r\\s*=\\s*\\{");
    private static final Pattern USER_HREF = Pattern.compile("/u(?:ser)?/([A-Za-z0-9_-]+)/?(?:[?#]|$)");
    private static final Pattern THREADLINE_OWNER = Pattern.compile("\\bt1_([a-z0-9]+)\\b");

    @Override
    public Site site() {
        return Site.REDDIT;
    }

    @Override
    public boolean accepts(Page page) {
        Document doc = page.document();
        if (doc.selectFirst("shreddit-comment, shreddit-post") != null) {
            return false;
        }
        if (doc.selectFirst("div.thing[data-fullname]") != null) {
            return false;
        }
        // Class names match case-insensitively in selectors; the old design's "comment" must not pass for "Comment".
        return doc.selectFirst("[data-test-id=post-content], [data-testid=post-container], "
                + "div[class~=\\bComment\\b][class*=t1_]") != null
                || stateScript(doc) != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        List<String> warnings = new ArrayList<>();
        JsonObject state = null;
        String script = stateScript(doc);
        if (script != null) {
            try {
                state = readState(script);
            } catch (JsonParseException | IllegalStateException e) {
                warnings.add("the page's embedded state could not be read (" + e.getMessage()
                        + "); only rendered comments were used");
            }
        }
        Map<String, Element> rendered = renderedComments(doc);
        JsonObject post = state == null ? null : post(state, page);
        Story story = post != null ? storyFromState(post, doc, page) : storyFromDom(doc, page);
        if (story == null) {
            throw new NotAThreadException("a Reddit page without a post (listing or profile page)");
        }

        Map<String, Comment> byId = new LinkedHashMap<>();
        if (state != null) {
            String postFullname = "t3_" + story.siteStoryId();
            JsonObject models = object(object(state, "comments"), "models");
            for (String id : orderedIds(state, models)) {
                JsonObject model = object(models, id);
                if (model == null) {
                    continue;
                }
                String postId = string(model, "postId");
                if (postId != null && !postId.equals(postFullname)) {
                    continue;
                }
                Comment c = commentFromState(model, rendered.get(RedditLinks.bareId(id)));
                byId.putIfAbsent(c.id(), c);
            }
        }
        for (Map.Entry<String, Element> e : rendered.entrySet()) {
            if (!byId.containsKey(e.getKey())) {
                byId.put(e.getKey(), commentFromDom(e.getKey(), e.getValue(), page.capturedAt()));
            }
        }
        List<Comment> comments = new ArrayList<>();
        Set<String> known = new HashSet<>(byId.keySet());
        for (Comment c : byId.values()) {
            if (c.parentId() != null && known.add(c.parentId())) {
                comments.add(Comment.placeholder(c.parentId(), null));
            }
            comments.add(c);
        }
        return new ParsedThread(story, ThreadOrder.depthFirst(comments), warnings, page.capturedAt(), null,
                List.of());
    }

    // ---- page state -----------------------------------------------------------------------------------------------

    private static String stateScript(Document doc) {
        for (Element script : doc.select("script")) {
            String data = script.data();
            if (data.contains(STATE_MARK)) {
                return data;
            }
        }
        return null;
    }

    private static JsonObject readState(String script) {
        Matcher assignment = STATE_ASSIGNMENT.matcher(script);
        if (!assignment.find()) {
            throw new JsonParseException("no object after " + STATE_MARK);
        }
        int start = assignment.end() - 1;
        JsonReader reader = new JsonReader(new StringReader(script.substring(start)));
        reader.setStrictness(com.google.gson.Strictness.LENIENT);
        JsonElement parsed = JsonParser.parseReader(reader);
        if (!parsed.isJsonObject()) {
            throw new JsonParseException("the state is not an object");
        }
        return parsed.getAsJsonObject();
    }

    private static JsonObject post(JsonObject state, Page page) {
        JsonObject posts = object(object(state, "posts"), "models");
        if (posts == null || posts.isEmpty()) {
            return null;
        }
        JsonObject commentsPage = object(state, "commentsPage");
        JsonObject keyToPostId = object(commentsPage, "keyToPostId");
        if (keyToPostId != null) {
            for (Map.Entry<String, JsonElement> e : keyToPostId.entrySet()) {
                JsonObject p = object(posts, e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : "");
                if (p != null) {
                    return p;
                }
            }
        }
        String[] fromPage = RedditLinks.pageSubredditAndStory(page.document(), page.url());
        if (fromPage != null) {
            JsonObject p = object(posts, "t3_" + fromPage[1]);
            if (p != null) {
                return p;
            }
        }
        return posts.size() == 1 ? object(posts, posts.keySet().iterator().next()) : null;
    }

    /** Comment ids in thread order: the page's linked list of comments, then any the list does not reach. */
    private static List<String> orderedIds(JsonObject state, JsonObject models) {
        Set<String> order = new LinkedHashSet<>();
        JsonObject commentsPage = object(state, "commentsPage");
        JsonObject heads = object(commentsPage, "keyToHeadCommentId");
        JsonObject linkSets = object(commentsPage, "keyToCommentThreadLinkSets");
        JsonObject continueThreads = object(object(state, "continueThreads"), "models");
        JsonObject moreComments = object(object(state, "moreComments"), "models");
        if (heads != null && linkSets != null) {
            for (Map.Entry<String, JsonElement> head : heads.entrySet()) {
                JsonObject links = object(linkSets, head.getKey());
                String cursor = head.getValue().isJsonPrimitive() ? head.getValue().getAsString() : null;
                Set<String> visited = new HashSet<>();
                while (cursor != null && visited.add(cursor)) {
                    if (models != null && models.has(cursor)) {
                        order.add(cursor);
                    }
                    JsonObject node = object(links, cursor);
                    if (node == null) {
                        node = object(continueThreads, cursor);
                    }
                    if (node == null) {
                        node = object(moreComments, cursor);
                    }
                    cursor = node == null ? null : string(object(node, "next"), "id");
                }
            }
        }
        if (models != null) {
            order.addAll(models.keySet());
        }
        return new ArrayList<>(order);
    }

    private static Story storyFromState(JsonObject post, Document doc, Page page) throws NotAThreadException {
        String storyId = RedditLinks.bareId(string(post, "id"));
        String[] permalink = RedditLinks.subredditAndStory(string(post, "permalink"));
        String[] fromPage = RedditLinks.pageSubredditAndStory(doc, page.url());
        String subreddit = permalink != null ? permalink[0] : fromPage != null ? fromPage[0] : null;
        if (storyId == null || subreddit == null) {
            throw new NotAThreadException("a Reddit page whose post id or subreddit cannot be found");
        }
        Double created = number(post, "created");
        SafeHtml.Body body = renderedPostBody(doc);
        if (body == null) {
            JsonObject media = object(post, "media");
            if (media != null && media.has("richtextContent")) {
                body = SafeHtml.cleanFragment(RichTextJson.toHtml(media.get("richtextContent")), page.url());
            }
        }
        String domain = string(post, "domain");
        boolean self = domain != null && domain.startsWith("self.");
        String linkUrl = null;
        if (!self) {
            linkUrl = string(object(post, "source"), "url");
            if (linkUrl == null) {
                JsonObject media = object(post, "media");
                linkUrl = media == null ? null : string(media, "content");
                if (linkUrl != null && !linkUrl.startsWith("http")) {
                    linkUrl = null;
                }
            }
        }
        Double numComments = number(post, "numComments");
        List<String> flair = new ArrayList<>();
        JsonElement flairs = post.get("flair");
        if (flairs != null && flairs.isJsonArray()) {
            for (JsonElement f : flairs.getAsJsonArray()) {
                String text = f.isJsonObject() ? string(f.getAsJsonObject(), "text") : null;
                if (text != null && !text.isBlank()) {
                    flair.add(text.trim());
                }
            }
        }
        boolean hasBody = body != null && !body.isEmpty();
        return new Story(Site.REDDIT, storyId, RedditLinks.storyUrl(subreddit, storyId), string(post, "title"),
                RedditLinks.author(string(post, "author")), created == null ? null : RedditLinks.epoch(created), null,
                List.of(subreddit), flair, hasBody ? body.html() : null, hasBody ? body.text() : null,
                numComments == null ? null : numComments.intValue(), linkUrl);
    }

    /**
     * The post as the markup shows it, for saves without the page state: the title in the post's {@code h1} (else
     * the page title without its " : r/sub" tail), the poster's {@code /user/NAME/} link, the relative age of the
     * "Posted by" line resolved from the save time.
     */
    private static Story storyFromDom(Document doc, Page page) {
        Element content = doc.selectFirst("[data-test-id=post-content], [data-testid=post-container]");
        String[] fromPage = RedditLinks.pageSubredditAndStory(doc, page.url());
        if (content == null || fromPage == null) {
            return null;
        }
        Element h1 = content.selectFirst("h1, h2, h3");
        if (h1 == null) {
            h1 = doc.selectFirst("h1");
        }
        String title = h1 == null ? null : SafeHtml.squash(h1.text());
        if (title == null || title.isEmpty()) {
            Element og = doc.selectFirst("meta[property=og:title][content]");
            String raw = og != null ? og.attr("content") : doc.title();
            title = SafeHtml.squash(raw.replaceFirst("\\s*:\\s*r/[A-Za-z0-9_]+\\s*$", ""));
            title = title.isEmpty() ? null : title;
        }
        String author = userLink(content, null);
        Element age = content.selectFirst("a[data-click-id=timestamp], [data-testid=post_timestamp]");
        Instant posted = age == null ? null
                : HumanDates.resolve(SafeHtml.squash(age.text()), page.capturedAt(), ZoneOffset.UTC);
        SafeHtml.Body body = renderedPostBody(doc);
        boolean hasBody = body != null && !body.isEmpty();
        return new Story(Site.REDDIT, fromPage[1], RedditLinks.storyUrl(fromPage[0], fromPage[1]), title, author,
                posted, null, List.of(fromPage[0]), List.of(), hasBody ? body.html() : null,
                hasBody ? body.text() : null, null, null);
    }

    /**
     * The name of the first {@code /user/NAME/} link with visible text, outside the body: the byline sits beside the
     * comment's text, not always inside the {@code .Comment} element. "u/NAME" and "[deleted]" as Reddit shows them.
     */
    private static String userLink(Element scope, Element body) {
        for (Element a : scope.select("a[href*=/user/], a[href*=/u/], [data-testid=comment_author_link], "
                + "[data-testid=post_author_link]")) {
            if (body != null && a.closest("[data-test-id=comment], [data-testid=comment]") != null) {
                continue;
            }
            String text = SafeHtml.squash(a.text()).replaceFirst("^u/", "");
            if (!text.isEmpty()) {
                return RedditLinks.author(text);
            }
            Matcher m = USER_HREF.matcher(a.attr("href"));
            if (a.select("img").isEmpty() && m.find()) {
                return RedditLinks.author(m.group(1));
            }
        }
        return null;
    }

    private static SafeHtml.Body renderedPostBody(Document doc) {
        Element content = doc.selectFirst("[data-test-id=post-content]");
        Element text = content == null ? null : content.selectFirst("[data-click-id=text] .RichTextJSON-root, "
                + "[data-click-id=text]");
        if (text == null) {
            return null;
        }
        SafeHtml.Body body = SafeHtml.clean(text);
        return body.isEmpty() ? null : body;
    }

    // ---- comments -------------------------------------------------------------------------------------------------

    /** Rendered comments by bare id: {@code div#t1_xxx} wrappers that hold a {@code .Comment}. */
    private static Map<String, Element> renderedComments(Document doc) {
        Map<String, Element> out = new LinkedHashMap<>();
        for (Element wrapper : doc.select("div[id^=t1_]")) {
            if (wrapper.selectFirst("[class~=\\bComment\\b], [data-test-id=comment], [data-testid=comment]") != null) {
                out.putIfAbsent(RedditLinks.bareId(wrapper.id()), wrapper);
            }
        }
        return out;
    }

    private static Comment commentFromState(JsonObject model, Element rendered) {
        String id = RedditLinks.bareId(string(model, "id"));
        String parent = RedditLinks.bareId(string(model, "parentId"));
        if (parent != null && string(model, "parentId").startsWith("t3_")) {
            parent = null;
        }
        Double created = number(model, "created");
        Boolean scoreHidden = bool(model, "isScoreHidden");
        Double score = Boolean.TRUE.equals(scoreHidden) ? null : number(model, "score");
        SafeHtml.Body body = renderedBody(rendered);
        if (body == null) {
            JsonObject media = object(model, "media");
            if (media != null && media.has("richtextContent")) {
                body = SafeHtml.cleanFragment(RichTextJson.toHtml(media.get("richtextContent")), null);
            } else if (media != null && string(media, "markdownContent") != null) {
                body = SafeHtml.cleanFragment(paragraphs(string(media, "markdownContent")), null);
            } else if (media != null && string(media, "content") != null && !"image".equals(string(media, "type"))) {
                body = SafeHtml.cleanFragment(string(media, "content"), null);
            } else if (string(model, "bodyHTML") != null) {
                body = SafeHtml.cleanFragment(string(model, "bodyHTML"), null);
            }
        }
        CommentState state = body == null ? null : RedditLinks.markerState(body.text());
        if (Boolean.TRUE.equals(bool(model, "isDeleted"))) {
            String by = string(model, "deletedBy");
            state = by == null || by.equalsIgnoreCase("user") ? CommentState.DELETED : CommentState.REMOVED;
        }
        boolean hasBody = body != null && !body.isEmpty() && RedditLinks.markerState(body.text()) == null
                && state == null;
        String authorId = RedditLinks.bareId(string(model, "authorId"));
        return new Comment(id, parent, RedditLinks.author(string(model, "author")), authorId,
                created == null ? null : RedditLinks.epoch(created), null,
                score == null ? null : score.intValue(), null, null, hasBody ? body.html() : null,
                hasBody ? body.text() : null, hasBody ? Completeness.FULL : Completeness.METADATA_ONLY,
                state == null ? CommentState.NORMAL : state);
    }

    private static Comment commentFromDom(String id, Element wrapper, Instant capturedAt) {
        // The thread lines name every ancestor, outermost first, then the comment itself.
        String parent = null;
        for (Element line : wrapper.select("i.threadline")) {
            Element owner = line.parent();
            Matcher m = owner == null ? null : THREADLINE_OWNER.matcher(owner.className());
            if (m != null && m.find() && !m.group(1).equals(id)) {
                parent = m.group(1);
            }
        }
        Element body0 = wrapper.selectFirst("[data-test-id=comment], [data-testid=comment]");
        String author = userLink(wrapper, body0 == null ? wrapper : body0);
        Element created = wrapper.selectFirst("a[id^=CommentTopMeta--Created--], a[data-testid=comment_timestamp]");
        String age = created == null ? null : SafeHtml.squash(created.text());
        Instant posted = HumanDates.resolve(age, capturedAt, ZoneOffset.UTC);
        Integer score = null;
        if (created != null && created.parent() != null) {
            for (Element span : created.parent().select("> span")) {
                score = MarkupNumbers.firstInteger(span.text());
                if (score != null) {
                    break;
                }
            }
        }
        SafeHtml.Body body = renderedBody(wrapper);
        boolean hasBody = body != null && RedditLinks.markerState(body.text()) == null;
        CommentState state = body == null ? null : RedditLinks.markerState(body.text());
        return new Comment(id, parent, author, null, posted, posted == null ? age : null, score, null, null,
                hasBody ? body.html() : null, hasBody ? body.text() : null,
                hasBody ? Completeness.FULL : Completeness.METADATA_ONLY, state == null ? CommentState.NORMAL : state);
    }

    private static SafeHtml.Body renderedBody(Element wrapper) {
        Element body = wrapper == null ? null : wrapper.selectFirst("[data-test-id=comment], [data-testid=comment]");
        if (body == null) {
            return null;
        }
        SafeHtml.Body clean = SafeHtml.clean(body);
        return clean.isEmpty() ? null : clean;
    }

    private static String paragraphs(String markdown) {
        StringBuilder html = new StringBuilder();
        for (String para : markdown.split("\\n\\s*\\n")) {
            html.append("<p>").append(org.jsoup.nodes.Entities.escape(para.trim())).append("</p>");
        }
        return html.toString();
    }

    // ---- JSON helpers ---------------------------------------------------------------------------------------------

    private static JsonObject object(JsonObject o, String key) {
        if (o == null || key == null) {
            return null;
        }
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static String string(JsonObject o, String key) {
        if (o == null) {
            return null;
        }
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static Double number(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : null;
    }

    private static Boolean bool(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : null;
    }
}
