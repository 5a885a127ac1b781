package dev.fileshare.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.IgnoreMode;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.ContainerImage;

/**
 * The fileshare image, built by {@code cdk deploy} from the Dockerfile at the repository root. The
 * Dockerfile builds the war from the sources itself, so a deploy ships what is checked out, never a
 * stale target/fileshare.war, and synthesis needs no prior build.
 *
 * <p>CDK copies the build context into cdk.out and hashes it (with the build arguments) to decide
 * whether to build and push again. The root .dockerignore keeps only what the Dockerfile copies, so
 * the hash changes exactly when the image would; the list here additionally keeps out what must
 * never be copied whatever .dockerignore says: this CDK app with its own cdk.out (copying it would
 * recurse), build output, the Git history and any node_modules.
 */
public final class ServiceImage {

    /** Never part of the image's build context. */
    static final List<String> ALWAYS_EXCLUDED =
            List.of(".git", "infra", "**/cdk.out", "**/node_modules", "target", "bench", "data");

    private ServiceImage() {}

    public static ContainerImage fromRepositoryRoot(
            final Path repositoryRoot, final Architecture architecture, final ImageLabels labels) {
        return ContainerImage.fromAsset(
                repositoryRoot.toAbsolutePath().normalize().toString(),
                AssetImageProps.builder()
                        .file("Dockerfile")
                        // Built for the tasks' CPU whatever the deployer's machine is (see Architecture).
                        .platform(architecture.imagePlatform())
                        .buildArgs(Map.of("VERSION", labels.version(), "REVISION", labels.revision()))
                        .ignoreMode(IgnoreMode.DOCKER)
                        .exclude(ALWAYS_EXCLUDED)
                        .build());
    }
}
