package io.threadkeep.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.threadkeep.export.ThreadExport;
import io.threadkeep.search.QueryParser;
import io.threadkeep.search.SearchContext;
import io.threadkeep.search.SearchHit;
import io.threadkeep.search.SearchOutcome;
import io.threadkeep.search.SearchQuery;
import io.threadkeep.search.SearchService;
import io.threadkeep.search.SortOrder;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "search", description = {"Search every saved comment and story.",
    "Words must all match; \"exact phrase\", a OR b, -exclude, prefix*; filters author:NAME site:SITE score:>=N"
        + " label:LABEL story:WORDS before:DATE after:DATE is:unread sort:newest."})
final class SearchCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--json", description = "Print a JSON array of results, best first.")
    boolean json;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "At most N results (1-"
            + SearchService.MAX_LIMIT + ", default 20).")
    int limit;

    @Option(names = "--sort", defaultValue = "relevance", paramLabel = "ORDER",
            description = "relevance (default), newest or oldest.")
    SortOrder sort;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query; several arguments are joined.")
    List<String> query;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 1 || limit > SearchService.MAX_LIMIT) {
            throw new Cli.UsageException("--limit must be between 1 and " + SearchService.MAX_LIMIT + ", not " + limit);
        }
        String text = query == null ? "" : String.join(" ", query);
        SearchQuery parsed = QueryParser.parse(text, SearchContext.NONE, sort);
        if (!parsed.runnable()) {
            throw new Cli.UsageException(parsed.problem());
        }
        Path path = archive.archivePath();
        SearchOutcome outcome;
        if (!Files.exists(path)) {
            // Searching must not create an archive as a side effect; an absent one simply holds nothing.
            err.println("threadkeep: note: there is no archive at " + path + " yet; import pages first.");
            err.flush();
            outcome = new SearchOutcome(parsed, List.of(), false, null);
        } else {
            try (ArchiveStore store = archive.open()) {
                outcome = new SearchService(store).run(parsed, 0, limit);
            }
        }
        if (!outcome.ran()) {
            throw new StoreException(outcome.problem());
        }
        for (String note : outcome.notes()) {
            err.println("threadkeep: note: " + note);
        }
        err.flush();
        if (json) {
            out.println(ThreadExport.gson().toJson(toJson(outcome.hits())));
        } else {
            printHuman(out, text, outcome, highlight(archive.env()));
        }
        out.flush();
        return Cli.OK;
    }

    /** The documented shape: storyId, commentId (null for a story hit), author, score, posted, snippet. */
    static JsonArray toJson(List<SearchHit> hits) {
        JsonArray array = new JsonArray();
        for (SearchHit h : hits) {
            JsonObject o = new JsonObject();
            o.addProperty("storyId", h.storyId());
            o.addProperty("commentId", h.commentId());
            o.addProperty("author", h.author());
            o.addProperty("score", h.score());
            o.addProperty("posted", h.posted() == null ? null : h.posted().toString());
            o.addProperty("snippet", h.snippet().marked("[", "]"));
            array.add(o);
        }
        return array;
    }

    private record Marks(String open, String close) {
    }

    /** Bold on a terminal that takes colour, brackets everywhere else (pipes, files, NO_COLOR). */
    private static Marks highlight(Map<String, String> env) {
        boolean terminal = System.console() != null && !env.containsKey("NO_COLOR")
                && !"dumb".equals(env.get("TERM"));
        return terminal ? new Marks("\u001b[1;33m", "\u001b[0m") : new Marks("[", "]");
    }

    private static void printHuman(PrintWriter out, String text, SearchOutcome outcome, Marks marks) {
        List<SearchHit> hits = outcome.hits();
        if (hits.isEmpty()) {
            out.println("No results for: " + TerminalText.safe(text.strip()));
            return;
        }
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            out.printf("%d. %s  (%s, story %d)%n", i + 1,
                    h.storyTitle() == null ? "(untitled)" : TerminalText.safe(h.storyTitle()),
                    h.site().id(), h.storyId());
            StringBuilder meta = new StringBuilder("   ");
            meta.append(h.isStory() ? "story" : "comment " + h.commentId());
            meta.append(" · ").append(h.author() == null ? (h.isStory() ? "unknown" : "anonymous")
                    : TerminalText.safe(h.author()));
            if (h.posted() != null) {
                meta.append(" · ").append(h.posted().toString(), 0, 10);
            }
            if (h.score() != null) {
                meta.append(" · score ").append(h.score());
            }
            if (h.label() != null) {
                meta.append(" (").append(TerminalText.safe(h.label())).append(')');
            }
            if (h.subject() != null && !h.subject().isBlank()) {
                meta.append(" · ").append(TerminalText.safe(h.subject()));
            }
            out.println(meta);
            if (!h.snippet().text().isEmpty()) {
                out.println("   " + TerminalText.marked(h.snippet(), marks.open(), marks.close()));
            }
        }
        if (outcome.hasMore()) {
            out.println("(more results: raise --limit or narrow the query)");
        }
    }
}
