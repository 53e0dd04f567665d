package io.threadkeep.ui;

import io.threadkeep.importer.Page;
import io.threadkeep.importer.SafeHtml;
import io.threadkeep.importer.SiteParser;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Element;

/**
 * A parser for a tiny page format invented for UI tests, so import tests control timing: a page with
 * {@code <meta name="block">} waits for {@link #release()} before it is parsed.
 */
public final class TestPageParser implements SiteParser {

    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch blocked = new CountDownLatch(1);

    @Override
    public String name() {
        return "test-page";
    }

    @Override
    public Site site() {
        return Site.HACKERNEWS;
    }

    @Override
    public boolean accepts(Page page) {
        return page.document().selectFirst("meta[name=testthread]") != null;
    }

    @Override
    public ParsedThread parse(Page page) {
        if (page.document().selectFirst("meta[name=block]") != null) {
            blocked.countDown();
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the page");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        String url = page.document().selectFirst("meta[name=testthread]").attr("content");
        String title = page.document().selectFirst("h1").text();
        Story story = new Story(Site.HACKERNEWS, url.substring(url.lastIndexOf('/') + 1), url, title, "poster", null,
                null, List.of(), List.of(), null, null, null, null);
        List<Comment> comments = new ArrayList<>();
        for (Element c : page.document().select("div.c")) {
            SafeHtml.Body body = SafeHtml.clean(c);
            String parent = c.attr("data-parent");
            comments.add(new Comment(c.id(), parent.isEmpty() ? null : parent, c.attr("data-author"), null, null,
                    null, null, null, null, body.html(), body.text(), Completeness.FULL, CommentState.NORMAL));
        }
        return new ParsedThread(story, comments, List.of());
    }

    /** Waits until a blocking page is being parsed. */
    public void awaitBlocked() throws InterruptedException {
        if (!blocked.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no blocking page was parsed");
        }
    }

    public void release() {
        gate.countDown();
    }

    /** Writes a page of this format with {@code comments} comments. */
    public static Path write(Path dir, String name, String title, int comments, boolean block) throws Exception {
        StringBuilder sb = new StringBuilder("<html><head><meta name=\"testthread\" content=\"https://example.test/t/")
                .append(name).append("\">");
        if (block) {
            sb.append("<meta name=\"block\">");
        }
        sb.append("</head><body><h1>").append(title).append("</h1>");
        for (int i = 1; i <= comments; i++) {
            sb.append("<div class=\"c\" id=\"").append(name).append(i).append("\" data-parent=\"")
                    .append(i > 1 && i % 2 == 0 ? name + (i - 1) : "").append("\" data-author=\"user").append(i)
                    .append("\"><p>Comment number ").append(i).append(" of ").append(title).append(".</p></div>");
        }
        sb.append("</body></html>");
        Path file = dir.resolve(name + ".html");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }
}
