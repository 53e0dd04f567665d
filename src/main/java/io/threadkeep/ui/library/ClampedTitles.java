package io.threadkeep.ui.library;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.text.Text;

/**
 * Keeps a wrapped label to a few lines: a ten-line Reddit AMA title would otherwise fill the library. The label
 * cuts its last line with an ellipsis (JavaFX does this for wrapped text that does not fit its height); the full
 * text goes in a tooltip.
 */
final class ClampedTitles {

    static final int TITLE_LINES = 3;

    private ClampedTitles() {
    }

    static void clamp(Label label, int lines) {
        label.setTextOverrun(OverrunStyle.ELLIPSIS);
        label.setMinHeight(0);
        label.maxHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.ceil(lineHeight(label) * lines + label.snappedTopInset() + label.snappedBottomInset()),
                label.fontProperty(), label.lineSpacingProperty(), label.paddingProperty()));
    }

    /** The height of one line of the label's font, as JavaFX lays out wrapped text. */
    static double lineHeight(Label label) {
        Text probe = new Text("Ag");
        probe.setFont(label.getFont());
        probe.setLineSpacing(label.getLineSpacing());
        return probe.getLayoutBounds().getHeight() + label.getLineSpacing();
    }
}
