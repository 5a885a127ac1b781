package dev.fileshare.store.aws;

import dev.fileshare.core.StoreCallBudget;
import dev.fileshare.core.StoreCalls;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.TransferUrls;
import dev.fileshare.tools.AwsStandIns;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The DynamoDB and S3 calls of each request, on the stand-ins, held to the budget in {@code docs/aws-store.md}:
 * counted by an SDK interceptor on the store's clients, one per call whatever its retries.
 */
@ExtendWith(AwsStandInsExtension.class)
class AwsCallBudgetTest extends StoreCallBudget {
    private final StoreCalls calls = new StoreCalls();
    private final AwsSettings settings;

    AwsCallBudgetTest(AwsStandIns standIns) {
        settings = TestResources.fresh(standIns);
    }

    /** The bucket is versioned, and S3Proxy keeps versions and delete markers as S3 does. */
    @Override
    protected boolean keepsVersions() {
        return true;
    }

    @Override
    protected Stores open() {
        return AwsStore.open(settings, Duration.ofMinutes(15), List.of(new Counter(settings.tables(), calls)));
    }

    @Override
    protected StoreCalls calls() {
        return calls;
    }

    @Override
    protected Map<String, SortedMap<String, Integer>> budget() {
        return budgetIn(Path.of("docs/aws-store.md"));
    }

    @Override
    protected TransferUrls transferUrls(Stores stores) {
        return stores.transferUrls().orElseThrow();
    }

    /** Names each call {@code <service> <operation>}, with the table (and index) it reads or writes by its role. */
    private record Counter(AwsSettings.Tables tables, StoreCalls calls) implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            String table = request.getValueForField("TableName", String.class)
                    .map(name -> "(" + role(name)
                            + request.getValueForField("IndexName", String.class)
                                    .map(index -> "/" + index)
                                    .orElse("")
                            + ")")
                    .orElse("");
            // The SDK calls the service "DynamoDb"; AWS's documents and bills, "DynamoDB".
            String service =
                    attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).replace("DynamoDb", "DynamoDB");
            calls.add(service + " " + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + table);
        }

        private String role(String table) {
            if (table.equals(tables.users())) {
                return "users";
            }
            if (table.equals(tables.sessions())) {
                return "sessions";
            }
            if (table.equals(tables.shares())) {
                return "shares";
            }
            if (table.equals(tables.loginAttempts())) {
                return "login-attempts";
            }
            if (table.equals(tables.links())) {
                return "links";
            }
            if (table.equals(tables.uploads())) {
                return "uploads";
            }
            throw new IllegalStateException("a call on an unknown table " + table);
        }
    }
}
