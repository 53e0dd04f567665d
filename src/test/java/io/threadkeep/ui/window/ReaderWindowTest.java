package io.threadkeep.ui.window;

import static io.threadkeep.ui.ReaderFixture.onFx;
import static io.threadkeep.ui.ReaderFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Site;
import io.threadkeep.store.StoredComment;
import io.threadkeep.ui.ReaderFixture;
import io.threadkeep.ui.TestThreads;
import io.threadkeep.ui.common.Theme;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ReaderWindowTest {

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

    @Test
    void aRestartComesBackToTheSameStoryPlaceThemeAndTextSize(FxRobot robot) {
        fixture = new ReaderFixture(dir.resolve("db"));
        TestThreads.save(fixture.store(), TestThreads.story(Site.SLASHDOT, "other", "Another story", "e", 5),
                TestThreads.generated(5, 9));
        long id = TestThreads.save(fixture.store(), TestThreads.story(Site.SLASHDOT, "long", "A long story", "e", 200),
                TestThreads.generated(200, 4));
        ReaderViewModel vm = fixture.show(robot, stage, new ReaderViewModel.LaunchRequest(id, List.of()));
        waitUntil(() -> vm.thread().rowsCount() > 0);
        robot.clickOn("#commentList");
        robot.type(KeyCode.SPACE, 4);
        robot.clickOn("#themeToggle");
        robot.clickOn("#fontLarger");
        waitUntil(() -> vm.thread().topCommentRowId() > 0);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        long top = onFx(() -> {
            long atTop = vm.thread().topCommentRowId();
            fixture.window().saveState(stage);
            return atTop;
        });
        assertTrue(top != fixture.store().comments(id).get(0).rowId(), "the reader moved down the thread");
        fixture.settle();

        // A new window on the same archive, started without arguments.
        ReaderViewModel again = fixture.show(robot, stage, ReaderViewModel.LaunchRequest.none());
        waitUntil(() -> again.thread().storyId() == id && again.thread().rowsCount() > 0);
        assertEquals(Theme.DARK, again.themeProperty().get());
        assertEquals(ReaderViewModel.DEFAULT_FONT + 1, again.fontSizeProperty().get());
        waitUntil(() -> again.thread().selectedCommentRowId() == top);
        @SuppressWarnings("unchecked")
        ListView<Object> list = robot.lookup("#commentList").queryAs(ListView.class);
        int selected = onFx(() -> list.getSelectionModel().getSelectedIndex());
        waitUntil(() -> robot.lookup("#commentList .comment-cell").queryAllAs(ListCell.class).stream()
                .anyMatch(c -> c.getIndex() == selected && c.isVisible() && c.getItem() != null
                        && c.getLayoutY() < 200));
    }

    @Test
    void aSearchResultOpensItsStoryAtTheComment(FxRobot robot) {
        fixture = new ReaderFixture(dir.resolve("db"));
        String word = "zanzibarwidget";
        // One late, deep comment has a word nothing else has.
        List<io.threadkeep.model.Comment> generated = new java.util.ArrayList<>(TestThreads.generated(80, 5));
        io.threadkeep.model.Comment c = generated.get(77);
        generated.set(77, new io.threadkeep.model.Comment(c.id(), c.parentId(), c.author(), c.authorId(), c.posted(),
                c.postedText(), c.score(), c.label(), c.subject(), "<p>A " + word + " here.</p>" + c.html(),
                "A " + word + " here.\n\n" + c.text(), c.completeness(), c.state()));
        long id = TestThreads.save(fixture.store(), TestThreads.story(Site.SLASHDOT, "s", "Searched story", "e", 80),
                generated);
        StoredComment deep = fixture.store().comments(id).stream().filter(sc -> sc.comment().id().equals(c.id()))
                .findFirst().orElseThrow();
        ReaderViewModel vm = fixture.show(robot, stage, ReaderViewModel.LaunchRequest.none());
        waitUntil(() -> vm.library().stories().size() == 1);
        robot.clickOn("#collapseAllButton");

        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#searchPanel").tryQuery().isPresent()
                && robot.lookup("#searchQuery").query().isFocused());
        robot.write(word).type(KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        ListView<Object> results = robot.lookup("#searchResults").queryAs(ListView.class);
        waitUntil(() -> results.getItems().size() == 1);
        robot.clickOn(results).type(KeyCode.ENTER);
        waitUntil(() -> vm.thread().selectedCommentRowId() == deep.rowId());
        robot.type(KeyCode.ESCAPE);
    }
}
