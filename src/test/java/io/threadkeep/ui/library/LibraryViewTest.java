package io.threadkeep.ui.library;

import static io.threadkeep.ui.ReaderFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Site;
import io.threadkeep.store.StorySummary;
import io.threadkeep.ui.ReaderFixture;
import io.threadkeep.ui.TestThreads;
import io.threadkeep.ui.window.ReaderViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LibraryViewTest {

    @TempDir
    Path dir;

    private Stage stage;
    private ReaderFixture fixture;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void close() throws InterruptedException {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static List<String> titles(ReaderViewModel vm) {
        return ReaderFixture.onFx(() -> vm.library().stories().stream().map(StorySummary::title).toList());
    }

    /** The bundled sample pages, as the jar's first run writes them out. */
    private static List<Path> samplePages() {
        try {
            Path folder = Path.of("assets", "sample");
            List<Path> out = new ArrayList<>();
            for (String line : Files.readAllLines(folder.resolve("index.txt"))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(folder.resolve(line.strip()));
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void firstRunOnAnEmptyArchiveImportsTheSamplesThroughTheRealImporter(FxRobot robot) {
        fixture = new ReaderFixture(dir.resolve("db")).withSamples(LibraryViewTest::samplePages);
        ReaderViewModel vm = fixture.show(robot, stage, ReaderViewModel.LaunchRequest.none());
        waitUntil(() -> vm.library().stories().size() == 3);
        assertEquals(List.of("Ask HN: What is the oldest hardware you still use every day?",
                "City Library Starts Lending Soldering Irons, Waiting List Hits 400",
                "Open Source Driver Revives 1998 Flatbed Scanners"), titles(vm));
        waitUntil(() -> vm.thread().rowsCount() > 0);
        waitUntil(() -> robot.lookup("#sampleBanner").query().isVisible());
        assertTrue(robot.lookup("#sampleImportButton").queryAs(Button.class).isVisible(), "a call to import");
        fixture.settle();
        assertEquals("yes", fixture.store().setting("ui.sample.imported").orElse(""));
        // Every sample has its comments: 20 to 60 each.
        for (StorySummary s : ReaderFixture.onFx(() -> vm.library().allStories())) {
            assertTrue(s.commentCount() >= 20 && s.commentCount() <= 60, s.title() + ": " + s.commentCount());
        }
    }

    @Test
    void filterSortAndDeleteWithConfirmation(FxRobot robot) {
        fixture = new ReaderFixture(dir.resolve("db"));
        TestThreads.save(fixture.store(), TestThreads.story(Site.SLASHDOT, "a", "Beta release of the kernel",
                "editor", 12), TestThreads.generated(12, 1));
        TestThreads.save(fixture.store(), TestThreads.story(Site.HACKERNEWS, "b", "Alpha compilers revisited",
                "poster", null), TestThreads.generated(30, 2));
        long gamma = TestThreads.save(fixture.store(), TestThreads.story(Site.REDDIT, "c", "Gamma rays and you",
                "someone", 9), TestThreads.generated(3, 3));
        ReaderViewModel vm = fixture.show(robot, stage, new ReaderViewModel.LaunchRequest(gamma, List.of()));
        waitUntil(() -> vm.library().stories().size() == 3);
        waitUntil(() -> vm.thread().storyId() == gamma);

        robot.clickOn("#libraryFilter").write("alpha");
        waitUntil(() -> titles(vm).equals(List.of("Alpha compilers revisited")));
        robot.eraseText(5).write("RAYS you");
        waitUntil(() -> titles(vm).equals(List.of("Gamma rays and you")));
        robot.eraseText(8);
        waitUntil(() -> vm.library().stories().size() == 3);

        choose(robot, "#librarySort", LibraryViewModel.SortKey.TITLE);
        waitUntil(() -> titles(vm).equals(List.of("Alpha compilers revisited", "Beta release of the kernel",
                "Gamma rays and you")));
        choose(robot, "#librarySort", LibraryViewModel.SortKey.COMMENTS);
        waitUntil(() -> titles(vm).equals(List.of("Alpha compilers revisited", "Beta release of the kernel",
                "Gamma rays and you")) && vm.library().stories().get(0).commentCount() == 30);
        // "12 of 12" is said once; a declared count that differs is shown as saved of declared.
        ListView<?> list = robot.lookup("#libraryList").queryAs(ListView.class);
        assertTrue(robot.lookup("#libraryList .story-cell-meta").queryAllAs(javafx.scene.control.Label.class)
                .stream().anyMatch(l -> l.getText().endsWith("3 of 9 comments")));

        // Delete the open story: a confirmation, then it is gone from the archive and the reader.
        // (The same command is in the list's context menu; headless robots cannot open context menus.)
        assertTrue(list.getContextMenu().getItems().stream().anyMatch(i -> "Delete story…".equals(i.getText())));
        robot.clickOn(cellWithTitle(robot, "Gamma rays and you"));
        robot.type(javafx.scene.input.KeyCode.DELETE);
        waitUntil(() -> robot.lookup("#deleteConfirmation").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#deleteConfirmation .button").queryAllAs(Button.class).stream()
                .filter(b -> "Delete".equals(b.getText())).findFirst().orElseThrow());
        waitUntil(() -> vm.library().stories().size() == 2);
        waitUntil(() -> vm.thread().storyId() < 0);
        assertTrue(fixture.store().story(gamma).isEmpty());
        waitUntil(() -> robot.lookup("#emptyImportButton").query().isVisible());
        assertEquals(2, list.getItems().size());
    }

    private static ListCell<?> cellWithTitle(FxRobot robot, String title) {
        return robot.lookup("#libraryList .story-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() instanceof StorySummary s && s.title().equals(title)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String id, LibraryViewModel.SortKey key) {
        ComboBox<LibraryViewModel.SortKey> combo = robot.lookup(id).queryAs(ComboBox.class);
        robot.clickOn(combo);
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> key.toString().equals(c.getText())).findFirst().orElseThrow());
        waitUntil(() -> combo.getValue() == key);
    }
}
