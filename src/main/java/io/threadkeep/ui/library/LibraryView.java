package io.threadkeep.ui.library;

import io.threadkeep.store.StorySummary;
import io.threadkeep.ui.common.Formats;
import io.threadkeep.ui.library.LibraryViewModel.SortKey;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The library pane: a filter field, a sort choice and the list of stories. */
public final class LibraryView extends VBox {

    private final LibraryViewModel vm;
    private final ListView<StorySummary> list = new ListView<>();
    private final TextField filter = new TextField();
    private final Predicate<StorySummary> confirmDelete;
    private boolean syncing;

    /** A library view that asks the reader with a dialog before deleting. */
    public LibraryView(LibraryViewModel vm, ZoneId zone) {
        this(vm, zone, null);
    }

    /**
     * @param confirmDelete asks whether to delete a story; null for the standard confirmation dialog
     */
    public LibraryView(LibraryViewModel vm, ZoneId zone, Predicate<StorySummary> confirmDelete) {
        this.vm = vm;
        this.confirmDelete = confirmDelete != null ? confirmDelete : this::askDelete;
        setId("libraryView");
        getStyleClass().add("library-view");

        Label title = new Label("Library");
        title.getStyleClass().add("pane-title");
        Label count = new Label();
        count.setId("libraryCount");
        count.getStyleClass().add("pane-count");
        count.textProperty().bind(vm.countTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(title, spacer, count);
        head.setAlignment(Pos.BASELINE_LEFT);
        head.getStyleClass().add("pane-head");

        filter.setId("libraryFilter");
        filter.setPromptText("Filter stories");
        filter.textProperty().addListener((obs, old, text) -> vm.setFilter(text));
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                filter.clear();
            } else if (e.getCode() == KeyCode.DOWN) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                    list.getSelectionModel().select(0);
                }
            }
        });
        HBox.setHgrow(filter, Priority.ALWAYS);
        ComboBox<SortKey> sort = new ComboBox<>(FXCollections.observableArrayList(SortKey.values()));
        sort.setId("librarySort");
        sort.setValue(vm.sortKeyProperty().get());
        sort.valueProperty().addListener((obs, old, key) -> vm.setSortKey(key));
        sort.setMinWidth(Region.USE_PREF_SIZE);
        sort.setPrefWidth(130);
        HBox tools = new HBox(filter, sort);
        tools.getStyleClass().add("library-tools");

        list.setId("libraryList");
        list.getStyleClass().add("library-list");
        list.setItems(vm.stories());
        list.setCellFactory(v -> new StoryCell(zone));
        Label empty = new Label("No stories yet.");
        empty.getStyleClass().add("empty-note");
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, story) -> {
            if (!syncing && story != null) {
                vm.select(story.id());
            }
        });
        vm.selectedStoryIdProperty().addListener((obs, old, id) -> reselect());
        vm.stories().addListener((ListChangeListener<StorySummary>) c -> reselect());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
                e.consume();
            }
        });
        MenuItem delete = new MenuItem("Delete story…");
        delete.setId("menuDeleteStory");
        delete.setOnAction(e -> deleteSelected());
        list.setContextMenu(new ContextMenu(delete));
        getChildren().addAll(head, tools, list);
    }

    /** Focuses the filter field. */
    public void focusFilter() {
        filter.requestFocus();
    }

    private void reselect() {
        long id = vm.selectedStoryIdProperty().get();
        syncing = true;
        try {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).id() == id) {
                    if (list.getSelectionModel().getSelectedIndex() != i) {
                        list.getSelectionModel().clearAndSelect(i);
                        list.scrollTo(Math.max(0, i - 2));
                    }
                    return;
                }
            }
            list.getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
    }

    private void deleteSelected() {
        StorySummary story = list.getSelectionModel().getSelectedItem();
        if (story != null && confirmDelete.test(story)) {
            vm.delete(story.id());
        }
    }

    private boolean askDelete(StorySummary story) {
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", delete, ButtonType.CANCEL);
        alert.setTitle("Delete story");
        alert.setHeaderText("Delete \u201c" + story.title() + "\u201d?");
        alert.setContentText("Its " + Formats.count(story.commentCount(), "comment", "comments")
                + " and saved pages are removed from the archive. The files you imported are not touched.");
        alert.getDialogPane().setId("deleteConfirmation");
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == delete;
    }

    /** Two lines per story: its title, then site, date, comments saved of declared, and unread. */
    private static final class StoryCell extends ListCell<StorySummary> {
        private final ZoneId zone;
        private final Label title = new Label();
        private final Label site = new Label();
        private final Label meta = new Label();
        private final Label unread = new Label();
        private final javafx.scene.control.Tooltip unreadTip = new javafx.scene.control.Tooltip();
        private final VBox box;

        StoryCell(ZoneId zone) {
            this.zone = zone;
            getStyleClass().add("story-cell");
            setPrefWidth(0);
            title.getStyleClass().add("story-cell-title");
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
            site.getStyleClass().add("site-chip");
            site.setMinWidth(Region.USE_PREF_SIZE);
            meta.getStyleClass().add("story-cell-meta");
            meta.setMinWidth(0);
            unread.getStyleClass().add("unread-count");
            unread.setTooltip(unreadTip);
            unread.setMinWidth(Region.USE_PREF_SIZE);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox line = new HBox(site, meta, spacer, unread);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("story-cell-line");
            box = new VBox(title, line);
            box.getStyleClass().add("story-cell-box");
        }

        @Override
        protected void updateItem(StorySummary s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            title.setText(s.title() == null || s.title().isBlank() ? "(untitled story)" : s.title());
            site.setText(s.site().displayName());
            site.getStyleClass().setAll("label", "site-chip", "site-" + s.site().id());
            String date = Formats.date(s.posted() != null ? s.posted() : s.lastImported(), zone);
            String comments = s.declaredComments() != null && s.declaredComments() != s.commentCount()
                    ? s.commentCount() + " of " + s.declaredComments() + " comments"
                    : Formats.count(s.commentCount(), "comment", "comments");
            meta.setText(date + " · " + comments);
            unread.setText(s.unreadCount() > 0 ? String.valueOf(s.unreadCount()) : "");
            unreadTip.setText(Formats.count(s.unreadCount(), "unread comment", "unread comments"));
            unread.setVisible(s.unreadCount() > 0);
            setGraphic(box);
        }
    }
}
