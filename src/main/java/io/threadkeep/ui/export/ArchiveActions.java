package io.threadkeep.ui.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * The window's "Archive" menu (export the story, export the search results, back up, check) and the search pane's
 * "Export…" button, with a small progress line of their own. The window places the nodes; the work is done by
 * {@link ArchiveActionsModel}.
 */
public final class ArchiveActions {

    private final ArchiveActionsModel model;
    private final ObservableValue<Long> currentStory;
    private final ObservableValue<String> searchQuery;
    private final Supplier<Window> owner;
    private final Path folder;

    /**
     * @param currentStory the story the reader has open (null when none)
     * @param searchQuery  the search pane's query
     * @param folder       where exports and backups go by default
     */
    public ArchiveActions(ArchiveActionsModel model, ObservableValue<Long> currentStory,
                          ObservableValue<String> searchQuery, Supplier<Window> owner, Path folder) {
        this.model = model;
        this.currentStory = currentStory;
        this.searchQuery = searchQuery;
        this.owner = owner;
        this.folder = folder;
    }

    /** The menu and the progress line, for the toolbar. */
    public Node toolbarNode() {
        MenuButton menu = new MenuButton("Archive");
        menu.setId("archiveMenu");
        menu.getStyleClass().add("flat");
        menu.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        MenuItem story = new MenuItem("Export story…");
        story.setId("exportStoryItem");
        story.disableProperty().bind(Bindings.createBooleanBinding(() -> currentStory.getValue() == null,
                currentStory).or(model.runningProperty()));
        story.setOnAction(e -> exportStory());
        MenuItem search = new MenuItem("Export search results…");
        search.setId("exportSearchItem");
        search.disableProperty().bind(searchBlank().or(model.runningProperty()));
        search.setOnAction(e -> exportSearch());
        MenuItem backup = new MenuItem("Back up archive…");
        backup.setId("backupItem");
        backup.disableProperty().bind(model.runningProperty());
        backup.setOnAction(e -> backup());
        MenuItem check = new MenuItem("Check archive");
        check.setId("checkItem");
        check.disableProperty().bind(model.runningProperty());
        check.setOnAction(e -> model.check());
        menu.getItems().addAll(story, search, new SeparatorMenuItem(), backup, check);

        ProgressBar bar = new ProgressBar();
        bar.setId("archiveProgress");
        bar.setPrefWidth(90);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.runningProperty());
        bar.managedProperty().bind(model.runningProperty());
        Label message = new Label();
        message.setId("archiveMessage");
        message.textProperty().bind(model.messageProperty());
        message.setMaxWidth(420);
        message.setMinWidth(0);
        message.setTooltip(new javafx.scene.control.Tooltip());
        message.getTooltip().textProperty().bind(model.messageProperty());
        message.getStyleClass().add("archive-message");
        model.problemProperty().addListener((obs, old, bad) -> {
            if (bad) {
                message.getStyleClass().add("problem");
            } else {
                message.getStyleClass().remove("problem");
            }
        });
        HBox box = new HBox(6, menu, bar, message);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** "Export…" for the search pane: exports what the current query matches. */
    public Button searchExportButton() {
        Button button = new Button("Export…");
        button.setId("searchExport");
        button.getStyleClass().add("flat");
        button.disableProperty().bind(searchBlank().or(model.runningProperty()));
        button.setOnAction(e -> exportSearch());
        return button;
    }

    private javafx.beans.binding.BooleanBinding searchBlank() {
        return Bindings.createBooleanBinding(() -> searchQuery.getValue() == null
                || searchQuery.getValue().isBlank(), searchQuery);
    }

    void exportStory() {
        Long id = currentStory.getValue();
        if (id == null) {
            return;
        }
        new TargetDialog(owner.get(), "Export story", true, folder,
                (format, dir) -> model.defaultStoryTarget(id, format, dir), format -> false)
                .showAndWait().ifPresent(c -> model.exportStory(id, c.format(), c.target(), c.withNotes()));
    }

    void exportSearch() {
        String query = searchQuery.getValue();
        if (query == null || query.isBlank()) {
            return;
        }
        new TargetDialog(owner.get(), "Export search results", true, folder,
                (format, dir) -> format.manyStoriesInOneFile() ? dir.resolve("threadkeep-search." + format.extension())
                        : dir.resolve("threadkeep-search-" + format.extension()),
                format -> !format.manyStoriesInOneFile())
                .showAndWait().ifPresent(c -> model.exportSearch(query, c.format(), c.target(), c.withNotes()));
    }

    void backup() {
        new TargetDialog(owner.get(), "Back up archive", false, folder,
                (format, dir) -> dir.resolve("threadkeep-backup-" + LocalDate.now() + ".db"), format -> false)
                .showAndWait().ifPresent(c -> {
                    if (Files.isDirectory(c.target())) {
                        model.backup(c.target().resolve("threadkeep-backup-" + LocalDate.now() + ".db"));
                    } else {
                        model.backup(c.target());
                    }
                });
    }

    /** Where exports go unless the reader says otherwise: Documents when the home folder has one. */
    public static Path defaultFolder() {
        Path home = Path.of(System.getProperty("user.home", "."));
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }
}
