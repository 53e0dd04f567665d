/**
 * The story pane, the reader's centre: {@link io.threadkeep.ui.thread.ThreadViewModel} holds the open story, the
 * visible rows, selection, thresholds, sort, find and read marks; {@code ThreadModel} keeps a thread of any size as
 * flat arrays and recomputes the rows in one linear pass when a fold, threshold or sort changes; {@code LoadStoryTask}
 * reads a story and lays out its rows off the FX thread. {@link io.threadkeep.ui.thread.ThreadView} binds to the
 * view-model, {@code CommentCell} draws one row of the virtualised list and {@code BodyRenderer} lays a body out as
 * native text (nothing is ever loaded; a link goes to the browser only when clicked).
 *
 * <p>It may use {@code model}, the store (through tasks, never on the FX thread), {@code ui.common} and
 * JavaFX, and reads comment bodies through {@code body.SafeHtmlReader}; never the importer.
 */
package io.threadkeep.ui.thread;
