package io.threadkeep.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.importer.web.GeneralReader;
import io.threadkeep.model.Comment;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.testsupport.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The general reader alone (every engine parser switched off) on the real engine pages of {@code ../shared/corpus}:
 * posts found, authors right and texts right against what each engine's own markers say, read here with that
 * engine's selectors (the general reader knows none of them). Texts are compared on their opening characters with
 * quotes taken out, as the acceptance check does. And not one page of {@code nonthread/} may be imported.
 */
class GeneralReaderCorpusTest {

    private static final double MIN_SHARE = 0.9;
    /** Characters of a body's opening compared (spaces removed). */
    private static final int OPENING = 40;
    private static final Pattern NUMBER = Pattern.compile("\\d{2,}");

    private final PageImporter generalOnly = new PageImporter(List.of(new GeneralReader()),
            StandardParsers.containers(), StandardParsers.rewriters());

    /** One post as the engine's markers give it. */
    record Marked(String id, String author, String opening) {
    }

    /** An engine's markers: the post blocks, and where each block keeps its author and body. */
    record Engine(String postSelector, Function<Element, String> author, Function<Element, Element> body) {
    }

    static Stream<Arguments> enginePages() {
        Engine xenforo = new Engine("article.message[data-content^=post-]", e -> e.attr("data-author"),
                e -> e.selectFirst(".message-body .bbWrapper"));
        Engine xenforoWidget = new Engine("li.xenforo-comment", e -> text(e.selectFirst(".author-name")),
                e -> e.selectFirst(".js-read-more"));
        Engine wordpress = new Engine("li[id^=comment-]",
                e -> text(e.selectFirst(".comment-author cite, .comment-author .fn")),
                e -> e.selectFirst(".comment-text") != null ? e.selectFirst(".comment-text")
                        : e.selectFirst(".comment-content"));
        Engine wordpressLoose = new Engine("li[id^=comment-]", e -> text(e.selectFirst(".comment-author .fn")),
                GeneralReaderCorpusTest::looseWordpressBody);
        Engine wpdiscuz = new Engine("div[id^=wc-comm-]", e -> text(e.selectFirst(".wc-comment-author")),
                e -> e.selectFirst(".wc-comment-text"));
        Engine vbulletin = new Engine("li[id^=post_]", e -> text(e.selectFirst("a.username")),
                e -> e.selectFirst("div[id^=post_message_] blockquote.postcontent"));
        Engine stackExchange = new Engine("div.question, div.answer, li.comment",
                GeneralReaderCorpusTest::stackExchangeAuthor,
                e -> e.selectFirst(".js-post-body, .comment-copy"));
        return Stream.of(
                Arguments.of("forums/xenforo/villagersandheroes-com_patchnotes-4-47-4.html", xenforo),
                Arguments.of("forums/xenforo/tomshardware-com_rtx-3080-comments-widget.html", xenforoWidget),
                Arguments.of("forums/wordpress/killsixbilliondemons-com_1589914561721.html", wordpress),
                Arguments.of("forums/wordpress/netzpolitik-org_abmahnungen.html", wordpress),
                Arguments.of("forums/wordpress/archive-org_muffinrezept-net_grundrezept.html", wordpressLoose),
                Arguments.of("forums/wpdiscuz/tichyseinblick-de_pence-syrien.html", wpdiscuz),
                Arguments.of("forums/vbulletin/vbulletin4-2020-10_pocketpc-ch_auslieferung-p34_de_iso8859-1.html",
                        vbulletin),
                Arguments.of("stackexchange/se-german-2024cap_q-2014_wurde-vs-war.html", stackExchange));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enginePages")
    void generalReaderFindsTheEnginesPosts(String relative, Engine engine, TestReporter reporter)
            throws IOException {
        Path file = corpusFile(relative);
        ParsedThread thread = parsed(file);
        List<Marked> marked = marked(file, engine);
        assertTrue(marked.size() >= 5, () -> "the markers found too few posts in " + relative);
        List<Comment> read = thread.comments();

        Map<String, Comment> byNumber = new HashMap<>();
        for (Comment c : read) {
            String n = number(c.id());
            if (n != null) {
                byNumber.putIfAbsent(n, c);
            }
        }
        Map<String, Comment> byOpening = new HashMap<>();
        for (Comment c : read) {
            byOpening.putIfAbsent(opening(withoutQuotes(c.html())), c);
        }
        Set<Comment> used = new HashSet<>();
        int found = 0;
        int authors = 0;
        int texts = 0;
        List<String> misses = new ArrayList<>();
        for (Marked m : marked) {
            Comment c = m.id() == null ? null : byNumber.get(m.id());
            if (c == null) {
                c = byOpening.get(m.opening());
            }
            if (c == null || !used.add(c)) {
                continue;
            }
            found++;
            if (m.author().equals(c.author() == null ? "" : c.author())) {
                authors++;
            } else if (misses.size() < 3) {
                misses.add("author " + m.author() + " read as " + c.author());
            }
            String got = opening(withoutQuotes(c.html()));
            if (got.equals(m.opening())) {
                texts++;
            } else if (misses.size() < 3) {
                misses.add("text " + m.opening() + " read as " + got);
            }
        }
        String line = String.format("%s: posts found %d/%d, authors right %d, texts right %d (read %d)%s", relative,
                found, marked.size(), authors, texts, read.size(), misses.isEmpty() ? "" : "; " + misses);
        reporter.publishEntry("general reader", line);
        assertTrue(found >= MIN_SHARE * marked.size(), line);
        assertTrue(authors >= MIN_SHARE * marked.size(), line);
        assertTrue(texts >= MIN_SHARE * marked.size(), line);
        assertTrue(read.size() <= marked.size() + Math.max(1, marked.size() / 10), () -> "no invented posts: " + line);
        assertTrue(thread.warnings().get(0).startsWith("read as a general discussion page: " + read.size()
                + " posts"), thread.warnings()::toString);
        assertEquals(Site.WEB, thread.story().site());
    }

    @Test
    void nestedRepliesKeepTheirParents() {
        ParsedThread thread = parsed(corpusFile("forums/wordpress/killsixbilliondemons-com_1589914561721.html"));
        long replies = thread.comments().stream().filter(c -> c.parentId() != null).count();
        // SOURCES.md counts 131 nested comments (depth-2 and deeper) on this page.
        assertEquals(131, replies);
        Set<String> ids = new HashSet<>();
        for (Comment c : thread.comments()) {
            assertTrue(c.parentId() == null || ids.contains(c.parentId()), "parents come first: " + c.id());
            ids.add(c.id());
        }
    }

    @Test
    void questionAndAnswersHoldTheirComments() {
        ParsedThread thread = parsed(corpusFile("stackexchange/se-german-2024cap_q-2014_wurde-vs-war.html"));
        long top = thread.comments().stream().filter(c -> c.parentId() == null).count();
        assertEquals(7, top, "the question and six answers are the top level");
        assertEquals(14, thread.comments().size() - top, "the 14 comments hang under their posts");
        // The page's canonical link is cut short like this.
        assertEquals("https://german.stackexchange.com/questions/10376/"
                + "when-to-use-wurde-versus-war-eg-ich-wurde-ausgeraubt-vs-ich-war-ausgerau", thread.story().url());
    }

    @Test
    void sessionParametersLeaveTheStoryUrl() {
        ParsedThread thread = parsed(corpusFile(
                "forums/vbulletin/vbulletin4-2020-10_pocketpc-ch_auslieferung-p34_de_iso8859-1.html"));
        assertTrue(thread.story().url().startsWith("https://www.pocketpc.ch/windows-phone-7-allgemein/"));
        assertTrue(!thread.story().url().contains("?s="), thread.story().url());
        assertTrue(thread.comments().stream().allMatch(c -> c.posted() != null), "German dates are read");
        assertEquals(661, thread.comments().get(0).postNumber());
    }

    @Test
    void noPageThatIsNotADiscussionIsImported(TestReporter reporter) {
        List<Path> pages = SharedCorpus.pages("nonthread");
        Assumptions.assumeTrue(!pages.isEmpty(), "no ../shared/corpus/nonthread");
        List<String> imported = new ArrayList<>();
        for (Path page : pages) {
            for (PageOutcome outcome : generalOnly.importFile(page)) {
                if (outcome instanceof PageOutcome.Parsed parsed) {
                    imported.add(page.getFileName() + ": " + parsed.thread().warnings());
                } else if (outcome instanceof PageOutcome.Skipped skipped) {
                    assertTrue(skipped.reason().startsWith("not a discussion page")
                            || skipped.reason().startsWith("ambiguous page"), skipped.reason());
                }
            }
        }
        reporter.publishEntry("general reader", "false imports: " + imported.size() + " of " + pages.size());
        assertEquals(List.of(), imported);
    }

    private ParsedThread parsed(Path file) {
        List<PageOutcome> outcomes = generalOnly.importFile(file);
        assertEquals(1, outcomes.size());
        return assertInstanceOf(PageOutcome.Parsed.class, outcomes.get(0), outcomes.get(0)::toString).thread();
    }

    private static Path corpusFile(String relative) {
        Path shared = SharedCorpus.sharedDir();
        Assumptions.assumeTrue(shared != null, "../shared/corpus is not present");
        Path file = shared.resolve("corpus").resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), "missing " + file);
        return file;
    }

    private static List<Marked> marked(Path file, Engine engine) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        // The markers are read from the bytes as the engine wrote them: a Latin-1 page is Latin-1.
        String html = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (html.contains("charset=\"ISO-8859-1\"") || html.contains("charset=ISO-8859-1")) {
            html = new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
        }
        Document doc = Jsoup.parse(html);
        List<Marked> out = new ArrayList<>();
        for (Element post : doc.select(engine.postSelector())) {
            Element body = engine.body().apply(post);
            String author = engine.author().apply(post);
            String id = post.id().isEmpty() ? post.attr("data-content") : post.id();
            out.add(new Marked(number(id), author == null ? "" : author,
                    opening(body == null ? "" : withoutQuotes(body.html()))));
        }
        return out;
    }

    private static String stackExchangeAuthor(Element post) {
        if (post.hasClass("comment")) {
            return text(post.selectFirst(".comment-user"));
        }
        // The post's owner signs last; an editor's card comes before it.
        List<Element> cards = post.select(".post-signature .user-details");
        Element owner = post.selectFirst(".post-signature.owner .user-details");
        Element card = owner != null ? owner : cards.isEmpty() ? null : cards.get(cards.size() - 1);
        Element name = card == null ? null : card.selectFirst("a, [itemprop=name]");
        return name == null ? null : text(name);
    }

    /** A comment body of a theme that leaves its paragraphs loose beside the byline. */
    private static Element looseWordpressBody(Element comment) {
        Element holder = new Element("div");
        Element body = comment.selectFirst(".comment-body");
        if (body != null) {
            for (Element p : body.children()) {
                if (p.normalName().equals("p")) {
                    holder.appendChild(p.clone());
                }
            }
        }
        return holder;
    }

    private static String text(Element e) {
        return e == null ? "" : e.text().replace('\u00A0', ' ').trim();
    }

    private static String number(String id) {
        if (id == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(id);
        return m.find() ? m.group() : null;
    }

    private static String withoutQuotes(String html) {
        if (html == null) {
            return "";
        }
        Element root = Jsoup.parseBodyFragment(html).body();
        root.select("blockquote, .bbcode_container, .bbCodeBlock--quote").remove();
        return root.text();
    }

    private static String opening(String text) {
        String compact = text.replace('\u00A0', ' ').replaceAll("(?U)\\s+", "");
        return compact.length() > OPENING ? compact.substring(0, OPENING) : compact;
    }
}
