/**
 * The Reddit importer, one {@link io.threadkeep.importer.SiteParser} per design: {@link
 * io.threadkeep.importer.reddit.OldRedditParser} (2008 to today's old.reddit.com, read from data attributes so any
 * interface language works), {@link io.threadkeep.importer.reddit.NewRedditParser} (2018–2022, the rendered comments
 * plus the fuller tree in the page state) and {@link io.threadkeep.importer.reddit.ShredditParser} (2023 on, web
 * components). {@code RedditLinks} reduces the three designs' ids and URLs to one canonical form, so saves of one
 * thread in different designs merge; {@code RichTextJson} turns the page state's rich text into HTML.
 *
 * <p>Uses the importer's contracts, {@code model}, jsoup and Gson (for the page state) only.
 */
package io.threadkeep.importer.reddit;
