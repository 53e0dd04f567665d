package io.threadkeep.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import io.threadkeep.store.ArchiveCare;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.SourceFile;
import io.threadkeep.ui.common.BackgroundTasks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's Archive menu and the search pane's Export…: dialogs, background tasks, files written. */
@ExtendWith(ApplicationExtension.class)
class ArchiveActionsTest {

    @TempDir
    static Path dir;

    private ArchiveStore store;
    private ExecutorService executor;
    private ArchiveActionsModel model;
    private final SimpleObjectProperty<Long> story = new SimpleObjectProperty<>();
    private final SimpleStringProperty query = new SimpleStringProperty("");

    @Start
    void start(Stage stage) throws Exception {
        Path db = Files.createTempDirectory(dir, "a").resolve("archive.db");
        store = ArchiveStore.open(db);
        Comment a = new Comment("1", null, "alice", null, Instant.parse("2024-01-01T10:00:00Z"), null, 3, null,
                "Zebras", "<p>Zebras <b>run</b>.</p>", "Zebras run.", Completeness.FULL, CommentState.NORMAL);
        Comment b = new Comment("2", "1", "bob", null, Instant.parse("2024-01-01T11:00:00Z"), null, 1, null,
                "Re: Zebras", "<p>Indeed.</p>", "Indeed.", Completeness.FULL, CommentState.NORMAL);
        long id = store.save(new ParsedThread(new Story(Site.LOBSTERS, "abc", "https://lobste.rs/s/abc",
                "Stripes explained", "carol", Instant.parse("2024-01-01T09:00:00Z"), null, List.of(), List.of(),
                null, null, 2, null), List.of(a, b), List.of()), new SourceFile("p.html", "p.html",
                "<html></html>".getBytes(StandardCharsets.UTF_8), "test", 1, null)).storyId();
        story.set(id);
        executor = BackgroundTasks.newExecutor();
        model = new ArchiveActionsModel(store, executor);
        ArchiveActions actions = new ArchiveActions(model, story, query, () -> stage, dir);
        stage.setScene(new Scene(new VBox(actions.toolbarNode(), actions.searchExportButton()), 700, 300));
        stage.show();
    }

    @AfterEach
    void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        store.close();
    }

    private void waitIdle() throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.runningProperty().get()
                && !model.messageProperty().get().isEmpty() && !model.messageProperty().get().endsWith("…"));
    }

    @Test
    void exportsTheOpenStoryInTheChosenFormat(FxRobot robot) throws Exception {
        robot.clickOn("#archiveMenu").clickOn("#exportStoryItem");
        WaitForAsyncUtils.waitForFxEvents();
        TextField target = robot.lookup("#exportTarget").queryAs(TextField.class);
        assertTrue(target.getText().endsWith("lobsters-" + story.get() + "-stripes-explained.md"), target.getText());
        robot.interact(() -> robot.lookup("#exportFormat").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(io.threadkeep.export.ExportFormat.HTML));
        assertTrue(target.getText().endsWith(".html"), "the target follows the format: " + target.getText());
        Path out = dir.resolve("story.html");
        robot.interact(() -> target.setText(out.toString()));
        robot.clickOn("#targetOk");
        waitIdle();
        assertTrue(model.messageProperty().get().startsWith("Exported to"), model.messageProperty().get());
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(html.contains("<bdi class=\"a\">alice</bdi>") && html.contains("Indeed."));
    }

    @Test
    void exportsSearchResultsFromTheSearchPaneButton(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#searchExport").query().isDisabled(), "nothing to export without a query");
        robot.interact(() -> query.set("indeed"));
        robot.clickOn("#searchExport");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#exportFormat").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(io.threadkeep.export.ExportFormat.MBOX));
        Path out = dir.resolve("found.mbox");
        robot.interact(() -> robot.lookup("#exportTarget").queryAs(TextField.class).setText(out.toString()));
        robot.clickOn("#targetOk");
        waitIdle();
        String mbox = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(3, mbox.lines().filter(l -> l.startsWith("Message-ID: ")).count(), "story, match, its parent");
    }

    @Test
    void backsUpTheOpenArchiveToACopyThatChecksClean(FxRobot robot) throws Exception {
        robot.clickOn("#archiveMenu").clickOn("#backupItem");
        WaitForAsyncUtils.waitForFxEvents();
        Path out = dir.resolve("backup-" + System.nanoTime() + ".db");
        robot.interact(() -> robot.lookup("#exportTarget").queryAs(TextField.class).setText(out.toString()));
        robot.clickOn("#targetOk");
        waitIdle();
        assertTrue(model.messageProperty().get().startsWith("Backed up"), model.messageProperty().get());
        List<ArchiveCare.Finding> findings = ArchiveCare.check(out, false, () -> false);
        assertFalse(findings.stream().anyMatch(ArchiveCare.Finding::problem), findings.toString());
    }

    @Test
    void aQuickCheckRunsAtStartOnlyAfterAnUncleanSession(FxRobot robot) throws Exception {
        robot.interact(model::checkIfLastSessionWasUnclean);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.runningProperty().get());
        assertEquals("", model.messageProperty().get(), "a first session checks nothing");
        // The previous session never recorded its end: the next start checks.
        robot.interact(model::checkIfLastSessionWasUnclean);
        waitIdle();
        assertEquals("Archive check: everything is in order.", model.messageProperty().get());
        robot.interact(model::sessionEnded);
        robot.interact(model::checkIfLastSessionWasUnclean);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.runningProperty().get());
        assertEquals("", model.messageProperty().get(), "after a clean close, no check");
    }
}
