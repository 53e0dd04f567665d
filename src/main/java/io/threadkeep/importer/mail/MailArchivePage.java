package io.threadkeep.importer.mail;

import io.threadkeep.importer.SafeHtml;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One archived message as both mail archive parsers read it, and how it becomes a thread: the thread is the list's
 * messages under one subject (with "Re:" and the list's tag taken off), keyed by the list archive's address with the
 * subject in the fragment, so every saved message of a thread lands in one story. The first message of a thread
 * (no In-Reply-To, no "Re:") is the story's author, date and text; every other message is a comment.
 */
final class MailArchivePage {

    String subject;
    String author;
    String email;
    Instant sent;
    String sentText;
    String messageId;
    String inReplyTo;
    String archiveNumber;
    String list;
    SafeHtml.Body body;

    boolean isReply() {
        return inReplyTo != null || MailText.isReplySubject(subject);
    }

    ParsedThread toThread(Site site, String archiveBase, Instant capturedAt, List<String> warnings) {
        String title = MailText.threadSubject(subject);
        String slug = MailText.slug(title);
        String listName = list != null ? list : MailText.listTag(subject);
        String base = archiveBase != null ? archiveBase : fallbackBase(listName);
        String url = base + "#thread-" + slug;
        String storyId = (listName != null ? listName : hostOf(base)) + "/" + slug;
        boolean hasBody = body != null && !body.isEmpty();
        List<Comment> comments = new ArrayList<>();
        Story story;
        if (!isReply()) {
            story = new Story(site, storyId, url, title, author, sent, listName, List.of(), List.of(),
                    hasBody ? body.html() : null, hasBody ? body.text() : null, null, null);
        } else {
            story = new Story(site, storyId, url, title, null, null, listName, List.of(), List.of(), null, null,
                    null, null);
            String id = messageId != null ? messageId : archiveNumber != null ? archiveNumber
                    : Integer.toHexString((author + "|" + sent + "|" + (hasBody ? body.text() : "")).hashCode());
            String parent = site == Site.HYPERMAIL ? inReplyTo : null;
            if (parent != null) {
                comments.add(Comment.placeholder(parent, null));
            }
            comments.add(new Comment(id, parent, author, null, sent, sent == null ? sentText : null, null, null,
                    SafeHtml.squash(subject), hasBody ? body.html() : null, hasBody ? body.text() : null,
                    hasBody ? Completeness.FULL : Completeness.METADATA_ONLY, CommentState.NORMAL));
            warnings.add("one message of the thread; its other messages join it from their own saved pages");
        }
        return new ParsedThread(story, comments, warnings, capturedAt, null, List.of());
    }

    private String fallbackBase(String listName) {
        // Without the archive's address the key only has to be stable: the sender's domain is not the list's.
        String host = "mail-archive.invalid";
        return "https://" + host + "/" + (listName != null ? listName + "/" : "");
    }

    private static String hostOf(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? "list" : host;
        } catch (URISyntaxException e) {
            return "list";
        }
    }
}
