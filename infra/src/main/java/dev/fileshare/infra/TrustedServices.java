package dev.fileshare.infra;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The AWS services the stack's roles trust, each only when it acts for this account and for its own
 * resources in this region (aws:SourceAccount, aws:SourceArn): another account cannot have a service
 * assume these roles on its behalf (the confused-deputy problem).
 */
final class TrustedServices {

    private TrustedServices() {}

    /** ECS tasks (task role and execution role) of this account in this region. */
    static IPrincipal ecsTasks(final Construct scope) {
        return trusted(scope, "ecs-tasks.amazonaws.com", "ecs", "*");
    }

    /** VPC flow logs of this account in this region. */
    static IPrincipal vpcFlowLogs(final Construct scope) {
        return trusted(scope, "vpc-flow-logs.amazonaws.com", "ec2", "vpc-flow-log/*");
    }

    private static IPrincipal trusted(
            final Construct scope, final String service, final String arnService, final String resource) {
        Stack stack = Stack.of(scope);
        String sourceArn = "arn:" + stack.getPartition() + ":" + arnService + ":" + stack.getRegion() + ":"
                + stack.getAccount() + ":" + resource;
        return new ServicePrincipal(service).withConditions(sourceConditions(stack.getAccount(), sourceArn));
    }

    /** aws:SourceAccount and aws:SourceArn, the conditions of a service acting for this account. */
    static Map<String, Object> sourceConditions(final String account, final String sourceArn) {
        Map<String, Object> conditions = new TreeMap<>();
        conditions.put("ArnLike", Map.of("aws:SourceArn", sourceArn));
        conditions.put("StringEquals", Map.of("aws:SourceAccount", account));
        return conditions;
    }
}
