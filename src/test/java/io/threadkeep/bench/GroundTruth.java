package io.threadkeep.bench;

import io.threadkeep.bench.gen.Body;
import io.threadkeep.bench.gen.GenComment;
import io.threadkeep.bench.gen.GenStory;
import io.threadkeep.bench.gen.GenThread;
import io.threadkeep.model.Comment;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Story;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * The generator's ground truth in the model's shape: what a perfect parser would extract from a generated page.
 * The floor benchmark inserts these rows; the store-only benchmark saves them without any parsing.
 */
final class GroundTruth {

    private GroundTruth() {
    }

    static ParsedThread parsed(GenThread thread) {
        GenStory s = thread.story();
        Story story = new Story(s.site(), s.siteStoryId(), s.url(), s.title(), s.author(), s.posted(), s.department(),
                s.topics(), List.of(), s.summary() == null ? null : html(s.summary()),
                s.summary() == null ? null : s.summary().plainText(), thread.comments().size(), s.linkUrl());
        List<Comment> comments = new ArrayList<>(thread.comments().size());
        for (GenComment c : thread.comments()) {
            comments.add(comment(c));
        }
        return new ParsedThread(story, comments, List.of());
    }

    static Comment comment(GenComment c) {
        boolean hasBody = !c.body().blocks().isEmpty();
        Completeness completeness = !hasBody ? Completeness.METADATA_ONLY
                : c.abbreviated() ? Completeness.ABBREVIATED : Completeness.FULL;
        return new Comment(c.id(), c.parentId(), c.author(), c.authorId(), c.abbreviated() ? null : c.posted(), null,
                c.score(), c.label(), c.subject(), hasBody ? html(c.body()) : null,
                hasBody ? c.body().plainText() : null, completeness, c.state());
    }

    /** The body in the safe HTML subset the importer keeps. */
    static String html(Body body) {
        StringBuilder h = new StringBuilder();
        for (Body.Block block : body.blocks()) {
            if (block instanceof Body.Paragraph p) {
                h.append("<p>");
                for (Body.Inline part : p.parts()) {
                    if (part instanceof Body.Link l) {
                        h.append("<a href=\"").append(Entities.escape(l.url())).append("\">")
                                .append(Entities.escape(l.label())).append("</a>");
                    } else if (part instanceof Body.Emphasis e) {
                        h.append("<i>").append(Entities.escape(e.text())).append("</i>");
                    } else {
                        h.append(Entities.escape(part.text()));
                    }
                }
                h.append("</p>");
            } else if (block instanceof Body.Quote q) {
                h.append("<blockquote>").append(Entities.escape(q.text())).append("</blockquote>");
            } else if (block instanceof Body.Code code) {
                h.append("<pre>").append(Entities.escape(code.text())).append("</pre>");
            }
        }
        return h.toString();
    }
}
