/**
 * Forum engines: one parser per engine and era family (XenForo 1 and 2 and its comment widget, vBulletin 3/4 and 5,
 * phpBB 2 and 3, MyBB, SMF, Invision, Discourse), each recognising a page by its own post markup. Forums are flat:
 * the opening post becomes the story's author, date and summary, and a post's parent is the earlier post of the same
 * page that it quotes. {@code ForumThreads} turns the posts every parser reads into a thread, {@code ForumDates}
 * reads each engine's absolute and relative dates against the capture date, and {@code ForumHead} gives the canonical
 * thread URL without page, sort or session parameters so that pages 1..N merge into one story.
 *
 * <p>Uses the importer's contracts, {@code model} and jsoup only.
 */
package io.threadkeep.importer.forum;
