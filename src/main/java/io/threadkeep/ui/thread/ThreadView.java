package io.threadkeep.ui.thread;

import io.threadkeep.ui.thread.ThreadModel.Row;
import io.threadkeep.ui.thread.ThreadModel.SortOrder;
import io.threadkeep.ui.thread.ThreadViewModel.Scroll;
import io.threadkeep.ui.thread.ThreadViewModel.Selection;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The story pane: header, the thread toolbar, the comment list and the find bar. It binds to a
 * {@link ThreadViewModel} and forwards the reader's keys and clicks to its commands.
 */
public final class ThreadView extends StackPane {

    private final ThreadViewModel vm;
    private final ListView<Row> list = new ListView<>();
    private final StoryHeaderView header;
    private final HBox findBar = new HBox();
    private final TextField findField = new TextField();
    private final VBox emptyState = new VBox();
    private final Runnable postLayout = this::afterLayout;
    private final ThreadMapView map;
    private boolean syncingSelection;
    private int lastFirstRow = -1;
    private int lastLastRow = -1;
    private List<Row> lastRows;
    /** Any change of rows may put other comments on screen at the same indexes. */
    private boolean rowsChangedSinceLast = true;

    /**
     * @param vm          the story state
     * @param zone        the zone dates are shown in
     * @param onImport    the "Import saved pages…" action shown when no story is open
     * @param linkHovered gets the target of the link under the pointer (null when it leaves), for a status bar
     */
    public ThreadView(ThreadViewModel vm, ZoneId zone, Runnable onImport, Consumer<String> linkHovered) {
        this.vm = vm;
        getStyleClass().add("thread-view");
        setId("threadView");
        BodyRenderer renderer = new BodyRenderer(vm::openLink, linkHovered);
        header = new StoryHeaderView(vm, renderer, zone);

        list.setId("commentList");
        list.getStyleClass().add("comment-list");
        list.setItems(vm.rows());
        list.setCellFactory(v -> new CommentCell(vm, renderer, vm::bodyBlocks, zone));
        Label noComments = new Label("No comments were saved for this story.");
        noComments.getStyleClass().add("empty-note");
        list.setPlaceholder(noComments);
        VBox.setVgrow(list, Priority.ALWAYS);

        map = new ThreadMapView(vm);
        HBox.setHgrow(list, Priority.ALWAYS);
        HBox tree = new HBox(list, map);
        tree.getStyleClass().add("thread-tree");
        BorderPane story = new BorderPane();
        story.setTop(new VBox(header, toolbar()));
        story.setCenter(tree);
        story.setBottom(findBar());
        story.visibleProperty().bind(vm.storyProperty().isNotNull());

        buildEmptyState(onImport);
        emptyState.visibleProperty().bind(vm.storyProperty().isNull());
        getChildren().addAll(emptyState, story);

        list.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (!syncingSelection && index.intValue() >= 0) {
                vm.selectRow(index.intValue());
            }
        });
        vm.selectionProperty().addListener((obs, old, selection) -> applySelection(selection));
        vm.highlightedItemProperty().addListener((obs, old, item) -> list.refresh());
        vm.marksVersionProperty().addListener((obs, old, v) -> list.refresh());
        vm.rows().addListener((javafx.collections.ListChangeListener<Row>) change -> rowsChangedSinceLast = true);
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        list.setContextMenu(contextMenu());
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(postLayout);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(postLayout);
            }
        });
    }

    /** Moves keyboard focus to the comment list. */
    public void focusComments() {
        list.requestFocus();
    }

    private Node toolbar() {
        Button collapseAll = new Button("Collapse all");
        collapseAll.setId("collapseAllButton");
        collapseAll.setOnAction(e -> vm.collapseAll());
        collapseAll.setTooltip(new Tooltip("Collapse every thread to its first comment"));
        Button expandAll = new Button("Expand all");
        expandAll.setId("expandAllButton");
        expandAll.setOnAction(e -> vm.expandAll());

        ComboBox<SortOrder> sort = new ComboBox<>(FXCollections.observableArrayList(SortOrder.values()));
        sort.setId("sortChoice");
        sort.setPrefWidth(134);
        sort.setValue(vm.sortOrderProperty().get());
        sort.valueProperty().addListener((obs, old, value) -> vm.setSortOrder(value));
        vm.sortOrderProperty().addListener((obs, old, value) -> sort.setValue(value));

        List<Integer> levels = new ArrayList<>();
        for (int t = ThreadModel.MIN_THRESHOLD; t <= ThreadModel.MAX_THRESHOLD; t++) {
            levels.add(t);
        }
        ComboBox<Integer> full = new ComboBox<>(FXCollections.observableArrayList(levels));
        full.setId("fullThreshold");
        full.setPrefWidth(62);
        full.setTooltip(new Tooltip("Comments scored below this show as one line"));
        full.setValue(vm.fullThresholdProperty().get());
        ComboBox<Integer> hide = new ComboBox<>(FXCollections.observableArrayList(levels));
        hide.setId("hideThreshold");
        hide.setPrefWidth(62);
        hide.setTooltip(new Tooltip("Comments scored below this are hidden, with a count"));
        hide.setValue(vm.hideThresholdProperty().get());
        full.valueProperty().addListener((obs, old, value) -> {
            if (value != null && value != vm.fullThresholdProperty().get()) {
                vm.setThresholds(value, Math.min(vm.hideThresholdProperty().get(), value));
            }
        });
        hide.valueProperty().addListener((obs, old, value) -> {
            if (value != null && value != vm.hideThresholdProperty().get()) {
                vm.setThresholds(Math.max(vm.fullThresholdProperty().get(), value), value);
            }
        });
        vm.fullThresholdProperty().addListener((obs, old, value) -> full.setValue(value.intValue()));
        vm.hideThresholdProperty().addListener((obs, old, value) -> hide.setValue(value.intValue()));

        Button markRead = new Button("Mark all read");
        markRead.setId("markAllReadButton");
        markRead.setOnAction(e -> vm.markAllRead());
        Button nextUnread = new Button("Next unread");
        nextUnread.setId("nextUnreadButton");
        nextUnread.setTooltip(new Tooltip("The next comment you have not read (n)"));
        nextUnread.setOnAction(e -> {
            vm.selectNextUnread();
            list.requestFocus();
        });
        Button scoring = new Button("Scoring…");
        scoring.setId("scoringButton");
        scoring.setTooltip(new Tooltip("Your own scoring: friends, foes and label bonuses"));
        scoring.setOnAction(e -> new ScoringDialog(vm).showFor(getScene() == null ? null : getScene().getWindow()));
        Button find = new Button("Find");
        find.setId("findButton");
        find.setTooltip(new Tooltip("Find in this thread (Ctrl+F)"));
        find.setOnAction(e -> openFind());

        // Groups stay whole and wrap onto a second line in a narrow window.
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(
                group(collapseAll, expandAll),
                group(label("Sort", sort), sort),
                group(label("One line below", full), full, label("Hide below", hide), hide),
                group(nextUnread, markRead, find, scoring));
        bar.getStyleClass().add("thread-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinWidth(0);
        return bar;
    }

    private static Label label(String text, Node target) {
        Label label = new Label(text);
        label.setLabelFor(target);
        label.getStyleClass().add("toolbar-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(nodes);
        box.getStyleClass().add("toolbar-group");
        box.setAlignment(Pos.CENTER_LEFT);
        for (Node n : nodes) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
            if (!(n instanceof Label)) {
                n.getStyleClass().add("small");
            }
        }
        return box;
    }

    private Node findBar() {
        findField.setId("findField");
        findField.setPromptText("Find in this thread");
        findField.setOnAction(e -> {
            if (findField.getText().equals(vm.findQueryProperty().get())) {
                vm.findNext();
            } else {
                vm.find(findField.getText());
            }
        });
        findField.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                closeFind();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
                vm.findPrevious();
                e.consume();
            }
        });
        Button next = new Button("Next");
        next.setId("findNext");
        next.setOnAction(e -> findStep(true));
        Button previous = new Button("Previous");
        previous.setId("findPrevious");
        previous.setOnAction(e -> findStep(false));
        Label status = new Label();
        status.setId("findStatus");
        status.getStyleClass().add("find-status");
        status.textProperty().bind(vm.findStatusProperty());
        Button close = new Button("Close");
        close.setId("findClose");
        close.setOnAction(e -> closeFind());
        HBox.setHgrow(findField, Priority.ALWAYS);
        findField.setMaxWidth(420);
        findBar.getChildren().addAll(new Label("Find"), findField, previous, next, status);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        findBar.getChildren().addAll(spacer, close);
        findBar.setId("findBar");
        findBar.getStyleClass().add("find-bar");
        findBar.setAlignment(Pos.CENTER_LEFT);
        findBar.visibleProperty().bind(vm.findVisibleProperty());
        findBar.managedProperty().bind(vm.findVisibleProperty());
        return findBar;
    }

    private void findStep(boolean forward) {
        if (!findField.getText().equals(vm.findQueryProperty().get())) {
            vm.find(findField.getText());
        } else if (forward) {
            vm.findNext();
        } else {
            vm.findPrevious();
        }
    }

    private void openFind() {
        vm.showFind();
        findField.requestFocus();
        findField.selectAll();
    }

    private void closeFind() {
        vm.hideFind();
        findField.clear();
        list.refresh();
        list.requestFocus();
    }

    private void buildEmptyState(Runnable onImport) {
        Label title = new Label("No story open");
        title.getStyleClass().add("empty-title");
        Label hint = new Label("Pick a story in the library, or bring in pages you saved from Slashdot, Hacker News,"
                + " Reddit or Lobsters.");
        hint.setWrapText(true);
        hint.getStyleClass().add("empty-hint");
        Button importButton = new Button("Import saved pages…");
        importButton.setId("emptyImportButton");
        importButton.getStyleClass().add("accent");
        importButton.setOnAction(e -> onImport.run());
        emptyState.getChildren().addAll(title, hint, importButton);
        emptyState.setAlignment(Pos.CENTER);
        emptyState.getStyleClass().add("empty-state");
        emptyState.setMaxWidth(460);
    }

    private ContextMenu contextMenu() {
        MenuItem copyText = new MenuItem("Copy text");
        copyText.setId("menuCopyText");
        copyText.setOnAction(e -> copy(vm.selectedText()));
        MenuItem copyLink = new MenuItem("Copy link");
        copyLink.setId("menuCopyLink");
        copyLink.setOnAction(e -> copy(vm.selectedLink()));
        MenuItem openOriginal = new MenuItem("Open original");
        openOriginal.setId("menuOpenOriginal");
        openOriginal.setOnAction(e -> vm.openSelectedOriginal());
        MenuItem collapseThread = new MenuItem("Collapse thread");
        collapseThread.setId("menuCollapseThread");
        collapseThread.setOnAction(e -> vm.collapseSelectedThread());
        MenuItem star = new MenuItem("Star (s)");
        star.setId("menuStar");
        star.setOnAction(e -> vm.toggleStarSelected());
        MenuItem note = new MenuItem("Note…");
        note.setId("menuNote");
        note.setOnAction(e -> editNote());
        MenuItem friend = new MenuItem("Author is a friend (+1)");
        friend.setId("menuFriend");
        friend.setOnAction(e -> vm.setAuthorPoints(vm.selectedItem(), io.threadkeep.model.ScoreRules.FRIEND_POINTS));
        MenuItem foe = new MenuItem("Author is a foe (\u22121)");
        foe.setId("menuFoe");
        foe.setOnAction(e -> vm.setAuthorPoints(vm.selectedItem(), io.threadkeep.model.ScoreRules.FOE_POINTS));
        MenuItem neutral = new MenuItem("Author is neither friend nor foe");
        neutral.setId("menuNeutral");
        neutral.setOnAction(e -> vm.setAuthorPoints(vm.selectedItem(), 0));
        MenuItem markAllRead = new MenuItem("Mark all read");
        markAllRead.setOnAction(e -> vm.markAllRead());
        // The keyboard's moves, for the mouse.
        MenuItem nextUnread = new MenuItem("Next unread (n)");
        nextUnread.setOnAction(e -> vm.selectNextUnread());
        MenuItem parent = new MenuItem("Parent (p)");
        parent.setOnAction(e -> vm.selectParent());
        MenuItem nextThread = new MenuItem("Next thread (t)");
        nextThread.setOnAction(e -> vm.selectTopLevel(true));
        MenuItem previousThread = new MenuItem("Previous thread (T)");
        previousThread.setOnAction(e -> vm.selectTopLevel(false));
        ContextMenu menu = new ContextMenu(copyText, copyLink, openOriginal, new SeparatorMenuItem(), star, note,
                friend, foe, neutral, new SeparatorMenuItem(), collapseThread, markAllRead, new SeparatorMenuItem(),
                nextUnread, parent, nextThread, previousThread);
        menu.setOnShowing(e -> {
            int item = vm.selectedItem();
            star.setText(vm.mark(item).starred() ? "Remove star (s)" : "Star (s)");
            note.setText(vm.mark(item).hasNote() ? "Edit note…" : "Note…");
            int points = vm.authorPointsOfSelected();
            friend.setDisable(points > 0);
            foe.setDisable(points < 0);
            neutral.setDisable(points == 0);
        });
        return menu;
    }

    /** Edits the selected comment's private note in a small dialog. */
    void editNote() {
        int item = vm.selectedItem();
        if (item < 0 || vm.model() == null) {
            return;
        }
        javafx.scene.control.Dialog<String> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle("Note");
        String author = vm.model().comment(item).author();
        dialog.setHeaderText("A private note on " + (author == null ? "this comment" : author + "'s comment")
                + ". Blank removes it.");
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(vm.mark(item).note());
        text.setId("noteText");
        text.setWrapText(true);
        text.setPrefRowCount(5);
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().setId("noteDialog");
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK ? text.getText() : null);
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
            dialog.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
        }
        javafx.application.Platform.runLater(text::requestFocus);
        dialog.showAndWait().ifPresent(value -> vm.setNote(item, value));
        list.requestFocus();
    }

    private static void copy(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private void onKey(KeyEvent e) {
        if (COPY.match(e)) {
            copy(vm.selectedText());
            e.consume();
            return;
        }
        if (FIND.match(e)) {
            openFind();
            e.consume();
            return;
        }
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        boolean handled = true;
        switch (e.getCode()) {
            case J -> vm.selectNext();
            case K -> vm.selectPrevious();
            case N -> vm.selectNextUnread();
            case P -> vm.selectParent();
            case S -> vm.toggleStarSelected();
            case T -> vm.selectTopLevel(!e.isShiftDown());
            case ENTER -> vm.activateSelected();
            case LEFT -> vm.collapseSelected();
            case RIGHT -> vm.expandSelected();
            case SPACE -> page(!e.isShiftDown());
            case PAGE_DOWN -> page(true);
            case PAGE_UP -> page(false);
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private void page(boolean down) {
        VirtualFlow<?> flow = flow();
        if (flow == null) {
            return;
        }
        double amount = Math.max(40, flow.getHeight() * 0.9);
        flow.scrollPixels(down ? amount : -amount);
        IndexedCell<?> first = flow.getFirstVisibleCell();
        if (first != null) {
            int index = first.getIndex();
            // The top row is usually cut; the next one is the first the reader sees whole.
            if (first.getLayoutY() < -4 && index + 1 < list.getItems().size()) {
                index++;
            }
            syncingSelection = true;
            try {
                vm.pageScrolledTo(index);
            } finally {
                syncingSelection = false;
            }
        }
    }

    private void applySelection(Selection selection) {
        syncingSelection = true;
        try {
            if (selection.row() < 0) {
                list.getSelectionModel().clearSelection();
                return;
            }
            list.getSelectionModel().clearAndSelect(selection.row());
            list.getFocusModel().focus(selection.row());
            if (selection.scroll() == Scroll.TO_TOP) {
                list.scrollTo(selection.row());
            } else if (selection.scroll() == Scroll.IF_NEEDED) {
                VirtualFlow<?> flow = flow();
                if (flow != null) {
                    flow.scrollTo(selection.row());
                } else {
                    list.scrollTo(selection.row());
                }
            }
        } finally {
            syncingSelection = false;
        }
    }

    private VirtualFlow<?> flow() {
        return list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }

    /** After each layout: the rows now on screen are shown to the reader (read marks, remembered position). */
    private void afterLayout() {
        if (!isVisible() || vm.model() == null) {
            return;
        }
        VirtualFlow<?> flow = flow();
        if (flow == null) {
            return;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null) {
            return;
        }
        int a = first.getIndex();
        int b = last.getIndex();
        if (a == lastFirstRow && b == lastLastRow && lastRows == vm.rows() && !rowsChangedSinceLast) {
            return;
        }
        rowsChangedSinceLast = false;
        vm.readBodiesAround(a, b);
        lastFirstRow = a;
        lastLastRow = b;
        lastRows = vm.rows();
        int top = first.getLayoutY() < -first.getHeight() / 2 && a + 1 <= b ? a + 1 : a;
        vm.topRowChanged(top);
        updateMapViewport(a, b);
        for (int i = a; i <= b; i++) {
            vm.rowShown(i);
        }
    }


    private void updateMapViewport(int firstRow, int lastRow) {
        ThreadModel model = vm.model();
        List<Row> rows = vm.rows();
        if (model == null || firstRow < 0 || lastRow >= rows.size()) {
            map.setViewport(-1, -1);
            return;
        }
        Row last = rows.get(lastRow);
        map.setViewport(model.sequencePosition(rows.get(firstRow).item()),
                Math.max(last.from(), last.to() - 1));
    }

    /** The strip beside the tree (tests and the benchmark look at it). */
    ThreadMapView threadMap() {
        return map;
    }

}
