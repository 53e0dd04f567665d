package io.threadkeep.ui.thread;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.model.Site;
import io.threadkeep.archiving.ImportService;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.ui.TestThreads;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Times the thread map on a 20,000-comment thread in a real window: the snapshot taken on the FX thread, the
 * layout computed off it, and one paint of the strip (with unread marks on every comment and find matches). Prints
 * the figures; asserts nothing. Run with a display (Xvfb) or Monocle:
 * {@code java -cp target/classes:target/test-classes:CP io.threadkeep.ui.thread.ThreadMapBench [runs]}.
 */
public final class ThreadMapBench {

    private ThreadMapBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        PrintStream out = System.out;
        Path dir = Files.createTempDirectory("threadkeep-mapbench");
        ArchiveStore store = ArchiveStore.open(dir.resolve("bench.db"));
        long big = TestThreads.save(store, TestThreads.story(Site.HACKERNEWS, "m20000", "20,000 comments", "e",
                20000), TestThreads.generated(20000, 20000));
        ExecutorService executor = BackgroundTasks.newExecutor();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        ReaderViewModel[] vm = new ReaderViewModel[1];
        ReaderWindow[] window = new ReaderWindow[1];
        onFx(() -> {
            vm[0] = new ReaderViewModel(store, new ImportService(PageImporter.standard(), store),
                    new io.threadkeep.search.SearchService(store), executor,
                    UiSettings.inMemory(), url -> { }, List::of, Theme.LIGHT);
            window[0] = new ReaderWindow(vm[0], ZoneOffset.UTC);
            Stage stage = new Stage();
            stage.setWidth(1400);
            stage.setHeight(900);
            window[0].show(stage);
            vm[0].start(new ReaderViewModel.LaunchRequest(big, List.of()));
            return null;
        });
        ThreadViewModel t = vm[0].thread();
        ThreadMapView map = (ThreadMapView) onFx(() -> window[0].scene().lookup("#threadMap"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (onFx(() -> map.map().size()) != 20000) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the map never came");
            }
            Thread.sleep(50);
        }
        onFx(() -> {
            t.find("kernel");
            return null;
        });
        List<Double> snapshot = new ArrayList<>();
        List<Double> layout = new ArrayList<>();
        List<Double> paint = new ArrayList<>();
        for (int r = 0; r < runs + 3; r++) {
            long a = System.nanoTime();
            ThreadMap.Snapshot s = onFx(() -> ThreadMap.Snapshot.of(t.model(), t::isUnreadNow, t.findMatches()));
            long b = System.nanoTime();
            ThreadMap m = ThreadMap.compute(s);
            long c = System.nanoTime();
            long painted = onFx(() -> {
                map.paint();
                return map.lastPaintNanos();
            });
            if (r >= 3) {
                snapshot.add((b - a) / 1e6);
                layout.add((c - b) / 1e6);
                paint.add(painted / 1e6);
            }
            if (m.size() != 20000) {
                throw new IllegalStateException("map of " + m.size());
            }
        }
        ThreadMap m = onFx(map::map);
        out.printf(Locale.ROOT, "thread map, 20,000 comments, %d top-level bands, %d unread marks, %d find marks,"
                        + " strip %.0f px high (%d runs, median [min-max] ms)%n", m.bands().size(),
                m.unreadPositions().length, m.hitPositions().length, onFx(map::getHeight), runs);
        out.println(line("snapshot on the FX thread", snapshot));
        out.println(line("layout off the FX thread", layout));
        out.println(line("paint (FX thread)", paint));
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
        return String.format(Locale.ROOT, "  %-30s %7.2f  [%.2f-%.2f]", what, sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
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
}
