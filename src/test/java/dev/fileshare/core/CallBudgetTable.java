package dev.fileshare.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The budget of store calls per request, as the documentation writes it: the first table after a heading, one
 * row per request, one column per service. A cell lists calls separated by commas, each with its count unless
 * it is 1 ({@code "GetItem(sessions), 3 UpdateItem(login-attempts)"}), or is {@code –} for none. The budget is
 * read from the document itself, so that the document and the test cannot disagree.
 */
public final class CallBudgetTable {
    private static final Pattern CALL = Pattern.compile("(?:(\\d+) )?(\\S+)");
    private static final String NONE = "–";

    private CallBudgetTable() {}

    /** Each row's calls, keyed by the row's first cell as written, in the document's order. */
    public static Map<String, SortedMap<String, Integer>> read(Path document, String heading) {
        List<String> lines;
        try {
            lines = Files.readAllLines(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = lines.indexOf(heading);
        if (at < 0) {
            throw new IllegalStateException(document + " has no heading " + heading);
        }
        while (at < lines.size() && !lines.get(at).startsWith("|")) {
            at++;
        }
        if (at + 2 > lines.size()) {
            throw new IllegalStateException(document + " has no table after " + heading);
        }
        List<String> columns = cells(lines.get(at));
        Map<String, SortedMap<String, Integer>> rows = new LinkedHashMap<>();
        for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = cells(lines.get(i));
            if (cells.size() != columns.size()) {
                throw new IllegalStateException("row of " + columns.size() + " cells expected: " + lines.get(i));
            }
            SortedMap<String, Integer> calls = new TreeMap<>();
            for (int c = 1; c < cells.size(); c++) {
                addCalls(columns.get(c), cells.get(c), calls);
            }
            if (rows.put(cells.get(0), calls) != null) {
                throw new IllegalStateException("two rows for " + cells.get(0));
            }
        }
        return rows;
    }

    private static void addCalls(String service, String cell, SortedMap<String, Integer> calls) {
        if (cell.equals(NONE)) {
            return;
        }
        for (String call : cell.split(", ")) {
            Matcher m = CALL.matcher(call);
            if (!m.matches()) {
                throw new IllegalStateException("not a call: '" + call + "' in '" + cell + "'");
            }
            int count = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
            calls.merge(service + " " + m.group(2), count, Integer::sum);
        }
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        Arrays.stream(inner.split("\\|", -1)).map(String::strip).forEach(cells::add);
        return cells;
    }
}
