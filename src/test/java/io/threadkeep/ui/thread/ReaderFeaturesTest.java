package io.threadkeep.ui.thread;

import static io.threadkeep.ui.ReaderFixture.onFx;
import static io.threadkeep.ui.ReaderFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Site;
import io.threadkeep.ui.ReaderFixture;
import io.threadkeep.ui.TestThreads;
import io.threadkeep.ui.window.ReaderViewModel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
import org.testfx.util.WaitForAsyncUtils;

/** The reader's own scoring, stars and notes, the thread map and reopening where the reader left off. */
@ExtendWith(ApplicationExtension.class)
class ReaderFeaturesTest {

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

    private ReaderViewModel open(FxRobot robot) {
        fixture = new ReaderFixture(dir);
        long id = TestThreads.save(fixture.store(), ThreadViewTest.sampleStory(), ThreadViewTest.sampleComments());
        return show(robot, id);
    }

    private ReaderViewModel show(FxRobot robot, long storyId) {
        ReaderViewModel vm = fixture.show(robot, stage, new ReaderViewModel.LaunchRequest(storyId, List.of()));
        waitUntil(() -> vm.thread().storyProperty().get() != null && !vm.thread().rows().isEmpty());
        return vm;
    }

    private static String describe(ThreadViewModel vm) {
        return onFx(() -> vm.rows().stream().map(r -> vm.model().comment(r.item()).id() + ":" + switch (r.kind()) {
            case FULL -> "F";
            case ONE_LINE -> "1";
            case COLLAPSED -> "C" + r.count();
            case PLACEHOLDER -> "P";
            case HIDDEN_GROUP -> "H" + r.count();
        }).collect(Collectors.joining(" ")));
    }

    private static String selectedId(ThreadViewModel vm) {
        return onFx(() -> {
            int item = vm.selectedItem();
            return item < 0 ? "" : vm.model().comment(item).id();
        });
    }

    private static void select(ThreadViewModel vm, String siteId) {
        onFx(() -> {
            vm.jumpTo(vm.model().itemOfId(siteId));
            return null;
        });
        waitUntil(() -> selectedId(vm).equals(siteId));
    }

    private static Set<String> shownTexts(FxRobot robot, String styleClass) {
        return robot.lookup("#commentList ." + styleClass).queryAll().stream().filter(Node::isVisible)
                .map(n -> n instanceof Label l ? l.getText() : "").collect(Collectors.toSet());
    }

    private static ListCell<?> cellOf(FxRobot robot, ThreadViewModel vm, String siteId) {
        return robot.lookup("#commentList .comment-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.isVisible() && c.getItem() instanceof ThreadModel.Row row
                        && vm.model().comment(row.item()).id().equals(siteId))
                .findFirst().orElseThrow(() -> new AssertionError("no cell shows comment " + siteId));
    }

