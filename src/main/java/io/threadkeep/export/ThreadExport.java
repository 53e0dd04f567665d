package io.threadkeep.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.threadkeep.model.Comment;
import io.threadkeep.model.Story;
import io.threadkeep.model.ThreadOrder;
import java.time.Instant;
import java.util.List;

/**
 * The JSON export of one story, in the documented shape: {@code {"story": {...}, "comments": [...]}} with comments
 * flat in depth-first thread order. Used by the CLI's {@code export} and by the importer's golden tests, so both
 * speak the same format.
 */
public final class ThreadExport {

    private static final Gson GSON = new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping()
            .create();

    private ThreadExport() {
    }

    /** The export of an archived story: its id is the archive's story id. */
    public static JsonObject toJson(long storyId, Story story, List<Comment> comments) {
        JsonObject root = toJson((String) null, story, comments);
        root.getAsJsonObject("story").addProperty("id", storyId);
        return root;
    }

    public static String toJsonString(long storyId, Story story, List<Comment> comments) {
        return GSON.toJson(toJson(storyId, story, comments));
    }

    /** The export of a parsed page not (yet) in an archive: {@code storyId} may be null. */
    public static JsonObject toJson(String storyId, Story story, List<Comment> comments) {
        JsonObject s = new JsonObject();
        s.addProperty("id", storyId);
        s.addProperty("site", story.site().id());
        s.addProperty("url", story.url());
        s.addProperty("title", story.title());
        s.addProperty("author", story.author());
        s.addProperty("posted", iso(story.posted()));
        s.addProperty("department", story.department());
        JsonArray topics = new JsonArray();
        story.topics().forEach(topics::add);
        s.add("topics", topics);
        s.addProperty("summary", story.summaryText());
        s.addProperty("declaredCommentCount", story.declaredCommentCount());

        JsonArray list = new JsonArray();
        for (Comment c : ThreadOrder.depthFirst(comments)) {
            JsonObject o = new JsonObject();
            o.addProperty("id", c.id());
            o.addProperty("parentId", c.parentId());
            o.addProperty("author", c.author());
            o.addProperty("authorId", c.authorId());
            o.addProperty("posted", iso(c.posted()));
            o.addProperty("score", c.score());
            o.addProperty("label", c.label());
            o.addProperty("subject", c.subject());
            o.addProperty("text", c.completeness().hasBody() ? c.text() : null);
            o.addProperty("complete", c.completeness().isFull());
            // Fields of later sites appear only where a site has them, so earlier exports keep their bytes.
            if (c.postNumber() != null) {
                o.addProperty("postNumber", c.postNumber());
            }
            if (c.accepted()) {
                o.addProperty("accepted", true);
            }
            list.add(o);
        }
        JsonObject root = new JsonObject();
        root.add("story", s);
        root.add("comments", list);
        return root;
    }

    public static String toJsonString(String storyId, Story story, List<Comment> comments) {
        return GSON.toJson(toJson(storyId, story, comments));
    }

    /**
     * The export of an archived story as {@link #toJson(long, Story, List)} gives it, with the reader's stars and
     * notes added where the story carries them: {@code "starred": true} and {@code "note"} on the story and on each
     * comment that has one. Without notes the bytes are those of the plain export.
     */
    public static JsonObject toJson(ExportStory export) {
        JsonObject root = toJson(export.storyId(), export.story(), export.comments());
        ReaderNotes notes = export.notes();
        if (notes == null || notes.isEmpty()) {
            return root;
        }
        addNote(root.getAsJsonObject("story"), notes.story());
        for (var element : root.getAsJsonArray("comments")) {
            JsonObject o = element.getAsJsonObject();
            addNote(o, notes.forComment(o.get("id").getAsString()));
        }
        return root;
    }

    /** One story as an object; several (a search, an author) as an array of such objects. */
    public static String toJsonString(List<ExportStory> stories, boolean asArray) {
        if (!asArray && stories.size() == 1) {
            return GSON.toJson(toJson(stories.get(0)));
        }
        JsonArray array = new JsonArray();
        stories.forEach(s -> array.add(toJson(s)));
        return GSON.toJson(array);
    }

    private static void addNote(JsonObject o, ReaderNotes.Note note) {
        if (note == null || note.isEmpty()) {
            return;
        }
        if (note.starred()) {
            o.addProperty("starred", true);
        }
        if (note.text() != null && !note.text().isBlank()) {
            o.addProperty("note", note.text());
        }
    }

    public static Gson gson() {
        return GSON;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
