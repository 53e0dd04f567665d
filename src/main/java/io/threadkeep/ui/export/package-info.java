/**
 * The window's archive care: the "Archive" menu (export the open story, export the search results, back up, check)
 * and the search pane's "Export…" button, each a background task on the window's executor with progress and
 * cancel, and the quick check at start-up after a session that did not close the archive.
 * {@link io.threadkeep.ui.export.ArchiveActions} builds the controls; {@link io.threadkeep.ui.export.ArchiveActionsModel}
 * runs the jobs through {@code service.ExportService}, {@code export} and {@code store.ArchiveCare}.
 *
 * <p>It may use {@code service}, {@code export}, the store's public API and JavaFX; formats, selection and SQL stay in
 * those layers. The window places its nodes through {@code ReaderWindow}'s two small hooks.
 */
package io.threadkeep.ui.export;
