package io.threadkeep.importer.forum;

import io.threadkeep.importer.Page;
import io.threadkeep.importer.SafeHtml;
import io.threadkeep.model.Comment;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the posts of one forum page into a thread. Forums are flat: the opening post becomes the story (when the
 * page holds it), every other post a comment, and a post answers the first post its quotes name when that post is
 * the opening post (a top-level reply) or an earlier post of the same page. A quote of a post on another page
 * leaves the post top-level: the page cannot tell whether that page will ever be saved, and a parent that never
 * arrives would hide the reply under an empty placeholder.
 */
final class ForumThreads {

    private ForumThreads() {
    }

    static ParsedThread build(Site site, ForumHead head, List<ForumPost> posts, Page page, List<String> warnings) {
        List<ForumPost> replies = new ArrayList<>(posts);
        ForumPost opening = head.firstIsOpening() && !replies.isEmpty() ? replies.remove(0) : null;
        String author = opening == null ? null : opening.author();
        SafeHtml.Body summary = opening == null ? null : opening.body();
        boolean hasSummary = summary != null && !summary.isEmpty();
        Story story = new Story(site, head.threadId(), head.url(), head.title(), author,
                opening == null ? null : opening.posted().instant(), head.board(), List.of(), List.of(),
                hasSummary ? summary.html() : null, hasSummary ? summary.text() : null, head.declaredCount(),
                head.linkUrl());
        String openingId = opening == null ? null : opening.id();
        Set<String> earlier = new HashSet<>();
        Set<String> seen = new HashSet<>();
        if (openingId != null) {
            seen.add(openingId);
        }
        List<Comment> comments = new ArrayList<>();
        for (ForumPost post : replies) {
            if (!seen.add(post.id())) {
                warnings.add("post " + post.id() + " appears twice on the page; kept the first");
                continue;
            }
            String parent = null;
            for (String quoted : post.quotedIds()) {
                if (quoted.equals(openingId)) {
                    break;
                }
                if (earlier.contains(quoted)) {
                    parent = quoted;
                    break;
                }
            }
            earlier.add(post.id());
            comments.add(comment(post, parent));
        }
        return new ParsedThread(story, comments, warnings, page.capturedAt(), null, List.of());
    }

    private static Comment comment(ForumPost post, String parent) {
        SafeHtml.Body body = post.body();
        boolean hasBody = body != null && !body.isEmpty();
        ForumDates.Posted posted = post.posted();
        return new Comment(post.id(), parent, post.author(), post.authorId(), posted.instant(),
                posted.instant() == null ? posted.text() : null, post.score(), null, null,
                hasBody ? body.html() : null, hasBody ? body.text() : null,
                hasBody ? Completeness.FULL : Completeness.METADATA_ONLY, post.state(), post.number(), false);
    }
}
