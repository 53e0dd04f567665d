package io.threadkeep.cli;

import io.threadkeep.store.ArchiveCare;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", description = {"Check the archive: SQLite integrity, references, search indexes, counts,"
        + " and every saved page against its hash.", "One line each; exit code 1 when anything is wrong."})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--quick", description = "SQLite's quick check, without the saved pages' hashes.")
    boolean quick;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ArchiveCare.Finding> findings = ArchiveCare.check(archive.archivePath(), quick, () -> false);
        boolean problem = false;
        for (ArchiveCare.Finding f : findings) {
            out.println((f.problem() ? "PROBLEM " : "ok      ") + f.line());
            problem |= f.problem();
        }
        out.flush();
        return problem ? Cli.SOME_FAILED : Cli.OK;
    }
}
