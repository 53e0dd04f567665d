package io.threadkeep.importer.slashdot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.threadkeep.model.Comment;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reply chains a thousand deep, in each era's nesting, keep every level and its parent. */
class SlashdotDeepThreadTest {

    private static final int DEPTH = 1000;

    @Test
    void d2ChainOfAThousandReplies() {
        StringBuilder html = new StringBuilder("<html><head><title>Deep - Slashdot</title>"
                + "<link rel=\"canonical\" href=\"https://slashdot.org/story/15/01/02/0300000/deep\"></head><body>"
                + "<ul id=\"commentlisting\" class=\"d2\">");
        for (int i = 1; i <= DEPTH; i++) {
            html.append("<li id=\"tree_").append(i).append("\" class=\"comment full\"><div id=\"comment_").append(i)
                    .append("\" class=\"cw\"><div class=\"commentTop\"><div class=\"title\"><h4><a id=\"comment_link_")
                    .append(i).append("\" href=\"#\">Level ").append(i).append("</a></h4></div><div class=\"details\">")
                    .append("<span class=\"by\"><span class=\"byby\">by </span><a href=\"//slashdot.org/~u\">user")
                    .append(i).append("</a> <span class=\"uid\"><a href=\"#\">( ").append(10_000 + i).append(" )</a></span>")
                    .append("</span></div></div><div class=\"commentBody\"><div id=\"comment_body_").append(i)
                    .append("\"><p>Reply number ").append(i).append("</p></div></div></div><ul id=\"commtree_")
                    .append(i).append("\">");
        }
        html.append("</ul></li>".repeat(DEPTH)).append("</ul></body></html>");

        assertChain(SlashdotPagesTest.parse(html.toString()), true);
    }

    @Test
    void threadedOneLinerChainOfAThousandReplies() {
        StringBuilder html = new StringBuilder("<html><head><title>Slashdot | Deep</title></head><body>"
                + "<div class=\"commentBox\"><a href=\"//slashdot.org/article.pl?sid=06/05/04/0300000\">Deep</a></div>"
                + "<ul id=\"commentlisting\">");
        for (int i = 1; i <= DEPTH; i++) {
            html.append("<li><a href=\"//slashdot.org/comments.pl?sid=9&amp;threshold=1&amp;pid=").append(i - 1)
                    .append("#").append(i).append("\">Level ").append(i).append("</a> by user").append(i)
                    .append(" (Score:1) Thursday May 04, @10:00AM<ul id=\"commtree_").append(i).append("\">");
        }
        html.append("</ul></li>".repeat(DEPTH)).append("</ul></body></html>");

        ParsedThread thread = SlashdotPagesTest.parse(html.toString());

        assertChain(thread, false);
        assertEquals(Completeness.ABBREVIATED, thread.comments().get(DEPTH - 1).completeness());
    }

    @Test
    void tableEraChainOfAThousandNestedLists() {
        StringBuilder html = new StringBuilder("<HTML><HEAD><TITLE>Slashdot | Deep</TITLE></HEAD><BODY>"
                + "<B>Posted by editor on Monday May 03, @09:00AM</B><BR><FONT SIZE=2><B>from the down dept.</B>"
                + "</FONT><BR>Summary.<P><TABLE><TR><TD><B><A HREF=\"//slashdot.org/article.pl?sid=04/05/03/1300000\">"
                + "Deep</A></B> | <B>1000</B> comments</TD></TR></TABLE>");
        for (int i = 1; i <= DEPTH; i++) {
            html.append("<TABLE><TR><TD><A NAME=\"").append(i).append("\"><B>Level ").append(i)
                    .append("</B></A> (Score:2)<BR>by <A HREF=\"//slashdot.org/~user").append(i).append("/\">user")
                    .append(i).append(" (").append(10_000 + i).append(")</A> on Monday May 03, @10:00AM (<A HREF=\"")
                    .append("//slashdot.org/comments.pl?sid=7&amp;cid=").append(i).append("\">#").append(i)
                    .append("</A>)</TD></TR><TR><TD>Reply number ").append(i).append("<BR><FONT SIZE=\"-1\">[ ")
                    .append("<A HREF=\"//slashdot.org/comments.pl?sid=7&amp;op=Reply&amp;pid=").append(i)
                    .append("\">Reply to This</A> ]</FONT></TD></TR></TABLE><UL>");
        }
        html.append("</UL>".repeat(DEPTH)).append("</BODY></HTML>");

        assertChain(SlashdotPagesTest.parse(html.toString()), true);
    }

    private static void assertChain(ParsedThread thread, boolean withBodies) {
        List<Comment> comments = thread.comments();
        assertEquals(DEPTH, comments.size());
        assertNull(comments.get(0).parentId());
        for (int i = 1; i <= DEPTH; i++) {
            Comment c = comments.get(i - 1);
            assertEquals(Integer.toString(i), c.id());
            if (i > 1) {
                assertEquals(Integer.toString(i - 1), c.parentId(), "parent of " + i);
            }
            assertEquals("user" + i, c.author());
            if (withBodies) {
                assertEquals("Reply number " + i, c.text());
            }
        }
    }
}
