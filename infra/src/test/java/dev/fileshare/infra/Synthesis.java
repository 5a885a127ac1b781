package dev.fileshare.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * The app's stack, synthesised as the CLI would (cdk.json's context and feature flags, the cdk-nag
 * aspect), with ways to read its template. Synthesis is slow, so each context is synthesised once
 * per test run and shared by the test classes that ask for it.
 */
record Synthesis(FileshareStack stack, Template template) {

    private static final Map<Map<String, Object>, Synthesis> SYNTHESISED = new HashMap<>();

    /** With cdk.json's context and, on top, the given values (as -c would pass them). */
    static synchronized Synthesis of(final Map<String, Object> context) {
        return SYNTHESISED.computeIfAbsent(Map.copyOf(context), Synthesis::synthesise);
    }

    private static Synthesis synthesise(final Map<String, Object> context) {
        Map<String, Object> all = new HashMap<>(CdkJson.read().context());
        all.putAll(context);
        App app = FileshareApp.newApp(all);
        FileshareStack stack = FileshareApp.addStack(app, RepositoryFiles.ROOT);
        return new Synthesis(stack, Template.fromStack(stack));
    }

    /** cdk-nag AwsSolutions findings that no suppression covers: errors, then warnings. */
    List<String> unsuppressedNagFindings() {
        Annotations annotations = Annotations.fromStack(stack);
        List<String> findings = new ArrayList<>();
        annotations
                .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))
                .forEach(m ->
                        findings.add("error " + m.getId() + ": " + m.getEntry().getData()));
        annotations
                .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))
                .forEach(m -> findings.add(
                        "warning " + m.getId() + ": " + m.getEntry().getData()));
        return findings;
    }

    /** The CloudFormation logical id of a construct's resource. */
    String logicalId(final IConstruct construct) {
        return stack.resolve(stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild()))
                .toString();
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources(final String type) {
        return (Map<String, Map<String, Object>>) (Map<String, ?>) template.findResources(type);
    }

    /** The one resource of a type; fails when there are none or several. */
    Map<String, Object> only(final String type) {
        Map<String, Map<String, Object>> all = resources(type);
        assertThat(all).as("resources of type %s", type).hasSize(1);
        return all.values().iterator().next();
    }

    /** A resource's Properties. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(final Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    /** The task definition's containers by name. */
    Map<String, Map<String, Object>> containers() {
        Map<String, Map<String, Object>> containers = new LinkedHashMap<>();
        for (Object c : list(properties(only("AWS::ECS::TaskDefinition")).get("ContainerDefinitions"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> container = (Map<String, Object>) c;
            containers.put((String) container.get("Name"), container);
        }
        return containers;
    }

    /** A container's environment: name to value (a string or an intrinsic function). */
    Map<String, Object> environment(final String container) {
        Map<String, Object> environment = new LinkedHashMap<>();
        for (Object v : list(containers().get(container).get("Environment"))) {
            Map<?, ?> variable = (Map<?, ?>) v;
            environment.put((String) variable.get("Name"), variable.get("Value"));
        }
        return environment;
    }

    /** Every statement of the identity policies attached to a role. */
    List<Map<?, ?>> policyStatementsOf(final IConstruct role) {
        Map<String, Object> roleRef = Map.of("Ref", logicalId(role));
        List<Map<?, ?>> statements = new ArrayList<>();
        resources("AWS::IAM::Policy").values().stream()
                .map(Synthesis::properties)
                .filter(p -> list(p.get("Roles")).contains(roleRef))
                .forEach(p -> list(((Map<?, ?>) p.get("PolicyDocument")).get("Statement"))
                        .forEach(s -> statements.add((Map<?, ?>) s)));
        return statements;
    }

    /** A JSON value that may be one item or a list of them, as a list. */
    static List<?> list(final Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? l : List.of(value);
    }

    static List<String> strings(final Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
