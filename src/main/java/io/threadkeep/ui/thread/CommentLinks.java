package io.threadkeep.ui.thread;

import io.threadkeep.model.Comment;
import io.threadkeep.model.Story;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a comment lives on its site, for "copy link" and "open original". */
final class CommentLinks {

    private CommentLinks() {
    }

    static String link(Story story, Comment comment) {
        String id = comment.id();
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8);
        return switch (story.site()) {
            case HACKERNEWS -> "https://news.ycombinator.com/item?id=" + encoded;
            case LOBSTERS -> "https://lobste.rs/c/" + encoded;
            case REDDIT -> withoutFragment(story.url()).replaceAll("/?$", "/") + encoded + "/";
            // Slashdot pages anchor each comment by its cid.
            case SLASHDOT, SOYLENTNEWS -> withoutFragment(story.url()) + "#" + encoded;
            // Engines anchor posts in their own ways; the thread page itself is the link that always works.
            default -> withoutFragment(story.url());
        };
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
