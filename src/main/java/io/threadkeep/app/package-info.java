/**
 * Wiring: {@link io.threadkeep.app.Main} is the jar's entry point and sends a command to the CLI or starts the window
 * without loading JavaFX on the CLI path; {@link io.threadkeep.app.ThreadkeepApp} opens the archive, creates the one
 * background executor, has {@link io.threadkeep.ui.window.ReaderWindowGraph} build the window's object graph (the
 * tests build theirs the same way), adds the archive's export toolbar, and closes them in order on exit. It also parses the window's own arguments and unpacks the bundled
 * sample pages for a first run.
 *
 * <p>The top of the graph: it may use every package, and nothing may use it (ArchUnit checks this for
 * {@code model}, {@code importer}, {@code store} and {@code ui}).
 * Behaviour belongs in the layers below; code here only creates and connects them.
 */
package io.threadkeep.app;
