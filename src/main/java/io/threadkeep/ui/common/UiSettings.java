package io.threadkeep.ui.common;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The reader's remembered state (theme, font size, thresholds, window geometry...), kept in the archive. Reads are
 * served from memory after the first; writes go to the archive on the background executor, so the FX thread never
 * waits for an import that holds the archive.
 */
public final class UiSettings {

    private final Function<String, Optional<String>> reader;
    private final BiConsumer<String, String> writer;
    private final Executor executor;
    private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

    /**
     * @param reader   reads a stored value (e.g. {@code store::setting})
     * @param writer   stores a value (e.g. {@code store::putSetting})
     * @param executor where writes run
     */
    public UiSettings(Function<String, Optional<String>> reader, BiConsumer<String, String> writer,
                      Executor executor) {
        this.reader = reader;
        this.writer = writer;
        this.executor = executor;
    }

    /** Settings that live in memory only (tests, or an archive that cannot be written). */
    public static UiSettings inMemory() {
        Map<String, String> map = new ConcurrentHashMap<>();
        return new UiSettings(key -> Optional.ofNullable(map.get(key)), map::put, Runnable::run);
    }

    public Optional<String> get(String key) {
        return cache.computeIfAbsent("ui." + key, reader);
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public int getInt(String key, int fallback) {
        return get(key).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    public double getDouble(String key, double fallback) {
        return get(key).map(v -> {
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    public long getLong(String key, long fallback) {
        return get(key).map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    public void put(String key, Object value) {
        String full = "ui." + key;
        String text = String.valueOf(value);
        Optional<String> old = cache.put(full, Optional.of(text));
        if (old == null || old.isEmpty() || !old.get().equals(text)) {
            executor.execute(() -> writer.accept(full, text));
        }
    }
}
