/**
 * Imports started from the window (file chooser, drag and drop, files on the command line):
 * {@link io.threadkeep.ui.importing.ImportViewModel} runs the {@code archiving} layer's
 * {@link io.threadkeep.archiving.ImportService} as a cancellable {@code ImportTask} with progress per file, and
 * {@link io.threadkeep.ui.importing.ImportPanel} is the strip at the bottom of the window that shows progress, then the
 * summary with the reason for every page skipped or failed.
 *
 * <p>It may use {@code archiving} and JavaFX; it reads no files itself and touches neither the importer nor the store
 * directly, so the window imports exactly as the CLI does.
 */
package io.threadkeep.ui.importing;
