package dev.fileshare.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The key schemas of the service's DynamoDB tables, as the service defines them in
 * {@code src/main/resources/dev/fileshare/store/aws/dynamodb-tables.properties} (this app's build copies that file
 * onto its class path), so that the stack creates exactly the tables the service's items fit.
 */
final class StoreTables {
    static final String RESOURCE = "/dev/fileshare/store/aws/dynamodb-tables.properties";

    private static final Properties SCHEMA = load();

    static final Keys USERS = keys("users");
    static final Keys SESSIONS = keys("sessions");
    static final Keys SHARES = keys("shares");
    static final Keys LOGIN_ATTEMPTS = keys("login-attempts");
    static final Keys LINKS = keys("links");
    static final Keys UPLOADS = keys("uploads");

    private StoreTables() {}

    /**
     * One table's keys, all strings.
     *
     * @param invertedIndex a global secondary index with the sort key as its partition key and the other way round
     * @param sparseIndex a global secondary index on other attributes, holding only the items that carry them
     */
    record Keys(
            String partitionKey,
            Optional<String> sortKey,
            Optional<String> timeToLive,
            Optional<String> invertedIndex,
            Optional<Index> sparseIndex) {}

    /** A global secondary index's name and keys (strings), projecting every attribute. */
    record Index(String name, String partitionKey, String sortKey) {}

    private static Keys keys(final String table) {
        return new Keys(
                required(table + ".partition-key"),
                Optional.ofNullable(SCHEMA.getProperty(table + ".sort-key")),
                Optional.ofNullable(SCHEMA.getProperty(table + ".time-to-live")),
                Optional.ofNullable(SCHEMA.getProperty(table + ".inverted-index")),
                Optional.ofNullable(SCHEMA.getProperty(table + ".sparse-index"))
                        .map(index -> new Index(
                                index,
                                required(table + ".sparse-index.partition-key"),
                                required(table + ".sparse-index.sort-key"))));
    }

    private static String required(final String key) {
        String value = SCHEMA.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(RESOURCE + " has no " + key);
        }
        return value;
    }

    private static Properties load() {
        try (InputStream in = StoreTables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (infra/pom.xml copies it)");
            }
            Properties schema = new Properties();
            schema.load(in);
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
