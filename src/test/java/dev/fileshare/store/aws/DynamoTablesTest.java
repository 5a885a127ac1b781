package dev.fileshare.store.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The key schemas come from one file; the store's behaviour against them is the contract tests' business. Here:
 * that the file says what a table needs, and that docs/aws-store.md, which lists the keys for readers, says the same.
 */
class DynamoTablesTest {
    private static final Path DOC = Path.of("docs/aws-store.md");
    private static final Map<String, DynamoTables.Table> TABLES = Map.of(
            "users", DynamoTables.USERS,
            "sessions", DynamoTables.SESSIONS,
            "shares", DynamoTables.SHARES,
            "login-attempts", DynamoTables.LOGIN_ATTEMPTS,
            "links", DynamoTables.LINKS);

    @Test
    void anInvertedIndexNeedsASortKey() {
        TABLES.forEach((name, table) -> {
            if (table.invertedIndex().isPresent()) {
                assertThat(table.sortKey())
                        .as("%s's sort key, its index's partition key", name)
                        .isPresent();
            }
        });
        assertThat(DynamoTables.SHARES.invertedIndex()).isPresent();
    }

    @Test
    void theDocsListTheKeysOfEveryTable() throws IOException {
        String doc = Files.readString(DOC);
        TABLES.forEach((name, table) -> {
            String entry = entry(doc, name);
            // The table's own keys come before any index's.
            String keys = entry.split("GSI `", 2)[0];
            assertThat(keys).as("docs entry of %s", name).contains("PK `" + table.partitionKey() + "`");
            table.sortKey()
                    .ifPresentOrElse(
                            sortKey -> assertThat(keys).contains("SK `" + sortKey + "`"),
                            () -> assertThat(keys).doesNotContain("SK `"));
            table.timeToLive().ifPresent(ttl -> assertThat(entry).contains("`" + ttl + "` (N"));
            table.invertedIndex()
                    .ifPresent(index -> assertThat(entry)
                            .contains("GSI `" + index + "`: PK `"
                                    + table.sortKey().orElseThrow() + "`, SK `" + table.partitionKey() + "`"));
            table.sparseIndex()
                    .ifPresent(index -> assertThat(entry)
                            .contains("GSI `" + index.name() + "`: PK `" + index.partitionKey() + "`, SK `"
                                    + index.sortKey() + "`"));
        });
    }

    @Test
    void aSparseIndexIsKeyedByAttributesOfItsTable() {
        assertThat(DynamoTables.LINKS.sparseIndex()).isPresent();
        assertThat(DynamoTables.SESSIONS.sparseIndex()).isPresent();
        TABLES.forEach((name, table) -> table.sparseIndex().ifPresent(index -> {
            assertThat(index.name()).as("%s's sparse index", name).isNotBlank();
            assertThat(List.of(index.partitionKey(), index.sortKey()))
                    .as("%s's sparse index keys", name)
                    .doesNotContainNull()
                    .doesNotHaveDuplicates();
        }));
    }

    @Test
    void everyIndexTheDocsNameIsAnIndexOfTheSchema() throws IOException {
        String doc = Files.readString(DOC);
        List<String> named = new ArrayList<>();
        Matcher m = Pattern.compile("GSI `([^`]+)`|/index/([A-Za-z0-9_.-]+)|the `([^`]+)` index")
                .matcher(doc);
        while (m.find()) {
            named.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        List<String> indexes = new ArrayList<>();
        TABLES.values().forEach(table -> {
            table.invertedIndex().ifPresent(indexes::add);
            table.sparseIndex().ifPresent(index -> indexes.add(index.name()));
        });
        assertThat(named).hasSizeGreaterThanOrEqualTo(3).containsAll(indexes);
        assertThat(indexes).containsAll(named);
    }

    /** The list item {@code - **name**: ...} of the Data layout section, with its continuation lines. */
    private static String entry(String doc, String name) {
        Matcher m = Pattern.compile("(?m)^- \\*\\*" + Pattern.quote(name) + "\\*\\*:(.*(?:\\n  .*)*)")
                .matcher(doc);
        assertThat(m.find()).as("docs/aws-store.md lists the %s table", name).isTrue();
        return m.group(1).replaceAll("\\s+", " ");
    }
}
