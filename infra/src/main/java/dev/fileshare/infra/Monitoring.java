package dev.fileshare.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.Operation;
import software.amazon.awscdk.services.dynamodb.OperationsMetricOptions;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.ecs.AlarmBehavior;
import software.amazon.awscdk.services.ecs.DeploymentAlarmOptions;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * What an operator watches: alarms on what users would notice first (5xx at the load balancer and
 * at the API, unhealthy targets, slow responses, fewer tasks than the minimum, DynamoDB throttling),
 * an SNS topic they notify (mailed when an address is configured), and a dashboard with the AWS
 * metrics beside the service's own ({@link ServiceMetrics}). The critical alarms also guard
 * deployments: {@link #guardDeploymentsOf(FargateService)}.
 */
public final class Monitoring extends Construct {

    static final Duration PERIOD = Duration.minutes(1);
    /** Target or API 5xx per minute that count as an incident, in 2 of 3 minutes. */
    static final int FIVE_XX_PER_MINUTE = 5;
    /** p99 of the time a task takes to answer, over 5 minutes in a row. */
    static final Duration P99_LATENCY = Duration.seconds(3);
    /** DynamoDB requests throttled per minute on a table, in 2 of 3 minutes. */
    static final int THROTTLED_PER_MINUTE = 5;

    private final Topic topic;
    private final Alarm targetFiveXx;
    private final Alarm unhealthyHosts;
    private final Map<Alarm, String> alarmNames = new HashMap<>();

    public Monitoring(final Construct scope, final String id, final Props props) {
        super(scope, id);
        Stack stack = Stack.of(this);

        topic = Topic.Builder.create(this, "Alarms")
                .displayName("fileshare alarms")
                .enforceSsl(true)
                .build();
        // CloudWatch publishes as a service, which the topic's policy must admit: this account's alarms only.
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(TrustedServices.sourceConditions(
                        stack.getAccount(),
                        "arn:" + stack.getPartition() + ":cloudwatch:" + stack.getRegion() + ":" + stack.getAccount()
                                + ":alarm:*"))
                .build());
        props.alarmEmail().ifPresent(address -> topic.addSubscription(new EmailSubscription(address)));
        NagSuppressions.addResourceSuppressions(
                topic,
                List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-SNS2")
                        .reason(
                                "The topic carries alarm state changes (alarm names, thresholds and metric values), "
                                        + "no user data and no secrets. CloudWatch can publish to an encrypted topic only with "
                                        + "a customer managed KMS key whose policy admits it, a key that would protect nothing.")
                        .build()));

        ApplicationTargetGroup targets = props.targetGroup();
        targetFiveXx = alarm(
                "TargetFiveXx",
                "fileshare answered 5xx (at the load balancer, from the tasks)",
                targets.getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, sum()),
                FIVE_XX_PER_MINUTE,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                3,
                2,
                TreatMissingData.NOT_BREACHING);
        unhealthyHosts = alarm(
                "UnhealthyHosts",
                "a fileshare task fails its load balancer health check",
                targets.getMetrics().unhealthyHostCount(stat("Maximum")),
                1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                3,
                3,
                TreatMissingData.NOT_BREACHING);
        alarm(
                "LatencyP99",
                "fileshare's p99 response time is above " + P99_LATENCY.toSeconds() + " s",
                targets.getMetrics().targetResponseTime(stat("p99")),
                P99_LATENCY.toSeconds(),
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                5,
                5,
                TreatMissingData.NOT_BREACHING);
        alarm(
                "ApiFiveXx",
                "the API answered 5xx (at API Gateway, including integration failures)",
                props.api().metricServerError(sum()),
                FIVE_XX_PER_MINUTE,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                3,
                2,
                TreatMissingData.NOT_BREACHING);
        // Container Insights counts running tasks; no data at all means none are reported running.
        alarm(
                "RunningTasksBelowMinimum",
                "fewer fileshare tasks run than the minimum of " + props.minTasks(),
                Metric.Builder.create()
                        .namespace("ECS/ContainerInsights")
                        .metricName("RunningTaskCount")
                        .dimensionsMap(new TreeMap<>(Map.of(
                                "ClusterName", props.service().getCluster().getClusterName(),
                                "ServiceName", props.service().getServiceName())))
                        .statistic("Minimum")
                        .period(PERIOD)
                        .build(),
                props.minTasks(),
                ComparisonOperator.LESS_THAN_THRESHOLD,
                3,
                3,
                TreatMissingData.BREACHING);
        for (Table table : props.tables()) {
            alarm(
                    "Throttled" + table.getNode().getId(),
                    "DynamoDB throttles requests to the " + table.getNode().getId() + " table",
                    table.metricThrottledRequestsForOperations(OperationsMetricOptions.builder()
                            .operations(List.of(
                                    Operation.GET_ITEM,
                                    Operation.PUT_ITEM,
                                    Operation.UPDATE_ITEM,
                                    Operation.DELETE_ITEM,
                                    Operation.QUERY))
                            .period(PERIOD)
                            .build()),
                    THROTTLED_PER_MINUTE,
                    ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                    3,
                    2,
                    TreatMissingData.NOT_BREACHING);
        }

        Dashboard.Builder.create(this, "Dashboard")
                .defaultInterval(Duration.hours(3))
                .widgets(List.of(outside(props), inside()))
                .build();
    }

    /**
     * Has the service's deployments watch the alarms a deployment must not set off (5xx from the
     * tasks, tasks failing their health check) while they roll out and for a while after: one going
     * off rolls the deployment back, as the circuit breaker does for tasks that never become healthy.
     */
    public void guardDeploymentsOf(final FargateService service) {
        List<Alarm> critical = List.of(targetFiveXx, unhealthyHosts);
        // The alarms exist before a deployment watches them.
        critical.forEach(alarm -> service.getNode().addDependency(alarm));
        service.enableDeploymentAlarms(
                critical.stream().map(alarmNames::get).toList(),
                DeploymentAlarmOptions.builder()
                        .behavior(AlarmBehavior.ROLLBACK_ON_ALARM)
                        .build());
    }

    public Topic topic() {
        return topic;
    }

    private Alarm alarm(
            final String id,
            final String description,
            final IMetric metric,
            final Number threshold,
            final ComparisonOperator comparison,
            final int evaluationPeriods,
            final int datapointsToAlarm,
            final TreatMissingData missing) {
        // Named after the stack, so that a mail says which stage it is about, and so that the service
        // names its deployment alarms by a plain string.
        String name = Stack.of(this).getStackName() + "-" + id;
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmName(name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .evaluationPeriods(evaluationPeriods)
                .datapointsToAlarm(datapointsToAlarm)
                .treatMissingData(missing)
                .build();
        SnsAction notify = new SnsAction(topic);
        alarm.addAlarmAction(notify);
        alarm.addOkAction(notify);
        alarmNames.put(alarm, name);
        return alarm;
    }

    /** The service as AWS sees it from outside: the API, the load balancer, the tasks. */
    private static List<IWidget> outside(final Props props) {
        ApplicationTargetGroup targets = props.targetGroup();
        return List.of(
                TextWidget.Builder.create()
                        .markdown("## fileshare from outside: API Gateway, load balancer, ECS")
                        .width(24)
                        .height(1)
                        .build(),
                graph(
                        "API requests and errors",
                        List.of(
                                props.api().metricCount(sum()),
                                props.api().metricClientError(sum()),
                                props.api().metricServerError(sum()))),
                graph(
                        "Task response time",
                        List.of(
                                targets.getMetrics().targetResponseTime(stat("p50")),
                                targets.getMetrics().targetResponseTime(stat("p99")))),
                graph(
                        "Tasks: healthy, unhealthy, 5xx",
                        List.of(
                                targets.getMetrics().healthyHostCount(stat("Minimum")),
                                targets.getMetrics().unhealthyHostCount(stat("Maximum")),
                                targets.getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, sum()))),
                graph(
                        "Task CPU and memory (%)",
                        List.of(
                                props.service().metricCpuUtilization(stat("Average")),
                                props.service().metricMemoryUtilization(stat("Average")))));
    }

    /** The service's own metrics, by the names in {@link ServiceMetrics}. */
    private static List<IWidget> inside() {
        return List.of(
                TextWidget.Builder.create()
                        .markdown("## fileshare from inside: its own metrics (OpenTelemetry, namespace "
                                + ServiceMetrics.NAMESPACE + ")")
                        .width(24)
                        .height(1)
                        .build(),
                graph(
                        "Requests per route",
                        List.of(search(
                                List.of(ServiceMetrics.ROUTE, ServiceMetrics.METHOD),
                                ServiceMetrics.REQUEST_DURATION,
                                "SampleCount"))),
                graph(
                        "Mean duration per route (s)",
                        List.of(search(
                                List.of(ServiceMetrics.ROUTE, ServiceMetrics.METHOD),
                                ServiceMetrics.REQUEST_DURATION,
                                "Average"))),
                graph(
                        "Responses per route and status",
                        List.of(search(
                                List.of(ServiceMetrics.ROUTE, ServiceMetrics.STATUS_CODE),
                                ServiceMetrics.REQUEST_DURATION,
                                "SampleCount"))),
                graph(
                        "Logins",
                        ServiceMetrics.LOGIN_OUTCOMES.stream()
                                .map(outcome -> (IMetric) serviceMetric(
                                        ServiceMetrics.LOGINS, Map.of(ServiceMetrics.OUTCOME, outcome), "Sum"))
                                .toList()),
                graph(
                        "File content (bytes)",
                        List.of(
                                serviceMetric(ServiceMetrics.UPLOADED, Map.of(), "Sum"),
                                serviceMetric(ServiceMetrics.DOWNLOADED, Map.of(), "Sum"))),
                graph(
                        "Password hashes waiting",
                        List.of(serviceMetric(ServiceMetrics.HASH_QUEUE_LENGTH, Map.of(), "Maximum"))));
    }

    private static GraphWidget graph(final String title, final List<IMetric> metrics) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(metrics)
                .width(6)
                .height(6)
                .build();
    }

    /** Every series of a metric over a dimension set, whatever values (routes) it has. */
    private static MathExpression search(final List<String> dimensions, final String metric, final String statistic) {
        StringBuilder schema = new StringBuilder("{" + ServiceMetrics.NAMESPACE);
        dimensions.forEach(d -> schema.append(",\"").append(d).append('"'));
        schema.append('}');
        return MathExpression.Builder.create()
                .expression("SEARCH('" + schema + " MetricName=\"" + metric + "\"', '" + statistic + "', "
                        + PERIOD.toSeconds() + ")")
                .usingMetrics(Map.of())
                .period(PERIOD)
                .build();
    }

    private static Metric serviceMetric(
            final String name, final Map<String, String> dimensions, final String statistic) {
        return Metric.Builder.create()
                .namespace(ServiceMetrics.NAMESPACE)
                .metricName(name)
                .dimensionsMap(dimensions)
                .statistic(statistic)
                .period(PERIOD)
                .build();
    }

    private static MetricOptions sum() {
        return stat("Sum");
    }

    private static MetricOptions stat(final String statistic) {
        return MetricOptions.builder().statistic(statistic).period(PERIOD).build();
    }

    /** What the monitoring needs to know. */
    public record Props(
            ApplicationTargetGroup targetGroup,
            HttpApi api,
            FargateService service,
            int minTasks,
            List<Table> tables,
            Optional<String> alarmEmail) {
        public Props {
            Objects.requireNonNull(targetGroup, "targetGroup");
            Objects.requireNonNull(api, "api");
            Objects.requireNonNull(service, "service");
            tables = List.copyOf(tables);
            Objects.requireNonNull(alarmEmail, "alarmEmail");
        }
    }
}
