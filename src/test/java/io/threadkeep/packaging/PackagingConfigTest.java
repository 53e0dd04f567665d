package io.threadkeep.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.app.Main;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the jpackage inputs that CI cannot build (the Windows and macOS ones among them) against the code and
 * the files they name: a renamed class, a moved icon or a dropped file type shows up here rather than on a
 * user's machine.
 */
class PackagingConfigTest {

    private static final Path PACKAGING = Path.of("packaging");
    /** Options whose value is a file or folder, relative to the project root. */
    private static final Set<String> PATH_OPTIONS = Set.of("--icon", "--file-associations", "--resource-dir",
            "--license-file");
    private static final Pattern ARG_FILE_TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    @Test
    void mainClassInOptionsIsTheEntryPoint() throws IOException {
        List<String> args = argFile(PACKAGING.resolve("app-image.options"));
        assertEquals(Main.class.getName(), valueOf(args, "--main-class"));
        assertEquals("threadkeep.jar", valueOf(args, "--main-jar"));
    }

    @Test
    void everyFileNamedInAnOptionsFileExists() throws IOException {
        List<Path> optionFiles = optionFiles();
        assertTrue(optionFiles.size() >= 7, "options files found: " + optionFiles);
        List<String> missing = new ArrayList<>();
        for (Path file : optionFiles) {
            List<String> args = argFile(file);
            for (int i = 0; i + 1 < args.size(); i++) {
                String option = args.get(i);
                String value = args.get(i + 1);
                if (option.equals("--add-launcher")) {
                    value = value.substring(value.indexOf('=') + 1);
                } else if (!PATH_OPTIONS.contains(option)) {
                    continue;
                }
                if (!Files.exists(Path.of(value))) {
                    missing.add(file + ": " + option + " " + value);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void windowsAndMacOsAssociateTheThreeSavedPageTypes() throws IOException {
        for (String os : List.of("windows", "macos")) {
            Path options = PACKAGING.resolve(os).resolve(os.equals("macos") ? "app-image.options" : "installer.options");
            Map<String, String> mimeByExtension = new LinkedHashMap<>();
            List<String> args = argFile(options);
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).equals("--file-associations")) {
                    Properties p = properties(Path.of(args.get(i + 1)));
                    mimeByExtension.put(p.getProperty("extension"), p.getProperty("mime-type"));
                    if (os.equals("macos")) {
                        assertEquals("Alternate", p.getProperty("mac.LSHandlerRank"), "never the default app");
                    }
                }
            }
            assertEquals(Map.of("html", "text/html", "mhtml", "multipart/related", "warc", "application/warc"),
                    mimeByExtension, os);
        }
    }

    @Test
    void linuxDesktopEntryOpensSavedPagesWithTheCommand() throws IOException {
        Map<String, String> entry = desktopEntry(PACKAGING.resolve("linux/desktop/threadkeep.desktop"));
        assertEquals("/opt/threadkeep/bin/threadkeep %F", entry.get("Exec"));
        assertEquals("threadkeep", entry.get("Icon"));
        // JavaFX sets the window's WM_CLASS from the Application subclass: renaming it unties window and entry.
        assertEquals(io.threadkeep.app.ThreadkeepApp.class.getName(), entry.get("StartupWMClass"));
        Set<String> types = new TreeSet<>(List.of(entry.get("MimeType").split(";")));
        assertEquals(new TreeSet<>(List.of("text/html", "application/x-mimearchive", "application/warc")), types);
    }

    @Test
    void linuxMimePackageDefinesWarc() throws IOException {
        String xml = Files.readString(PACKAGING.resolve("linux/desktop/threadkeep-mime.xml"), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<mime-type type=\"application/warc\">"), xml);
        assertTrue(xml.contains("<glob pattern=\"*.warc\"/>"), xml);
    }

    @Test
    void linuxIconsCoverTheHicolorSizesThePostinstLinks() {
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512}) {
            assertTrue(Files.isRegularFile(Path.of("assets/icon/png/threadkeep-" + size + ".png")), "size " + size);
        }
        assertTrue(Files.isRegularFile(Path.of("assets/icon/threadkeep.svg")));
    }

    private static List<Path> optionFiles() throws IOException {
        try (Stream<Path> files = Files.walk(PACKAGING)) {
            return files.filter(f -> f.toString().endsWith(".options")).sorted().collect(Collectors.toList());
        }
    }

    /** Tokens of a jpackage @argfile: whitespace-separated, double quotes group, # starts a comment line. */
    private static List<String> argFile(Path file) throws IOException {
        List<String> tokens = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = ARG_FILE_TOKEN.matcher(line);
            while (m.find()) {
                tokens.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return tokens;
    }

    private static String valueOf(List<String> args, String option) {
        int i = args.indexOf(option);
        return i < 0 || i + 1 >= args.size() ? null : args.get(i + 1);
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Map<String, String> desktopEntry(Path file) throws IOException {
        Map<String, String> entry = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                entry.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return entry;
    }
}
