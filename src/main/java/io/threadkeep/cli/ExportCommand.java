package io.threadkeep.cli;

import io.threadkeep.export.ThreadExport;
import io.threadkeep.model.Comment;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.StoredComment;
import io.threadkeep.store.StoredStory;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", description = "Export one story with its comments.")
final class ExportCommand implements Callable<Integer> {

    enum Format { json }

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--story", required = true, paramLabel = "ID", description = "Story id (see 'list').")
    long storyId;

    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT", description = "Output format: json.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ArchiveStore store = archive.open()) {
            StoredStory story = store.story(storyId)
                    .orElseThrow(() -> new Cli.UsageException("no story with id " + storyId + " (see 'list')"));
            List<Comment> comments = store.comments(storyId).stream().map(StoredComment::comment).toList();
            out.println(ThreadExport.toJsonString(story.id(), story.story(), comments));
        }
        out.flush();
        return Cli.OK;
    }
}
