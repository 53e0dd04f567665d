package io.threadkeep.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Comment;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.BulletList;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What every export must hold, checked the same way for real pages and for hostile ones. */
final class ExportChecks {

    private ExportChecks() {
    }

    /** Nodes of a CommonMark document in document order, walked without recursion. */
    static List<Node> nodes(Node root) {
        List<Node> out = new java.util.ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            out.add(n);
            Deque<Node> kids = new ArrayDeque<>();
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                kids.push(c);
            }
            kids.forEach(stack::push);
        }
        return out;
    }

    /**
     * Renders the Markdown with commonmark-java: no raw HTML and no images anywhere, one comment item (a "-" list
     * item) per comment, each headed by its author's name in bold (or by the not-saved marker).
     */
    static void checkMarkdown(String markdown, ExportStory story) {
        Node doc = Parser.builder().build().parse(markdown);
        List<Node> all = nodes(doc);
        for (Node n : all) {
            assertFalse(n instanceof HtmlBlock || n instanceof HtmlInline, () -> "raw HTML in the Markdown: " + n);
            assertFalse(n instanceof Image, "no image in the Markdown");
        }
        List<ListItem> items = all.stream().filter(n -> n instanceof ListItem && n.getParent() instanceof BulletList b
                && "-".equals(b.getMarker())).map(n -> (ListItem) n).toList();
        List<Comment> comments = story.comments();
        assertEquals(comments.size(), items.size(), "one comment item per comment");
        ThreadLayout layout = new ThreadLayout(comments);
        for (int i = 0; i < items.size(); i++) {
            Comment c = comments.get(i);
            if (c.completeness() == io.threadkeep.model.Completeness.PLACEHOLDER) {
                continue;
            }
            Node header = items.get(i).getFirstChild();
            assertTrue(header instanceof Paragraph, "a comment starts with its header");
            Node strong = header.getFirstChild();
            while (strong != null && !(strong instanceof StrongEmphasis)) {
                strong = strong.getNext();
            }
            assertNotNull(strong, "the author in bold");
            String expectedAuthor = MarkdownWriter.authorName(c);
            if (layout.answersBeside(i) != null) {
                strong = strong.getNext();
                while (strong != null && !(strong instanceof StrongEmphasis)) {
                    strong = strong.getNext();
                }
                assertNotNull(strong);
            }
            assertEquals(expectedAuthor, text(strong), "the author stays in their place");
        }
    }

    static String text(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes(node)) {
            if (n instanceof Text t) {
                sb.append(t.getLiteral());
            }
        }
        return sb.toString();
    }

    /**
     * Parses the HTML as a browser would: nothing that loads or runs (no src, no event handler, no element that
     * fetches, the only script the inert JSON block), one foldable comment per comment, at most 32 levels deep,
     * each comment's author in its own isolated element.
     */
    static void checkHtml(String html, ExportStory story) {
        Document doc = Jsoup.parse(html);
        assertEquals(1, doc.select("script").size(), "the data block is the only script");
        assertEquals("application/json", doc.selectFirst("script").attr("type"));
        assertTrue(doc.select("img, iframe, frame, object, embed, link, video, audio, source, svg, math, form, base, "
                + "input, button, meta[http-equiv=refresh]").isEmpty(), "nothing that fetches or submits");
        assertEquals(1, doc.select("style").size(), "one inline style sheet");
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> {
                String key = a.getKey().toLowerCase(java.util.Locale.ROOT);
                assertFalse(key.startsWith("on") || key.equals("src") || key.equals("srcset") || key.equals("style")
                        || key.equals("background") || key.equals("action") || key.equals("formaction"),
                        () -> "attribute " + key + " on " + e.tagName());
                if (key.equals("href")) {
                    assertTrue(a.getValue().matches("(?i)https?://.*"), () -> "href " + a.getValue());
                }
            });
        }
        List<Element> details = doc.select("details.c");
        assertEquals(story.comments().size(), details.size(), "one comment element per comment");
        Map<String, Integer> depth = new HashMap<>();
        for (int i = 0; i < details.size(); i++) {
            Element d = details.get(i);
            Comment c = story.comments().get(i);
            assertEquals(Clean.line(c.id()), d.attr("data-id"), "comments in thread order");
            int level = d.parents().stream().filter(p -> p.hasClass("c")).mapToInt(p -> 1).sum() + 1;
            assertTrue(level <= ThreadLayout.MAX_DRAWN_DEPTH, "drawn at most 32 deep");
            depth.put(c.id(), level);
            if (c.completeness() != io.threadkeep.model.Completeness.PLACEHOLDER) {
                Element author = d.selectFirst("> summary > bdi.a");
                assertNotNull(author, "the author in their own isolated element");
                assertEquals(MarkdownWriter.authorName(c), author.wholeText());
            }
        }
        assertTrue(doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content")
                .startsWith("default-src 'none'"), "a policy that forbids every load");
    }

    /** Reads the mailbox back: one message per comment plus the story, the same tree through In-Reply-To. */
    static void checkMbox(String mbox, List<ExportStory> stories) {
        List<MboxReader.Message> messages = MboxReader.read(mbox);
        int expected = stories.stream().mapToInt(s -> 1 + s.comments().size()).sum();
        assertEquals(expected, messages.size(), "the story and one message per comment");
        int m = 0;
        Map<String, String> parentOfMessage = new HashMap<>();
        for (ExportStory s : stories) {
            MboxReader.Message root = messages.get(m++);
            String rootId = root.header("Message-ID");
            assertNotNull(rootId);
            assertEquals(null, root.header("In-Reply-To"), "the story is the root");
            Map<String, String> messageIdOfComment = new HashMap<>();
            for (Comment c : s.comments()) {
                MboxReader.Message msg = messages.get(m++);
                String id = msg.header("Message-ID");
                assertTrue(id.matches("<[^<>\\s]+@[^<>\\s]+>"), "a well-formed Message-ID: " + id);
                assertEquals(Clean.line(c.id()), msg.header("X-Threadkeep-Comment-Id"));
                messageIdOfComment.put(c.id(), id);
                String inReplyTo = msg.header("In-Reply-To");
                String expectedParent = c.parentId() != null && messageIdOfComment.containsKey(c.parentId())
                        ? messageIdOfComment.get(c.parentId()) : rootId;
                assertEquals(expectedParent, inReplyTo, "threaded under its parent");
                assertTrue(msg.header("References").startsWith(rootId), "References start at the story");
                assertTrue(msg.header("References").endsWith(inReplyTo), "References end at the parent");
                assertTrue(parentOfMessage.put(id, inReplyTo) == null, "Message-IDs are unique: " + id);
                String from = msg.header("From");
                assertTrue(from.endsWith("@users." + s.story().site().id() + ".invalid>"), from);
                if (c.completeness() != io.threadkeep.model.Completeness.PLACEHOLDER) {
                    String name = MarkdownWriter.authorName(c);
                    assertTrue(from.startsWith("\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\" <")
                            || from.startsWith(name + " <"), () -> "the author in From: " + from + " for " + name);
                }
                assertNotNull(msg.header("Date"));
                assertNotNull(msg.header("Subject"));
            }
        }
    }
}
