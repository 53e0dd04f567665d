package io.threadkeep.ui;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.model.Site;
import io.threadkeep.archiving.ImportService;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.ui.common.BackgroundTasks;
import io.threadkeep.ui.common.Theme;
import io.threadkeep.ui.common.UiSettings;
import io.threadkeep.ui.window.ReaderViewModel;
import io.threadkeep.ui.window.ReaderWindow;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

/**
 * Times the reader window on generated threads: from picking a story in the library to the first laid-out frame
 * with its comments (500 and 5,000 comments), expand-all on 20,000, and scrolling a page at a time through 5,000.
 * Prints the figures; asserts nothing. Run with a display (Xvfb) or Monocle:
 * {@code java -cp target/classes:target/test-classes:CP io.threadkeep.ui.ReaderBench [runs]}.
 */
public final class ReaderBench {

    private ReaderBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        PrintStream out = System.out;
        Path dir = Files.createTempDirectory("threadkeep-bench");
        ArchiveStore store = ArchiveStore.open(dir.resolve("bench.db"));
        long s500 = TestThreads.save(store, TestThreads.story(Site.SLASHDOT, "b500", "500 comments", "e", 500),
                TestThreads.generated(500, 500));
        long s5000 = TestThreads.save(store, TestThreads.story(Site.SLASHDOT, "b5000", "5,000 comments", "e", 5000),
                TestThreads.generated(5000, 5000));
        long s20000 = TestThreads.save(store, TestThreads.story(Site.HACKERNEWS, "b20000", "20,000 comments", "e",
                20000), TestThreads.generated(20000, 20000));
        ExecutorService executor = BackgroundTasks.newExecutor();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        ReaderViewModel[] vm = new ReaderViewModel[1];
        ReaderWindow[] window = new ReaderWindow[1];
        onFx(() -> {
            UiSettings settings = UiSettings.inMemory();
            vm[0] = new ReaderViewModel(store, new ImportService(PageImporter.standard(), store),
                    new io.threadkeep.search.SearchService(store), executor, settings,
                    url -> { }, List::of, Theme.LIGHT);
            window[0] = new ReaderWindow(vm[0], ZoneOffset.UTC);
            Stage stage = new Stage();
            stage.setWidth(1400);
            stage.setHeight(900);
            window[0].show(stage);
            vm[0].start(new ReaderViewModel.LaunchRequest(s20000, List.of()));
            return null;
        });
        waitFor(() -> vm[0].thread().storyId() == s20000 && vm[0].thread().rowsCount() > 0);
        // Warm up: open each once so class loading and JIT do not count against the first figure.
        for (long id : List.of(s500, s5000, s500)) {
            openAndPaint(vm[0], window[0], id);
        }
        List<Double> open500 = new ArrayList<>();
        List<Double> open5000 = new ArrayList<>();
        List<Double> expand20000 = new ArrayList<>();
        List<Double> collapse20000 = new ArrayList<>();
        List<Double> scrollPage = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            open500.add(openAndPaint(vm[0], window[0], s500));
            open5000.add(openAndPaint(vm[0], window[0], s5000));
            scrollPage.add(scrollPages(window[0], 40));
            openAndPaint(vm[0], window[0], s20000);
            collapse20000.add(timeToPaint(window[0], () -> vm[0].thread().collapseAll()));
            expand20000.add(timeToPaint(window[0], () -> vm[0].thread().expandAll()));
        }
        out.printf(Locale.ROOT, "reader bench (%d runs, median [min-max] ms, click to first laid-out frame)%n", runs);
        out.println(line("open 500 comments", open500));
        out.println(line("open 5,000 comments", open5000));
        out.println(line("collapse all, 20,000", collapse20000));
        out.println(line("expand all, 20,000", expand20000));
        out.println(line("scroll one page, 5,000 (per page)", scrollPage));
        onFx(() -> {
            Platform.exit();
            return null;
        });
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        store.close();
    }

    private static String line(String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        sorted.sort(null);
        return String.format(Locale.ROOT, "  %-36s %8.1f  [%.1f-%.1f]", what, sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }

    /** From the library pick to the first pulse that laid out the new story's rows. */
    private static double openAndPaint(ReaderViewModel vm, ReaderWindow window, long storyId) throws Exception {
        if (vm.thread().storyId() == storyId) {
            onFx(() -> {
                vm.thread().closeStory();
                vm.library().select(-1);
                return null;
            });
        }
        CompletableFuture<Long> painted = new CompletableFuture<>();
        long[] start = new long[1];
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (vm.thread().storyId() == storyId && vm.thread().rowsCount() > 0 && !painted.isDone()) {
                painted.complete(System.nanoTime());
                Platform.runLater(() -> window.scene().removePostLayoutPulseListener(listener[0]));
            }
        };
        onFx(() -> {
            window.scene().addPostLayoutPulseListener(listener[0]);
            start[0] = System.nanoTime();
            vm.library().select(storyId);
            return null;
        });
        long end = painted.get(60, TimeUnit.SECONDS);
        return (end - start[0]) / 1e6;
    }

    /** Runs a command on the FX thread and times it until the next laid-out frame. */
    private static double timeToPaint(ReaderWindow window, Runnable command) throws Exception {
        CompletableFuture<Long> painted = new CompletableFuture<>();
        long[] start = new long[1];
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (!painted.isDone()) {
                painted.complete(System.nanoTime());
                Platform.runLater(() -> window.scene().removePostLayoutPulseListener(listener[0]));
            }
        };
        onFx(() -> {
            start[0] = System.nanoTime();
            command.run();
            window.scene().addPostLayoutPulseListener(listener[0]);
            return null;
        });
        long end = painted.get(60, TimeUnit.SECONDS);
        return (end - start[0]) / 1e6;
    }

    /** Scrolls page by page, each to its laid-out frame; the mean time per page. */
    private static double scrollPages(ReaderWindow window, int pages) throws Exception {
        double total = 0;
        for (int i = 0; i < pages; i++) {
            total += timeToPaint(window, () -> {
                VirtualFlow<?> flow = (VirtualFlow<?>) window.scene().lookup("#commentList .virtual-flow");
                flow.scrollPixels(flow.getHeight() * 0.9);
            });
        }
        return total / pages;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(20);
        }
    }
}
