package io.threadkeep.ui;

import io.threadkeep.model.Site;
import io.threadkeep.store.ArchiveStore;
import java.nio.file.Path;

/** Writes an archive with generated threads, to look at the window by hand: {@code DevArchive FILE [N...]}. */
public final class DevArchive {

    private DevArchive() {
    }

    public static void main(String[] args) {
        try (ArchiveStore store = ArchiveStore.open(Path.of(args[0]))) {
            int k = 0;
            for (int i = 1; i < args.length; i++) {
                int n = Integer.parseInt(args[i]);
                TestThreads.save(store, TestThreads.story(k % 2 == 0 ? Site.SLASHDOT : Site.HACKERNEWS, "gen" + n,
                        "A generated thread of " + n + " comments", "editor", n + 10), TestThreads.generated(n, n));
                k++;
            }
        }
    }
}
