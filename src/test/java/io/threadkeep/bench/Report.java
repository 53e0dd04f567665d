package io.threadkeep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the Markdown report: sections of prose and tables, nothing clever. */
final class Report {

    private final StringBuilder md = new StringBuilder();

    Report heading(int level, String text) {
        md.append('\n').append("#".repeat(level)).append(' ').append(text).append("\n\n");
        return this;
    }

    Report paragraph(String text) {
        md.append(text).append("\n\n");
        return this;
    }

    Report bullet(String text) {
        md.append("- ").append(text).append('\n');
        return this;
    }

    Report endList() {
        md.append('\n');
        return this;
    }

    Report code(String text) {
        md.append("```\n").append(text).append("\n```\n\n");
        return this;
    }

    Table table(String... headers) {
        return new Table(headers);
    }

    @Override
    public String toString() {
        return md.toString();
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** A Markdown table; {@link #end()} appends it to the report. */
    final class Table {
        private final String[] headers;
        private final List<String[]> rows = new ArrayList<>();

        Table(String[] headers) {
            this.headers = headers;
        }

        Table row(Object... cells) {
            String[] r = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                r[i] = String.valueOf(cells[i]).replace("|", "\\|");
            }
            rows.add(r);
            return this;
        }

        Report end() {
            md.append("| ").append(String.join(" | ", headers)).append(" |\n|");
            for (int i = 0; i < headers.length; i++) {
                md.append("---|");
            }
            md.append('\n');
            for (String[] r : rows) {
                md.append("| ").append(String.join(" | ", r)).append(" |\n");
            }
            md.append('\n');
            return Report.this;
        }
    }
}
