package io.threadkeep.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one quantity, summarised as median, min, max and p95. */
final class Stats {

    private final List<Double> samples = new ArrayList<>();

    static Stats of(List<Double> values) {
        Stats s = new Stats();
        values.forEach(s::add);
        return s;
    }

    void add(double value) {
        samples.add(value);
    }

    int count() {
        return samples.size();
    }

    boolean isEmpty() {
        return samples.isEmpty();
    }

    private List<Double> sorted() {
        List<Double> copy = new ArrayList<>(samples);
        Collections.sort(copy);
        return copy;
    }

    double median() {
        List<Double> s = sorted();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    double min() {
        return sorted().get(0);
    }

    double max() {
        List<Double> s = sorted();
        return s.get(s.size() - 1);
    }

    /** Nearest-rank percentile. */
    double percentile(double p) {
        List<Double> s = sorted();
        int rank = (int) Math.ceil(p / 100.0 * s.size());
        return s.get(Math.max(0, Math.min(s.size() - 1, rank - 1)));
    }

    /** "median (min–max)" with the given number format. */
    String summary(String format) {
        if (samples.isEmpty()) {
            return "n/a";
        }
        if (samples.size() == 1) {
            return String.format(Locale.ROOT, format, median());
        }
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(), min(), max());
    }
}
