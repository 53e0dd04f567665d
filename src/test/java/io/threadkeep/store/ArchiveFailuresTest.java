package io.threadkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Comment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk and a read-only folder: said in the user's terms, and the archive left as it was. */
class ArchiveFailuresTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskIsSaidSoAndLeavesTheArchiveAsItWas() {
        try (ArchiveStore store = ArchiveStore.open(dir.resolve("archive.db"))) {
            store.save(ArchiveStoreTest.thread(List.of(ArchiveStoreTest.full("1", null, "a", 1))),
                    ArchiveStoreTest.source("first"));
            Map<String, Long> before = store.counts();
            // The archive may not grow past what it holds now: the next big page finds the disk full.
            store.withConnection(c -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("PRAGMA page_count")) {
                    rs.next();
                    st.execute("PRAGMA max_page_count = " + (rs.getLong(1) + 2));
                }
                return null;
            });
            List<Comment> many = new ArrayList<>();
            for (int i = 2; i < 3000; i++) {
                many.add(ArchiveStoreTest.full(String.valueOf(i), null, "text of comment " + i + " ".repeat(200), 1));
            }
            StoreException e = assertThrows(StoreException.class,
                    () -> store.save(ArchiveStoreTest.thread(many), ArchiveStoreTest.source("x".repeat(500_000))));
            assertTrue(e.getMessage().contains("the disk is full"), e.getMessage());
            assertFalse(e.getMessage().contains("no transaction is active"), e.getMessage());
            assertEquals(before, store.counts());
            store.checkSearchIndex();
        }
    }

    @Test
    void anArchiveInAReadOnlyFolderCanBeReadButNotChanged() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ro"));
        Path db = folder.resolve("archive.db");
        try (ArchiveStore store = ArchiveStore.open(db)) {
            store.save(ArchiveStoreTest.thread(List.of(ArchiveStoreTest.full("1", null, "a", 1))),
                    ArchiveStoreTest.source("first"));
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // The superuser writes anywhere: there the folder is not read-only and there is nothing to test.
            Assumptions.assumeFalse(Files.isWritable(folder), "the folder stays writable for this user");
            try (ArchiveStore store = ArchiveStore.open(db)) {
                assertTrue(store.isReadOnly());
                assertEquals(1, store.listStories().size());
                long id = store.listStories().get(0).id();
                assertEquals("a", store.comments(id).get(0).comment().text());
                store.markOpened(id);
                StoreException e = assertThrows(StoreException.class, () -> store.save(
                        ArchiveStoreTest.thread(List.of(ArchiveStoreTest.full("2", null, "b", 1))),
                        ArchiveStoreTest.source("second")));
                assertTrue(e.getMessage().contains("is read-only"), e.getMessage());
            }
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
