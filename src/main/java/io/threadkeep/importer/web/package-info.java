/**
 * The general reader for discussion pages of engines no site parser knows: {@link
 * io.threadkeep.importer.web.GeneralReader} finds the page's repeated post structure ({@code RepeatedPosts}),
 * its authors, dates ({@code LooseDates}) and bodies, and files the thread under site {@code WEB} by the page's
 * canonical URL. It runs after every engine parser and refuses, with a reason, what it cannot read without guessing.
 *
 * <p>Uses the importer's contracts, {@code model} and jsoup only; never the store, search or ui.
 */
package io.threadkeep.importer.web;
