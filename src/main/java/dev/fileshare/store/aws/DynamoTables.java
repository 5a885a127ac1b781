package dev.fileshare.store.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The key schemas of the six tables, read from {@code dynamodb-tables.properties} beside this class: the one
 * definition of their key, index and time-to-live attribute names, which the CDK app in {@code infra/} reads too,
 * so that the stack's tables and this store's items cannot disagree.
 */
final class DynamoTables {
    private static final Properties SCHEMA = load();

    static final Table USERS = table("users");
    static final Table SESSIONS = table("sessions");
    static final Table SHARES = table("shares");
    static final Table LOGIN_ATTEMPTS = table("login-attempts");
    static final Table LINKS = table("links");
    static final Table UPLOADS = table("uploads");

    private DynamoTables() {}

    /**
     * One table's keys; every key attribute is a string.
     *
     * @param invertedIndex a global secondary index with the sort key as its partition key and the other way round
     * @param sparseIndex a global secondary index on other attributes, holding only the items that carry them
     */
    record Table(
            String partitionKey,
            Optional<String> sortKey,
            Optional<String> timeToLive,
            Optional<String> invertedIndex,
            Optional<Index> sparseIndex) {}

    /** A global secondary index's name and keys (strings), projecting every attribute. */
    record Index(String name, String partitionKey, String sortKey) {}

    private static Table table(String name) {
        return new Table(
                required(name + ".partition-key"),
                Optional.ofNullable(SCHEMA.getProperty(name + ".sort-key")),
                Optional.ofNullable(SCHEMA.getProperty(name + ".time-to-live")),
                Optional.ofNullable(SCHEMA.getProperty(name + ".inverted-index")),
                Optional.ofNullable(SCHEMA.getProperty(name + ".sparse-index"))
                        .map(index -> new Index(
                                index,
                                required(name + ".sparse-index.partition-key"),
                                required(name + ".sparse-index.sort-key"))));
    }

    private static String required(String key) {
        String value = SCHEMA.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("dynamodb-tables.properties has no " + key);
        }
        return value;
    }

    private static Properties load() {
        try (InputStream in = DynamoTables.class.getResourceAsStream("dynamodb-tables.properties")) {
            if (in == null) {
                throw new IllegalStateException("dynamodb-tables.properties is missing beside " + DynamoTables.class);
            }
            Properties schema = new Properties();
            schema.load(in);
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
