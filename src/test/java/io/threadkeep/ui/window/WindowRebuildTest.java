package io.threadkeep.ui.window;

import static io.threadkeep.ui.ReaderFixture.onFx;
import static io.threadkeep.ui.ReaderFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.archiving.ImportListener;
import io.threadkeep.archiving.ImportService;
import io.threadkeep.archiving.RebuildService;
import io.threadkeep.store.StoredComment;
import io.threadkeep.testsupport.SharedCorpus;
import io.threadkeep.ui.ReaderFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** When the window opens on pages an older parser read, their stories are rebuilt in the background. */
@ExtendWith(ApplicationExtension.class)
class WindowRebuildTest {

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
    void storiesAnOlderParserReadAreRebuiltInTheBackgroundWithProgress(FxRobot robot) throws Exception {
        Path page = SharedCorpus.siteDir("hackernews").resolve("hn-2013-01_larry-page_small.html");
        fixture = new ReaderFixture(dir);
        new ImportService(PageImporter.standard(), fixture.store()).importPaths(List.of(page), ImportListener.NONE);
        long id = fixture.store().listStories().get(0).id();
        List<String> clean = fixture.store().comments(id).stream().map(c -> c.comment().text()).toList();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("archive.db"));
             Statement st = c.createStatement()) {
            st.execute("UPDATE source_file SET parser_version = 0");
            st.execute("UPDATE comment SET text = 'as an older parser read it'");
        }
        ReaderViewModel vm = fixture.show(robot, stage, new ReaderViewModel.LaunchRequest(id, List.of()));
        waitUntil(() -> vm.thread().rowsCount() > 0);

        onFx(() -> {
            vm.rebuildStale(new RebuildService(PageImporter.standard(), fixture.store()));
            return null;
        });
        waitUntil(() -> vm.statusProperty().get().startsWith("Rebuilt 1 threads"));
        fixture.settle();
        assertEquals(clean, fixture.store().comments(id).stream().map(c -> c.comment().text()).toList());
        assertTrue(fixture.store().comments(id).stream().map(StoredComment::comment)
                .noneMatch(c -> "as an older parser read it".equals(c.text())));
    }
}
