package io.threadkeep.ui.importing;

import static io.threadkeep.ui.ReaderFixture.onFx;
import static io.threadkeep.ui.ReaderFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.archiving.FileResult;
import io.threadkeep.store.StorySummary;
import io.threadkeep.ui.ReaderFixture;
import io.threadkeep.ui.TestPageParser;
import io.threadkeep.ui.window.ReaderViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ImportFromWindowTest {

    @TempDir
    Path dir;

    private Stage stage;
    private ReaderFixture fixture;
    private final TestPageParser parser = new TestPageParser();

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void close() throws InterruptedException {
        parser.release();
        if (fixture != null) {
            fixture.close();
        }
    }

    private ReaderViewModel window(FxRobot robot) {
        fixture = new ReaderFixture(dir.resolve("db")).withImporter(new PageImporter(List.of(parser), List.of(),
                List.of()));
        return fixture.show(robot, stage, ReaderViewModel.LaunchRequest.none());
    }

    private List<Path> pages(boolean blockSecond) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path a = TestPageParser.write(in, "alpha", "Alpha thread", 4, false);
        Path b = TestPageParser.write(in, "beta", "Beta thread", 6, blockSecond);
        Path notes = Files.writeString(in.resolve("notes.txt"), "just some notes, not a page");
        Path empty = Files.createFile(in.resolve("empty.html"));
        Path other = Files.writeString(in.resolve("other.html"), "<html><body><p>A recipe.</p></body></html>");
        return List.of(a, b, notes, empty, other);
    }

    @Test
    void importShowsProgressUpdatesTheLibraryLiveAndEndsWithASummary(FxRobot robot) throws Exception {
        ReaderViewModel vm = window(robot);
        List<Path> files = pages(true);
        robot.interact(() -> vm.importAndOpen(files));
        parser.awaitBlocked();
        waitUntil(() -> robot.lookup("#importProgress").query().isVisible());
        // The first page is in the library while the second is still being imported.
        waitUntil(() -> vm.library().stories().stream().map(StorySummary::title).toList().equals(
                List.of("Alpha thread")));
        double progress = onFx(() -> robot.lookup("#importProgress").queryAs(ProgressBar.class).getProgress());
        assertTrue(progress > 0 && progress < 1, "progress " + progress);
        assertTrue(robot.lookup("#importMessage").queryAs(Label.class).getText().startsWith("Importing 2 of 5"));
        assertTrue(robot.lookup("#importCancel").query().isVisible());

        parser.release();
        waitUntil(() -> "Imported 2 · updated 0 · unchanged 0 · skipped 2 · failed 1".equals(
                robot.lookup("#importSummary").queryAs(Label.class).getText()));
        assertTrue(!robot.lookup("#importProgress").query().isVisible());
        // Problems are listed with their reasons without a click.
        @SuppressWarnings("unchecked")
        ListView<FileResult> results = robot.lookup("#importResults").queryAs(ListView.class);
        waitUntil(results::isVisible);
        assertEquals(5, results.getItems().size());
        assertTrue(results.getItems().stream().anyMatch(r -> r.file().endsWith("empty.html")
                && r.message().contains("empty")));
        assertTrue(results.getItems().stream().anyMatch(r -> r.file().endsWith("notes.txt")
                && r.message().contains("not an HTML page")));
        // The first imported story is opened, and the library has both.
        waitUntil(() -> vm.thread().storyProperty().get() != null
                && vm.thread().storyProperty().get().story().title().equals("Alpha thread"));
        waitUntil(() -> vm.library().stories().size() == 2);

        robot.clickOn("#importClose");
        waitUntil(() -> !robot.lookup("#importPanel").query().isVisible());

        // Importing the same pages again changes nothing, and says so.
        robot.interact(() -> vm.importPaths(files.subList(0, 2)));
        waitUntil(() -> "Imported 0 · updated 0 · unchanged 2 · skipped 0 · failed 0".equals(
                robot.lookup("#importSummary").queryAs(Label.class).getText()));
    }

    @Test
    void cancelStopsAfterTheCurrentFile(FxRobot robot) throws Exception {
        ReaderViewModel vm = window(robot);
        List<Path> files = pages(true);
        robot.interact(() -> vm.importPaths(files));
        parser.awaitBlocked();
        waitUntil(() -> robot.lookup("#importCancel").query().isVisible());
        robot.clickOn("#importCancel");
        parser.release();
        waitUntil(() -> robot.lookup("#importSummary").queryAs(Label.class).getText().endsWith("— cancelled"));
        assertEquals("Imported 2 · updated 0 · unchanged 0 · skipped 0 · failed 0 — cancelled",
                robot.lookup("#importSummary").queryAs(Label.class).getText());
        waitUntil(() -> vm.library().stories().size() == 2);
    }
}
