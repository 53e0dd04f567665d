/**
 * The Hacker News importer, one {@link io.threadkeep.importer.SiteParser} per generation of item pages:
 * {@link io.threadkeep.importer.hackernews.HackerNewsAthingParser} ({@code tr.athing} rows, about 2014 on) and
 * {@link io.threadkeep.importer.hackernews.HackerNewsTableParser} (the nested tables of 2007 to about 2014, including
 * the "More" continuation pages that carry no story header and attach through their {@code fnid} key).
 * {@code HackerNewsReader} holds what both generations share (story head, bylines, bodies, dead/flagged states);
 * {@code HackerNewsLinks} and {@code HackerNewsTimes} read ids, keys and times in whatever form a saving tool left
 * them.
 *
 * <p>Uses the importer's contracts, {@code model} and jsoup only; bodies go through
 * {@link io.threadkeep.importer.SafeHtml} like every site's.
 */
package io.threadkeep.importer.hackernews;
