package dev.fileshare.store.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.CallBudgetTable;
import dev.fileshare.core.StoreCallBudget;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * The dollars of {@code docs/benchmark.md} follow from the calls of {@code docs/aws-store.md} (which
 * {@link AwsCallBudgetTest} holds the code to) and AWS's list prices: a change of the budget fails here until the
 * cost table is recomputed.
 */
class CallCostTest {
    private static final String HEADING = "## Store calls in dollars";

    // us-east-1 list prices, USD per million: DynamoDB on demand, S3 Standard requests.
    private static final BigDecimal READ_UNIT = new BigDecimal("0.125");
    private static final BigDecimal WRITE_UNIT = new BigDecimal("0.625");
    private static final BigDecimal S3_GET = new BigDecimal("0.40");
    private static final BigDecimal S3_PUT = new BigDecimal("5.00");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    @Test
    void theCostTableIsTheBudgetAtListPrices() throws IOException {
        Map<String, SortedMap<String, Integer>> budget =
                CallBudgetTable.read(Path.of("docs/aws-store.md"), StoreCallBudget.HEADING);
        Map<String, List<String>> documented = costTable(Path.of("docs/benchmark.md"));

        Map<String, List<String>> computed = new LinkedHashMap<>();
        budget.forEach((request, calls) -> computed.put(request, cost(calls)));
        assertThat(documented).containsExactlyEntriesOf(computed);
    }

    /** Read units, write units, S3 GET-priced and PUT-priced requests, and USD per million requests. */
    private static List<String> cost(SortedMap<String, Integer> calls) {
        BigDecimal reads = BigDecimal.ZERO;
        BigDecimal writes = BigDecimal.ZERO;
        int gets = 0;
        int puts = 0;
        for (Map.Entry<String, Integer> call : calls.entrySet()) {
            BigDecimal n = BigDecimal.valueOf(call.getValue());
            String name = call.getKey();
            String operation = name.substring(name.indexOf(' ') + 1).replaceAll("\\(.*", "");
            if (name.startsWith("DynamoDB ")) {
                switch (operation) {
                    // Items under 4 KB read consistently: 1 unit; an index is read eventually consistently: half.
                    case "GetItem", "Query" -> reads = reads.add(name.contains("/") ? HALF.multiply(n) : n);
                    // Items under 1 KB: 1 unit, whether a condition holds or not.
                    case "PutItem", "UpdateItem", "DeleteItem" -> writes = writes.add(n);
                    default -> throw new IllegalStateException("no price for " + name);
                }
            } else {
                switch (operation) {
                    case "GetObject", "HeadObject" -> gets += call.getValue();
                    // DeleteObjects is a POST: priced as one, the higher of the two prices it could have.
                    case "PutObject", "ListObjectsV2", "ListObjectVersions", "DeleteObjects" -> puts += call.getValue();
                    case "DeleteObject" -> {} // free
                    default -> throw new IllegalStateException("no price for " + name);
                }
            }
        }
        BigDecimal usd = reads.multiply(READ_UNIT)
                .add(writes.multiply(WRITE_UNIT))
                .add(S3_GET.multiply(BigDecimal.valueOf(gets)))
                .add(S3_PUT.multiply(BigDecimal.valueOf(puts)))
                .setScale(2, RoundingMode.HALF_UP);
        return List.of(
                plain(reads), plain(writes), Integer.toString(gets), Integer.toString(puts), usd.toPlainString());
    }

    private static String plain(BigDecimal units) {
        return units.stripTrailingZeros().toPlainString();
    }

    /** The cost table's rows: the request, then its five figures ({@code –} read as 0). */
    private static Map<String, List<String>> costTable(Path document) throws IOException {
        List<String> lines = Files.readAllLines(document);
        int at = lines.indexOf(HEADING);
        assertThat(at).as(document + " has a heading " + HEADING).isNotNegative();
        while (!lines.get(at).startsWith("|")) {
            at++;
        }
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).strip().split("\\s*\\|\\s*");
            List<String> figures = new ArrayList<>();
            for (int c = 2; c < cells.length; c++) {
                figures.add(cells[c].equals("–") ? "0" : cells[c].replace("$", ""));
            }
            rows.put(cells[1], figures);
        }
        return rows;
    }
}
