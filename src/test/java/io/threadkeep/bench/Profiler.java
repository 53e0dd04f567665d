package io.threadkeep.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Samples where a piece of work spends its time with Java Flight Recorder (Java and native samples), and sums the
 * samples by the innermost frame (self time) and by layer (the innermost frame of a known library or package).
 */
final class Profiler {

    /** Sample counts: by method (self), by layer, and in all. */
    record Profile(Map<String, Integer> byMethod, Map<String, Integer> byLayer, int samples) {
    }

    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("org.sqlite.", "SQLite (JDBC + native)");
        LAYERS.put("org.jsoup.", "jsoup (HTML parse, select)");
        LAYERS.put("io.threadkeep.importer.", "importer (decode, extract, safe HTML)");
        LAYERS.put("io.threadkeep.store.", "store (merge, SQL building)");
        LAYERS.put("io.threadkeep.", "other Threadkeep code");
        LAYERS.put("java.util.zip.", "deflate of the saved page");
        LAYERS.put("sun.security.provider.", "SHA-256 of the saved page");
        LAYERS.put("java.util.regex.", "regular expressions");
        LAYERS.put("java.lang.String", "strings");
        LAYERS.put("java.", "JDK other");
    }

    private Profiler() {
    }

    static <T> T record(Path file, Callable<T> work) throws Exception {
        Configuration profile = Configuration.getConfiguration("profile");
        try (Recording recording = new Recording(profile)) {
            recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
            recording.enable("jdk.NativeMethodSample").withPeriod(java.time.Duration.ofMillis(10));
            recording.start();
            T result = work.call();
            recording.stop();
            recording.dump(file);
            return result;
        } catch (ParseException e) {
            throw new IllegalStateException("the JDK's JFR profile settings cannot be read", e);
        }
    }

    static Profile summarise(Path file, String threadName) throws IOException {
        Map<String, Integer> byMethod = new HashMap<>();
        Map<String, Integer> byLayer = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
                continue;
            }
            if (event.getThread("sampledThread") == null
                    || !threadName.equals(event.getThread("sampledThread").getJavaName())
                    || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            RecordedFrame top = frames.get(0);
            String method = top.getMethod().getType().getName() + "." + top.getMethod().getName();
            byMethod.merge(method, 1, Integer::sum);
            byLayer.merge(layer(frames), 1, Integer::sum);
        }
        return new Profile(byMethod, byLayer, samples);
    }

    private static String layer(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> e : LAYERS.entrySet()) {
                if (type.startsWith(e.getKey()) && !e.getKey().startsWith("java.")) {
                    return e.getValue();
                }
            }
            if (type.startsWith("java.util.zip.") || type.startsWith("sun.security.provider.")) {
                return LAYERS.get(type.startsWith("java.util.zip.") ? "java.util.zip." : "sun.security.provider.");
            }
        }
        String type = frames.get(0).getMethod().getType().getName();
        return type.startsWith("java.util.regex.") ? "regular expressions" : "JDK other";
    }
}
