package dev.fileshare.infra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/** The app's stack, synthesised as the CLI would (cdk.json's context and feature flags, the cdk-nag aspect). */
record Synthesis(FileshareStack stack, Template template) {

    /** With cdk.json's context and, on top, the given values (as -c would pass them). */
    static Synthesis of(final Map<String, Object> context) {
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
}
