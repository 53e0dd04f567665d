/**
 * Stack Exchange question pages (Stack Overflow included; the Stacks layout and the older table layout): the
 * question is the story, answers are top-level comments with their score and accepted mark, comments on the
 * question are top-level too, and comments on an answer hang under it. The site's host stays in the story URL, so
 * {@code site:stackexchange} and {@code site:HOST} both find it.
 *
 * <p>Uses the importer's contracts, {@code model} and jsoup only.
 */
package io.threadkeep.importer.stackexchange;
