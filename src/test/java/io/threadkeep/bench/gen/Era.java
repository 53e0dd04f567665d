package io.threadkeep.bench.gen;

import io.threadkeep.model.Site;

/** A site's markup generation that the generator can write. */
public enum Era {
    /** Slashdot 2014+: firehose {@code article} header, {@code li.comment} with {@code div.commentTop}. */
    SLASHDOT_CURRENT(Site.SLASHDOT, 2014, 2024),
    /** Slashdot 2008-2013 D2 discussion: {@code div.article} header, dates without a year. */
    SLASHDOT_D2(Site.SLASHDOT, 2008, 2013),
    /** Hacker News table markup with {@code td.ind[indent]}. */
    HACKERNEWS(Site.HACKERNEWS, 2016, 2024),
    /** Old Reddit (old.reddit.com): nested {@code div.thing.comment}. */
    REDDIT_OLD(Site.REDDIT, 2012, 2022),
    /** Lobsters: {@code li.comments_subtree > div.comment}. */
    LOBSTERS(Site.LOBSTERS, 2014, 2024);

    private final Site site;
    private final int firstYear;
    private final int lastYear;

    Era(Site site, int firstYear, int lastYear) {
        this.site = site;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    public Site site() {
        return site;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }
}
