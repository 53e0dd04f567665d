package io.threadkeep.cli;

import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.StoredStory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "delete", description = "Delete a story with its comments and saved pages.")
final class DeleteCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--story", required = true, paramLabel = "ID", description = "Story id (see 'list').")
    long storyId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(archive.archivePath())) {
            throw new Cli.UsageException("there is no archive at " + archive.archivePath());
        }
        try (ArchiveStore store = archive.open()) {
            StoredStory story = store.story(storyId)
                    .orElseThrow(() -> new Cli.UsageException("no story with id " + storyId + " (see 'list')"));
            store.deleteStory(storyId);
            PrintWriter out = spec.commandLine().getOut();
            out.println("deleted story " + storyId + ": " + story.story().title());
            out.flush();
        }
        return Cli.OK;
    }
}
