package io.threadkeep.cli;

import io.threadkeep.export.ExportFormat;
import io.threadkeep.export.ExportStory;
import io.threadkeep.export.Exporter;
import io.threadkeep.archiving.ExportService;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", description = {
    "Export a story, or the comments a search or an author matches, as json, markdown, html or mbox.",
    "One story (and json or mbox of any number) goes to standard output or to the file --out names;"
        + " markdown or html of several stories needs --out DIR and writes one file per story,"
        + " named <site>-<id>-<title-slug>.<ext>."})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    static final class Selection {
        @Option(names = "--story", paramLabel = "ID", description = "Story id (see 'list').")
        Long storyId;

        @Option(names = "--search", paramLabel = "QUERY",
                description = "The stories a search matches, with the matched comments and the comments they answer.")
        String search;

        @Option(names = "--author", paramLabel = "NAME", description = "What an author wrote: the search author:NAME.")
        String author;
    }

    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
            description = "json (default), markdown, html or mbox.")
    ExportFormat format;

    @Option(names = "--out", paramLabel = "PATH",
            description = "File to write (default: standard output); a folder for several markdown or html stories.")
    Path out;

    @Option(names = "--with-notes", description = "Include your stars and notes (json, markdown, html, mbox).")
    boolean withNotes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path path = archive.archivePath();
        if (!Files.exists(path)) {
            // Exporting must not create an archive as a side effect.
            String what = selection.storyId != null ? "no story with id " + selection.storyId : "nothing to export";
            throw new Cli.UsageException(what + ": there is no archive at " + path + " (import pages first)");
        }
        try (ArchiveStore store = archive.open()) {
            ExportService service = new ExportService(store);
            List<ExportStory> stories;
            boolean isSearch = selection.storyId == null;
            if (!isSearch) {
                stories = List.of(service.story(selection.storyId, withNotes).orElseThrow(
                        () -> new Cli.UsageException("no story with id " + selection.storyId + " (see 'list')")));
            } else {
                String query = selection.search != null ? selection.search : ExportService.authorQuery(selection.author);
                ExportService.Selection found = service.search(query, withNotes);
                if (found.problem() != null) {
                    throw new Cli.UsageException(found.problem());
                }
                found.notes().forEach(n -> err.println("threadkeep: note: " + n));
                stories = found.stories();
                if (stories.isEmpty()) {
                    err.println("threadkeep: note: nothing matches " + query);
                }
                err.flush();
            }
            write(service, stories, isSearch, stdout, err);
        } catch (IOException e) {
            throw new StoreException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return Cli.OK;
    }

    private void write(ExportService service, List<ExportStory> stories, boolean isSearch, PrintWriter stdout,
                       PrintWriter err) throws IOException {
        boolean oneFile = format.manyStoriesInOneFile() || stories.size() == 1;
        if (oneFile && (out == null || !Files.isDirectory(out))) {
            String text = format.manyStoriesInOneFile() ? Exporter.write(format, stories, isSearch)
                    : Exporter.write(format, stories.get(0));
            if (out == null) {
                stdout.print(text);
                stdout.flush();
            } else {
                ExportService.writeFile(out, text);
                err.println("threadkeep: wrote " + out);
            }
            return;
        }
        if (oneFile) {
            // --out names an existing folder: the one file goes in it under its usual name.
            Path file = out.resolve(format.manyStoriesInOneFile() && stories.size() != 1
                    ? "threadkeep-export." + format.extension() : Exporter.fileName(stories.get(0), format));
            String text = format.manyStoriesInOneFile() ? Exporter.write(format, stories, isSearch)
                    : Exporter.write(format, stories.get(0));
            ExportService.writeFile(file, text);
            err.println("threadkeep: wrote " + file);
            return;
        }
        if (stories.isEmpty()) {
            return;
        }
        if (out == null) {
            throw new Cli.UsageException(format.displayName() + " holds one story per file and " + stories.size()
                    + " stories match: give --out DIR to write one file per story");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new Cli.UsageException(out + " is a file, but " + stories.size() + " stories need a folder"
                    + " (one " + format.extension() + " file per story): give --out DIR");
        }
        List<Path> files = service.writeFiles(format, stories, out, ExportService.Progress.NONE);
        err.println("threadkeep: wrote " + files.size() + " files to " + out);
        err.flush();
    }
}
