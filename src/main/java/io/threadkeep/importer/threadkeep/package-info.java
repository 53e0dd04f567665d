/**
 * Threadkeep's own HTML export read back: {@link io.threadkeep.importer.threadkeep.ThreadkeepExportParser} takes the
 * thread's data from the page's inert {@code <script type="application/json">} block and the bodies from the page
 * itself, cleaned by {@code SafeHtml} like any other page, so an exported page imports into another archive as the
 * same thread with its original site and URL. It comes first among the parsers because the page holds any site.
 *
 * <p>Uses the importer's contracts, {@code model}, Gson and jsoup only; it trusts nothing in the file.
 */
package io.threadkeep.importer.threadkeep;
