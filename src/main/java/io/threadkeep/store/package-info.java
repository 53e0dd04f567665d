/**
 * The archive: one SQLite file (WAL, migrations in {@code Schema}, FTS5 indexes kept in step by triggers) and the only
 * package that speaks SQL. {@link io.threadkeep.store.ArchiveStore} saves each parsed page in one transaction,
 * merging it into its story by canonical URL so a fuller or later save improves comments and never makes one worse,
 * keeps every page's original bytes, and holds what the reader made (read marks, settings);
 * {@link io.threadkeep.store.SearchRepository} runs the full-text queries the search layer has already made safe.
 * {@link io.threadkeep.store.ArchiveLocation} knows where the file lives on each OS.
 *
 * <p>It may use {@code model}, the SQLite driver and Gson (for JSON columns); it must not use the importer, the
 * import service, the UI, the CLI, the app or JavaFX (ArchUnit checks this), so it stores threads without knowing
 * how a page was read or shown. Thread-safe: one connection, one caller at a time.
 */
package io.threadkeep.store;
