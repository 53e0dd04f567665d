/**
 * The Slashdot importer, one {@link io.threadkeep.importer.SiteParser} per family of Slashdot's markup:
 * {@link io.threadkeep.importer.slashdot.SlashdotCurrentParser} (2014 on),
 * {@link io.threadkeep.importer.slashdot.SlashdotD2Parser} (2008–2013),
 * {@link io.threadkeep.importer.slashdot.SlashdotThreadedParser} (2005–2007) and
 * {@link io.threadkeep.importer.slashdot.SlashdotTableParser} (1997–2005), registered in that order.
 *
 * <p>Decisions shared by all of them:
 * <ul>
 * <li>The story's merge key is {@code https://slashdot.org/story/YY/MM/DD/NNNNNNN}, from the sid in whatever address
 * form the page carries (canonical link, og:url, the saved-from URL, the story and "back to article" links).</li>
 * <li>Times are read as US Eastern ({@code America/New_York}, daylight saving included) unless the page names a
 * zone. Dates without a year take it from the story: the first such date not before the story's day.</li>
 * <li>The parent a page states (a "Parent" link, a one-liner's {@code pid=}, the D2 table) wins over nesting; a
 * named parent missing from the page becomes a placeholder.</li>
 * <li>Completeness: a whole body is FULL (also for D2 "oneline" entries whose body is not cut); a body cut with
 * D2's {@code span.substr} marker or listed in {@code D2.abbrev_comments} is ABBREVIATED; "Read the rest of this
 * comment..." is TRUNCATED; a one-line link of the threaded or table layout is ABBREVIATED with no text; a
 * collapsed D2 entry or a D2 table row is METADATA_ONLY.</li>
 * <li>Anonymous Coward (by name or uid 666) has a null author and author id.</li>
 * <li>Bodies leave out the " [example.com]" tag Slashdot prints after a link to that domain and signature blocks
 * ({@code .sig}).</li>
 * </ul>
 *
 * <p>Everything but the four parsers is package-private: {@code SlashdotEraParser} is the steps they share, and
 * the readers of the story head, comment lists, D2 metadata, dates and URLs are theirs alone. Uses the importer's
 * contracts, {@code model} and jsoup only; bodies go through {@link io.threadkeep.importer.SafeHtml} like every
 * site's.
 */
package io.threadkeep.importer.slashdot;
