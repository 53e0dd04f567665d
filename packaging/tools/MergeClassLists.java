import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Merges class lists written by -XX:DumpLoadedClassList in several runs into one for -Xshare:dump. Every line is
 * kept once, in first-seen order: the JDK 17 dump crashes on a @lambda-proxy line that appears twice, and order
 * matters because a class's line must come before the lambda proxies that name it.
 *
 * <p>Run in source-file mode by packaging/build.xml: {@code java MergeClassLists.java OUT IN...}.
 */
public final class MergeClassLists {

    private MergeClassLists() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: MergeClassLists OUT IN...");
        }
        Set<String> lines = new LinkedHashSet<>();
        for (int i = 1; i < args.length; i++) {
            lines.addAll(Files.readAllLines(Path.of(args[i]), StandardCharsets.UTF_8));
        }
        Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
    }
}
