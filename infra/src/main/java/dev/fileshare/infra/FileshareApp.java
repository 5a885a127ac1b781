package dev.fileshare.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code npx aws-cdk@2 synth|deploy|destroy} in infra/ runs this (see cdk.json).
 *
 * <p>Context values: {@code retainData} (default true; {@code -c retainData=false} deletes the
 * bucket, the tables and the logs with the stack) and {@code repositoryRoot} (default "..", the
 * directory with the Dockerfile, relative to infra/).
 */
public final class FileshareApp {

    public static final String STACK_NAME = "Fileshare";

    /**
     * Feature flags this app relies on, set here rather than in cdk.json so that tests synthesise
     * exactly what the CLI does. Server access logs are delivered under a bucket policy, which
     * works with ACLs disabled (BucketOwnerEnforced) on the log bucket.
     */
    static final Map<String, Object> FEATURE_FLAGS = Map.of("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);

    private FileshareApp() {}

    public static void main(final String[] args) {
        App app = newApp(Map.of());
        Path root = Path.of(stringContext(app, "repositoryRoot", ".."))
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(root.resolve("target/fileshare.war"))) {
            System.err.println("note: " + root.resolve("target/fileshare.war") + " does not exist yet; "
                    + "run the root build (./mvnw package) before 'cdk deploy' builds the image.");
        }
        addStack(app, root);
        app.synth();
    }

    /** An App with this project's feature flags plus the given context (tests pass theirs here). */
    public static App newApp(final Map<String, Object> context) {
        Map<String, Object> all = new HashMap<>(FEATURE_FLAGS);
        all.putAll(context);
        return new App(AppProps.builder().context(all).analyticsReporting(false).build());
    }

    /** The fileshare stack, checked by cdk-nag's AWS Solutions pack. */
    public static FileshareStack addStack(final App app, final Path repositoryRoot) {
        FileshareStack stack = new FileshareStack(
                app,
                STACK_NAME,
                FileshareStack.Props.builder()
                        .stackProps(StackProps.builder()
                                .description("fileshare: file-sharing REST API on ECS Fargate, S3 and DynamoDB")
                                .build())
                        .image(ServiceImage.fromRepositoryRoot(repositoryRoot))
                        .retainData(booleanContext(app, "retainData", true))
                        .build());
        Aspects.of(app)
                .add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }

    /** Context from -c arrives as a string, from cdk.json or code as whatever JSON type it was. */
    static boolean booleanContext(final App app, final String key, final boolean fallback) {
        Object value = app.getNode().tryGetContext(key);
        if (value == null) {
            return fallback;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("context " + key + " must be true or false, was: " + value);
    }

    private static String stringContext(final App app, final String key, final String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null ? fallback : value.toString();
    }
}
