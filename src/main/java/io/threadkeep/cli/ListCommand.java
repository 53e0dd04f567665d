package io.threadkeep.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.threadkeep.export.ThreadExport;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.StorySummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", description = "List the stories in the archive.")
final class ListCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<StorySummary> stories;
        try (ArchiveStore store = archive.open()) {
            stories = store.listStories();
        }
        if (json) {
            JsonArray array = new JsonArray();
            for (StorySummary s : stories) {
                JsonObject o = new JsonObject();
                o.addProperty("id", s.id());
                o.addProperty("site", s.site().id());
                o.addProperty("title", s.title());
                o.addProperty("url", s.url());
                o.addProperty("comments", s.commentCount());
                o.addProperty("declaredComments", s.declaredComments());
                o.addProperty("posted", s.posted() == null ? null : s.posted().toString());
                array.add(o);
            }
            out.println(ThreadExport.gson().toJson(array));
        } else if (stories.isEmpty()) {
            out.println("The archive is empty. Import saved pages with: threadkeep import PATH...");
        } else {
            for (StorySummary s : stories) {
                String count = s.declaredComments() == null ? String.valueOf(s.commentCount())
                        : s.commentCount() + " of " + s.declaredComments();
                out.printf("%5d  %-10s %-10s %6s  %s%n", s.id(), s.site().id(),
                        s.posted() == null ? "" : s.posted().toString().substring(0, 10), count, TerminalText.safe(s.title()));
            }
        }
        out.flush();
        return Cli.OK;
    }
}
