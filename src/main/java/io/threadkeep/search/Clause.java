package io.threadkeep.search;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One required part of a query: any of its alternatives must match ({@code a OR b OR c}); a plain word is a clause
 * with one alternative.
 */
public record Clause(List<Phrase> alternatives) {

    public Clause {
        alternatives = List.copyOf(alternatives);
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("a clause needs at least one alternative");
        }
    }

    static Clause of(Phrase phrase) {
        return new Clause(List.of(phrase));
    }

    Clause or(Phrase phrase) {
        List<Phrase> more = new java.util.ArrayList<>(alternatives);
        more.add(phrase);
        return new Clause(more);
    }

    String toFts() {
        if (alternatives.size() == 1) {
            return alternatives.get(0).toFts();
        }
        return alternatives.stream().map(Phrase::toFts).collect(Collectors.joining(" OR ", "(", ")"));
    }

    public String display() {
        return alternatives.stream().map(Phrase::display).collect(Collectors.joining(" OR "));
    }
}
