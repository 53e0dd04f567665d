/**
 * What a thread is, as every other layer speaks of it: {@link io.threadkeep.model.Story},
 * {@link io.threadkeep.model.Comment}, {@link io.threadkeep.model.ParsedThread} (one saved page's reading), the
 * {@link io.threadkeep.model.Site}s and the {@link io.threadkeep.model.Completeness} order that merging respects.
 * Records and small pure functions ({@link io.threadkeep.model.ThreadOrder}) only, so the importer, the store and the
 * reader agree on one vocabulary without knowing each other.
 *
 * <p>Depends on the JDK alone: no other package of ours, no JavaFX, no SQL, no jsoup (ArchUnit checks all but
 * the last). A type that needs any of those belongs to the layer that owns that need.
 */
package io.threadkeep.model;
