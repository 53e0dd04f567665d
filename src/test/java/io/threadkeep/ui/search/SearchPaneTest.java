package io.threadkeep.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.search.SearchHit;
import io.threadkeep.search.SearchService;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.testsupport.SearchArchive;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SearchPaneTest {

    @TempDir
    static Path dir;

    private ArchiveStore store;
    private SearchArchive archive;
    private ExecutorService executor;
    private final List<SearchHit> opened = new CopyOnWriteArrayList<>();
    private SearchPane pane;

    @Start
    void start(Stage stage) {
        store = ArchiveStore.open(dir.resolve("pane-" + System.nanoTime() + ".db"));
        archive = SearchArchive.fill(store);
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "search-test");
            t.setDaemon(true);
            return t;
        });
        pane = new SearchPane(new SearchViewModel(new SearchService(store), executor, opened::add));
        stage.setScene(new Scene(pane, 520, 640));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(pane::dispose).get();
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        store.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private ListView<SearchHit> results(FxRobot robot) {
        return robot.lookup("#searchResults").queryAs(ListView.class);
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#searchStatus").queryAs(Label.class).getText();
    }

    @Test
    void resultsAppearAsYouTypeWithTheMatchesHighlighted(FxRobot robot) throws Exception {
        robot.clickOn("#searchQuery").write("drag applet");
        ListView<SearchHit> list = results(robot);
        waitUntil(() -> !list.getItems().isEmpty() && !pane.busyProperty().get());
        assertEquals("101", list.getItems().get(0).commentId());
        assertTrue(status(robot).contains("result"), status(robot));

        List<String> highlighted = robot.lookup(".search-match").queryAll().stream()
                .map(n -> ((Text) n).getText().toLowerCase()).toList();
        assertTrue(highlighted.contains("drag") || highlighted.stream().anyMatch(s -> s.contains("drag")),
                highlighted.toString());
        Node flow = robot.lookup(".search-snippet").query();
        assertTrue(flow instanceof TextFlow);
        assertTrue(robot.lookup(".search-hit-title").queryAs(Label.class).getText().contains("GNOME"));
    }

    @Test
    void enterOpensTheFirstResultAndNextPreviousStepThrough(FxRobot robot) throws Exception {
        robot.clickOn("#searchQuery").write("panel");
        ListView<SearchHit> list = results(robot);
        waitUntil(() -> list.getItems().size() >= 3 && !pane.busyProperty().get());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> opened.size() == 1);
        assertEquals(list.getItems().get(0), opened.get(0));

        robot.interact(pane::showNext);
        waitUntil(() -> opened.size() == 2);
        assertEquals(list.getItems().get(1), opened.get(1));
        assertEquals(1, list.getSelectionModel().getSelectedIndex(), "the list follows");

        robot.interact(pane::showPrevious);
        waitUntil(() -> opened.size() == 3);
        assertEquals(list.getItems().get(0), opened.get(2));
        robot.interact(pane::showPrevious);
        assertEquals(3, opened.size(), "nothing before the first result");
    }

    @Test
    void clickingAResultOpensIt(FxRobot robot) throws Exception {
        robot.clickOn("#searchQuery").write("emacs");
        ListView<SearchHit> list = results(robot);
        waitUntil(() -> list.getItems().size() == 1 && !pane.busyProperty().get());
        robot.clickOn(".search-snippet");
        waitUntil(() -> opened.size() == 1);
        assertEquals("5001", opened.get(0).commentId());
        assertEquals(archive.editors, opened.get(0).storyId());
    }

    @Test
    void aNewerQueryReplacesTheOlderOne(FxRobot robot) throws Exception {
        robot.clickOn("#searchQuery").write("emacs");
        robot.interact(() -> pane.queryProperty().set("sponsorship"));
        ListView<SearchHit> list = results(robot);
        waitUntil(() -> !list.getItems().isEmpty() && !pane.busyProperty().get());
        assertTrue(list.getItems().stream().noneMatch(h -> "5001".equals(h.commentId())), "no stale results");
        assertTrue(list.getItems().stream().anyMatch(h -> "t1a".equals(h.commentId())));
    }

    @Test
    void aQueryThatCannotRunIsExplained(FxRobot robot) throws Exception {
        robot.clickOn("#searchQuery").write("score:>=abc");
        waitUntil(() -> status(robot).contains("score") && !pane.busyProperty().get());
        assertTrue(results(robot).getItems().isEmpty());
        assertTrue(robot.lookup("#searchStatus").query().getStyleClass().contains("search-problem"));

        robot.interact(() -> pane.queryProperty().set("(a \"unclosed NEAR( C++"));
        waitUntil(() -> !pane.busyProperty().get() && !status(robot).contains("score"));
        assertFalse(robot.lookup("#searchStatus").query().getStyleClass().contains("search-problem"),
                status(robot));
    }

    @Test
    void anAuthorsNameOpensTheirComments(FxRobot robot) throws Exception {
        robot.clickOn("#searchQuery").write("regression");
        ListView<SearchHit> list = results(robot);
        waitUntil(() -> !list.getItems().isEmpty() && !pane.busyProperty().get());
        List<SearchHit> before = List.copyOf(list.getItems());
        robot.clickOn(robot.lookup(".search-hit-author").match(n -> ((Hyperlink) n).getText().equals("Alice"))
                .queryAs(Hyperlink.class));
        waitUntil(() -> robot.lookup("#authorView").query().isVisible() && !pane.busyProperty().get());
        assertEquals(2, list.getItems().size());
        assertTrue(list.getItems().stream().allMatch(h -> h.author().equalsIgnoreCase("alice")));
        String summary = robot.lookup("#authorSummary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("2 comments in 2 stories"), summary);
        assertEquals(1, robot.lookup("#authorScores").queryParent().getChildrenUnmodifiable().size(),
                "one scored comment, one bar");

        robot.clickOn("#authorBack");
        waitUntil(() -> !robot.lookup("#authorView").query().isVisible());
        assertEquals(before, List.copyOf(list.getItems()), "back to the results as they were");
        assertTrue(opened.isEmpty(), "looking at an author opens nothing");
    }

    @Test
    void inThisFollowsTheWindowsStory(FxRobot robot) throws Exception {
        robot.interact(() -> pane.currentStoryIdProperty().set(archive.editors));
        robot.clickOn("#searchQuery").write("in:this panel");
        ListView<SearchHit> list = results(robot);
        waitUntil(() -> !list.getItems().isEmpty() && !pane.busyProperty().get());
        assertEquals(List.of("5001"), list.getItems().stream().map(SearchHit::commentId).toList());
        robot.interact(() -> pane.currentStoryIdProperty().set(archive.gnome));
        waitUntil(() -> !list.getItems().isEmpty() && !"5001".equals(list.getItems().get(0).commentId())
                && !pane.busyProperty().get());
        assertTrue(list.getItems().stream().allMatch(h -> h.storyId() == archive.gnome));
    }
}
