package dev.fileshare.store.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The key schemas of the four tables, read from {@code dynamodb-tables.properties} beside this class: the one
 * definition of their key, index and time-to-live attribute names, which the CDK app in {@code infra/} reads too,
 * so that the stack's tables and this store's items cannot disagree.
 */
final class DynamoTables {
    private static final Properties SCHEMA = load();

    static final Table USERS = table("users");
    static final Table SESSIONS = table("sessions");
    static final Table SHARES = table("shares");
    static final Table LOGIN_ATTEMPTS = table("login-attempts");

    private DynamoTables() {}

    /**
     * One table's keys; every key attribute is a string.
     *
     * @param invertedIndex a global secondary index with the sort key as its partition key and the other way round
     */
    record Table(
            String partitionKey,
            Optional<String> sortKey,
            Optional<String> timeToLive,
            Optional<String> invertedIndex) {}

    private static Table table(String name) {
        String partitionKey = SCHEMA.getProperty(name + ".partition-key");
        if (partitionKey == null) {
            throw new IllegalStateException("dynamodb-tables.properties has no " + name + ".partition-key");
        }
        return new Table(
                partitionKey,
                Optional.ofNullable(SCHEMA.getProperty(name + ".sort-key")),
                Optional.ofNullable(SCHEMA.getProperty(name + ".time-to-live")),
                Optional.ofNullable(SCHEMA.getProperty(name + ".inverted-index")));
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
