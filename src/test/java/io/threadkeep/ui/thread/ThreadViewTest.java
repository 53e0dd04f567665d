package io.threadkeep.ui.thread;

import static io.threadkeep.ui.ReaderFixture.onFx;
import static io.threadkeep.ui.ReaderFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import io.threadkeep.store.StoredComment;
import io.threadkeep.ui.ReaderFixture;
import io.threadkeep.ui.TestThreads;
import io.threadkeep.ui.thread.ThreadModel.Row;
import io.threadkeep.ui.thread.ThreadModel.RowKind;
import io.threadkeep.ui.window.ReaderViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ThreadViewTest {

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

    private static Comment comment(String id, String parent, String author, Integer score, String subject,
                                   String html, Completeness completeness) {
        String text = html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        return new Comment(id, parent, author, author == null ? null : "7" + id,
                Instant.parse("2020-10-07T21:00:00Z").plusSeconds(Long.parseLong(id) * 60), null, score,
                score != null && score >= 5 ? "Insightful" : null, subject, html, text, completeness,
                CommentState.NORMAL);
    }

    /** The thread of these tests, in page order. */
    static List<Comment> sampleComments() {
        List<Comment> list = new ArrayList<>();
        list.add(comment("1", null, "alice", 5, "First thread",
                "<p>Opening words with <a href=\"https://example.test/spec\">the spec</a>.</p>"
                        + "<blockquote><p>quoted words</p></blockquote><p>Run <code>make check</code>.</p>",
                Completeness.FULL));
        list.add(comment("2", "1", null, 2, "Re:First thread", "<p>An anonymous reply.</p>", Completeness.FULL));
        list.add(comment("3", "2", "editor", 0, "Re:First thread", "<p>The poster answers.</p>", Completeness.FULL));
        list.add(comment("4", "1", "bob", -1, "Cut short", "<p>This one was cut</p>", Completeness.TRUNCATED));
        list.add(comment("5", null, "carol", 3, "Second thread", "<p>Another top-level comment.</p>",
                Completeness.FULL));
        list.add(Comment.placeholder("9", null));
        list.add(comment("6", "9", "dave", 1, "Orphan reply", "<p>Its parent was not saved.</p>", Completeness.FULL));
        list.add(comment("7", null, "erin", -1, "Third thread", "<p>Low score.</p>", Completeness.FULL));
        return list;
    }

    static Story sampleStory() {
        return new Story(Site.SLASHDOT, "20/10/07/1", "https://slashdot.example/story/20/10/07/1",
                "A story about testing readers", "editor", Instant.parse("2020-10-07T20:00:00Z"), "test-everything",
                List.of("Software", "Testing"), List.of(), "<p>The <b>summary</b> of the story.</p>",
                "The summary of the story.", 20, null);
    }

    private ReaderViewModel open(FxRobot robot) {
        fixture = new ReaderFixture(dir);
        long id = TestThreads.save(fixture.store(), sampleStory(), sampleComments());
        ReaderViewModel vm = fixture.show(robot, stage, new ReaderViewModel.LaunchRequest(id, List.of()));
        waitUntil(() -> vm.thread().storyProperty().get() != null && !vm.thread().rows().isEmpty());
        return vm;
    }

    private static String describe(ThreadViewModel vm) {
        return onFx(() -> {
            ThreadModel m = vm.model();
            return vm.rows().stream().map(r -> m.comment(r.item()).id() + ":" + switch (r.kind()) {
                case FULL -> "F";
                case ONE_LINE -> "1";
                case COLLAPSED -> "C" + r.count();
                case PLACEHOLDER -> "P";
                case HIDDEN_GROUP -> "H" + r.count();
            }).collect(Collectors.joining(" "));
        });
    }

    private static String selectedId(ThreadViewModel vm) {
        return onFx(() -> {
            int item = vm.selectionProperty().get().item();
            return item < 0 ? "" : vm.model().comment(item).id();
        });
    }

    private static Set<String> shownTexts(FxRobot robot, String styleClass) {
        return robot.lookup("#commentList ." + styleClass).queryAll().stream()
                .filter(Node::isVisible)
                .map(n -> n instanceof Label l ? l.getText() : n instanceof Text t ? t.getText() : "")
                .collect(Collectors.toSet());
    }

    private static long unreadCells(FxRobot robot) {
        return robot.lookup("#commentList .comment-cell").queryAll().stream()
                .filter(n -> n.isVisible() && n.getPseudoClassStates().stream()
                        .anyMatch(p -> p.getPseudoClassName().equals("unread")))
                .count();
    }

    private static ListCell<?> cellAt(FxRobot robot, int index) {
        return robot.lookup("#commentList .comment-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getIndex() == index && c.isVisible() && c.getItem() != null)
                .findFirst().orElseThrow(() -> new AssertionError("no cell shows row " + index));
    }

    @Test
    void openingAStoryShowsItsHeaderAndTheCommentTree(FxRobot robot) {
        ReaderViewModel vm = open(robot);
        assertEquals("A story about testing readers", robot.lookup("#storyTitle").queryAs(Label.class).getText());
        assertEquals("Posted by editor", robot.lookup("#storyPoster").queryAs(Label.class).getText());
        assertEquals("from the test-everything dept.", robot.lookup("#storyDepartment").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#storySaved").queryAs(Label.class).getText().startsWith("7 of 20 comments saved"));
        Set<String> topics = robot.lookup("#storyTopics .topic-chip").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(Collectors.toSet());
        assertEquals(Set.of("Software", "Testing"), topics);

        // Default thresholds: full at 1 and above, one line below, nothing hidden.
        assertEquals("1:F 2:F 3:1 4:1 5:F 9:P 6:F 7:1", describe(vm.thread()));
        Set<String> subjects = shownTexts(robot, "subject");
        assertTrue(subjects.containsAll(Set.of("First thread", "Second thread", "Orphan reply")), subjects.toString());
        assertTrue(shownTexts(robot, "placeholder-note").contains("#9 was not saved"));
        assertTrue(shownTexts(robot, "anonymous").contains("Anonymous Coward"));
        assertTrue(shownTexts(robot, "poster").contains("editor"));
        assertTrue(shownTexts(robot, "badge-partial").contains("not saved in full"));
        assertTrue(shownTexts(robot, "score").contains("Score: 5, Insightful"));
        assertTrue(shownTexts(robot, "uid").contains("(71)"));
        // The body is laid out natively: the link is its own underlined text, the quote sits behind a bar.
        assertTrue(shownTexts(robot, "link").contains("the spec"));
        assertFalse(robot.lookup("#commentList .quote .quote-bar").queryAll().isEmpty());
        assertTrue(shownTexts(robot, "t-code").contains("make check"));
        assertTrue(robot.lookup(".web-view").queryAll().isEmpty(), "no browser engine in the window");

        Text link = robot.lookup("#commentList .link").queryAs(Text.class);
        robot.clickOn(link);
        waitUntil(() -> fixture.openedLinks().contains("https://example.test/spec"));
    }

    @Test
    void clickingAHeaderOrToggleCollapsesAndExpandsItsReplies(FxRobot robot) {
        ReaderViewModel vm = open(robot);
        ListCell<?> first = cellAt(robot, 0);
        robot.clickOn(first.lookup(".toggle"));
        waitUntil(() -> describe(vm.thread()).startsWith("1:C3 5:F"));
        assertTrue(shownTexts(robot, "replies-hidden").contains("3 replies hidden"));
        robot.clickOn(cellAt(robot, 0).lookup(".subject"));
        waitUntil(() -> describe(vm.thread()).startsWith("1:F 2:F 3:1 4:1"));

        robot.clickOn("#collapseAllButton");
        waitUntil(() -> describe(vm.thread()).equals("1:C3 5:F 9:P 7:1"));
        robot.clickOn("#expandAllButton");
        waitUntil(() -> describe(vm.thread()).equals("1:F 2:F 3:1 4:1 5:F 9:P 6:F 7:1"));
    }

    @Test
    void thresholdsShortenAndHideLowScoredComments(FxRobot robot) {
        ReaderViewModel vm = open(robot);
        chooseThreshold(robot, "#hideThreshold", 0);
        waitUntil(() -> describe(vm.thread()).equals("1:F 2:F 3:1 4:H1 5:F 9:P 6:F 7:H1"));
        assertTrue(shownTexts(robot, "hidden-group").contains("1 hidden comment (below the threshold) — show"));

        chooseThreshold(robot, "#fullThreshold", 3);
        waitUntil(() -> describe(vm.thread()).equals("1:F 2:1 3:1 4:H1 5:F 9:P 6:1 7:H1"));

        // Clicking the hidden line shows that comment.
        int hiddenRow = onFx(() -> {
            List<Row> rows = vm.thread().rows();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).kind() == RowKind.HIDDEN_GROUP) {
                    return i;
                }
            }
            return -1;
        });
        // The list refills its cells on the next pulse: click only once the row's cell shows the hidden line.
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> onFx(() -> showsHiddenGroup(robot, hiddenRow)));
        robot.clickOn(cellAt(robot, hiddenRow).lookup(".hidden-group"));
        waitUntil(() -> describe(vm.thread()).equals("1:F 2:1 3:1 4:F 5:F 9:P 6:1 7:H1"));
        // The chosen thresholds are remembered.
        fixture.settle();
        assertEquals("3", fixture.store().setting("ui." + ThreadViewModel.SETTING_FULL).orElse(""));
        assertEquals("0", fixture.store().setting("ui." + ThreadViewModel.SETTING_HIDE).orElse(""));
    }

    private static boolean showsHiddenGroup(FxRobot robot, int row) {
        for (ListCell<?> cell : robot.lookup("#commentList .comment-cell").queryAllAs(ListCell.class)) {
            if (cell.getIndex() == row && cell.isVisible() && cell.getItem() != null) {
                javafx.scene.Node line = cell.lookup(".hidden-group");
                return line != null && line.isVisible() && line.getScene() != null;
            }
        }
        return false;
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
    void keyboardMovesThroughTheThread(FxRobot robot) {
        ReaderViewModel vm = open(robot);
        ThreadViewModel t = vm.thread();
        // A click on the header would fold the thread; the body only selects.
        robot.clickOn(cellAt(robot, 0).lookup(".comment-body"));
        waitUntil(() -> selectedId(t).equals("1"));
        robot.type(KeyCode.J);
        waitUntil(() -> selectedId(t).equals("2"));
        robot.type(KeyCode.J);
        waitUntil(() -> selectedId(t).equals("3"));
        robot.type(KeyCode.K);
        waitUntil(() -> selectedId(t).equals("2"));
        robot.type(KeyCode.P);
        waitUntil(() -> selectedId(t).equals("1"));
        robot.type(KeyCode.T);
        waitUntil(() -> selectedId(t).equals("5"));
        robot.type(KeyCode.T);
        waitUntil(() -> selectedId(t).equals("9"));
        robot.press(KeyCode.SHIFT).type(KeyCode.T).release(KeyCode.SHIFT);
        waitUntil(() -> selectedId(t).equals("5"));
        robot.press(KeyCode.SHIFT).type(KeyCode.T).release(KeyCode.SHIFT);
        waitUntil(() -> selectedId(t).equals("1"));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> describe(t).startsWith("1:C3 5:F"));
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> describe(t).startsWith("1:F 2:F"));
        robot.type(KeyCode.LEFT);
        waitUntil(() -> describe(t).startsWith("1:C3"));
        robot.type(KeyCode.RIGHT);
        // On a one-line comment, right shows it in full; left on a leaf goes to the parent.
        robot.type(KeyCode.J, 3);
        waitUntil(() -> selectedId(t).equals("4"));
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> describe(t).startsWith("1:F 2:F 3:1 4:F"));
        robot.type(KeyCode.LEFT);
        waitUntil(() -> selectedId(t).equals("1"));
        // Space pages down; the selection follows to the top of the new page.
        robot.type(KeyCode.SPACE);
        waitUntil(() -> !selectedId(t).equals("1") || t.rows().size() < 3);
    }

    @Test
    void nextUnreadSkipsCommentsReadBeforeAndRevealsHiddenOnes(FxRobot robot) {
        fixture = new ReaderFixture(dir);
        long id = TestThreads.save(fixture.store(), sampleStory(), sampleComments());
        List<StoredComment> stored = fixture.store().comments(id);
        List<Long> readBefore = stored.stream()
                .filter(c -> Set.of("2", "3", "5").contains(c.comment().id())).map(StoredComment::rowId).toList();
        fixture.store().markRead(readBefore);
        fixture.store().putSetting("ui." + ThreadViewModel.SETTING_HIDE, "0");
        ReaderViewModel vm = fixture.show(robot, stage, new ReaderViewModel.LaunchRequest(id, List.of()));
        ThreadViewModel t = vm.thread();
        waitUntil(() -> t.model() != null && !t.rows().isEmpty());
        assertEquals("1:F 2:F 3:1 4:H1 5:F 9:P 6:F 7:H1", describe(t));
        robot.clickOn(cellAt(robot, 0).lookup(".date"));
        robot.type(KeyCode.N);
        // 4 is hidden by the threshold, but it is the next unread one: it is brought into view.
        waitUntil(() -> selectedId(t).equals("4"));
        assertTrue(describe(t).contains("4:F"));
        robot.type(KeyCode.N);
        waitUntil(() -> selectedId(t).equals("6"));
        robot.type(KeyCode.N);
        waitUntil(() -> selectedId(t).equals("7"));
        robot.type(KeyCode.N);
        waitUntil(() -> t.messageProperty().get().equals("No more unread comments."));
    }

    @Test
    void shownCommentsBecomeReadAndMarksFollow(FxRobot robot) {
        fixture = new ReaderFixture(dir);
        Story story = sampleStory();
        List<Comment> first = new ArrayList<>(sampleComments());
        long id = TestThreads.save(fixture.store(), story, first);
        // A later save of the same story adds a comment: it is "new since the last save".
        List<Comment> second = new ArrayList<>(first);
        second.add(comment("8", "5", "frank", 4, "Added later", "<p>A late reply.</p>", Completeness.FULL));
        TestThreads.save(fixture.store(), story, second);
        ReaderViewModel vm = fixture.show(robot, stage, new ReaderViewModel.LaunchRequest(id, List.of()));
        waitUntil(() -> vm.thread().model() != null && !vm.thread().rows().isEmpty());
        assertTrue(shownTexts(robot, "badge-new").contains("new"));
        assertTrue(robot.lookup("#threadSummary").queryAs(Label.class).getText().contains("1 new since the last save"));
        assertTrue(unreadCells(robot) > 0, "unread comments are marked");

        // Moving to the end shows every comment, so every comment with a body is now read in the archive.
        robot.clickOn(cellAt(robot, 0).lookup(".comment-body"));
        robot.type(KeyCode.J, 9);
        waitUntil(() -> fixture.store().comments(id).stream()
                .filter(c -> c.comment().completeness() != Completeness.PLACEHOLDER).allMatch(StoredComment::read));
        waitUntil(() -> vm.library().stories().get(0).unreadCount() == 0);
    }

    @Test
    void onlyCommentsOnScreenAreMarkedReadAndMarkAllReadDoesTheRest(FxRobot robot) {
        fixture = new ReaderFixture(dir);
        long id = TestThreads.save(fixture.store(), TestThreads.story(Site.HACKERNEWS, "long", "A long thread",
                "poster", 300), TestThreads.generated(300, 3));
        ReaderViewModel vm = fixture.show(robot, stage, new ReaderViewModel.LaunchRequest(id, List.of()));
        waitUntil(() -> vm.thread().model() != null && !vm.thread().rows().isEmpty());
        waitUntil(() -> fixture.store().comments(id).stream().anyMatch(StoredComment::read));
        fixture.settle();
        long read = fixture.store().comments(id).stream().filter(StoredComment::read).count();
        assertTrue(read > 0 && read < 60, "only what was on screen is read: " + read);

        robot.clickOn("#markAllReadButton");
        waitUntil(() -> fixture.store().comments(id).stream().allMatch(StoredComment::read));
        waitUntil(() -> unreadCells(robot) == 0);
        waitUntil(() -> vm.library().stories().get(0).unreadCount() == 0);
    }

    @Test
    void findInThreadSelectsMatchesInTurn(FxRobot robot) {
        ReaderViewModel vm = open(robot);
        robot.clickOn(cellAt(robot, 0).lookup(".comment-body"));
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#findBar").query().isVisible());
        robot.write("reply").type(KeyCode.ENTER);
        waitUntil(() -> "1 of 2".equals(robot.lookup("#findStatus").queryAs(Label.class).getText()));
        assertEquals("2", selectedId(vm.thread()));
        robot.clickOn("#findNext");
        waitUntil(() -> selectedId(vm.thread()).equals("6"));
        robot.clickOn("#findNext");
        waitUntil(() -> selectedId(vm.thread()).equals("2"));
        robot.clickOn("#findPrevious");
        waitUntil(() -> selectedId(vm.thread()).equals("6"));
        assertTrue(shownTexts(robot, "find-match").stream().anyMatch(s -> s.equalsIgnoreCase("reply")));
    }

    @Test
    void openingAtACommentExpandsHighlightsAndSelectsIt(FxRobot robot) {
        ReaderViewModel vm = open(robot);
        robot.clickOn("#collapseAllButton");
        long storyId = vm.thread().storyId();
        long rowId = fixture.store().comments(storyId).stream().filter(c -> c.comment().id().equals("3"))
                .findFirst().orElseThrow().rowId();
        robot.interact(() -> vm.openStoryAt(storyId, rowId));
        waitUntil(() -> selectedId(vm.thread()).equals("3"));
        assertTrue(describe(vm.thread()).contains("3:F"), "the one-line comment is shown in full");
        int row = onFx(() -> vm.thread().selectionProperty().get().row());
        waitUntil(() -> cellAt(robot, row).getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("target")));
    }

    @Test
    void copyPutsTheSelectedCommentsTextOnTheClipboard(FxRobot robot) {
        ReaderViewModel vm = open(robot);
        robot.clickOn(cellAt(robot, 1).lookup(".date"));
        waitUntil(() -> selectedId(vm.thread()).equals("2"));
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        waitUntil(() -> "An anonymous reply.".equals(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertTrue(robot.lookup("#commentList").queryAs(ListView.class).isFocused());
    }
}
