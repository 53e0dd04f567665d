/**
 * Lemmy post pages as lemmy-ui renders them: the post is the story (title, community as topic, poster, date, body),
 * and comments nest through their comment nodes with the author's profile link and a relative or absolute time.
 * Written from lemmy-ui's known markup; no real saved page was at hand to check it, only fixtures we wrote.
 *
 * <p>Uses the importer's contracts, {@code model} and jsoup only.
 */
package io.threadkeep.importer.lemmy;
