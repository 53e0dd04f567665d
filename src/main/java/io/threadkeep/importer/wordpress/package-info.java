/**
 * WordPress comment sections ({@code wp_list_comments} markup in any theme) and the wpDiscuz plugin: the blog post
 * is the story, comments nest through their {@code children} lists. Pingbacks and trackbacks are not comments by
 * people and are left out with a warning; a post with no comments is not a thread. wpDiscuz bodies cut with a
 * "read more" are kept as abbreviated, so a fuller save replaces them.
 *
 * <p>Uses the importer's contracts, {@code model} and jsoup only.
 */
package io.threadkeep.importer.wordpress;
