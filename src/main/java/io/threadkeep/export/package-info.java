/**
 * Taking threads out of the archive: {@link io.threadkeep.export.Exporter} writes an
 * {@link io.threadkeep.export.ExportStory} (a story, its comments in thread order, optionally the reader's stars and
 * notes) as JSON, CommonMark, one self-contained HTML page or an mboxrd mailbox, byte-identical for the same input.
 * {@link io.threadkeep.export.ThreadExport} is the documented JSON shape; the CLI's {@code export} and the importer's
 * golden tests use the same writer, so the expected files of the golden pages are exports too. Fields only later
 * sites have (post number, accepted answer) appear only where a comment has them, so earlier exports keep their
 * bytes. Archived text is hostile: every writer neutralises it for its format and walks trees without recursion.
 *
 * <p>Works on {@code model} records with Gson and jsoup (to read the stored safe HTML): it may not use the store,
 * the importer, the UI or JavaFX (ArchUnit checks JavaFX), so callers load what they export.
 */
package io.threadkeep.export;
