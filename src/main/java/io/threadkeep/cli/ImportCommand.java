package io.threadkeep.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.threadkeep.export.ThreadExport;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.archiving.FileResult;
import io.threadkeep.archiving.ImportListener;
import io.threadkeep.archiving.ImportService;
import io.threadkeep.archiving.ImportStatus;
import io.threadkeep.store.ArchiveStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", description = "Import saved pages (files or folders, recursively) into the archive.")
final class ImportCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--json", description = "Print one JSON object per file instead of text.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Saved pages or folders of them.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<FileResult> results;
        try (ArchiveStore store = archive.open()) {
            ImportService service = new ImportService(PageImporter.standard(), store);
            results = service.importPaths(paths, json ? ImportListener.NONE : new ImportListener() {
                @Override
                public void finished(FileResult r) {
                    out.println(describe(r));
                    out.flush();
                }

                @Override
                public void rebuilding(int done, int total) {
                    if (done == total || done % 100 == 0) {
                        out.printf("rebuilt %d of %d stories read by an older parser%n", done, total);
                        out.flush();
                    }
                }
            });
        }
        if (json) {
            JsonArray array = new JsonArray();
            for (FileResult r : results) {
                JsonObject o = new JsonObject();
                o.addProperty("file", r.file());
                o.addProperty("status", r.status().label());
                o.addProperty("site", r.site() == null ? null : r.site().id());
                o.addProperty("storyId", r.storyId());
                o.addProperty("commentsAdded", r.commentsAdded());
                o.addProperty("commentsUpdated", r.commentsUpdated());
                o.addProperty("message", r.message());
                array.add(o);
            }
            out.println(ThreadExport.gson().toJson(array));
        } else {
            out.println(summary(results));
        }
        out.flush();
        return results.stream().anyMatch(FileResult::isProblem) ? Cli.SOME_FAILED : Cli.OK;
    }

    static String describe(FileResult r) {
        StringBuilder line = new StringBuilder(String.format("%-9s %s", r.status().label(), TerminalText.safe(r.file())));
        if (r.site() != null && r.storyId() != null) {
            line.append(String.format(" (%s, story %d: %d comments added, %d updated)", r.site().id(), r.storyId(),
                    r.commentsAdded(), r.commentsUpdated()));
        }
        if (r.message() != null) {
            line.append(r.isProblem() ? ": " : " — ").append(TerminalText.safe(r.message()));
        }
        return line.toString();
    }

    static String summary(List<FileResult> results) {
        Map<ImportStatus, Integer> counts = new EnumMap<>(ImportStatus.class);
        for (FileResult r : results) {
            counts.merge(r.status(), 1, Integer::sum);
        }
        StringBuilder s = new StringBuilder();
        for (ImportStatus status : ImportStatus.values()) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(counts.getOrDefault(status, 0)).append(' ').append(status.label());
        }
        return s.toString();
    }
}
