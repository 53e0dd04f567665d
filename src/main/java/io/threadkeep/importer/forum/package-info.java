/**
 * The forum engines' importers, one {@link io.threadkeep.importer.SiteParser} per engine family: phpBB, vBulletin
 * (3/4 and 5), XenForo (thread pages and the embedded widget), MyBB, SMF, Invision and Discourse. Each reads a
 * thread page into a flat, post-numbered thread; {@code ForumThreads}, {@code ForumPost}, {@code ForumHead},
 * {@code ForumMarkup} and {@code ForumDates} hold what the engines share (thread heads, post bodies, quotes,
 * the many date formats).
 *
 * <p>Uses the importer's contracts, {@code model} and jsoup only; never the store, search or ui. Bodies go through
 * {@link io.threadkeep.importer.SafeHtml} like every site's.
 */
package io.threadkeep.importer.forum;
