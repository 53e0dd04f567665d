/**
 * The library pane: every story of the archive with its site, date, saved and declared comment counts and unread
 * count. {@link io.threadkeep.ui.library.LibraryViewModel} loads and deletes on the background executor, folding
 * refreshes asked for meanwhile into one, and filters and sorts as the reader types;
 * {@link io.threadkeep.ui.library.LibraryView} binds to it.
 *
 * <p>It may use the store's story list ({@code StorySummary}), {@code ui.common} and JavaFX; it writes no SQL and
 * knows nothing of the other panes (the window connects a picked story to the thread pane).
 */
package io.threadkeep.ui.library;
