package io.threadkeep.bench.gen;

import io.threadkeep.model.Site;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Invented user names per site with Zipf-like activity: a few prolific posters (so an author filter has a heavy
 * hitter) and a long tail of people who post once.
 */
public final class UserPool {

    private final Map<Site, String[]> names = new EnumMap<>(Site.class);
    private final double[] cumulative;

    public UserPool(Vocabulary vocabulary, long seed, int size) {
        for (Site site : Site.values()) {
            Random random = new Random(seed * 31 + site.ordinal());
            Set<String> unique = new LinkedHashSet<>();
            while (unique.size() < size) {
                unique.add(TextGen.userName(vocabulary, random));
            }
            names.put(site, unique.toArray(String[]::new));
        }
        cumulative = new double[size];
        double sum = 0;
        for (int rank = 1; rank <= size; rank++) {
            sum += 1.0 / Math.pow(rank, 0.75);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= sum;
        }
    }

    public int draw(Site site, Random random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public String name(Site site, int user) {
        return names.get(site)[user];
    }

    /** Slashdot-style numeric uid: older (more active) accounts have smaller numbers. */
    public long numericId(Site site, int user) {
        return 1000L + user * 37L + (user % 7);
    }

    /** The most active user of a site: the author-filter query's subject. */
    public String mostActive(Site site) {
        return names.get(site)[0];
    }
}
