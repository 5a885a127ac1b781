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

    private StoreTables() {}

    /**
     * One table's keys, all strings.
     *
     * @param invertedIndex a global secondary index with the sort key as its partition key and the other way round
     */
    record Keys(
            String partitionKey,
            Optional<String> sortKey,
            Optional<String> timeToLive,
            Optional<String> invertedIndex) {}

    private static Keys keys(final String table) {
        String partitionKey = SCHEMA.getProperty(table + ".partition-key");
        if (partitionKey == null) {
            throw new IllegalStateException(RESOURCE + " has no " + table + ".partition-key");
        }
        return new Keys(
                partitionKey,
                Optional.ofNullable(SCHEMA.getProperty(table + ".sort-key")),
                Optional.ofNullable(SCHEMA.getProperty(table + ".time-to-live")),
                Optional.ofNullable(SCHEMA.getProperty(table + ".inverted-index")));
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