    @SuppressWarnings("unchecked")
    private static void chooseThreshold(FxRobot robot, String id, int value) {
        ComboBox<Integer> combo = robot.lookup(id).queryAs(ComboBox.class);
        robot.clickOn(combo);
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> String.valueOf(value).equals(c.getText())).findFirst().orElseThrow());
        waitUntil(() -> combo.getValue() == value);
    }

    @Test
    void scoringChangesWhatTheThresholdsHideAndSaysWhy(FxRobot robot) {
        ReaderViewModel vm = open(robot);
        ThreadViewModel t = vm.thread();
        chooseThreshold(robot, "#hideThreshold", 0);
        waitUntil(() -> describe(t).equals("1:F 2:F 3:1 4:H1 5:F 9:P 6:F 7:H1"));

        // erin's -1 is hidden; as a friend (+1, from the comment's menu) her comment comes back as one line.
        // The comment's menu, as a right click opens it (Monocle sends no context-menu request of its own).
        ListView<?> comments = robot.lookup("#commentList").queryAs(ListView.class);
        ListCell<?> erin = cellOf(robot, t, "7");
        onFx(() -> {
            t.selectRow(erin.getIndex());
            return null;
        });
        waitUntil(() -> selectedId(t).equals("7"));
        onFx(() -> {
            comments.getContextMenu().show(erin, javafx.geometry.Side.BOTTOM, 0, 0);
            return null;
        });
        robot.clickOn("Author is a friend (+1)");
        waitUntil(() -> describe(t).equals("1:F 2:F 3:1 4:H1 5:F 9:P 6:F 7:1"));
        waitUntil(() -> shownTexts(robot, "score").contains("Score: 0 (+1 friend)"));

        // A label bonus: Insightful -2 pushes alice's 5 down to 3, still shown in full, and says so.
        onFx(() -> {
            t.setLabelPoints("Insightful", -2);
            return null;
        });
        waitUntil(() -> shownTexts(robot, "score").contains("Score: 3, Insightful (\u22122 Insightful)"));
        chooseThreshold(robot, "#fullThreshold", 4);
        waitUntil(() -> describe(t).startsWith("1:1 "));

        // Kept in the archive: a restart applies the same scoring.
        fixture.settle();
        ReaderViewModel again = show(robot, t.storyId());
        waitUntil(() -> describe(again.thread()).startsWith("1:1 ") && describe(again.thread()).endsWith("7:1"));
    }

    @Test
    void starsAndNotesSurviveTheStoryBeingRebuiltFromItsPages(FxRobot robot) throws Exception {
        ReaderViewModel vm = open(robot);
        ThreadViewModel t = vm.thread();
        long storyId = t.storyId();
        select(t, "5");
        robot.type(KeyCode.S);
        waitUntil(() -> shownTexts(robot, "badge-star").contains("★ starred"));
        onFx(() -> {
            t.setNote(t.model().itemOfId("5"), "carol has the numbers");
            return null;
        });
        waitUntil(() -> onFx(() -> cellOf(robot, t, "5").getAccessibleText()).contains("note: carol has the numbers"));
        fixture.settle();
        long rowBefore = onFx(() -> t.model().stored(t.model().itemOfId("5")).rowId());

        // What a rebuild does to the thread: its comments and pages go and come back as new rows.
        fixture.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("archive.db"))) {
            for (String sql : List.of("DELETE FROM comment WHERE story_id = ?",
                    "DELETE FROM source_file WHERE story_id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, storyId);
                    ps.executeUpdate();
                }
            }
        }
        fixture = new ReaderFixture(dir);
        TestThreads.save(fixture.store(), TestThreads.story(Site.SLASHDOT, "other", "Another story", "x", null),
                TestThreads.generated(12, 3));
        assertEquals(storyId, TestThreads.save(fixture.store(), ThreadViewTest.sampleStory(),
                ThreadViewTest.sampleComments()));
        ReaderViewModel again = show(robot, storyId);
        ThreadViewModel t2 = again.thread();
        assertNotEquals(rowBefore, onFx(() -> t2.model().stored(t2.model().itemOfId("5")).rowId()));
        waitUntil(() -> onFx(() -> t2.mark(t2.model().itemOfId("5"))).starred());
        assertEquals("carol has the numbers", onFx(() -> t2.mark(t2.model().itemOfId("5")).note()));

        // The library's Starred view lists it in context and opens the story at it.
        onFx(() -> {
            again.openStory(fixture.store().listStories().stream().filter(s -> s.id() != storyId).findFirst()
                    .orElseThrow().id());
            return null;
        });
        waitUntil(() -> t2.storyId() != storyId && t2.storyId() >= 0);
        robot.clickOn("#libraryStarredMode");
        ListView<?> starred = robot.lookup("#starredList").queryAs(ListView.class);
        waitUntil(() -> starred.getItems().size() == 1);
        Set<String> texts = robot.lookup("#starredList .label").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(Collectors.toSet());
        assertTrue(texts.contains("★ A story about testing readers"), texts.toString());
        assertTrue(texts.contains("Note: carol has the numbers"), texts.toString());
        robot.clickOn(robot.lookup("#starredList .marked-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() != null).findFirst().orElseThrow());
        waitUntil(() -> t2.storyId() == storyId && selectedId(t2).equals("5"));

        // s again takes the star away; the note stays.
        robot.clickOn("#libraryStoriesMode");
        onFx(() -> {
            robot.lookup("#commentList").query().requestFocus();
            return null;
        });
        robot.type(KeyCode.S);
        fixture.settle();
        assertFalse(onFx(() -> t2.mark(t2.model().itemOfId("5"))).starred());
        assertTrue(onFx(() -> t2.mark(t2.model().itemOfId("5"))).hasNote());
    }

    @Test
    void clickingOrDraggingTheThreadMapJumpsToASubThread(FxRobot robot) {
        fixture = new ReaderFixture(dir);
        long id = TestThreads.save(fixture.store(), TestThreads.story(Site.SLASHDOT, "20/10/07/9", "Big thread",
                "editor", null), TestThreads.generated(3_000, 11));
        ReaderViewModel vm = show(robot, id);
        ThreadViewModel t = vm.thread();
        ThreadMapView map = robot.lookup("#threadMap").queryAs(ThreadMapView.class);
        waitUntil(() -> map.map().size() == 3_000);
        assertTrue(map.getHeight() > 100, "the strip runs beside the list: " + map.getHeight());

        // The band under a point two thirds down the strip: a click there selects its first comment at the top.
        double y = map.getHeight() * 2 / 3;
        ThreadMap.Band band = onFx(() -> map.map().bands().get(map.bandAtY(y)));
        robot.clickOn(map.localToScreen(map.getWidth() / 2, y));
        String target = onFx(() -> t.model().comment(band.item()).id());
        waitUntil(() -> selectedId(t).equals(target));
        ListView<?> list = robot.lookup("#commentList").queryAs(ListView.class);
        int row = onFx(() -> t.model().rowOf(band.item()));
        // Brought to the top of the list (the first whole row there).
        waitUntil(() -> onFx(() -> robot.lookup("#commentList .comment-cell").queryAllAs(ListCell.class).stream()
                .anyMatch(c -> c.getIndex() == row && c.isVisible() && c.getItem() != null
                        && c.getLayoutY() < list.getHeight() / 4)));

        // Dragging up the strip follows the pointer; the frame shows where the list is.
        double top = map.getHeight() / 10;
        ThreadMap.Band upper = onFx(() -> map.map().bands().get(map.bandAtY(top)));
        robot.drag(map.localToScreen(map.getWidth() / 2, y)).moveTo(map.localToScreen(map.getWidth() / 2, top))
                .release(javafx.scene.input.MouseButton.PRIMARY);
        String upperId = onFx(() -> t.model().comment(upper.item()).id());
        waitUntil(() -> selectedId(t).equals(upperId));

        // With the keyboard: Down goes to the next sub-thread.
        ThreadMap.Band next = onFx(() -> map.map().bands().get(map.map().bandAt(
                t.model().sequencePosition(upper.item())) + 1));
        String nextId = onFx(() -> t.model().comment(next.item()).id());
        robot.type(KeyCode.DOWN);
        waitUntil(() -> selectedId(t).equals(nextId));
        assertTrue(list.isVisible());
        assertEquals(AccessibleRole.SCROLL_BAR, map.getAccessibleRole());
    }

    @Test
    void aStoryReopensAtTheCommentLastRead(FxRobot robot) {
        fixture = new ReaderFixture(dir);
        long first = TestThreads.save(fixture.store(), TestThreads.story(Site.SLASHDOT, "20/10/07/5", "First",
                "editor", null), TestThreads.generated(300, 5));
        long second = TestThreads.save(fixture.store(), TestThreads.story(Site.SLASHDOT, "20/10/07/6", "Second",
                "editor", null), TestThreads.generated(40, 6));
        ReaderViewModel vm = show(robot, first);
        ThreadViewModel t = vm.thread();
        robot.clickOn("#commentList");
        for (int i = 0; i < 25; i++) {
            robot.type(KeyCode.J);
        }
        String reached = selectedId(t);
        assertFalse(reached.isEmpty());
        assertNotEquals(onFx(() -> t.model().comment(t.rows().get(0).item()).id()), reached);

        // Reading another story and coming back from the library lands on the same comment.
        onFx(() -> {
            vm.library().select(second);
            return null;
        });
        waitUntil(() -> t.storyId() == second);
        onFx(() -> {
            vm.library().select(first);
            return null;
        });
        waitUntil(() -> t.storyId() == first && selectedId(t).equals(reached));

        // And after a restart, opening it again from the library.
        onFx(() -> {
            vm.library().select(second);
            return null;
        });
        waitUntil(() -> t.storyId() == second);
        fixture.settle();
        ReaderViewModel again = show(robot, second);
        onFx(() -> {
            again.library().select(first);
            return null;
        });
        waitUntil(() -> again.thread().storyId() == first && selectedId(again.thread()).equals(reached));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void commentsCarryTheirAccessibleRoleAndText(FxRobot robot) {
        ReaderViewModel vm = open(robot);
        ThreadViewModel t = vm.thread();
        ListCell<?> alice = cellOf(robot, t, "1");
        assertEquals(AccessibleRole.LIST_ITEM, alice.getAccessibleRole());
        assertEquals("comment", alice.getAccessibleRoleDescription());
        String text = alice.getAccessibleText();
        assertTrue(text.startsWith("Comment by alice, Score: 5, Insightful, depth 1, 3 replies, unread. First thread"),
                text);
        String reply = cellOf(robot, t, "2").getAccessibleText();
        assertTrue(reply.startsWith("Comment by anonymous, Score: 2, depth 2, 1 reply"), reply);
    }
}
