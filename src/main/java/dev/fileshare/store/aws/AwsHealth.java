package dev.fileshare.store.aws;

import dev.fileshare.core.port.StoreHealth;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Answers for the bucket ({@code HeadBucket}) and each table ({@code DescribeTable}, ACTIVE), by role. */
final class AwsHealth implements StoreHealth {
    private final AwsClients clients;
    private final AwsSettings config;

    AwsHealth(AwsClients clients, AwsSettings config) {
        this.clients = clients;
        this.config = config;
    }

    @Override
    public Map<String, Boolean> check() {
        Map<String, Boolean> parts = new LinkedHashMap<>();
        parts.put("bucket", bucketAnswers());
        AwsSettings.Tables tables = config.tables();
        parts.put("users-table", tableIsActive(tables.users()));
        parts.put("sessions-table", tableIsActive(tables.sessions()));
        parts.put("shares-table", tableIsActive(tables.shares()));
        parts.put("login-attempts-table", tableIsActive(tables.loginAttempts()));
        parts.put("links-table", tableIsActive(tables.links()));
        parts.put("uploads-table", tableIsActive(tables.uploads()));
        return parts;
    }

    private boolean bucketAnswers() {
        try {
            clients.s3().headBucket(head -> head.bucket(config.bucket()));
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    private boolean tableIsActive(String table) {
        try {
            return clients.dynamoDb()
                            .describeTable(d -> d.tableName(table))
                            .table()
                            .tableStatus()
                    == TableStatus.ACTIVE;
        } catch (SdkException e) {
            return false;
        }
    }
}
