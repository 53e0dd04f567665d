package io.threadkeep.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample pages bundled in the jar (from {@code assets/sample/}), written to a temporary folder so the normal
 * importer reads them like any saved page. The list of pages is {@code index.txt} beside them.
 */
final class SamplePages {

    static final String RESOURCE_DIR = "/sample/";

    private SamplePages() {
    }

    /** Writes the bundled pages to a fresh temporary folder; an empty list when the jar has none. */
    static List<Path> extract() {
        try (InputStream index = SamplePages.class.getResourceAsStream(RESOURCE_DIR + "index.txt")) {
            if (index == null) {
                return List.of();
            }
            Path folder = Files.createTempDirectory("threadkeep-sample");
            folder.toFile().deleteOnExit();
            List<Path> out = new ArrayList<>();
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#") || name.contains("/") || name.contains("\\")) {
                    continue;
                }
                try (InputStream page = SamplePages.class.getResourceAsStream(RESOURCE_DIR + name)) {
                    if (page == null) {
                        continue;
                    }
                    Path file = folder.resolve(name);
                    Files.write(file, page.readAllBytes());
                    file.toFile().deleteOnExit();
                    out.add(file);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the sample pages: " + e.getMessage(), e);
        }
    }
}
