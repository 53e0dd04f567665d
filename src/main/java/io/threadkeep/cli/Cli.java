package io.threadkeep.cli;

import io.threadkeep.store.StoreException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code import}, {@code list}, {@code export}, {@code search}, and for the archive's care
 * {@code backup}, {@code check}, {@code delete}, {@code stats}. Exit codes: 0 success, 1 when
 * some input failed (the rest is still done), 2 for a usage error. Errors are one line on stderr, never a stack
 * trace.
 */
@Command(name = "threadkeep", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Archive and read saved discussion threads offline.%n"
                + "Without a command, opens the window.",
        subcommands = {ImportCommand.class, ListCommand.class, ExportCommand.class, SearchCommand.class,
                RebuildCommand.class,
                BackupCommand.class, CheckCommand.class, DeleteCommand.class, StatsCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    public static final int OK = 0;
    public static final int SOME_FAILED = 1;
    public static final int USAGE = 2;

    /** Subcommand names: arguments starting with one of these run the CLI rather than the window. */
    public static final java.util.Set<String> COMMANDS = java.util.Set.of(
            "import", "list", "export", "search", "rebuild", "backup", "check", "delete", "stats", "help", "--help",
            "-h", "--version", "-V");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI with the given streams and environment; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine cl = new CommandLine(new Cli(), new Factory(env));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // "@user" is something to search for, not a file of arguments to read.
        cl.setExpandAtFiles(false);
        // "-word" excludes a word from a search; picocli would otherwise reject it as an unknown option.
        cl.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
        addHelpOptions(cl);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("threadkeep: " + ex.getMessage());
            err.println("Try 'threadkeep " + commandName(ex.getCommandLine()) + " --help' for usage.");
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("threadkeep: " + message(ex));
            err.flush();
            return ex instanceof UsageException ? USAGE : SOME_FAILED;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Runs the CLI on the process's console (UTF-8) with the real environment; returns the exit code. */
    public static int runOnConsole(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8),
                true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8),
                true);
        return run(args, out, err, System.getenv());
    }

    /** Reports a mistake in the window's own arguments on the console; returns the usage exit code. */
    public static int windowUsageError(String message) {
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err,
                java.nio.charset.StandardCharsets.UTF_8), true);
        err.println("threadkeep: " + message);
        err.println("Usage: threadkeep [--db FILE] [--story ID] [SAVED_PAGE...]   (the window)");
        err.println("       threadkeep " + String.join("|", commandNames()) + " ...   (see 'threadkeep --help')");
        return USAGE;
    }

    /** Says why the window cannot open and what works instead; returns the exit code for it. */
    public static int windowUnavailable(String reason) {
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err,
                java.nio.charset.StandardCharsets.UTF_8), true);
        err.println("threadkeep: " + reason);
        err.println("The command line works without a window: threadkeep " + String.join("|", commandNames())
                + " ...   (see 'threadkeep --help')");
        return SOME_FAILED;
    }

    /** The commands of the command line, in the order 'threadkeep --help' lists them. */
    public static java.util.List<String> commandNames() {
        CommandLine cl = new CommandLine(new Cli(), new Factory(Map.of()));
        return cl.getSubcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
    }

    /**
     * Gives every subcommand {@code -h}/{@code --help}, which the usage errors tell people to try. Added here
     * rather than on each class so a new command cannot miss it; "search --help" must show help, not search.
     */
    private static void addHelpOptions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null && spec.findOption("-h") == null) {
                spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            addHelpOptions(sub);
        }
    }

    private static String commandName(CommandLine cl) {
        String name = cl.getCommandName();
        return "threadkeep".equals(name) ? "" : name;
    }

    private static String message(Exception ex) {
        if (ex instanceof StoreException || ex instanceof UsageException) {
            return ex.getMessage();
        }
        String m = ex.getMessage();
        return ex.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    /** A mistake in how the command was called: exit code 2. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /** Gives commands the environment, so tests can run them without touching the real one. */
    static final class Factory implements CommandLine.IFactory {
        private final Map<String, String> env;

        Factory(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (ArchiveOptions.class.isAssignableFrom(cls)) {
                return cls.cast(new ArchiveOptions(env));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"Threadkeep " + (v == null ? "(development build)" : v)};
        }
    }
}
