package io.threadkeep.search;

import java.util.List;

/**
 * Words that must appear next to each other, in order; a single word is a phrase of one. With {@code prefix} the
 * last word matches any word starting with it.
 *
 * @param words  lower-cased words as {@link Tokens} splits them; never empty
 * @param prefix whether the last word is a prefix
 */
public record Phrase(List<String> words, boolean prefix) {

    public Phrase {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a phrase needs at least one word");
        }
    }

    /** The phrase as an FTS5 string: quoted, so nothing in it can be read as syntax. */
    String toFts() {
        // Tokens hold only letters, digits and marks, so they contain no double quote to escape.
        return "\"" + String.join(" ", words) + "\"" + (prefix ? "*" : "");
    }

    /** The phrase as a user would type it, for messages. */
    public String display() {
        String joined = String.join(" ", words);
        return (words.size() > 1 ? "\"" + joined + "\"" : joined) + (prefix ? "*" : "");
    }
}
