package io.threadkeep.cli;

import io.threadkeep.store.ArchiveCare;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "backup", description = {"Write a consistent copy of the archive to FILE.",
    "Safe while the window has the archive open; the copy is compact and needs no other file."})
final class BackupCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Parameters(paramLabel = "FILE", description = "Where to write the copy.")
    Path file;

    @Option(names = "--force", description = "Replace FILE when it exists.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path source = archive.archivePath();
        if (!Files.isRegularFile(source)) {
            throw new Cli.UsageException("there is no archive at " + source);
        }
        if (Files.isDirectory(file)) {
            throw new Cli.UsageException(file + " is a folder; name the backup file");
        }
        if (Files.exists(file) && !force) {
            throw new Cli.UsageException(file + " exists; choose another name or add --force to replace it");
        }
        if (file.toAbsolutePath().normalize().equals(source.toAbsolutePath().normalize())) {
            throw new Cli.UsageException("the backup cannot replace the archive itself");
        }
        long bytes = ArchiveCare.backup(source, file);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "backed up %s to %s (%.1f MB)%n", source, file, bytes / 1e6);
        out.flush();
        return Cli.OK;
    }
}
