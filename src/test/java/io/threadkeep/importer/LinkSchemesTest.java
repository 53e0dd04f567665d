package io.threadkeep.importer;

import io.threadkeep.body.SafeHtmlReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.importer.lobsters.LobstersParser;
import io.threadkeep.importer.reddit.OldRedditParser;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import io.threadkeep.model.WebLinks;
import io.threadkeep.ui.common.LinkOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only http(s) links are stored or opened: story links of every site, links in comments and summaries. */
class LinkSchemesTest {

    private static final List<String> HOSTILE = List.of("javascript:alert(document.cookie)", "JavaScript:alert(1)",
            "file:///etc/passwd", "data:text/html,<script>x()</script>", "vbscript:msgbox", "ftp://example.org/f",
            "mailto:someone@example.org", "smb://server/share", "http://", "java\tscript:alert(1)",
            "https://exa mple.org/");

    /** A golden page with each {@code fromTo[2i]} replaced by {@code fromTo[2i + 1]}. */
    private static Page golden(String site, String name, String... fromTo) throws Exception {
        String html = Files.readString(Path.of("src/test/resources/golden", site, name));
        for (int i = 0; i < fromTo.length; i += 2) {
            assertTrue(html.contains(fromTo[i]), "the fixture holds " + fromTo[i]);
            html = html.replace(fromTo[i], fromTo[i + 1]);
        }
        return new Page(PageImporter.parseHtml(html, null), null, null, name);
    }

    @Test
    void aLobstersStoryLinkOfAnotherSchemeIsNotKept() throws Exception {
        for (String hostile : List.of("javascript:alert(1)", "file:///etc/passwd")) {
            ParsedThread thread = new LobstersParser().parse(golden("lobsters", "current-generation.html",
                    "https://blog.example.com/2025/01/comment-sorting", hostile));
            assertNull(thread.story().linkUrl(), hostile);
        }
    }

    @Test
    void anOldRedditStoryLinkOfAnotherSchemeIsNotKept() throws Exception {
        // The fixture is a self post: made a link post by its class and data-url.
        String selfClass = "odd link self\"";
        String self = "data-url=\"/r/woodworking/comments/9zq1kx/what_finish_survives_a_kitchen_table/\" "
                + "data-domain=\"self.woodworking\"";
        for (String hostile : List.of("javascript:alert(1)", "file:///etc/passwd")) {
            ParsedThread thread = new OldRedditParser().parse(golden("reddit", "old-design-german-ui.html",
                    selfClass, "odd link\"", self, "data-url=\"" + hostile + "\" data-domain=\"example.org\""));
            assertNull(thread.story().linkUrl(), hostile);
        }
        ParsedThread web = new OldRedditParser().parse(golden("reddit", "old-design-german-ui.html",
                selfClass, "odd link\"", self, "data-url=\"https://example.org/finish\" data-domain=\"example.org\""));
        assertEquals("https://example.org/finish", web.story().linkUrl());
    }

    @Test
    void aStoryKeepsOnlyAnHttpLinkWhateverBuiltIt() {
        for (String hostile : HOSTILE) {
            assertNull(story(hostile).linkUrl(), hostile);
        }
        assertEquals("https://example.org/a", story(" https://example.org/a ").linkUrl());
        assertEquals("HTTP://example.org/a", story("HTTP://example.org/a").linkUrl());
        assertEquals("https://example.org/a", story("//example.org/a").linkUrl());
    }

    private static Story story(String link) {
        return new Story(Site.LOBSTERS, "abc", "https://lobste.rs/s/abc", "t", null, null, null, null, null, null, null,
                null, link);
    }

    @Test
    void commentAndSummaryLinksKeepOnlyHttp() {
        StringBuilder html = new StringBuilder("<p>");
        for (String hostile : HOSTILE) {
            html.append("<a href=\"").append(hostile.replace("\"", "&quot;")).append("\">bad</a> ");
        }
        html.append("<a href=\"https://example.org/ok\">good</a></p>");
        SafeHtml.Body body = SafeHtml.cleanFragment(html.toString(), "https://lobste.rs/s/abc");
        assertEquals(1, body.html().split("<a ", -1).length - 1, body.html());
        assertTrue(body.html().contains("<a href=\"https://example.org/ok\">good</a>"), body.html());
        assertFalse(body.html().contains("mailto") || body.html().contains("ftp:"), body.html());
        for (SafeHtmlReader.Block block : SafeHtmlReader.read("<p><a href=\"javascript:x()\">x</a>"
                + "<a href=\"file:///etc/passwd\">y</a></p>")) {
            block.spans().forEach(span -> assertNull(span.href(), span.text()));
        }
    }

    @Test
    void theWindowOpensOnlyHttpLinks() {
        List<String> opened = new ArrayList<>();
        LinkOpener opener = LinkOpener.httpOnly(opened::add);
        for (String hostile : HOSTILE) {
            opener.open(hostile);
        }
        opener.open("https://example.org/x");
        assertEquals(List.of("https://example.org/x"), opened);
        assertNull(WebLinks.httpOnly(null));
    }
}
