/**
 * What every pane of the window shares: {@link io.threadkeep.ui.common.BackgroundTasks} (the one executor of named
 * daemon threads), {@link io.threadkeep.ui.common.UiSettings} (remembered reader state, kept in the archive and
 * written off the FX thread), {@link io.threadkeep.ui.common.Theme}, {@link io.threadkeep.ui.common.Formats} for dates
 * and counts, and {@link io.threadkeep.ui.common.LinkOpener}, the only way a link leaves the reader.
 *
 * <p>It depends on no other package of ours (settings reach the archive through the functions it is given) and not
 * even on JavaFX; only {@code Theme} names AtlantaFX's stylesheets. The panes depend on it, never the other way round.
 */
package io.threadkeep.ui.common;
