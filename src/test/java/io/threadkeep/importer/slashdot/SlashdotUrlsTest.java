package io.threadkeep.importer.slashdot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.PageSource;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlashdotUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://yro.slashdot.org/story/20/10/07/2020214/us-explores-curbs-on-ant-group-tencent-payment-systems",
            "http://slashdot.org/story/20/10/07/2020214/us-explores-curbs",
            "https://www.slashdot.org/story/20/10/07/2020214",
            "//yro.slashdot.org/story/20/10/07/2020214/slug#comments",
            "http://yro.slashdot.org/article.pl?sid=20/10/07/2020214",
            "http://slashdot.org/article.pl?sid=20%2F10%2F07%2F2020214&tid=17",
            "https://slashdot.org/comments.pl?sid=20/10/07/2020214&cid=60583444",
            "http://slashdot.org/comments.pl?threshold=1&sid=20/10/07/2020214&mode=thread",
            "http://yro.slashdot.org/yro/20/10/07/2020214.shtml",
            "http://slashdot.org/articles/20/10/07/2020214.shtml",
            "https://web.archive.org/web/20201008000000/https://yro.slashdot.org/story/20/10/07/2020214/slug",
            "HTTPS://YRO.SLASHDOT.ORG/story/20/10/07/2020214/US-Explores"})
    void everyFormOfAStoryAddressMeetsInOneCanonicalUrl(String url) {
        String sid = SlashdotUrls.sidFromUrl(url);
        assertEquals("20/10/07/2020214", sid, url);
        assertEquals("https://slashdot.org/story/20/10/07/2020214", SlashdotUrls.canonical(sid));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://slashdot.org/",
            "https://slashdot.org/comments.pl?sid=17363254&cid=60583444",
            "https://m.slashdot.org/story/376214",
            "https://notslashdot.org/story/20/10/07/2020214",
            "https://news.ycombinator.com/item?id=20/10/07/2020214",
            "https://slashdot.org/story/20/13/07/2020214"})
    void addressesThatNameNoStoryGiveNoSid(String url) {
        assertNull(SlashdotUrls.sidFromUrl(url), url);
    }

    @Test
    void sidDateReadsTwoDigitYearsAcrossTheCentury() {
        assertEquals(java.time.LocalDate.of(1999, 12, 31), SlashdotUrls.sidDate("99/12/31/1158215"));
        assertEquals(java.time.LocalDate.of(2008, 9, 24), SlashdotUrls.sidDate("08/09/24/203229"));
    }

    /** Pages saved from different addresses and eras of one story import to the same story URL. */
    @Test
    void pagesOfOneStoryInDifferentFormsShareTheirUrl() {
        String comment = """
                <li id="tree_100" class="comment full"><div id="comment_100" class="cw">
                <div class="commentTop"><div class="title"><h4><a id="comment_link_100" href="#">Hi</a></h4></div>
                <div class="details"><span class="by"><span class="byby">by </span>Anonymous Coward</span></div></div>
                <div class="commentBody"><div id="comment_body_100">Hello</div></div></div></li>""";
        List<String> heads = List.of(
                "<link rel=\"canonical\" href=\"https://yro.slashdot.org/story/20/10/07/2020214/some-slug\">",
                "<meta property=\"og:url\" content=\"http://slashdot.org/story/20/10/07/2020214\">",
                "<title>Slashdot | A Story</title>");
        List<String> bodies = List.of("", "",
                "<div class=\"commentBox\"><a href=\"//yro.slashdot.org/article.pl?sid=20/10/07/2020214\">A Story</a></div>");
        Set<String> urls = new HashSet<>();
        for (int i = 0; i < heads.size(); i++) {
            String html = "<html><head>" + heads.get(i) + "<title>A Story - Slashdot</title></head><body>" + bodies.get(i)
                    + "<ul id=\"commentlisting\" class=\"d2\">" + comment + "</ul></body></html>";
            List<PageOutcome> out = PageImporter.standard()
                    .parseAll(PageSource.of("p" + i + ".html", html.getBytes(StandardCharsets.UTF_8)));
            PageOutcome.Parsed parsed = assertInstanceOf(PageOutcome.Parsed.class, out.get(0), () -> out.toString());
            urls.add(parsed.thread().story().url());
            assertEquals("20/10/07/2020214", parsed.thread().story().siteStoryId());
        }
        assertEquals(Set.of("https://slashdot.org/story/20/10/07/2020214"), urls);
    }

    @Test
    void pageAddressFromTheContainerIsUsedWhenThePageHasNone() {
        String html = "<html><head><title>Slashdot | A Story</title></head><body><ul id=\"commentlisting\">"
                + "<li id=\"tree_5\" class=\"comment\"><div id=\"comment_5\"><div class=\"details\">by Anonymous Coward"
                + "</div><div class=\"commentBody\"><div id=\"comment_body_5\">x</div></div></div></li></ul></body></html>";
        PageSource source = new PageSource("saved.html", html.getBytes(StandardCharsets.UTF_8), null,
                "http://it.slashdot.org/comments.pl?sid=12/05/01/1234567&cid=5", null);
        PageOutcome.Parsed parsed = assertInstanceOf(PageOutcome.Parsed.class,
                PageImporter.standard().parseAll(source).get(0));
        assertEquals("https://slashdot.org/story/12/05/01/1234567", parsed.thread().story().url());
    }
}
