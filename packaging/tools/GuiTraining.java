import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Opens the app's window the way a user does, so that -XX:DumpLoadedClassList records the classes the window
 * needs at start-up for the AppCDS archive; then ends the JVM. Run by packaging/build.xml on the image's runtime,
 * headless (JavaFX's Monocle platform), with the app's own command line: {@code GuiTraining [--db FILE] PAGE...}.
 *
 * <p>It only watches from outside: once a window is showing it lets the app go on (importing and laying out the
 * page it was given) for {@link #SETTLE_MILLIS}, then exits. Exit code 0 when a window was shown, 1 if none came
 * within {@link #TIMEOUT_SECONDS}.
 */
public final class GuiTraining {

    private static final long SETTLE_MILLIS = 4000;
    private static final long TIMEOUT_SECONDS = 90;
    private static final long POLL_MILLIS = 100;

    private GuiTraining() {
    }

    public static void main(String[] args) throws Exception {
        Thread watcher = new Thread(GuiTraining::watch, "gui-training-watcher");
        watcher.setDaemon(true);
        watcher.start();
        io.threadkeep.app.Main.main(args);
    }

    private static void watch() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        try {
            while (System.nanoTime() < deadline) {
                if (windowShowing()) {
                    Thread.sleep(SETTLE_MILLIS);
                    System.exit(0);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println("GuiTraining: no window was shown within " + TIMEOUT_SECONDS + " s");
        System.exit(1);
    }

    /** Asks the JavaFX thread; false while the toolkit is not up yet. */
    private static boolean windowShowing() throws InterruptedException {
        AtomicBoolean showing = new AtomicBoolean();
        CountDownLatch answered = new CountDownLatch(1);
        try {
            Platform.runLater(() -> {
                showing.set(Window.getWindows().stream().anyMatch(Window::isShowing));
                answered.countDown();
            });
        } catch (IllegalStateException toolkitNotStarted) {
            return false;
        }
        return answered.await(POLL_MILLIS * 10, TimeUnit.MILLISECONDS) && showing.get();
    }
}
