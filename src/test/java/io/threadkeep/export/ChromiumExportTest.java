package io.threadkeep.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML export in a real browser: headless Chromium (Debian's package; skipped where /usr/bin/chromium is
 * missing) opens the file offline, its DOM shows every comment open, and its network log holds no request made by
 * the page (requests of the browser's own, initiated by no origin, are not the page's).
 */
class ChromiumExportTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path dir;

    private static List<ExportStory> stories;

    @BeforeAll
    static void setUp() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium; skipping the browser check");
        stories = CorpusArchive.stories(dir.resolve("corpus.db"));
    }

    record Opened(Document dom, int pageRequests) {
    }

    @Test
    void theExportOpensOfflineWithEveryCommentVisibleAndNoRequest() throws Exception {
        // The story with the most comments and one of each other site keep the browser runs few.
        List<ExportStory> chosen = new ArrayList<>();
        stories.stream().max(Comparator.comparingInt(s -> s.comments().size())).ifPresent(chosen::add);
        for (String site : List.of("hackernews", "reddit", "lobsters")) {
            stories.stream().filter(s -> s.story().site().id().equals(site) && !chosen.contains(s)).findFirst()
                    .ifPresent(chosen::add);
        }
        for (ExportStory s : chosen) {
            Path file = dir.resolve(Exporter.fileName(s, ExportFormat.HTML));
            Files.writeString(file, Exporter.write(ExportFormat.HTML, s), StandardCharsets.UTF_8);
            Opened opened = open(file);
            assertEquals(0, opened.pageRequests(), "no network request from " + file.getFileName());
            assertEquals(s.comments().size(), opened.dom().select("details.c[open]").size(),
                    "every comment open in " + file.getFileName());
            assertEquals(s.savedCommentCount(), opened.dom().select("details.c[open]:not(.missing)").size(), "the story's saved comments");
            assertEquals(0, opened.dom().select("details.c:not([open])").size());
        }
    }

    @Test
    void theRequestCountSeesWhatAPageLoads() throws Exception {
        Path file = dir.resolve("loads.html");
        Files.writeString(file, "<!DOCTYPE html><html><body><img src=\"http://198.51.100.7/x.png\">"
                + "<details open class=\"c\">x</details></body></html>");
        assertTrue(open(file).pageRequests() >= 1, "a page that loads an image makes a request");
    }

    private static Opened open(Path file) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(dir, "chromium");
        Path netLog = work.resolve("net.json");
        Path dom = work.resolve("dom.html");
        ProcessBuilder pb = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + work.resolve("profile"), "--log-net-log=" + netLog,
                "--net-log-capture-mode=Default", "--virtual-time-budget=3000", "--dump-dom",
                file.toUri().toString());
        pb.redirectOutput(dom.toFile());
        pb.redirectError(work.resolve("stderr.txt").toFile());
        Process process = pb.start();
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish");
        }
        String stderr = read(work.resolve("stderr.txt"));
        assertEquals(0, process.exitValue(), () -> "Chromium failed: " + stderr);
        return new Opened(Jsoup.parse(read(dom)), pageRequests(read(netLog)));
    }

    /** URL requests in the net log initiated by the page (initiator "null" for a file) rather than the browser. */
    private static int pageRequests(String netLogJson) {
        JsonObject log = JsonParser.parseString(netLogJson).getAsJsonObject();
        int startJob = -1;
        for (Map.Entry<String, JsonElement> e : log.getAsJsonObject("constants").getAsJsonObject("logEventTypes")
                .entrySet()) {
            if (e.getKey().equals("URL_REQUEST_START_JOB")) {
                startJob = e.getValue().getAsInt();
            }
        }
        int count = 0;
        for (JsonElement e : log.getAsJsonArray("events")) {
            JsonObject event = e.getAsJsonObject();
            if (event.get("type").getAsInt() != startJob || !event.has("params")) {
                continue;
            }
            JsonObject params = event.getAsJsonObject("params");
            String initiator = params.has("initiator") ? params.get("initiator").getAsString() : "not an origin";
            String url = params.has("url") ? params.get("url").getAsString() : "";
            if (!initiator.equals("not an origin") && !url.startsWith("file:")) {
                count++;
            }
        }
        return count;
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }
}
