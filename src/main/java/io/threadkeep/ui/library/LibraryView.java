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
    private final ListView<io.threadkeep.store.ReaderMarks.Marked> starredList = new ListView<>();
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
        list.setCellFactory(v -> new StoryCell(zone, vm));
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

        javafx.scene.control.ToggleGroup modes = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.ToggleButton storiesMode = new javafx.scene.control.ToggleButton("Stories");
        storiesMode.setId("libraryStoriesMode");
        javafx.scene.control.ToggleButton starredMode = new javafx.scene.control.ToggleButton("Starred");
        starredMode.setId("libraryStarredMode");
        starredMode.setTooltip(new javafx.scene.control.Tooltip("Starred comments and notes across stories"));
        for (javafx.scene.control.ToggleButton b : java.util.List.of(storiesMode, starredMode)) {
            b.setToggleGroup(modes);
            b.getStyleClass().add("small");
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        storiesMode.getStyleClass().add("left-pill");
        starredMode.getStyleClass().add("right-pill");
        modes.selectToggle(storiesMode);
        modes.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) {
                // One of the two is always chosen.
                modes.selectToggle(old);
            } else {
                vm.showMarked(t == starredMode);
            }
        });
        HBox modeBar = new HBox(storiesMode, starredMode);
        modeBar.getStyleClass().add("library-modes");

        starredList.setId("starredList");
        starredList.getStyleClass().add("library-list");
        starredList.setItems(vm.marked());
        starredList.setCellFactory(v -> new MarkedCell());
        Label noStars = new Label("No starred comments yet. Select a comment and press s to star it.");
        noStars.setWrapText(true);
        noStars.getStyleClass().add("empty-note");
        starredList.setPlaceholder(noStars);
        VBox.setVgrow(starredList, Priority.ALWAYS);
        starredList.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                vm.openMarked(starredList.getSelectionModel().getSelectedItem());
            }
        });
        starredList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.openMarked(starredList.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        starredList.visibleProperty().bind(vm.showingMarkedProperty());
        starredList.managedProperty().bind(vm.showingMarkedProperty());
        list.visibleProperty().bind(vm.showingMarkedProperty().not());
        list.managedProperty().bind(vm.showingMarkedProperty().not());
        tools.visibleProperty().bind(vm.showingMarkedProperty().not());
        tools.managedProperty().bind(vm.showingMarkedProperty().not());
        getChildren().addAll(head, modeBar, tools, list, starredList);
    }

    /** A starred or annotated comment: its story, who wrote it (and to whom), the start of it, and the note. */
    private static final class MarkedCell extends ListCell<io.threadkeep.store.ReaderMarks.Marked> {
        private final Label story = new Label();
        private final Label byline = new Label();
        private final Label excerpt = new ClampedTitles(3);
        private final Label note = new Label();
        private final VBox box = new VBox(story, byline, excerpt, note);

        MarkedCell() {
            getStyleClass().add("marked-cell");
            setPrefWidth(0);
            story.getStyleClass().add("marked-story");
            byline.getStyleClass().add("marked-byline");
            excerpt.getStyleClass().add("marked-excerpt");
            excerpt.setWrapText(true);
            note.getStyleClass().add("marked-note");
            note.setWrapText(true);
            note.setMinHeight(Region.USE_PREF_SIZE);
            for (Label l : java.util.List.of(story, byline, excerpt, note)) {
                l.setMinWidth(0);
            }
            box.getStyleClass().add("story-cell-box");
        }

        @Override
        protected void updateItem(io.threadkeep.store.ReaderMarks.Marked m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            story.setText((m.starred() ? "\u2605 " : "") + (m.storyTitle() == null ? "(untitled story)"
                    : m.storyTitle()));
            String who = m.author() == null ? "anonymous" : m.author();
            String context = m.parentAuthor() == null ? "" : " replying to " + m.parentAuthor();
            String score = m.score() == null ? "" : " · score " + m.score();
            byline.setText(m.commentRowId() == null ? who + " · no longer in the story"
                    : who + context + score + " · " + m.site().displayName());
            String text = m.subject() != null && !m.subject().isBlank() ? m.subject() + " — " : "";
            excerpt.setText(text + (m.excerpt() == null ? "" : m.excerpt()));
            note.setText(m.note() == null ? "" : "Note: " + m.note());
            note.setVisible(m.note() != null);
            note.setManaged(m.note() != null);
            setAccessibleText((m.starred() ? "Starred comment by " : "Comment with a note by ") + who + context
                    + " in " + m.storyTitle() + (m.note() == null ? "" : ", note: " + m.note()));
            setGraphic(box);
        }
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
        private final LibraryViewModel vm;
        private final javafx.scene.control.ProgressBar progress = new javafx.scene.control.ProgressBar();
        private final javafx.scene.control.Tooltip progressTip = new javafx.scene.control.Tooltip();
        private final javafx.scene.control.Tooltip titleTip = new javafx.scene.control.Tooltip();
        private final ClampedTitles title = new ClampedTitles(ClampedTitles.TITLE_LINES);
        private final Label site = new Label();
        private final Label meta = new Label();
        private final Label unread = new Label();
        private final javafx.scene.control.Tooltip unreadTip = new javafx.scene.control.Tooltip();
        private final VBox box;

        StoryCell(ZoneId zone, LibraryViewModel vm) {
            this.zone = zone;
            this.vm = vm;
            getStyleClass().add("story-cell");
            setPrefWidth(0);
            title.getStyleClass().add("story-cell-title");
            title.setId("storyCellTitle");
            titleTip.setWrapText(true);
            titleTip.setMaxWidth(480);
            title.setTooltip(titleTip);
            progress.getStyleClass().add("read-progress");
            progress.setMaxWidth(Double.MAX_VALUE);
            progress.setPrefHeight(4);
            progress.setMinHeight(4);
            progress.setFocusTraversable(false);
            progress.setTooltip(progressTip);
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
            box = new VBox(title, line, progress);
            box.getStyleClass().add("story-cell-box");
        }

        @Override
        protected void updateItem(StorySummary s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            String fullTitle = s.title() == null || s.title().isBlank() ? "(untitled story)" : s.title();
            title.setText(fullTitle);
            titleTip.setText(fullTitle);
            site.setText(Formats.siteName(s.site(), s.url()));
            site.getStyleClass().setAll("label", "site-chip", "site-" + s.site().id());
            StoryDates.Dated dated = StoryDates.of(s, vm.clues(s.id()), zone);
            String date = dated.text();
            String comments = s.declaredComments() != null && s.declaredComments() > s.commentCount()
                    ? s.commentCount() + " of " + s.declaredComments() + " comments"
                    : Formats.count(s.commentCount(), "comment", "comments");
            meta.setText(date + " · " + comments);
            unread.setText(s.unreadCount() > 0 ? String.valueOf(s.unreadCount()) : "");
            unreadTip.setText(Formats.count(s.unreadCount(), "unread comment", "unread comments"));
            unread.setVisible(s.unreadCount() > 0);
            int read = Math.max(0, s.commentCount() - s.unreadCount());
            progress.setProgress(s.commentCount() == 0 ? 0 : (double) read / s.commentCount());
            progressTip.setText(s.commentCount() == 0 ? "No comments saved"
                    : read + " of " + s.commentCount() + " saved comments read");
            progress.setAccessibleText(progressTip.getText());
            setAccessibleText(fullTitle + ", " + s.site().displayName() + ", " + date + ", " + comments + ", "
                    + progressTip.getText());
            setGraphic(box);
        }
    }
}
