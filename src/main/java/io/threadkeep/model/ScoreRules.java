package io.threadkeep.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reader's own scoring, as Slash had it: authors marked friend or foe move their comments' scores up or down,
 * and moderation labels carry a bonus ("Funny −1", "Informative +1"). Thresholds, sorting by score and search's
 * {@code score:} act on the adjusted score.
 *
 * <p>Slashdot scores stay within Slashdot's −1…5, as Slash clamped them; other sites' points are not bounded.
 *
 * @param authorPoints points per author, keyed by {@link #authorKey(Site, String)}
 * @param labelPoints  points per moderation label, keyed by the label in lower case
 */
public record ScoreRules(Map<String, Integer> authorPoints, Map<String, Integer> labelPoints) {

    public static final ScoreRules NONE = new ScoreRules(Map.of(), Map.of());

    /** Points a friend's comment gains and a foe's loses, unless the reader set others. */
    public static final int FRIEND_POINTS = 1;
    public static final int FOE_POINTS = -1;

    public ScoreRules {
        authorPoints = Map.copyOf(authorPoints);
        labelPoints = Map.copyOf(labelPoints);
    }

    /** How one comment's score came out. */
    public record Adjusted(Integer score, int delta, List<String> reasons) {
        public Adjusted {
            reasons = List.copyOf(reasons);
        }

        /** "+1 friend, −1 Funny", or an empty string when nothing applied. */
        public String explanation() {
            return String.join(", ", reasons);
        }
    }

    public static String authorKey(Site site, String author) {
        return site.id() + "\u0000" + author.toLowerCase(Locale.ROOT);
    }

    public boolean isEmpty() {
        return authorPoints.isEmpty() && labelPoints.isEmpty();
    }

    /** The author's points on that site, 0 when the reader has not marked them. */
    public int authorPoints(Site site, String author) {
        return author == null ? 0 : authorPoints.getOrDefault(authorKey(site, author), 0);
    }

    public int labelPoints(String label) {
        return label == null ? 0 : labelPoints.getOrDefault(label.toLowerCase(Locale.ROOT), 0);
    }

    /** The comment's score after the reader's adjustments; a comment without a score stays without one. */
    public Adjusted adjust(Site site, Comment comment) {
        Integer score = comment.score();
        if (score == null) {
            return new Adjusted(null, 0, List.of());
        }
        List<String> reasons = new ArrayList<>(2);
        int delta = 0;
        int author = authorPoints(site, comment.author());
        if (author != 0) {
            delta += author;
            reasons.add(signed(author) + (author > 0 ? " friend" : " foe"));
        }
        int label = labelPoints(comment.label());
        if (label != 0) {
            delta += label;
            reasons.add(signed(label) + " " + comment.label());
        }
        int adjusted = score + delta;
        if (site == Site.SLASHDOT) {
            adjusted = Math.max(-1, Math.min(5, adjusted));
        }
        return new Adjusted(adjusted, adjusted - score, reasons);
    }

    /** "+1", "−1" (with a real minus sign), "0". */
    public static String signed(int n) {
        return n > 0 ? "+" + n : n < 0 ? "\u2212" + (-n) : "0";
    }

    /** The same rules with an author's points set (0 removes the mark). */
    public ScoreRules withAuthor(Site site, String author, int points) {
        Map<String, Integer> copy = new TreeMap<>(authorPoints);
        if (points == 0) {
            copy.remove(authorKey(site, author));
        } else {
            copy.put(authorKey(site, author), points);
        }
        return new ScoreRules(copy, labelPoints);
    }

    /** The same rules with a label's bonus set (0 removes it). */
    public ScoreRules withLabel(String label, int points) {
        Map<String, Integer> copy = new TreeMap<>(labelPoints);
        if (points == 0) {
            copy.remove(label.toLowerCase(Locale.ROOT));
        } else {
            copy.put(label.toLowerCase(Locale.ROOT), points);
        }
        return new ScoreRules(authorPoints, copy);
    }
}
