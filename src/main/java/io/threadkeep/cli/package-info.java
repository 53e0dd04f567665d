/**
 * The command line ({@code import}, {@code list}, {@code export}, {@code search}), one picocli command class each,
 * sharing {@link io.threadkeep.cli.ArchiveOptions} for {@code --db}. {@link io.threadkeep.cli.Cli} owns the exit codes
 * (0 success, 1 some input failed, 2 usage) and turns every error into one line on stderr, never a stack trace.
 *
 * <p>The only package that writes to standard output (ArchUnit checks this). It may use the services of the other
 * layers ({@code archiving}, {@code search}, {@code store}, {@code export}, {@code importer}, {@code model}) but never
 * JavaFX, so commands run headless and never start the toolkit.
 */
package io.threadkeep.cli;
