package dev.fileshare.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code npx aws-cdk@2 synth|deploy|destroy} in infra/ runs this (see cdk.json, which
 * also holds the feature flags). Context values are those of {@link StackOptions}, plus
 * {@code repositoryRoot} (default "..", the directory with the Dockerfile, relative to infra/) and
 * {@code revision} (the image's revision label; default: the checked-out Git commit).
 */
public final class FileshareApp {

    private FileshareApp() {}

    public static void main(final String[] args) {
        App app = newApp(Map.of());
        Path root = Path.of(StackOptions.string(app, "repositoryRoot").orElse(".."))
                .toAbsolutePath()
                .normalize();
        addStack(app, root);
        app.synth();
    }

    /**
     * An App with the given context on top of what the CLI passes (cdk.json, -c); tests pass cdk.json's
     * context here themselves.
     */
    public static App newApp(final Map<String, Object> context) {
        return new App(
                AppProps.builder().context(context).analyticsReporting(false).build());
    }

    /** The fileshare stack as the context describes it, checked by cdk-nag's AWS Solutions pack. */
    public static FileshareStack addStack(final App app, final Path repositoryRoot) {
        StackOptions options = StackOptions.from(app);
        ImageLabels labels = ImageLabels.of(repositoryRoot, StackOptions.string(app, "revision"));
        FileshareStack stack = new FileshareStack(
                app,
                options.stackName(),
                FileshareStack.Props.builder()
                        .stackProps(StackProps.builder()
                                .description("fileshare: file-sharing REST API on ECS Fargate, S3 and DynamoDB")
                                .build())
                        .image(ServiceImage.fromRepositoryRoot(repositoryRoot, options.architecture(), labels))
                        .collectorImageDirectory(repositoryRoot.resolve("infra/collector"))
                        .architecture(options.architecture())
                        .retainData(options.retainData())
                        .corsOrigins(options.corsOrigins())
                        .alarmEmail(options.alarmEmail())
                        .build());
        Aspects.of(app)
                .add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }
}
