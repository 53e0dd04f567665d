package io.threadkeep.archiving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.threadkeep.bench.gen.DeepChain;
import io.threadkeep.bench.gen.Era;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.store.ArchiveStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders with symbolic links and unreadable parts: every entry gets a status line with the right reason. */
class ImportFoldersTest {

    @TempDir
    Path dir;

    private List<FileResult> importPaths(Path... paths) {
        try (ArchiveStore store = ArchiveStore.open(dir.resolve("archive.db"))) {
            return new ImportService(PageImporter.standard(), store).importPaths(List.of(paths), ImportListener.NONE);
        }
    }

    private static Map<String, FileResult> byName(List<FileResult> results) {
        return results.stream().collect(Collectors.toMap(r -> Path.of(r.file()).getFileName().toString(),
                Function.identity()));
    }

    @Test
    void linkedPagesAreFollowedOnceAndBadLinksAreReported() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.write(elsewhere.resolve("lobsters.html"), DeepChain.page(Era.LOBSTERS, 2));
        Path folder = Files.createDirectories(dir.resolve("saved"));
        Files.write(folder.resolve("a-hn.html"), DeepChain.page(Era.HACKERNEWS, 2));
        Files.createSymbolicLink(folder.resolve("b-linked.html"), elsewhere.resolve("lobsters.html"));
        Files.createSymbolicLink(folder.resolve("c-again.html"), folder.resolve("a-hn.html"));
        Files.createSymbolicLink(folder.resolve("d-broken.html"), dir.resolve("gone.html"));
        Path sub = Files.createDirectories(folder.resolve("sub"));
        Files.createSymbolicLink(sub.resolve("loop"), folder);

        Map<String, FileResult> results = byName(importPaths(folder));

        assertEquals(ImportStatus.IMPORTED, results.get("a-hn.html").status());
        assertEquals(ImportStatus.IMPORTED, results.get("b-linked.html").status(), "a linked page is imported");
        assertEquals(ImportStatus.SKIPPED, results.get("c-again.html").status());
        assertTrue(results.get("c-again.html").message().contains("the same file as"), results.toString());
        assertEquals(ImportStatus.FAILED, results.get("d-broken.html").status());
        assertTrue(results.get("d-broken.html").message().contains("broken symbolic link"), results.toString());
        assertEquals(ImportStatus.FAILED, results.get("loop").status());
        assertTrue(results.get("loop").message().contains("symbolic link loop"), results.toString());
        assertEquals(5, results.size(), results.toString());
    }

    @Test
    void anUnreadableFolderSaysPermissionDenied() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("locked"));
        Files.write(folder.resolve("page.html"), DeepChain.page(Era.HACKERNEWS, 2));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(folder), "permissions do not bind this user (root)");
            List<FileResult> results = importPaths(folder);
            assertEquals(1, results.size(), results.toString());
            assertEquals(ImportStatus.FAILED, results.get(0).status());
            assertEquals("folder cannot be read: permission denied", results.get(0).message());
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
