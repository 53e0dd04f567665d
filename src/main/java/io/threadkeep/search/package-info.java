/**
 * Searching the archive from what a person typed: {@link io.threadkeep.search.QueryParser} turns any string into a
 * {@link io.threadkeep.search.SearchQuery} (words, phrases, OR, exclusions, prefixes, filters, with notes on what it
 * ignored), {@link io.threadkeep.search.QueryCompiler} turns that into the store's {@code SearchSpec} built from
 * quoted tokens only, so no input reaches FTS5 as syntax, and {@link io.threadkeep.search.SearchService} runs it and
 * returns {@link io.threadkeep.search.SearchHit}s with {@link io.threadkeep.search.Snippet}s. It is the one engine
 * behind the CLI's {@code search} and the window's search pane.
 *
 * <p>It may use {@code model} and the {@code store}'s search API; it writes no SQL itself and must not use JavaFX
 * (ArchUnit checks both), the importer or the UI.
 */
package io.threadkeep.search;
