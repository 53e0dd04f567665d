package io.threadkeep.ui;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.archiving.ImportService;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.ui.common.BackgroundTasks;
import io.threadkeep.ui.common.Theme;
import io.threadkeep.ui.window.ReaderViewModel;
import io.threadkeep.ui.window.ReaderWindow;
import io.threadkeep.ui.window.ReaderWindowGraph;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real reader window on a temporary archive, with the real background executor, for TestFX tests. Tests put
 * stories into {@link #store()} first, then {@link #show}.
 */
public final class ReaderFixture implements AutoCloseable {

    private final ArchiveStore store;
    private final ExecutorService executor = BackgroundTasks.newExecutor();
    private final List<String> openedLinks = new ArrayList<>();
    private PageImporter importer = PageImporter.standard();
    private Supplier<List<Path>> samples = List::of;
    private ReaderViewModel vm;
    private ReaderWindow window;

    public ReaderFixture(Path dir) {
        store = ArchiveStore.open(dir.resolve("archive.db"));
    }

    public ArchiveStore store() {
        return store;
    }

    public ReaderFixture withImporter(PageImporter pageImporter) {
        this.importer = pageImporter;
        return this;
    }

    public ReaderFixture withSamples(Supplier<List<Path>> samplePages) {
        this.samples = samplePages;
        return this;
    }

    /**
     * Builds the window on the stage (built by the application's own {@link ReaderWindowGraph}, search included) and starts it with the
     * request; waits until the library has loaded. Calling it again builds a fresh window on the same archive, as a
     * restart would.
     */
    public ReaderViewModel show(FxRobot robot, Stage stage, ReaderViewModel.LaunchRequest request) {
        robot.interact(() -> {
            ReaderWindowGraph graph = ReaderWindowGraph.build(store, new ImportService(importer, store), executor,
                    openedLinks::add, samples, Theme.LIGHT, ZoneOffset.UTC);
            vm = graph.viewModel();
            window = graph.window();
            stage.setWidth(1200);
            stage.setHeight(800);
            window.show(stage);
            vm.start(request);
        });
        waitUntil(() -> vm.library().loadedProperty().get());
        return vm;
    }

    public ReaderViewModel vm() {
        return vm;
    }

    public ReaderWindow window() {
        return window;
    }

    public List<String> openedLinks() {
        return openedLinks;
    }

    /** Waits (up to 20 s) until the condition, evaluated on the FX thread, holds. */
    public static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met in time", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs on the FX thread and returns the result. */
    public static <T> T onFx(Callable<T> work) {
        try {
            if (javafx.application.Platform.isFxApplicationThread()) {
                return work.call();
            }
            return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits for queued background jobs and the FX events they posted. */
    public void settle() {
        for (int i = 0; i < 3; i++) {
            try {
                executor.submit(() -> { }).get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        store.close();
    }
}
