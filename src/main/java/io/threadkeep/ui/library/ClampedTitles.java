package io.threadkeep.ui.library;

import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.text.Text;

/**
 * A wrapped label kept to a few lines: a ten-line Reddit AMA title would otherwise fill the library. Its preferred
 * and minimum heights stop at that many lines, and JavaFX then cuts the last line with an ellipsis (it does so for
 * wrapped text that does not fit its height); the full text goes in a tooltip.
 */
final class ClampedTitles extends Label {

    static final int TITLE_LINES = 3;

    private final int lines;

    ClampedTitles(int lines) {
        this.lines = lines;
        setWrapText(true);
        setTextOverrun(OverrunStyle.ELLIPSIS);
    }

    /** The most the label may be tall: its lines of its font, plus its padding. */
    double clampHeight() {
        Text probe = new Text("Ag" + "\nAg".repeat(lines - 1));
        probe.setFont(getFont());
        probe.setLineSpacing(getLineSpacing());
        // Slack of under half a line: the label's own fit test measures lines a little taller than a Text does
        // and drops a last line that misses by a fraction; no further line fits in the slack.
        return Math.ceil(probe.getLayoutBounds().getHeight() + lineHeight() * 0.4 + snappedTopInset()
                + snappedBottomInset());
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.min(super.computePrefHeight(width), clampHeight());
    }

    @Override
    protected double computeMinHeight(double width) {
        // Never squeezed below the clamped height: the list row grows instead.
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return clampHeight();
    }

    /** The height of one line of the label's font, as JavaFX lays out wrapped text. */
    double lineHeight() {
        Text probe = new Text("Ag");
        probe.setFont(getFont());
        return probe.getLayoutBounds().getHeight() + getLineSpacing();
    }
}
