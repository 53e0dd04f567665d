/**
 * The general reader for discussion pages of engines no site parser knows. {@code RepeatedPosts} finds the largest
 * group of repeated blocks that each carry an author, a date and a body of text; {@code GeneralReader} turns that
 * group into a flat thread of site {@code web} (nesting kept where the markup nests the blocks) and refuses, with the
 * reason, pages that are not discussions or whose structure is ambiguous. It is registered after every engine parser,
 * so an engine parser always wins. {@code LooseDates} reads common English and German date forms.
 *
 * <p>Uses the importer's contracts, {@code model} and jsoup only.
 */
package io.threadkeep.importer.web;
