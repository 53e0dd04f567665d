package io.threadkeep.cli;

import io.threadkeep.store.ArchiveLocation;
import io.threadkeep.store.ArchiveStore;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --db} option every command shares, and opening the archive it names. */
public class ArchiveOptions {

    private final Map<String, String> env;

    @Option(names = "--db", paramLabel = "FILE",
            description = "Archive file (default: $THREADKEEP_DB, else the per-user data folder).")
    Path db;

    public ArchiveOptions(Map<String, String> env) {
        this.env = env;
    }

    Map<String, String> env() {
        return env;
    }

    Path archivePath() {
        return ArchiveLocation.resolve(db, env, System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    ArchiveStore open() {
        return ArchiveStore.open(archivePath());
    }
}
