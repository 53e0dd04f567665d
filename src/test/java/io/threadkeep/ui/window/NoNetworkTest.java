package io.threadkeep.ui.window;

import static io.threadkeep.ui.ReaderFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import io.threadkeep.archiving.ImportStatus;
import io.threadkeep.ui.ReaderFixture;
import io.threadkeep.ui.TestThreads;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Whatever a saved page referenced, showing it must not touch the network. A local server counts requests while
 * comments that point at it (images, srcset, CSS urls, frames, scripts, objects) are shown.
 */
@ExtendWith(ApplicationExtension.class)
class NoNetworkTest {

    @TempDir
    Path dir;

    private Stage stage;
    private ReaderFixture fixture;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private String base;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "x".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.stop(0);
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Everything a hostile or careless page could use to make a viewer fetch something. */
    private String resources(String tag) {
        return "<p>Text before " + tag + ".</p>"
                + "<img src=\"" + base + "/img-" + tag + ".png\" alt=\"pic\">"
                + "<img srcset=\"" + base + "/srcset-" + tag + ".png 2x\" src=\"data:,\">"
                + "<picture><source srcset=\"" + base + "/source-" + tag + ".webp\"></picture>"
                + "<p style=\"background: url('" + base + "/css-" + tag + ".png')\">styled paragraph</p>"
                + "<style>body { background: url(" + base + "/style-" + tag + ".png) }</style>"
                + "<iframe src=\"" + base + "/frame-" + tag + "\"></iframe>"
                + "<script src=\"" + base + "/script-" + tag + ".js\"></script>"
                + "<link rel=\"stylesheet\" href=\"" + base + "/link-" + tag + ".css\">"
                + "<object data=\"" + base + "/object-" + tag + "\"></object>"
                + "<video poster=\"" + base + "/poster-" + tag + ".jpg\" src=\"" + base + "/video-" + tag + "\"></video>"
                + "<p>A <a href=\"" + base + "/link-" + tag + "\">plain link</a> after.</p>";
    }

    @Test
    void showingCommentsThatReferenceRemoteResourcesMakesNoRequest(FxRobot robot) throws Exception {
        fixture = new ReaderFixture(dir.resolve("db"));
        // Stored as-is, bypassing the importer's cleaning: the reader itself must be safe.
        List<Comment> comments = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            comments.add(new Comment(String.valueOf(i), i > 1 && i % 3 != 1 ? String.valueOf(i - 1) : null, "user" + i,
                    null, null, null, 5, null, "Subject " + i, resources("c" + i), "text " + i, Completeness.FULL,
                    CommentState.NORMAL));
        }
        Story story = new Story(Site.SLASHDOT, "net", "https://example.test/net", "Remote resources", "editor", null,
                null, List.of(), List.of(), resources("summary"), "summary", null, null);
        long stored = TestThreads.save(fixture.store(), story, comments);

        // And a real page through the real importer, with the same references in the story and a comment.
        Path page = dir.resolve("page.html");
        String sample = Files.readString(Path.of("assets/sample/slashdot-2021-06-09_library-soldering-irons.html"));
        Files.writeString(page, sample
                .replace("<p>A library that lends", resources("imported") + "<p>A library that lends")
                .replace("An anonymous reader quotes a report:", resources("intro") + " An anonymous reader quotes"));

        ReaderViewModel vm = fixture.show(robot, stage, new ReaderViewModel.LaunchRequest(stored, List.of()));
        waitUntil(() -> vm.thread().rowsCount() > 0);
        walkThrough(robot, vm);

        robot.interact(() -> vm.importAndOpen(List.of(page)));
        waitUntil(() -> !vm.importing().runningProperty().get() && !vm.importing().results().isEmpty());
        assertEquals(ImportStatus.IMPORTED, vm.importing().results().get(0).status());
        waitUntil(() -> vm.thread().storyId() != stored && vm.thread().rowsCount() > 0);
        walkThrough(robot, vm);

        // Hovering shows the target; clicking hands it to the system browser, never to a fetch of our own.
        long imported = vm.thread().storyId();
        robot.interact(() -> vm.openStory(imported));
        waitUntil(() -> robot.lookup("#commentList .link").queryAllAs(Text.class).stream()
                .anyMatch(t -> t.getText().equals("plain link")));
        Text link = robot.lookup("#commentList .link").queryAllAs(Text.class).stream()
                .filter(t -> t.getText().equals("plain link")).findFirst().orElseThrow();
        robot.moveTo(link);
        robot.clickOn(link);
        waitUntil(() -> fixture.openedLinks().stream().anyMatch(l -> l.startsWith(base + "/link-")));

        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(0, requests.get(), "the window fetched something");
        for (Window window : Window.getWindows()) {
            assertTrue(nodes(window.getScene().getRoot()).stream().noneMatch(n -> n instanceof ImageView
                    || n.getClass().getName().contains("WebView")), "no image or web view nodes");
        }
    }

    private void walkThrough(FxRobot robot, ReaderViewModel vm) {
        robot.clickOn("#expandAllButton");
        robot.clickOn("#commentList");
        int rows = ReaderFixture.onFx(() -> vm.thread().rowsCount());
        robot.type(KeyCode.J, rows + 1);
        robot.type(KeyCode.SPACE, 3);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<Node> nodes(Parent root) {
        List<Node> out = new ArrayList<>();
        List<Node> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            out.add(n);
            if (n instanceof Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return out;
    }
}
