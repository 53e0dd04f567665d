package io.threadkeep.cli;

import io.threadkeep.model.Site;
import io.threadkeep.store.ArchiveCare;
import io.threadkeep.store.ArchiveStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "stats", description = "What the archive holds and what takes its space.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(archive.archivePath())) {
            throw new Cli.UsageException("there is no archive at " + archive.archivePath());
        }
        ArchiveCare.Stats stats;
        try (ArchiveStore store = archive.open()) {
            stats = ArchiveCare.stats(store);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "archive   %s%n", archive.archivePath());
        out.printf(Locale.ROOT, "stories   %,d%n", stats.stories());
        long total = stats.commentsBySite().values().stream().mapToLong(Long::longValue).sum();
        out.printf(Locale.ROOT, "comments  %,d%n", total);
        for (Map.Entry<Site, Long> e : stats.commentsBySite().entrySet()) {
            out.printf(Locale.ROOT, "  %-14s %,d%n", e.getKey().displayName(), e.getValue());
        }
        out.printf(Locale.ROOT, "pages     %,d saved (%s as saved)%n", stats.pages(), mb(stats.pageBytes()));
        out.printf(Locale.ROOT, "size      %s on disk%s%n", mb(stats.fileBytes()),
                stats.measured() ? "" : " (parts estimated: this SQLite has no dbstat)");
        for (Map.Entry<String, Long> e : stats.spaceByPart().entrySet()) {
            out.printf(Locale.ROOT, "  %-30s %s%n", e.getKey(), mb(e.getValue()));
        }
        out.flush();
        return Cli.OK;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
