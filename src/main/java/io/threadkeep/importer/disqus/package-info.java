/**
 * Disqus comments present in a saved page's DOM (the embed's rendered markup): the host page's article is the
 * story, posts nest through Disqus's children lists with author, relative or absolute date and votes. Comments that
 * lived in an unsaved iframe are not there to read. Written from Disqus's known markup, checked on fixtures we wrote.
 *
 * <p>Uses the importer's contracts, {@code model} and jsoup only.
 */
package io.threadkeep.importer.disqus;
