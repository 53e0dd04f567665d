/**
 * The import pipeline that the CLI and the window share: {@link io.threadkeep.service.ImportService} walks files and
 * folders (leaving a browser's {@code NAME_files} folder alone), hands each file to the importer and each parsed page
 * to the store in its own transaction, and reports one {@link io.threadkeep.service.FileResult} per page to an
 * {@link io.threadkeep.service.ImportListener}, so one bad file never stops the rest.
 *
 * <p>It is the one place where {@code importer} and {@code store} meet; it may use both and {@code model}, and must
 * not use JavaFX (ArchUnit checks this), the UI or the CLI: progress and cancelling go through the listener.
 */
package io.threadkeep.service;
