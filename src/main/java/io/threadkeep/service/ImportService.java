package io.threadkeep.service;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.PageSource;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.SaveResult;
import io.threadkeep.store.SourceFile;
import io.threadkeep.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Imports files and folders into the archive: the one engine behind the CLI's {@code import} and the window's
 * import. Each page is its own transaction; one bad file never stops the rest.
 */
public final class ImportService {

    /** Bumped when a parser changes what it extracts, so old saves can be found and re-parsed. */
    public static final int PARSER_VERSION = 1;

    private final PageImporter importer;
    private final ArchiveStore store;

    public ImportService(PageImporter importer, ArchiveStore store) {
        this.importer = importer;
        this.store = store;
    }

    /** Imports every file under the given paths (folders recursively), reporting each to the listener. */
    public List<FileResult> importPaths(List<Path> paths, ImportListener listener) {
        List<FileResult> results = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                FileResult missing = new FileResult(path.toString(), ImportStatus.FAILED, null, null, 0, 0,
                        "no such file or folder");
                results.add(missing);
                listener.finished(missing);
            } else if (Files.isDirectory(path)) {
                try {
                    files.addAll(filesUnder(path));
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
        for (int i = 0; i < files.size(); i++) {
            if (listener.isCancelled()) {
                break;
            }
            Path file = files.get(i);
            listener.starting(i, files.size(), file.toString());
            for (FileResult result : importFile(file)) {
                results.add(result);
                listener.finished(result);
            }
        }
        return results;
    }

    /** Imports one file; a container holding several pages gives one result per page. */
    public List<FileResult> importFile(Path file) {
        String display = file.toString();
        List<PageOutcome> outcomes = importer.importFile(file);
        List<FileResult> results = new ArrayList<>();
        for (PageOutcome outcome : outcomes) {
            String name = outcomes.size() > 1 ? display + "#" + outcome.name() : display;
            results.add(store(outcome, name, display));
        }
        return results;
    }

    private FileResult store(PageOutcome outcome, String name, String path) {
        if (outcome instanceof PageOutcome.Skipped skipped) {
            return new FileResult(name, ImportStatus.SKIPPED, null, null, 0, 0, skipped.reason());
        }
        if (outcome instanceof PageOutcome.Failed failed) {
            return new FileResult(name, ImportStatus.FAILED, null, null, 0, 0, failed.reason());
        }
        PageOutcome.Parsed parsed = (PageOutcome.Parsed) outcome;
        PageSource page = parsed.source();
        try {
            SaveResult saved = store.save(parsed.thread(), new SourceFile(path, outcome.name(), page.bytes(),
                    parsed.parserId(), PARSER_VERSION, page.capturedAt()));
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
        List<String> warnings = parsed.thread().warnings();
        if (warnings.isEmpty()) {
            return null;
        }
        return warnings.size() == 1 ? warnings.get(0) : warnings.get(0) + " (+" + (warnings.size() - 1) + " more)";
    }

    /**
     * Files under a folder in a stable order. A browser's "Save Page As, complete" puts the page's images,
     * scripts and frames in a {@code NAME_files} folder beside {@code NAME.html}; those are not stories.
     */
    static List<Path> filesUnder(Path folder) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(folder) && isSavedPageResources(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && !name.startsWith(".")) {
                        out.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    out.add(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
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
