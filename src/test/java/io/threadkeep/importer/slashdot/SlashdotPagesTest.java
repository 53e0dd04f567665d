package io.threadkeep.importer.slashdot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.PageSource;
import io.threadkeep.model.Comment;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole pages through {@link PageImporter#standard()}: encodings, dates, odd and broken pages. */
class SlashdotPagesTest {

    private static final String D2_HEAD = "<html><head><title>A Story - Slashdot</title>"
            + "<link rel=\"canonical\" href=\"https://slashdot.org/story/21/06/01/1200000/a-story\"></head><body>"
            + "<article data-fhtype=\"story\" class=\"fhitem fhitem-story\"><header><h1 class=\"story\">"
            + "<span class=\"story-title\"><a href=\"#\">A Story</a></span></h1><div class=\"details\">"
            + "<span class=\"story-byline\">Posted by someone on Tuesday June 01, 2021 @08:00AM</span></div>"
            + "</header><div class=\"body\"><div id=\"text-1\" class=\"p\">Summary.</div></div></article>";

    static ParsedThread parse(String name, byte[] bytes) {
        List<PageOutcome> out = PageImporter.standard().parseAll(PageSource.of(name, bytes));
        assertEquals(1, out.size());
        return assertInstanceOf(PageOutcome.Parsed.class, out.get(0), () -> out.get(0).toString()).thread();
    }

    static ParsedThread parse(String html) {
        return parse("page.html", html.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void windows1252PageLabelledLatin1DecodesCurlyQuotesAndEuro() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                + "<title>Slashdot | Prices</title></head><body><div class=\"commentBox\">"
                + "<a href=\"//slashdot.org/article.pl?sid=05/03/04/1200000\">Prices</a></div>"
                + "<ul id=\"commentlisting\"><li id=\"tree_42\" class=\"comment\"><div id=\"comment_42\">"
                + "<div class=\"commentTop\"><div class=\"title\"><h4><a name=\"42\">Cost</a></h4></div>"
                + "<div class=\"details\">by <a href=\"//slashdot.org/~pat\">pat (7)</a></div></div>"
                + "<div class=\"commentBody\"><div id=\"comment_body_42\">It is ").getBytes(StandardCharsets.US_ASCII));
        bytes.write(0x93);
        bytes.writeBytes("cheap".getBytes(StandardCharsets.US_ASCII));
        bytes.write(0x94);
        bytes.writeBytes(": only ".getBytes(StandardCharsets.US_ASCII));
        bytes.write(0x80);
        bytes.writeBytes("5.</div></div></div></li></ul></body></html>".getBytes(StandardCharsets.US_ASCII));

        ParsedThread thread = parse("latin1.html", bytes.toByteArray());

        assertEquals("It is \u201ccheap\u201d: only \u20ac5.", thread.comments().get(0).text());
    }

    @Test
    void commentInJanuaryOnADecemberStoryGetsTheNextYear() {
        String html = "<html><head><title>Slashdot | Fireworks</title></head><body>"
                + "<div class=\"article\"><div class=\"title\"><h3>Fireworks</h3></div><div class=\"details\">"
                + "Posted by editor on Friday December 31, @10:00PM from the bang dept.</div>"
                + "<div class=\"intro\">Text.</div></div>"
                + "<div class=\"commentBox\"><a href=\"//slashdot.org/article.pl?sid=04/12/31/2230000\">Fireworks</a></div>"
                + "<ul id=\"commentlisting\">"
                + oldComment("1", "on Friday December 31, @11:59PM")
                + oldComment("2", "on Saturday January 01, @12:01AM")
                + "</ul></body></html>";

        ParsedThread thread = parse(html);

        assertEquals(Instant.parse("2005-01-01T03:00:00Z"), thread.story().posted());
        assertEquals(Instant.parse("2005-01-01T04:59:00Z"), thread.comments().get(0).posted());
        assertEquals(Instant.parse("2005-01-01T05:01:00Z"), thread.comments().get(1).posted());
    }

    @Test
    void summerTimesAreEasternDaylightTime() {
        SlashdotDates.Parts summer = SlashdotDates.find("on Wednesday October 07, 2020 @07:40PM");
        SlashdotDates.Parts winter = SlashdotDates.find("on Tue Dec 31, 2013 09:37 AM");
        SlashdotDates.Parts zoned = SlashdotDates.find("on Friday December 31, @12:05PM EST (#12)");
        assertEquals(Instant.parse("2020-10-07T23:40:00Z"), SlashdotDates.resolve(summer, null, null));
        assertEquals(Instant.parse("2013-12-31T14:37:00Z"), SlashdotDates.resolve(winter, null, null));
        assertEquals(Instant.parse("1999-12-31T17:05:00Z"),
                SlashdotDates.resolve(zoned, java.time.LocalDate.of(1999, 12, 31), null));
        assertNull(SlashdotDates.resolve(zoned, null, null), "no year and nothing to take it from");
        assertEquals(Instant.parse("2008-02-29T17:00:00Z"), SlashdotDates.resolve(
                SlashdotDates.find("Friday February 29, @12:00PM"), java.time.LocalDate.of(2007, 12, 30), null),
                "a leap day skips to the next year that has one");
    }

    @Test
    void yearlessDateWithoutAStoryDateIsKeptAsText() {
        String html = "<html><head><title>Slashdot | Undated</title></head><body><div class=\"commentBox\">"
                + "<a href=\"//slashdot.org/comments.pl?sid=123\">x</a></div><ul id=\"commentlisting\">"
                + oldComment("9", "on Monday March 03, @10:00AM") + "</ul></body></html>";

        ParsedThread thread = parse(html);

        Comment c = thread.comments().get(0);
        assertNull(c.posted());
        assertEquals("Monday March 03, @10:00AM", c.postedText());
        assertTrue(thread.warnings().stream().anyMatch(w -> w.contains("could not be resolved")), thread.warnings().toString());
    }

    @Test
    void frontPageIsNotADiscussion() {
        StringBuilder html = new StringBuilder("<html><head><title>Slashdot: News for nerds, stuff that matters"
                + "</title><link rel=\"canonical\" href=\"https://slashdot.org/\"></head><body>");
        for (int i = 0; i < 3; i++) {
            html.append("<article data-fhtype=\"story\" class=\"fhitem fhitem-story\"><header><h2 class=\"story\">")
                    .append("<span class=\"story-title\"><a href=\"//slashdot.org/story/21/06/0").append(i + 1)
                    .append("/1200000/x\">Story ").append(i).append("</a></span></h2><span class=\"story-byline\">")
                    .append("Posted by x on Tuesday June 01, 2021 @08:00AM</span></header></article>");
        }
        html.append("</body></html>");
        List<PageOutcome> out = PageImporter.standard()
                .parseAll(PageSource.of("front.html", html.toString().getBytes(StandardCharsets.UTF_8)));
        PageOutcome.Skipped skipped = assertInstanceOf(PageOutcome.Skipped.class, out.get(0));
        assertTrue(skipped.reason().contains("several stories"), skipped.reason());
    }

    @Test
    void otherSitesAreLeftAlone() {
        String html = "<html><head><title>Slashdot turns 25 | Hacker News</title></head><body><table>"
                + "<tr><td><a href=\"https://slashdot.org/story/22/10/05/0000000/x\">link</a></td></tr>"
                + "</table></body></html>";
        List<PageOutcome> out = PageImporter.standard()
                .parseAll(PageSource.of("hn.html", html.getBytes(StandardCharsets.UTF_8)));
        assertFalse(out.get(0) instanceof PageOutcome.Parsed p && p.site() == io.threadkeep.model.Site.SLASHDOT,
                out.toString());
    }

    @Test
    void brokenMarkupGivesNullsAndWarningsNotExceptions() {
        String html = D2_HEAD + "<ul id=\"commentlisting\" class=\"d2\">"
                + "<li id=\"tree_1\" class=\"comment full\"><div id=\"comment_1\" class=\"cw\"><div class=\"commentTop\">"
                + "<div class=\"details\"><span class=\"by\"></span><span class=\"otherdetails\">on someday</span></div>"
                + "</div><div class=\"commentBody\"><div id=\"comment_body_1\"><p>unclosed <i>body"
                + "<li id=\"tree_2\" class=\"comment oneline\"><div id=\"comment_2\" class=\"cw\"></div></li>"
                + "<li id=\"tree_3\"></li><li id=\"tree_\"></li><li><a href=\"comments.pl?sid=1&pid=x#y\">no</a></li>"
                + "</ul><script>D2.comments({ 1: { uid: 5, pid: 0, subject: 'unterminated }</script></body></html>";

        ParsedThread thread = parse(html);

        assertEquals(List.of("1", "2", "3"), thread.comments().stream().map(Comment::id).toList());
        Comment first = thread.comments().get(0);
        assertNull(first.author());
        assertNull(first.posted());
        assertTrue(first.text().startsWith("unclosed body"), first.text());
        assertFalse(first.text().contains("tree_"));
        assertEquals(Completeness.METADATA_ONLY, thread.comments().get(1).completeness());
        assertTrue(thread.warnings().stream().anyMatch(w -> w.contains("D2 comment table could not be read")),
                thread.warnings().toString());
    }

    @Test
    void bodyThatLostItsClosingTagsDoesNotSwallowItsReplies() {
        String html = D2_HEAD + "<ul id=\"commentlisting\" class=\"d2\">"
                + d2Comment("1", "<div class=\"quote\"><div><p>quoted text that was cut off", "")
                + "<ul id=\"commtree_1\">" + d2Comment("2", "The reply.", "<a href=\"x?cid=1\" "
                + "onclick=\"return D2.selectParent(1)\">Parent</a>") + "</li></ul></li>"
                + d2Comment("3", "Another top comment. <a href=\"x\">Read the rest of this comment...</a>", "")
                + "</li></ul></body></html>";

        ParsedThread thread = parse(html);

        assertEquals(List.of("1", "2", "3"), thread.comments().stream().map(Comment::id).toList());
        assertEquals("quoted text that was cut off", thread.comments().get(0).text());
        assertEquals(Completeness.FULL, thread.comments().get(0).completeness(), "the reply's link is not its own");
        assertEquals("1", thread.comments().get(1).parentId());
        assertEquals("The reply.", thread.comments().get(1).text());
        assertEquals("user2", thread.comments().get(1).author());
        assertEquals(Completeness.TRUNCATED, thread.comments().get(2).completeness());
    }

    private static String d2Comment(String cid, String body, String sub) {
        return "<li id=\"tree_" + cid + "\" class=\"comment full\"><div id=\"comment_" + cid + "\" class=\"cw\">"
                + "<div class=\"commentTop\"><div class=\"title\"><h4><a id=\"comment_link_" + cid + "\">S" + cid
                + "</a></h4></div><div class=\"details\"><span class=\"by\"><span class=\"byby\">by </span>"
                + "<a href=\"#\">user" + cid + "</a></span></div></div><div class=\"commentBody\">"
                + "<div id=\"comment_body_" + cid + "\">" + body + "</div></div><div class=\"commentSub\" id=\"comment_sub_"
                + cid + "\">" + sub + "</div></div>";
    }

    @Test
    void d2TableReadsUndefinedUidsEscapesAndQuotes() {
        String html = D2_HEAD + "<script>D2.comments({ 7: { uid: undefined, pid: 0, read: 0, points: -2, kids: [ 8 ],"
                + " opid: undefined }, '8': { \"uid\": 666, pid: 7, subject: \"Re:\\\"Quoted\\\" \\u00e9t\\u00e9\","
                + " points: 3, kids: [] }, 9: { uid: 31, pid: 7, subject: 'It\\'s', points: 5 } });"
                + "D2.abbrev_comments({9:40}); D2.more_comments_num(4);</script>"
                + "<ul id=\"commentlisting\" class=\"d2\"></ul></body></html>";

        ParsedThread thread = parse(html);

        assertEquals(List.of("7", "8", "9"), thread.comments().stream().map(Comment::id).toList());
        Comment seven = thread.comments().get(0);
        assertNull(seven.authorId());
        assertNull(seven.score(), "-2 with an undefined uid is no score");
        Comment eight = thread.comments().get(1);
        assertEquals("7", eight.parentId());
        assertNull(eight.author());
        assertNull(eight.authorId());
        assertEquals("Re:\"Quoted\" \u00e9t\u00e9", eight.subject());
        assertEquals(3, eight.score());
        Comment nine = thread.comments().get(2);
        assertEquals("31", nine.authorId());
        assertEquals("It's", nine.subject());
        assertEquals(Completeness.METADATA_ONLY, nine.completeness());
        assertEquals(7, thread.story().declaredCommentCount(), "3 in the table and 4 more not loaded");
    }

    @Test
    void linkDomainTagsAreDroppedOnlyWhenTheyNameTheLink() {
        String html = D2_HEAD + "<ul id=\"commentlisting\" class=\"d2\"><li id=\"tree_1\" class=\"comment full\">"
                + "<div id=\"comment_1\" class=\"cw\"><div class=\"commentBody\"><div id=\"comment_body_1\">"
                + "See <a href=\"http://www.example.com/a\">this</a> [example.com] and <a href=\"http://other.org/\">that"
                + "</a> [example.com] and <b><a href=\"https://sub.news.example.net/x\">more</a></b> [example.net]."
                + "</div></div></div></li></ul></body></html>";

        ParsedThread thread = parse(html);

        assertEquals("See this and that [example.com] and more.", thread.comments().get(0).text());
        assertFalse(thread.comments().get(0).html().contains("[example.net]"));
    }

    /** What the JSON export leaves out of the golden fixtures: tags, the story's link, safe summary HTML. */
    @Test
    void storyTagsLinkAndSummaryHtml() throws java.io.IOException {
        ParsedThread current = parse("current.html",
                resource("/golden/slashdot/sd-2022-current.html"));
        assertEquals(List.of("maps", "oslo"), current.story().tags());
        assertEquals("https://www.example.org/news/benches", current.story().linkUrl());
        assertTrue(current.story().summaryHtml().contains("<a href=\"https://www.example.org/news/benches\">"),
                current.story().summaryHtml());
        Comment first = current.comments().get(0);
        assertTrue(first.html().contains("<a href=\"https://en.wikipedia.org/wiki/Urban_furniture\">plans for people</a>"
                + " rather"), first.html());

        ParsedThread d2 = parse("d2.html", resource("/golden/slashdot/sd-2010-d2.html"));
        assertEquals(List.of("space", "cubesat"), d2.story().tags());
        assertNull(d2.story().linkUrl());
        assertTrue(d2.warnings().stream().anyMatch(w -> w.contains("did not load 12 more")), d2.warnings().toString());
    }

    private static byte[] resource(String name) throws java.io.IOException {
        try (var in = SlashdotPagesTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static String oldComment(String cid, String date) {
        return "<li id=\"tree_" + cid + "\" class=\"comment\"><div id=\"comment_" + cid + "\">"
                + "<div class=\"commentTop\"><div class=\"title\"><h4><a name=\"" + cid + "\">S" + cid + "</a>"
                + "<span class=\"score\"> (Score:1)</span></h4></div><div class=\"details\">by Anonymous Coward "
                + "<span class=\"otherdetails\">" + date + " (<a href=\"//slashdot.org/comments.pl?sid=1&amp;cid="
                + cid + "\">#" + cid + "</a>)</span></div></div><div class=\"commentBody\"><div id=\"comment_body_"
                + cid + "\">Body " + cid + "</div></div></div></li>";
    }
}
