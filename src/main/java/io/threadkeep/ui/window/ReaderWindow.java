package io.threadkeep.ui.window;

import io.threadkeep.ui.common.Theme;
import io.threadkeep.ui.importing.ImportPanel;
import io.threadkeep.ui.library.LibraryView;
import io.threadkeep.ui.search.SearchPane;
import io.threadkeep.ui.thread.ThreadView;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The reader window: a toolbar (import, search, font size, theme), the library beside the story, the import strip
 * and a status line. Built in code; everything it shows comes from a {@link ReaderViewModel}.
 *
 * <p>Search plugs in through {@link #setSearchPane(SearchPane)}: the field in the toolbar hands its text to the
 * search pane, which appears in a side panel (Ctrl+K or "/" opens it with the caret in its query field).
 */
public final class ReaderWindow {

    static final String SETTING_GEOMETRY = "window.geometry";
    static final String SETTING_DIVIDERS = "window.dividers";
    static final String STYLESHEET = "/io/threadkeep/ui/threadkeep.css";

    private final ReaderViewModel vm;
    private final BorderPane root = new BorderPane();
    private final SplitPane split = new SplitPane();
    private final LibraryView library;
    private final ThreadView thread;
    private final TextField searchField = new TextField();
    private final Scene scene;
    private SearchPane searchPane;
    private VBox searchPanel;
    private HBox toolbarBox;
    private HBox searchHead;

    public ReaderWindow(ReaderViewModel vm, ZoneId zone) {
        this.vm = vm;
        root.setId("readerRoot");
        root.getStyleClass().add("reader-root");
        library = new LibraryView(vm.library(), zone);
        thread = new ThreadView(vm.thread(), zone, this::chooseFiles, vm::linkHovered);
        thread.styleProperty().bind(javafx.beans.binding.Bindings.concat("-fx-font-size: ",
                vm.fontSizeProperty().asString(), "px;"));
        split.setId("mainSplit");
        // Ctrl++ reaches every pane: library, story and search all inherit the reading size.
        split.styleProperty().bind(javafx.beans.binding.Bindings.concat("-fx-font-size: ",
                vm.fontSizeProperty().asString(), "px;"));
        split.getItems().addAll(library, thread);
        SplitPane.setResizableWithParent(library, false);
        library.setMinWidth(240);
        library.setPrefWidth(340);
        split.setDividerPositions(0.24);
        root.setTop(new VBox(toolbar(), sampleBanner()));
        root.setCenter(split);
        root.setBottom(new VBox(new ImportPanel(vm.importing()), statusBar()));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1440, screen.getWidth() * 0.92), Math.min(940, screen.getHeight() * 0.92));
        scene.getStylesheets().add(Objects.requireNonNull(ReaderWindow.class.getResource(STYLESHEET)).toExternalForm());
        applyTheme(vm.themeProperty().get());
        vm.themeProperty().addListener((obs, old, theme) -> applyTheme(theme));
        installKeys();
        installDragAndDrop();
        searchField.setOnAction(e -> search(searchField.getText()));
    }

    public Scene scene() {
        return scene;
    }

    /**
     * Plugs in the archive search: its pane opens beside the story when the reader searches (Enter in the toolbar
     * field, Ctrl+K or "/") and closes with Escape or its close button.
     */
    public void setSearchPane(SearchPane pane) {
        searchPane = pane;
        Label title = new Label("Search");
        title.getStyleClass().add("pane-title");
        Button close = new Button("Close");
        close.setId("searchClose");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> hideSearch());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(title, spacer, close);
        searchHead = head;
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("pane-head");
        VBox.setVgrow(pane, Priority.ALWAYS);
        searchPanel = new VBox(head, pane);
        searchPanel.setId("searchPanel");
        searchPanel.getStyleClass().add("search-panel");
        searchPanel.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hideSearch();
                e.consume();
            }
        });
        pane.currentStoryIdProperty().set(vm.thread().storyId() < 0 ? null : vm.thread().storyId());
        vm.thread().storyProperty().addListener((obs, old, story) ->
                pane.currentStoryIdProperty().set(story == null ? null : story.id()));
    }

    /** Adds controls to the toolbar after the import button (the archive's export, backup and check). */
    public void addToolbarItems(Node... nodes) {
        toolbarBox.getChildren().addAll(2, List.of(nodes));
    }

    /** Adds controls to the search panel's head, before its close button; after {@link #setSearchPane}. */
    public void addSearchPanelItems(Node... nodes) {
        searchHead.getChildren().addAll(searchHead.getChildren().size() - 1, List.of(nodes));
    }

    /** Focuses the search (Ctrl+K, "/"): the search pane's field when search is plugged in. */
    public void focusSearch() {
        if (searchPane != null) {
            showSearch();
            searchPane.focusQuery();
        } else {
            searchField.requestFocus();
            searchField.selectAll();
        }
    }

    private void search(String query) {
        if (searchPane != null) {
            showSearch();
            searchPane.search(query);
            searchPane.focusQuery();
        } else {
            // Without the archive search, the field narrows the library.
            vm.library().setFilter(query);
        }
    }

    private void showSearch() {
        if (!split.getItems().contains(searchPanel)) {
            double[] positions = split.getDividerPositions();
            split.getItems().add(searchPanel);
            split.setDividerPositions(positions.length > 0 ? Math.min(positions[0], 0.25) : 0.25, 0.68);
        }
    }

    private void hideSearch() {
        if (split.getItems().remove(searchPanel)) {
            thread.focusComments();
        }
    }

    private void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        for (Theme t : Theme.values()) {
            root.getStyleClass().remove(t.styleClass());
        }
        root.getStyleClass().add(theme.styleClass());
    }

    private Node toolbar() {
        Label brand = new Label("Threadkeep");
        brand.getStyleClass().add("brand");
        SplitMenuButton importButton = new SplitMenuButton();
        importButton.setText("Import saved pages…");
        importButton.setId("importButton");
        importButton.getStyleClass().add("accent");
        importButton.setOnAction(e -> chooseFiles());
        MenuItem files = new MenuItem("Files…");
        files.setId("importFilesItem");
        files.setOnAction(e -> chooseFiles());
        MenuItem folder = new MenuItem("Folder…");
        folder.setId("importFolderItem");
        folder.setOnAction(e -> chooseFolder());
        importButton.getItems().addAll(files, folder);
        importButton.setTooltip(new Tooltip("Import saved pages (Ctrl+O), or drop files and folders on the window"));
        importButton.disableProperty().bind(vm.importing().runningProperty());

        searchField.setId("searchField");
        searchField.setPromptText("Search the archive   Ctrl+K");
        searchField.setPrefColumnCount(26);
        searchField.getStyleClass().add("search-field");

        Button smaller = new Button("A−");
        smaller.setId("fontSmaller");
        smaller.setTooltip(new Tooltip("Smaller text (Ctrl+−)"));
        smaller.setOnAction(e -> vm.fontSmaller());
        Button larger = new Button("A+");
        larger.setId("fontLarger");
        larger.setTooltip(new Tooltip("Larger text (Ctrl++)"));
        larger.setOnAction(e -> vm.fontLarger());
        Button theme = new Button();
        theme.setId("themeToggle");
        theme.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.themeProperty().get().isDark() ? "Light theme" : "Dark theme", vm.themeProperty()));
        theme.setOnAction(e -> vm.toggleTheme());
        javafx.scene.control.ToggleButton contrast = new javafx.scene.control.ToggleButton("High contrast");
        contrast.setId("highContrastToggle");
        contrast.setTooltip(new Tooltip("White on black with strong focus marks"));
        contrast.setSelected(vm.themeProperty().get() == Theme.HIGH_CONTRAST);
        vm.themeProperty().addListener((obs, old, t) -> contrast.setSelected(t == Theme.HIGH_CONTRAST));
        contrast.setOnAction(e -> vm.setTheme(contrast.isSelected() ? Theme.HIGH_CONTRAST : Theme.LIGHT));
        contrast.getStyleClass().add("flat");
        for (Button b : List.of(smaller, larger, theme)) {
            b.getStyleClass().add("flat");
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(brand, importButton, spacer, searchField, smaller, larger, theme, contrast);
        toolbarBox = bar;
        // A long status beside the archive menu may shrink to an ellipsis; the toolbar's own controls never do.
        for (Region control : List.<Region>of(brand, importButton, smaller, larger, theme, contrast)) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.setId("mainToolbar");
        bar.getStyleClass().add("main-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Shown while the archive holds only the bundled samples: where the reader's own pages come in. */
    private Node sampleBanner() {
        Label text = new Label("These are sample stories, so there is something to read. Import pages you saved from"
                + " Slashdot, Hacker News, Reddit, Lobsters, forums, Q&A sites or comment sections to start your own archive.");
        text.setWrapText(true);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button importButton = new Button("Import saved pages…");
        importButton.setId("sampleImportButton");
        importButton.getStyleClass().add("accent");
        importButton.setMinWidth(Region.USE_PREF_SIZE);
        importButton.setOnAction(e -> chooseFiles());
        Button dismiss = new Button("Dismiss");
        dismiss.getStyleClass().add("flat");
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> vm.dismissSampleNotice());
        HBox banner = new HBox(text, importButton, dismiss);
        banner.setId("sampleBanner");
        banner.getStyleClass().add("sample-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(vm.sampleNoticeProperty());
        banner.managedProperty().bind(vm.sampleNoticeProperty());
        return banner;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("statusLine");
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        Label summary = new Label();
        summary.textProperty().bind(vm.thread().summaryProperty());
        summary.setMinWidth(Region.USE_PREF_SIZE);
        Label keys = new Label("j/k next/prev · n unread · p parent · t thread · ←/→ fold · Ctrl+F find");
        keys.getStyleClass().add("key-hints");
        keys.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(status, spacer, keys);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static final KeyCombination SEARCH = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination LARGER = new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination LARGER_PLUS = new KeyCodeCombination(KeyCode.PLUS,
            KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination LARGER_ADD = new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SMALLER = new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SMALLER_SUB = new KeyCodeCombination(KeyCode.SUBTRACT,
            KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination RESET = new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FILTER = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

    private void installKeys() {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SEARCH.match(e)) {
                focusSearch();
            } else if (OPEN.match(e)) {
                chooseFiles();
            } else if (LARGER.match(e) || LARGER_PLUS.match(e) || LARGER_ADD.match(e)
                    || (e.isShortcutDown() && "+".equals(e.getText()))) {
                vm.fontLarger();
            } else if (SMALLER.match(e) || SMALLER_SUB.match(e)) {
                vm.fontSmaller();
            } else if (RESET.match(e)) {
                vm.fontReset();
            } else if (FILTER.match(e)) {
                library.focusFilter();
            } else if (e.getCode() == KeyCode.SLASH && !e.isShortcutDown()
                    && !(scene.getFocusOwner() instanceof TextInputControl)) {
                focusSearch();
            } else if (e.getCode() == KeyCode.ESCAPE && scene.getFocusOwner() == searchField) {
                thread.focusComments();
            } else {
                return;
            }
            e.consume();
        });
    }

    private void installDragAndDrop() {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && !vm.importing().runningProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
                root.getStyleClass().add("drop-target");
            }
            e.consume();
        });
        scene.addEventHandler(DragEvent.DRAG_EXITED, e -> root.getStyleClass().remove("drop-target"));
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            root.getStyleClass().remove("drop-target");
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                List<Path> paths = new ArrayList<>();
                for (File f : e.getDragboard().getFiles()) {
                    paths.add(f.toPath());
                }
                vm.importAndOpen(paths);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import saved pages");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Saved pages", "*.html", "*.htm", "*.mhtml", "*.mht", "*.warc",
                        "*.warc.gz", "*.zip", "*.gz", "*.webarchive"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(scene.getWindow());
        if (files != null && !files.isEmpty()) {
            vm.importAndOpen(files.stream().map(File::toPath).toList());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Import a folder of saved pages");
        File folder = chooser.showDialog(scene.getWindow());
        if (folder != null) {
            vm.importAndOpen(List.of(folder.toPath()));
        }
    }

    // ------------------------------------------------------------------------------------------ geometry

    /** Puts the window where it was last time (if that place is still on a screen) and shows it. */
    public void show(Stage stage) {
        stage.setTitle("Threadkeep");
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        String[] g = vm.settings().get(SETTING_GEOMETRY, "").split(",");
        if (g.length == 5) {
            try {
                double x = Double.parseDouble(g[0]);
                double y = Double.parseDouble(g[1]);
                double w = Double.parseDouble(g[2]);
                double h = Double.parseDouble(g[3]);
                if (!Screen.getScreensForRectangle(new Rectangle2D(x, y, w, h)).isEmpty()) {
                    stage.setX(x);
                    stage.setY(y);
                }
                stage.setWidth(Math.max(720, w));
                stage.setHeight(Math.max(480, h));
                stage.setMaximized(Boolean.parseBoolean(g[4]));
            } catch (NumberFormatException e) {
                // A damaged setting only costs the remembered size.
                vm.settings().put(SETTING_GEOMETRY, "");
            }
        }
        String[] d = vm.settings().get(SETTING_DIVIDERS, "").split(",");
        if (d.length >= 1 && !d[0].isEmpty()) {
            try {
                split.setDividerPositions(Double.parseDouble(d[0]));
            } catch (NumberFormatException e) {
                vm.settings().put(SETTING_DIVIDERS, "");
            }
        }
        stage.setOnCloseRequest(e -> saveState(stage));
        stage.show();
        thread.focusComments();
        // The first story arrives after the window shows; reading starts in the comments, not in a text field.
        vm.thread().storyProperty().addListener((obs, old, story) -> {
            if (old == null && story != null && !(scene.getFocusOwner() instanceof TextInputControl)) {
                thread.focusComments();
            } else if (old == null && story != null && scene.getFocusOwner() == searchField
                    && searchField.getText().isEmpty()) {
                thread.focusComments();
            }
        });
    }

    /** Remembers geometry, dividers and the open story; called when the window closes. */
    public void saveState(Stage stage) {
        if (!stage.isMaximized() && !stage.isIconified()) {
            vm.settings().put(SETTING_GEOMETRY, stage.getX() + "," + stage.getY() + "," + stage.getWidth() + ","
                    + stage.getHeight() + ",false");
        } else {
            String[] g = vm.settings().get(SETTING_GEOMETRY, "").split(",");
            if (g.length == 5) {
                vm.settings().put(SETTING_GEOMETRY, String.join(",", g[0], g[1], g[2], g[3], "true"));
            }
        }
        double[] positions = split.getDividerPositions();
        if (positions.length > 0) {
            vm.settings().put(SETTING_DIVIDERS, String.valueOf(positions[0]));
        }
        vm.saveState();
    }
}
