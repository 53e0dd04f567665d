/**
 * Mailing-list archives: Pipermail (Mailman 2) and Hypermail message pages. A thread is keyed by list and subject;
 * the first message is the story and each reply hangs under the message its In-Reply-To names where the page says
 * it. {@code MailText} turns a preformatted mail body into the safe subset, with quoted lines as quote blocks.
 * Written from the engines' known markup and checked on fixtures we wrote.
 *
 * <p>Uses the importer's contracts, {@code model} and jsoup only.
 */
package io.threadkeep.importer.mail;
