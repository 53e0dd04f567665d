/**
 * Taking threads out of the archive in documented formats: {@link io.threadkeep.export.ThreadExport} writes one story
 * and its comments as JSON, flat in depth-first thread order. The CLI's {@code export} and the importer's golden
 * tests use the same writer, so the expected files of the golden pages are exports too. Fields only later sites
 * have (post number, accepted answer) appear only where a comment has them, so earlier exports keep their bytes.
 *
 * <p>Works on {@code model} records only (with Gson): it may not use the store, the importer, the UI or JavaFX
 * (ArchUnit checks JavaFX), so callers load what they export.
 */
package io.threadkeep.export;
