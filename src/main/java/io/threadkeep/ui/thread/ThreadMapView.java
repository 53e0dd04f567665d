package io.threadkeep.ui.thread;

import java.util.List;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A narrow strip beside the comment tree drawing the whole thread: each top-level sub-thread is a band as tall as its
 * share of the comments, shaded by its score; ticks mark unread comments (left), comments new since the last save
 * (right) and find matches (across); a frame shows what the list shows. Click or drag jumps to a sub-thread; with
 * the keyboard, Up and Down move between sub-threads.
 *
 * <p>Drawn on one canvas: a node per band would be thousands of nodes on a big thread. The layout comes from the
 * view-model, computed off the FX thread; painting only scales positions to pixels.
 */
final class ThreadMapView extends Region {

    static final double WIDTH = 22;

    private final ThreadViewModel vm;
    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private ThreadMap map = ThreadMap.EMPTY;
    private int viewFrom = -1;
    private int viewTo = -1;
    private int lastJumpBand = -1;
    private long lastPaintNanos;

    ThreadMapView(ThreadViewModel vm) {
        this.vm = vm;
        setId("threadMap");
        getStyleClass().add("thread-map");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.SCROLL_BAR);
        setAccessibleText("Thread map");
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        getChildren().add(canvas);
        Tooltip.install(this, tip);
        vm.threadMapProperty().addListener((obs, old, m) -> {
            map = m;
            paint();
        });
        widthProperty().addListener(o -> requestLayout());
        heightProperty().addListener(o -> requestLayout());
        // Colours come from the stylesheet (named colours per theme): repaint when they change.
        styleProperty().addListener(o -> paint());
        getStyleClass().addListener((javafx.collections.ListChangeListener<String>) c -> paint());
        setOnMousePressed(this::jump);
        setOnMouseDragged(this::jump);
        setOnMouseReleased(e -> lastJumpBand = -1);
        setOnMouseMoved(e -> {
            int band = bandAtY(e.getY());
            tip.setText(band < 0 ? "" : describe(map.bands().get(band), band));
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                int current = map.bandAt(positionOf(vm.selectedItem()));
                int next = current + (e.getCode() == KeyCode.DOWN ? 1 : -1);
                if (next >= 0 && next < map.bands().size()) {
                    vm.jumpTo(map.bands().get(next).item());
                }
                e.consume();
            }
        });
    }

    private int positionOf(int item) {
        return item < 0 || vm.model() == null ? 0 : vm.model().sequencePosition(item);
    }

    private String describe(ThreadMap.Band band, int index) {
        String who = vm.model() == null ? "" : vm.model().comment(band.item()).author();
        return "Thread " + (index + 1) + " of " + map.bands().size() + " · "
                + io.threadkeep.ui.common.Formats.count(band.count(), "comment", "comments")
                + (who == null ? "" : " · " + who)
                + (Double.isNaN(band.score()) ? "" : String.format(java.util.Locale.ROOT, " · mean score %.1f",
                band.score()));
    }

    /** The rows the list shows, as sequence positions, for the frame. */
    void setViewport(int fromPosition, int toPosition) {
        if (fromPosition != viewFrom || toPosition != viewTo) {
            viewFrom = fromPosition;
            viewTo = toPosition;
            paint();
        }
    }

    /** Nanoseconds the last paint took (for the benchmark). */
    long lastPaintNanos() {
        return lastPaintNanos;
    }

    ThreadMap map() {
        return map;
    }

    private void jump(MouseEvent e) {
        requestFocus();
        int band = bandAtY(e.getY());
        if (band >= 0 && band != lastJumpBand) {
            lastJumpBand = band;
            vm.jumpTo(map.bands().get(band).item());
        }
        e.consume();
    }

    int bandAtY(double y) {
        if (map.size() == 0 || getHeight() <= 0) {
            return -1;
        }
        return map.bandAt((int) Math.floor(y / getHeight() * map.size()));
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            paint();
        }
    }

    /** Draws every band and mark; a few thousand rectangles at most, a row of pixels per mark. */
    void paint() {
        long start = System.nanoTime();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        boolean dark = getScene() != null && getScene().getRoot().getStyleClass().stream()
                .anyMatch(c -> c.equals("theme-dark") || c.equals("theme-high-contrast"));
        Color background = dark ? Color.web("#161b22") : Color.web("#f6f8fa");
        Color low = dark ? Color.web("#2d333b") : Color.web("#dde3ea");
        Color high = dark ? Color.web("#3b82c4") : Color.web("#3a7bd5");
        g.setFill(background);
        g.fillRect(0, 0, w, h);
        if (map.size() == 0 || h <= 0) {
            lastPaintNanos = System.nanoTime() - start;
            return;
        }
        double scale = h / map.size();
        List<ThreadMap.Band> bands = map.bands();
        for (ThreadMap.Band band : bands) {
            double y = band.from() * scale;
            double bh = Math.max(1, band.count() * scale);
            g.setFill(low.interpolate(high, band.shade()));
            g.fillRect(4, y, w - 8, bh);
            if (bh >= 4) {
                // A gap between bands tall enough to show one.
                g.setFill(background);
                g.fillRect(4, y, w - 8, 1);
            }
        }
        marks(g, map.unreadPositions(), scale, 0, 3, dark ? Color.web("#58a6ff") : Color.web("#0969da"));
        marks(g, map.freshPositions(), scale, w - 3, 3, dark ? Color.web("#f0883e") : Color.web("#d4700a"));
        marks(g, map.hitPositions(), scale, 2, w - 4, dark ? Color.web("#e3b341") : Color.web("#e6a700"));
        if (viewFrom >= 0 && viewTo >= viewFrom) {
            double y = viewFrom * scale;
            double vh = Math.max(3, (viewTo - viewFrom + 1) * scale);
            g.setStroke(dark ? Color.web("#e6edf3") : Color.web("#24292f"));
            g.setLineWidth(1.5);
            g.strokeRect(1, y + 0.75, w - 2, vh - 1.5);
        }
        lastPaintNanos = System.nanoTime() - start;
    }

    /** One rectangle per run of marked pixel rows, so thousands of marks cost a few draws. */
    private static void marks(GraphicsContext g, int[] positions, double scale, double x, double width, Color colour) {
        if (positions.length == 0) {
            return;
        }
        g.setFill(colour);
        int runStart = -1;
        int runEnd = -1;
        for (int p : positions) {
            int y0 = (int) Math.floor(p * scale);
            int y1 = Math.max(y0 + 1, (int) Math.ceil((p + 1) * scale));
            if (runStart >= 0 && y0 <= runEnd) {
                runEnd = Math.max(runEnd, y1);
            } else {
                if (runStart >= 0) {
                    g.fillRect(x, runStart, width, runEnd - runStart);
                }
                runStart = y0;
                runEnd = y1;
            }
        }
        g.fillRect(x, runStart, width, runEnd - runStart);
    }
}
