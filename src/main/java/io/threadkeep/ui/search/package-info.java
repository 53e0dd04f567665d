/**
 * The search pane: a query field with results as you type, snippets with the matched words highlighted, stepping
 * through hits, and the author view. {@link io.threadkeep.ui.search.SearchPane} is the view, given its
 * {@link io.threadkeep.ui.search.SearchViewModel}, which runs searches through {@link io.threadkeep.search.SearchService} as tasks on the injected
 * executor, a moment after the last keystroke, and drops the result of a search a newer one replaced.
 *
 * <p>It may use {@code search}, {@code model}, the store's records and JavaFX; query syntax, ranking and SQL stay in
 * {@code search} and {@code store}. Opening a hit goes through the opener its owner (the reader's view-model) gives.
 */
package io.threadkeep.ui.search;
