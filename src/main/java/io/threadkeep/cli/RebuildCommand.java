package io.threadkeep.cli;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.archiving.RebuildService;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.SaveResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Derive stories again from their saved pages, read by today's parsers. Story ids, read marks"
                + " and the last-read place stay.")
final class RebuildCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--story", paramLabel = "ID", description = "Only this story (see 'list'); default: every story.")
    Long storyId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RebuildService.Summary summary;
        try (ArchiveStore store = archive.open()) {
            RebuildService service = new RebuildService(PageImporter.standard(), store);
            List<Long> ids;
            if (storyId != null) {
                if (store.story(storyId).isEmpty()) {
                    throw new Cli.UsageException("no story with id " + storyId + " (see 'list')");
                }
                ids = List.of(storyId);
            } else {
                ids = store.storyIds();
            }
            summary = service.rebuild(ids, new RebuildService.Progress() {
                @Override
                public void rebuilt(int done, int total, long id, SaveResult result, String error) {
                    if (error != null) {
                        err.println("threadkeep: story " + id + ": " + error);
                        err.flush();
                    } else if (result.status() == SaveResult.Status.UPDATED) {
                        out.printf("rebuilt   story %d: %d comments added, %d updated (%d/%d)%n", id,
                                result.commentsAdded(), result.commentsUpdated(), done, total);
                        out.flush();
                    }
                }
            });
        }
        out.printf("%d stories rebuilt: %d changed, %d unchanged, %d failed%n", summary.stories(), summary.changed(),
                summary.stories() - summary.changed() - summary.failed(), summary.failed());
        out.flush();
        return summary.failed() > 0 ? Cli.SOME_FAILED : Cli.OK;
    }
}
