package dev.fileshare.infra;

import static dev.fileshare.infra.Synthesis.properties;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the task tells the service about the front it sits behind: the API's public URL for the
 * OpenAPI document, the proxies whose X-Forwarded-For it may believe, the gateway's body limit.
 */
class ServiceEnvironmentTest {

    /** API Gateway's limit on a request or response body: 10 MB, read in the stricter decimal sense. */
    private static final long GATEWAY_PAYLOAD_LIMIT = 10_000_000;

    private static Synthesis synthesis;
    private static Map<String, Object> environment;

    @BeforeAll
    static void synthesise() {
        synthesis = Synthesis.of(Map.of());
        environment = synthesis.environment("fileshare");
    }

    @Test
    void theOpenApiDocumentNamesTheApisOwnUrl() {
        Object apiUrl =
                ((Map<?, ?>) ((Map<?, ?>) synthesis.template().toJSON().get("Outputs")).get("ApiUrl")).get("Value");
        assertThat(environment.get("MP_OPENAPI_SERVERS")).isEqualTo(apiUrl);
        assertThat(String.valueOf(apiUrl)).contains("execute-api");
    }

    @Test
    void publicLinksAreBuiltOnTheApisOwnUrl() {
        // The host the service sees is the internal load balancer's, which no client can reach.
        Object apiUrl =
                ((Map<?, ?>) ((Map<?, ?>) synthesis.template().toJSON().get("Outputs")).get("ApiUrl")).get("Value");
        assertThat(environment.get("FILESHARE_PUBLIC_URL")).isEqualTo(apiUrl);
    }

    @Test
    void theServiceBelievesForwardedAddressesFromInsideTheVpcOnly() {
        String vpc = synthesis.resources("AWS::EC2::VPC").keySet().iterator().next();
        assertThat(environment.get("FILESHARE_HTTP_TRUSTED_PROXIES"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of(vpc, "CidrBlock")));
        assertThat(properties(synthesis.only("AWS::EC2::VPC")).get("CidrBlock"))
                .asString()
                .matches("10\\.\\d+\\.0\\.0/16");
    }

    @Test
    void binaryTransfersThroughTheGatewayAreCappedBelowWhatItCarries() {
        long cap = Long.parseLong((String) environment.get("FILESHARE_GATEWAY_MAX_BODY_BYTES"));
        assertThat(cap).isLessThan(GATEWAY_PAYLOAD_LIMIT).isGreaterThanOrEqualTo(8L * 1024 * 1024);
        assertThat(RepositoryFiles.configEnvironmentNames())
                .as("a configuration key of the service")
                .contains("FILESHARE_GATEWAY_MAX_BODY_BYTES");
    }
}
