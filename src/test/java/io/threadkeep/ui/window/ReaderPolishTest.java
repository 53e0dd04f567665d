package io.threadkeep.ui.window;

import static io.threadkeep.ui.ReaderFixture.onFx;
import static io.threadkeep.ui.ReaderFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import io.threadkeep.store.StorySummary;
import io.threadkeep.ui.ReaderFixture;
import io.threadkeep.ui.TestThreads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The daily reader's polish: titles, dates, the unread count, text size, keyboard focus and high contrast. */
@ExtendWith(ApplicationExtension.class)
class ReaderPolishTest {

    private static final String LONG_TITLE = "Science AMA Series: I study hurricanes, the seasons that make them,"
            + " the oceans that feed them and the models that forecast them; I have worked on seasonal forecasts for"
            + " fifteen years and on the physics of tropical cyclones for longer, and I am here to talk about this"
            + " year's Atlantic season in particular as well as any other question about typhoons you may have."
            + " Ask me anything!";

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

    private static Story undated(Site site, String siteId, String title) {
        return new Story(site, siteId, "https://example.test/" + site.id() + "/" + siteId, title, "poster", null,
                null, List.of(), List.of(), null, null, null, null);
    }

    private ListCell<?> storyCell(FxRobot robot, long storyId) {
        return robot.lookup("#libraryList .story-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() instanceof StorySummary s && s.id() == storyId && c.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no library row for story " + storyId));
    }

    @Test
    void longTitlesAreClampedWithTheFullTitleInATooltipAndUnknownDatesSaySo(FxRobot robot) {
        fixture = new ReaderFixture(dir);
        long ama = TestThreads.saveUncaptured(fixture.store(), undated(Site.REDDIT, "5abcde", LONG_TITLE),
                TestThreads.generated(5, 1));
        long hiring = TestThreads.saveUncaptured(fixture.store(), undated(Site.HACKERNEWS, "3412900",
                "Ask HN: Who is Hiring? (January 2012)"), TestThreads.generated(5, 2));
        fixture.show(robot, stage, new ReaderViewModel.LaunchRequest(hiring, List.of()));
        waitUntil(() -> fixture.vm().library().stories().size() == 2);

        Label title = (Label) storyCell(robot, ama).lookup("#storyCellTitle");
        waitUntil(() -> title.getHeight() > 0);
        double line = onFx(() -> new Text("Ag") {{ setFont(title.getFont()); }}.getLayoutBounds().getHeight());
        assertTrue(title.getHeight() <= line * 3.6, "three lines at most: " + title.getHeight() + " / " + line);
        assertTrue(title.getHeight() >= line * 2.5, "but three lines: " + title.getHeight() + " / " + line);
        Text shown = (Text) title.lookup(".text");
        assertTrue(shown.getText().endsWith("..."), "cut with an ellipsis: " + shown.getText());
        assertEquals(LONG_TITLE, title.getTooltip().getText());

        String amaMeta = ((Label) storyCell(robot, ama).lookup(".story-cell-meta")).getText();
        assertTrue(amaMeta.startsWith("date unknown · imported "), amaMeta);
        String hiringMeta = ((Label) storyCell(robot, hiring).lookup(".story-cell-meta")).getText();
        assertTrue(hiringMeta.startsWith("about Jan 2012 · "), hiringMeta);
    }

    @Test
    void theHeaderAndTheLibraryShowOneUnreadCountThatFollowsReading(FxRobot robot) {
        fixture = new ReaderFixture(dir);
        long id = TestThreads.save(fixture.store(), TestThreads.story(Site.SLASHDOT, "20/10/07/3", "Unread counts",
                "editor", null), TestThreads.generated(150, 9));
        ReaderViewModel vm = fixture.show(robot, stage, new ReaderViewModel.LaunchRequest(id, List.of()));
        Label header = robot.lookup("#threadSummary").queryAs(Label.class);
        waitUntil(() -> vm.thread().storyProperty().get() != null);
        robot.clickOn("#commentList");
        for (int i = 0; i < 4; i++) {
            robot.type(KeyCode.SPACE);
        }
        waitUntil(() -> {
            int library = vm.library().allStories().get(0).unreadCount();
            Label badge = (Label) storyCell(robot, id).lookup(".unread-count");
            return library < 140 && header.getText().startsWith(library + " unread")
                    && badge.getText().equals(String.valueOf(library));
        });
        // Mark all read: both say so at once.
        robot.clickOn("#markAllReadButton");
        waitUntil(() -> header.getText().startsWith("all read")
                && vm.library().allStories().get(0).unreadCount() == 0);
    }

    @Test
    void textSizeReachesTheLibraryAndTheSearchPane(FxRobot robot) {
        fixture = new ReaderFixture(dir);
        long id = TestThreads.save(fixture.store(), TestThreads.story(Site.SLASHDOT, "20/10/07/4", "Text size",
                "editor", null), TestThreads.generated(10, 4));
        fixture.show(robot, stage, new ReaderViewModel.LaunchRequest(id, List.of()));
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#searchQuery").tryQuery().isPresent());
        Label title = (Label) storyCell(robot, id).lookup("#storyCellTitle");
        TextField query = robot.lookup("#searchQuery").queryAs(TextField.class);
        double libraryBefore = title.getFont().getSize();
        double searchBefore = query.getFont().getSize();
        robot.clickOn("#commentList");
        for (int i = 0; i < 3; i++) {
            robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        }
        waitUntil(() -> title.getFont().getSize() > libraryBefore && query.getFont().getSize() > searchBefore);
    }

    @Test
    void everyControlIsReachedByTabAndShowsItHasFocus(FxRobot robot) {
        fixture = new ReaderFixture(dir);
        long id = TestThreads.save(fixture.store(), TestThreads.story(Site.SLASHDOT, "20/10/07/7", "Focus",
                "editor", null), TestThreads.generated(30, 8));
        fixture.show(robot, stage, new ReaderViewModel.LaunchRequest(id, List.of()));
        waitUntil(() -> fixture.vm().thread().storyProperty().get() != null);
        robot.clickOn("#searchField");
        Set<String> reached = new LinkedHashSet<>();
        List<Node> unringed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            robot.type(KeyCode.TAB);
            Node owner = onFx(() -> stage.getScene().getFocusOwner());
            if (owner != null && owner.getId() != null) {
                reached.add(owner.getId());
            }
            if (owner instanceof javafx.scene.control.ButtonBase b && !onFx(() -> b.getBorder() != null
                    && !b.getBorder().getStrokes().isEmpty())) {
                unringed.add(owner);
            }
        }
        for (String id1 : List.of("searchField", "fontLarger", "themeToggle", "highContrastToggle",
                "libraryStoriesMode", "libraryFilter", "librarySort", "libraryList", "collapseAllButton",
                "sortChoice", "fullThreshold", "hideThreshold", "nextUnreadButton", "scoringButton", "commentList",
                "threadMap")) {
            assertTrue(reached.contains(id1), id1 + " reached by Tab; reached " + reached);
        }
        assertTrue(unringed.isEmpty(), "focused buttons show a ring: " + unringed);

        // The library's two views are one group, as radio buttons are: Tab reaches it, the arrows choose.
        onFx(() -> {
            robot.lookup("#libraryStoriesMode").query().requestFocus();
            return null;
        });
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> robot.lookup("#libraryStarredMode").query().isFocused());
        robot.type(KeyCode.SPACE);
        waitUntil(() -> fixture.vm().library().showingMarkedProperty().get());
    }

    @Test
    void highContrastIsWhiteOnBlackWithAYellowFocusRing(FxRobot robot) {
        fixture = new ReaderFixture(dir);
        long id = TestThreads.save(fixture.store(), TestThreads.story(Site.SLASHDOT, "20/10/07/8", "Contrast",
                "editor", null), TestThreads.generated(10, 4));
        ReaderViewModel vm = fixture.show(robot, stage, new ReaderViewModel.LaunchRequest(id, List.of()));
        robot.clickOn("#highContrastToggle");
        Region root = robot.lookup("#readerRoot").queryAs(Region.class);
        waitUntil(() -> root.getStyleClass().contains("theme-high-contrast"));
        waitUntil(() -> root.getBackground() != null
                && Color.BLACK.equals(root.getBackground().getFills().get(0).getFill()));
        Region toggle = robot.lookup("#highContrastToggle").queryAs(Region.class);
        waitUntil(() -> toggle.isFocused() && toggle.getBorder() != null);
        assertEquals(Color.web("#ffe14d"), toggle.getBorder().getStrokes().get(0).getTopStroke());
        assertNotNull(vm.settings().get(ReaderViewModel.SETTING_THEME).orElse(null));
        assertEquals("HIGH_CONTRAST", vm.settings().get(ReaderViewModel.SETTING_THEME).orElse(""));
    }
}
