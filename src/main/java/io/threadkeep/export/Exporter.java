package io.threadkeep.export;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Writes stories in any {@link ExportFormat}. Pure: the same stories always give the same text, byte for byte (no
 * time of export, no map order, no locale in the output).
 */
public final class Exporter {

    private static final int MAX_SLUG = 60;

    private Exporter() {
    }

    /**
     * The text of one file. JSON gives an object for one story, or an array when {@code asArray} (a search or an
     * author, even with one story); mbox holds every story; Markdown and HTML hold exactly one story.
     *
     * @throws IllegalArgumentException for Markdown or HTML of other than one story
     */
    public static String write(ExportFormat format, List<ExportStory> stories, boolean asArray) {
        return switch (format) {
            case JSON -> ThreadExport.toJsonString(stories, asArray) + "\n";
            case MBOX -> MboxWriter.write(stories);
            case MARKDOWN -> MarkdownWriter.write(single(format, stories));
            case HTML -> HtmlWriter.write(single(format, stories));
        };
    }

    /** One story in a one-story format (or JSON as an object, mbox as a mailbox of one thread). */
    public static String write(ExportFormat format, ExportStory story) {
        return write(format, List.of(story), false);
    }

    private static ExportStory single(ExportFormat format, List<ExportStory> stories) {
        if (stories.size() != 1) {
            throw new IllegalArgumentException(format.displayName() + " holds one story per file, not "
                    + stories.size());
        }
        return stories.get(0);
    }

    /** The file a story is written to: {@code <site>-<id>-<title-slug>.<ext>}. */
    public static String fileName(ExportStory story, ExportFormat format) {
        String slug = slug(story.story().title());
        return story.story().site().id() + "-" + story.storyId() + (slug.isEmpty() ? "" : "-" + slug) + "."
                + format.extension();
    }

    /** The title folded to lower-case ASCII words joined by '-', at most 60 characters, cut at a word. */
    static String slug(String title) {
        if (title == null) {
            return "";
        }
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && sb.length() > 0) {
                    sb.append('-');
                }
                sb.append(c);
                dash = false;
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                dash = true;
            }
        }
        String s = sb.toString();
        if (s.length() > MAX_SLUG) {
            int cut = s.lastIndexOf('-', MAX_SLUG);
            s = s.substring(0, cut > 20 ? cut : MAX_SLUG);
        }
        return s;
    }
}
