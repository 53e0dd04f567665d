/**
 * The importer's front door and contracts: {@link io.threadkeep.importer.PageImporter} turns a saved file into
 * {@link io.threadkeep.importer.PageOutcome}s (parsed thread with warnings, skipped with a reason, or failed with a
 * reason) by unwrapping {@link io.threadkeep.importer.ContainerReader}s, decoding bytes as browsers do
 * ({@link io.threadkeep.importer.HtmlDecoder}), undoing saving tools ({@link io.threadkeep.importer.PageRewriter})
 * and offering the page to each {@link io.threadkeep.importer.SiteParser} in the order
 * {@code StandardParsers} registers them. {@link io.threadkeep.importer.SafeHtml} writes every body in the safe
 * HTML subset that the {@code body} package defines (its link policy) and reads back for the reader.
 *
 * <p>Pure: bytes or a DOM in, {@code model} records out; it reads the one file it is handed and writes nothing. It
 * may use {@code model}, {@code body}, jsoup and the charset detector (sub-packages add what their formats need: Gson, jwarc,
 * mime4j); it must not use {@code store}, {@code archiving}, {@code search}, {@code ui}, {@code cli}, {@code app},
 * JavaFX or SQL (ArchUnit checks this).
 */
package io.threadkeep.importer;
