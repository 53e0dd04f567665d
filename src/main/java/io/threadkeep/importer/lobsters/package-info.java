/**
 * The Lobsters importer: {@link io.threadkeep.importer.lobsters.LobstersParser} reads story pages of both markup
 * generations (users at {@code /u/name} or {@code /~name}, scores in {@code div.score} or in the upvoter link, times as
 * titled spans or {@code time[data-at-unix]}), with replies nested through {@code li.comments_subtree}.
 * One class suffices because the two generations share the comment structure and differ only in those details.
 *
 * <p>Uses the importer's contracts, {@code model} and jsoup only.
 */
package io.threadkeep.importer.lobsters;
