package io.threadkeep.app;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.archiving.ImportService;
import io.threadkeep.archiving.RebuildService;
import io.threadkeep.store.ArchiveLocation;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.StoreException;
import io.threadkeep.ui.common.BackgroundTasks;
import io.threadkeep.ui.common.Theme;
import io.threadkeep.ui.export.ArchiveActions;
import io.threadkeep.ui.export.ArchiveActionsModel;
import io.threadkeep.ui.search.SearchPane;
import io.threadkeep.ui.window.ReaderViewModel;
import io.threadkeep.ui.window.ReaderWindow;
import io.threadkeep.ui.window.ReaderWindowGraph;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/** The reader window's application: opens the archive, wires the parts together, and closes them on exit. */
public final class ThreadkeepApp extends Application {

    private ArchiveStore store;
    private ArchiveActionsModel archiveActions;
    private ExecutorService executor;
    private ReaderWindow window;
    private Stage stage;

    /** Starts the window with the given command line; returns when the window closes. */
    static void launchWindow(String[] args) {
        Application.launch(ThreadkeepApp.class, args);
    }

    /** The desktop's light/dark preference, asked before the window exists (it runs small processes). */
    private Theme systemTheme = Theme.LIGHT;

    @Override
    public void init() {
        systemTheme = io.threadkeep.ui.common.SystemTheme.detect();
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        addWindowIcons(primaryStage);
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(getParameters().getRaw());
        } catch (LaunchOptions.UsageException e) {
            fatal("Threadkeep could not start", e.getMessage());
            return;
        }
        try {
            store = ArchiveStore.open(ArchiveLocation.resolve(options.db()));
        } catch (StoreException e) {
            fatal("Threadkeep could not open its archive", e.getMessage());
            return;
        }
        executor = BackgroundTasks.newExecutor();
        ReaderWindowGraph graph = ReaderWindowGraph.build(store, new ImportService(PageImporter.standard(), store),
                executor, url -> getHostServices().showDocument(url), SamplePages::extract, systemTheme,
                ZoneId.systemDefault());
        window = graph.window();
        ReaderViewModel vm = graph.viewModel();
        SearchPane searchPane = graph.searchPane();
        archiveActions = new ArchiveActionsModel(store, executor);
        ArchiveActions actions = new ArchiveActions(archiveActions, javafx.beans.binding.Bindings.createObjectBinding(
                () -> vm.thread().storyProperty().get() == null ? null : vm.thread().storyProperty().get().id(),
                vm.thread().storyProperty()), searchPane.queryProperty(), () -> primaryStage,
                ArchiveActions.defaultFolder());
        window.addToolbarItems(actions.toolbarNode());
        window.addSearchPanelItems(actions.searchExportButton());
        window.show(primaryStage);
        archiveActions.checkIfLastSessionWasUnclean();
        vm.start(new ReaderViewModel.LaunchRequest(options.storyId(), options.files()));
        vm.rebuildStale(new RebuildService(PageImporter.standard(), store));
    }

    /** Task bars and window switchers pick the size they need from these. */
    private static void addWindowIcons(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            try (java.io.InputStream png = ThreadkeepApp.class.getResourceAsStream(
                    "/icon/threadkeep-" + size + ".png")) {
                if (png != null) {
                    stage.getIcons().add(new javafx.scene.image.Image(png));
                }
            } catch (java.io.IOException e) {
                // The window works without an icon; the jar's own resources failing to close is not worth a dialog.
                java.util.logging.Logger.getLogger(ThreadkeepApp.class.getName())
                        .fine(() -> "window icon " + size + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (window != null && stage != null) {
            window.saveState(stage);
        }
        if (executor != null) {
            executor.shutdown();
            // Let queued setting and read-mark writes reach the archive before it closes.
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (archiveActions != null) {
            archiveActions.sessionEnded();
        }
        if (store != null) {
            store.close();
        }
    }

    private void fatal(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(header);
        alert.setTitle("Threadkeep");
        alert.showAndWait();
        Platform.exit();
    }
}
