package io.threadkeep.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", description = "Search every saved comment and story.")
final class SearchCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--json", description = "Print a JSON array of results, best first.")
    boolean json;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "At most N results.")
    int limit;

    @Parameters(arity = "0..*", paramLabel = "QUERY")
    java.util.List<String> query;

    @Override
    public Integer call() {
        throw new Cli.UsageException("search is not available in this build yet");
    }
}
