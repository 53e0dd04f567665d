package io.threadkeep.archiving;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.PageSource;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.PreparedPage;
import io.threadkeep.store.SaveResult;
import io.threadkeep.store.SourceFile;
import io.threadkeep.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Imports files and folders into the archive: the one engine behind the CLI's {@code import} and the window's
 * import. Each page is its own transaction; one bad file never stops the rest.
 */
public final class ImportService {

    /** Bumped when a parser changes what it extracts, so old saves can be found and re-parsed. */
    public static final int PARSER_VERSION = 1;

    /** Parsing threads beside the writer; more would only queue behind the one writer. */
    private static final int PARSE_WORKERS_MAX = 4;

    private final PageImporter importer;
    private final ArchiveStore store;

    public ImportService(PageImporter importer, ArchiveStore store) {
        this.importer = importer;
        this.store = store;
    }

    /** Imports every file under the given paths (folders recursively), reporting each to the listener. */
    public List<FileResult> importPaths(List<Path> paths, ImportListener listener) {
        rebuildStale(listener);
        List<FileResult> results = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Map<Path, FileResult> notImported = new HashMap<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                FileResult missing = new FileResult(path.toString(), ImportStatus.FAILED, null, null, 0, 0,
                        "no such file or folder");
                results.add(missing);
                listener.finished(missing);
            } else if (Files.isDirectory(path)) {
                try {
                    files.addAll(filesUnder(path, notImported));
                } catch (UncheckedIOException e) {
                    FileResult unreadable = new FileResult(path.toString(), ImportStatus.FAILED, null, null, 0, 0,
                            "cannot read folder: " + e.getCause().getMessage());
                    results.add(unreadable);
                    listener.finished(unreadable);
                }
            } else {
                files.add(path);
            }
        }
        // Pages are read and parsed ahead on the other cores while this thread, the archive's one writer, stores
        // the page before: parsing is about half an import's work. Results still reach the archive and the
        // listener in file order, and only a few parsed pages wait at a time, so memory stays bounded.
        int workers = Math.max(1, Math.min(PARSE_WORKERS_MAX, Runtime.getRuntime().availableProcessors() - 1));
        ExecutorService parsing = Executors.newFixedThreadPool(workers, ImportService::parseThread);
        try {
            ArrayDeque<Future<List<Staged>>> ahead = new ArrayDeque<>();
            int submitted = 0;
            for (int i = 0; i < files.size(); i++) {
                if (listener.isCancelled()) {
                    break;
                }
                while (submitted < files.size() && submitted <= i + workers) {
                    Path next = files.get(submitted++);
                    ahead.addLast(notImported.containsKey(next) ? CompletableFuture.completedFuture(List.of())
                            : parsing.submit(() -> stage(next, importer.importFile(next))));
                }
                Path file = files.get(i);
                listener.starting(i, files.size(), file.toString());
                FileResult refused = notImported.get(file);
                List<Staged> outcomes = parsed(ahead.removeFirst());
                if (outcomes == null) {
                    break;
                }
                for (FileResult result : refused != null ? List.of(refused) : storeAll(outcomes)) {
                    results.add(result);
                    listener.finished(result);
                }
            }
        } finally {
            parsing.shutdownNow();
        }
        return results;
    }

    private static Thread parseThread(Runnable r) {
        Thread t = new Thread(r, "threadkeep-import-parse");
        t.setDaemon(true);
        return t;
    }

    /** The parse's outcomes, or null when this thread was interrupted (the import was cancelled) while waiting. */
    private static List<Staged> parsed(Future<List<Staged>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            // The importer reports bad pages as outcomes; anything thrown is a defect and surfaces as it would have
            // had the page been parsed on this thread.
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Before adding pages, derives again the stories that pages read by an older parser feed, so the new pages fold
     * onto threads as today's parsers read them. Never on a read-only archive (the import fails there anyway).
     */
    private void rebuildStale(ImportListener listener) {
        if (store.isReadOnly()) {
            return;
        }
        RebuildService rebuilds = new RebuildService(importer, store);
        List<Long> stale = rebuilds.staleStories();
        if (stale.isEmpty()) {
            return;
        }
        rebuilds.rebuild(stale, new RebuildService.Progress() {
            @Override
            public void rebuilt(int done, int total, long storyId, io.threadkeep.store.SaveResult result,
                                String error) {
                listener.rebuilding(done, total);
            }

            @Override
            public boolean isCancelled() {
                return listener.isCancelled();
            }
        });
    }

    /** Imports one file; a container holding several pages gives one result per page. */
    public List<FileResult> importFile(Path file) {
        return storeAll(stage(file, importer.importFile(file)));
    }

    /** A page's outcome and, for a parsed page, its hash and compression, done ahead of the archive's writer. */
    private record Staged(PageOutcome outcome, String name, PreparedPage prepared) {
    }

    private static List<Staged> stage(Path file, List<PageOutcome> outcomes) {
        String display = file.toString();
        List<Staged> staged = new ArrayList<>();
        for (PageOutcome outcome : outcomes) {
            String name = outcomes.size() > 1 ? display + "#" + outcome.name() : display;
            PreparedPage prepared = null;
            if (outcome instanceof PageOutcome.Parsed parsed) {
                PageSource page = parsed.source();
                prepared = ArchiveStore.prepare(parsed.thread(), new SourceFile(display, outcome.name(),
                        page.bytes(), parsed.parserId(), parsed.parserVersion(), page.capturedAt(), page.url(),
                        page.declaredCharset()));
            }
            staged.add(new Staged(outcome, name, prepared));
        }
        return staged;
    }

    private List<FileResult> storeAll(List<Staged> staged) {
        List<FileResult> results = new ArrayList<>();
        for (Staged page : staged) {
            results.add(store(page));
        }
        return results;
    }

    private FileResult store(Staged staged) {
        String name = staged.name();
        if (staged.outcome() instanceof PageOutcome.Skipped skipped) {
            return new FileResult(name, ImportStatus.SKIPPED, null, null, 0, 0, skipped.reason());
        }
        if (staged.outcome() instanceof PageOutcome.Failed failed) {
            return new FileResult(name, ImportStatus.FAILED, null, null, 0, 0, failed.reason());
        }
        PageOutcome.Parsed parsed = (PageOutcome.Parsed) staged.outcome();
        try {
            SaveResult saved = store.save(staged.prepared());
            ImportStatus status = switch (saved.status()) {
                case IMPORTED, PENDING -> ImportStatus.IMPORTED;
                case UPDATED -> ImportStatus.UPDATED;
                case UNCHANGED -> ImportStatus.UNCHANGED;
            };
            String message = saved.status() == SaveResult.Status.PENDING
                    ? "continuation page kept until the first page of its thread is imported"
                    : warningsSummary(parsed);
            return new FileResult(name, status, parsed.site(), saved.storyId(), saved.commentsAdded(),
                    saved.commentsUpdated(), message);
        } catch (StoreException e) {
            return new FileResult(name, ImportStatus.FAILED, parsed.site(), null, 0, 0, e.getMessage());
        }
    }

    private static String warningsSummary(PageOutcome.Parsed parsed) {
        List<String> warnings = new ArrayList<>();
        if (parsed.thread().truncated()) {
            long kept = parsed.thread().comments().stream()
                    .filter(c -> c.completeness() != io.threadkeep.model.Completeness.PLACEHOLDER).count();
            warnings.add("truncated page: " + kept + " comments kept, nothing overwritten");
        }
        warnings.addAll(parsed.thread().warnings());
        if (warnings.isEmpty()) {
            return null;
        }
        return warnings.size() == 1 ? warnings.get(0) : warnings.get(0) + " (+" + (warnings.size() - 1) + " more)";
    }

    /**
     * Files under a folder in a stable order. A browser's "Save Page As, complete" puts the page's images,
     * scripts and frames in a {@code NAME_files} folder beside {@code NAME.html}; those are not stories. Symbolic
     * links are followed, each real file and folder once (a link loop is reported, not walked); what cannot be
     * read is listed too, with its reason in {@code notImported}, so every entry gets a status line.
     */
    static List<Path> filesUnder(Path folder, Map<Path, FileResult> notImported) {
        List<Path> out = new ArrayList<>();
        Map<Path, Path> realFiles = new HashMap<>();
        Set<Path> realFolders = new HashSet<>();
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(folder) && isSavedPageResources(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    // Two links to one folder: its files are listed under the first only.
                    return realFolders.add(realPath(dir)) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (name.startsWith(".")) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        // Only a link whose target is gone is still a link with FOLLOW_LINKS.
                        refuse(file, ImportStatus.FAILED, "a broken symbolic link (its target does not exist)");
                        return FileVisitResult.CONTINUE;
                    }
                    if (!attrs.isRegularFile()) {
                        refuse(file, ImportStatus.SKIPPED, "not a regular file (device, pipe or socket)");
                        return FileVisitResult.CONTINUE;
                    }
                    out.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    refuse(file, ImportStatus.FAILED, unreadable(file, e));
                    return FileVisitResult.CONTINUE;
                }

                private void refuse(Path file, ImportStatus status, String reason) {
                    out.add(file);
                    notImported.put(file, new FileResult(file.toString(), status, null, null, 0, 0, reason));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        // A page reached twice (itself and a link to it) is imported once, under the name that sorts first.
        for (Path file : out) {
            if (!notImported.containsKey(file)) {
                Path first = realFiles.putIfAbsent(realPath(file), file);
                if (first != null) {
                    notImported.put(file, new FileResult(file.toString(), ImportStatus.SKIPPED, null, null, 0, 0,
                            "the same file as " + first + " (a link to it)"));
                }
            }
        }
        return out;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            // Unresolvable (removed meanwhile): its own name is the best identity left.
            return path.toAbsolutePath().normalize();
        }
    }

    private static String unreadable(Path file, IOException e) {
        boolean folder = Files.isDirectory(file);
        if (e instanceof FileSystemLoopException) {
            return "a symbolic link loop (it leads back to a folder above it); not followed";
        }
        if (e instanceof AccessDeniedException) {
            return folder ? "folder cannot be read: permission denied" : "permission denied";
        }
        if (e instanceof NoSuchFileException && Files.isSymbolicLink(file)) {
            return "a broken symbolic link (its target does not exist)";
        }
        return (folder ? "folder cannot be read: " : "cannot read: ") + e.getMessage();
    }

    private static boolean isSavedPageResources(Path dir) {
        String name = dir.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : List.of("_files", "-files", "_archivos", "-dateien", "_fichiers")) {
            if (lower.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                Path parent = dir.getParent();
                for (String ext : List.of(".html", ".htm", ".xhtml", ".shtml")) {
                    if (Files.exists(parent.resolve(base + ext))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
