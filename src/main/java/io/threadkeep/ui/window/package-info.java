/**
 * The reader window as a whole: {@link io.threadkeep.ui.window.ReaderViewModel} owns the library, thread, import and search
 * view-models and connects them (a picked story opens, an import refreshes the library, {@code openHit} opens a
 * search result at its comment), decides what to show at start and keeps theme and font size;
 * {@link io.threadkeep.ui.window.ReaderWindow} lays out the toolbar, the library beside the story, the search side
 * panel, the import strip and the status line, and saves the window's geometry;
 * {@link io.threadkeep.ui.window.ReaderWindowGraph} is the one place the three are built and connected.
 *
 * <p>It may use the other {@code ui} packages, {@code archiving}, {@code search}, {@code store} and JavaFX; what it is given (store,
 * executor, settings, link opener) is built by {@code app}, which it must not use (ArchUnit checks this).
 */
package io.threadkeep.ui.window;
