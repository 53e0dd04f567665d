/**
 * The comment body format, shared by the side that writes it and the side that reads it: the safe HTML subset a
 * body is stored in, its one link policy ({@link io.threadkeep.body.SafeLinks}: absolute http(s) only) and
 * {@link io.threadkeep.body.SafeHtmlReader}, which reads a stored body back into blocks of styled spans that the
 * reader lays out natively. The importer's {@code SafeHtml} writes the subset; the ui only ever reads it from here.
 *
 * <p>Uses {@code model} and jsoup only (jsoup to tokenise the stored subset); never the importer, store, search,
 * ui or JavaFX, so both sides can use it without depending on each other.
 */
package io.threadkeep.body;
