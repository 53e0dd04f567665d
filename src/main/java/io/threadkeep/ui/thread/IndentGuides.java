package io.threadkeep.ui.thread;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/** The indentation of a comment: one thin vertical line per ancestor level, so a reply's thread can be followed. */
final class IndentGuides extends Pane {

    /** Deeper replies stop moving right, so the text keeps a readable width. */
    static final int MAX_LEVELS = 12;

    private final double step;
    private int levels;

    IndentGuides(double step) {
        this.step = step;
        getStyleClass().add("indent-guides");
        setMinWidth(Region.USE_PREF_SIZE);
        setMaxWidth(Region.USE_PREF_SIZE);
    }

    /** Sets the depth (0 = top level, no indent). */
    void setDepth(int depth) {
        int wanted = Math.min(depth, MAX_LEVELS);
        if (wanted == levels) {
            return;
        }
        List<Node> children = getChildren();
        while (children.size() < wanted) {
            Region line = new Region();
            line.getStyleClass().add("thread-line");
            line.setManaged(false);
            children.add(line);
        }
        while (children.size() > wanted) {
            children.remove(children.size() - 1);
        }
        levels = wanted;
        setPrefWidth(levels * step);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double h = getHeight();
        List<Node> children = getChildren();
        for (int i = 0; i < children.size(); i++) {
            Node line = children.get(i);
            line.resizeRelocate(Math.round(i * step + step / 2), 0, 1, h);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return levels * step;
    }
}
