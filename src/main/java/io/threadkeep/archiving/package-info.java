/**
 * The archiving work that the CLI and the window share, where {@code importer} and {@code store} meet:
 * {@link io.threadkeep.archiving.ImportService} walks files and folders (leaving a browser's {@code NAME_files}
 * folder alone), hands each file to the importer and each parsed page to the store in its own transaction, and
 * reports one {@link io.threadkeep.archiving.FileResult} per page to an {@link io.threadkeep.archiving.ImportListener},
 * so one bad file never stops the rest; {@link io.threadkeep.archiving.RebuildService} re-derives stories from their
 * saved pages read again by today's parsers. Archive care (checks, backups) belongs here too.
 *
 * <p>It may use {@code importer}, {@code store} and {@code model}, and must not use JavaFX (ArchUnit checks this),
 * the UI or the CLI: progress and cancelling go through the listener.
 */
package io.threadkeep.archiving;
