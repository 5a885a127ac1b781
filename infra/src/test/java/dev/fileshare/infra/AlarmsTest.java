package dev.fileshare.infra;

import static dev.fileshare.infra.Synthesis.list;
import static dev.fileshare.infra.Synthesis.properties;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alarms and a way to hear them: an SNS topic (mailed with -c alarmEmail=), alarms on what users
 * notice first, the critical ones guarding deployments, and a dashboard with the service's own metrics.
 */
class AlarmsTest {

    private static Synthesis synthesis;
    private static Map<String, Map<String, Object>> alarms;

    @BeforeAll
    static void synthesise() {
        synthesis = Synthesis.of(Map.of());
        alarms = synthesis.resources("AWS::CloudWatch::Alarm");
    }

    @Test
    void alarmsWatchTheLoadBalancerTheApiTheTasksAndTheTables() {
        String targetGroup =
                synthesis.logicalId(synthesis.stack().serviceCluster().targetGroup());
        assertThat(alarmOn("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count"))
                .containsEntry("Statistic", "Sum")
                .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold");
        assertThat(String.valueOf(alarmOn("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count")
                        .get("Dimensions")))
                .contains(targetGroup);
        assertThat(alarmOn("AWS/ApplicationELB", "UnHealthyHostCount"))
                .containsEntry("Threshold", 1)
                .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold");
        assertThat(alarmOn("AWS/ApplicationELB", "TargetResponseTime")).containsEntry("ExtendedStatistic", "p99");
        assertThat(alarmOn("AWS/ApiGateway", "5xx")).containsEntry("Statistic", "Sum");

        Map<String, Object> tasks = alarmOn("ECS/ContainerInsights", "RunningTaskCount");
        Object minimum = properties(synthesis.only("AWS::ApplicationAutoScaling::ScalableTarget"))
                .get("MinCapacity");
        assertThat(tasks)
                .containsEntry("ComparisonOperator", "LessThanThreshold")
                .containsEntry("Threshold", minimum)
                // No data from Container Insights means no task reports running.
                .containsEntry("TreatMissingData", "breaching");

        for (String table : synthesis.resources("AWS::DynamoDB::Table").keySet()) {
            assertThat(alarms.values())
                    .as("an alarm on throttled requests to %s", table)
                    .anySatisfy(alarm -> {
                        String metrics = String.valueOf(properties(alarm).get("Metrics"));
                        assertThat(metrics).contains("ThrottledRequests").contains("{Ref=" + table + "}");
                    });
        }
    }

    @Test
    void everyAlarmNotifiesTheTopicWhenItGoesOffAndWhenItClears() {
        String topic = synthesis.logicalId(synthesis.stack().monitoring().topic());
        assertThat(alarms).hasSizeGreaterThanOrEqualTo(9).allSatisfy((id, alarm) -> {
            assertThat(properties(alarm).get("AlarmActions")).as(id).isEqualTo(List.of(Map.of("Ref", topic)));
            assertThat(properties(alarm).get("OKActions")).as(id).isEqualTo(List.of(Map.of("Ref", topic)));
        });
    }

    @Test
    void deploymentsRollBackWhenTheTasksAnswer5xxOrFailTheirHealthCheck() {
        Map<?, ?> deployment =
                (Map<?, ?>) properties(synthesis.only("AWS::ECS::Service")).get("DeploymentConfiguration");
        Map<?, ?> deploymentAlarms = (Map<?, ?>) deployment.get("Alarms");
        assertThat(deploymentAlarms.get("Enable")).isEqualTo(true);
        assertThat(deploymentAlarms.get("Rollback")).isEqualTo(true);
        assertThat(Set.copyOf(list(deploymentAlarms.get("AlarmNames"))))
                .isEqualTo(Set.of(
                        alarmOn("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count")
                                .get("AlarmName"),
                        alarmOn("AWS/ApplicationELB", "UnHealthyHostCount").get("AlarmName")));
    }

    @Test
    void alarmsAreNamedAfterTheStackSoThatStagesInOneAccountDoNotCollide() {
        String stack = synthesis.stack().getStackName();
        assertThat(alarms.values())
                .allSatisfy(alarm -> assertThat(properties(alarm).get("AlarmName"))
                        .asString()
                        .startsWith(stack + "-"));
        Synthesis staging = Synthesis.of(Map.of("stackName", "FileshareStaging", "arch", "arm64"));
        assertThat(staging.resources("AWS::CloudWatch::Alarm").values())
                .allSatisfy(alarm -> assertThat(properties(alarm).get("AlarmName"))
                        .asString()
                        .startsWith("FileshareStaging-"));
    }

    @Test
    void cloudWatchMayPublishToTheTopicOnlyForThisAccountsAlarms() {
        Map<?, ?> document =
                (Map<?, ?>) properties(synthesis.only("AWS::SNS::TopicPolicy")).get("PolicyDocument");
        assertThat(list(document.get("Statement"))).anySatisfy(s -> {
            Map<?, ?> statement = (Map<?, ?>) s;
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            assertThat(statement.get("Principal")).isEqualTo(Map.of("Service", "cloudwatch.amazonaws.com"));
            assertThat(statement.get("Action")).isEqualTo("sns:Publish");
            assertThat(String.valueOf(statement.get("Condition")))
                    .contains("aws:SourceAccount")
                    .contains(":alarm:*");
        });
    }

    @Test
    void theTopicMailsAnAddressOnlyWhenOneIsGiven() {
        synthesis.template().resourceCountIs("AWS::SNS::Subscription", 0);

        Synthesis withEmail = Synthesis.of(Map.of("alarmEmail", "ops@example.com"));
        withEmail
                .template()
                .hasResourceProperties(
                        "AWS::SNS::Subscription",
                        Map.of(
                                "Protocol",
                                "email",
                                "Endpoint",
                                "ops@example.com",
                                "TopicArn",
                                Map.of(
                                        "Ref",
                                        withEmail.logicalId(
                                                withEmail.stack().monitoring().topic()))));
    }

    @Test
    void theDashboardShowsTheServicesOwnMetrics() {
        String body = String.valueOf(
                properties(synthesis.only("AWS::CloudWatch::Dashboard")).get("DashboardBody"));
        assertThat(body).contains("\"" + ServiceMetrics.NAMESPACE + "\"");
        for (String metric : List.of(
                ServiceMetrics.REQUEST_DURATION,
                ServiceMetrics.LOGINS,
                ServiceMetrics.UPLOADED,
                ServiceMetrics.DOWNLOADED,
                ServiceMetrics.HASH_QUEUE_LENGTH)) {
            assertThat(body).as("the dashboard shows %s", metric).contains(metric);
        }
        ServiceMetrics.LOGIN_OUTCOMES.forEach(outcome -> assertThat(body).contains(outcome));
        assertThat(body).contains(ServiceMetrics.ROUTE);
    }

    private static Map<String, Object> alarmOn(final String namespace, final String metric) {
        return properties(alarms.get(alarmIdOn(namespace, metric)));
    }

    private static String alarmIdOn(final String namespace, final String metric) {
        Predicate<Map<String, Object>> on =
                alarm -> namespace.equals(properties(alarm).get("Namespace"))
                        && metric.equals(properties(alarm).get("MetricName"));
        List<String> ids = alarms.entrySet().stream()
                .filter(e -> on.test(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(ids).as("one alarm on %s %s", namespace, metric).hasSize(1);
        return ids.get(0);
    }
}
