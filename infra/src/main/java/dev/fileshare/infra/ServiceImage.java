package dev.fileshare.infra;

import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.IgnoreMode;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.ContainerImage;

/**
 * The fileshare image, built by {@code cdk deploy} from the Dockerfile at the repository root.
 *
 * <p>CDK copies the build context into cdk.out and hashes it to decide whether to build and push
 * again. The root .dockerignore keeps only what the Dockerfile copies (so the hash changes exactly
 * when the image would); the list here additionally keeps out what must never be copied whatever
 * .dockerignore says: this CDK app with its own cdk.out (copying it would recurse), the Git
 * history and any node_modules. A missing target/fileshare.war is not an error at synth time:
 * only {@code docker build} needs it.
 */
public final class ServiceImage {

    /** Never part of the image's build context. */
    static final List<String> ALWAYS_EXCLUDED =
            List.of(".git", "infra", "**/cdk.out", "**/node_modules", "bench", "data");

    private ServiceImage() {}

    public static ContainerImage fromRepositoryRoot(final Path repositoryRoot) {
        return ContainerImage.fromAsset(
                repositoryRoot.toAbsolutePath().normalize().toString(),
                AssetImageProps.builder()
                        // Fargate tasks run on x86_64; build for it even on an ARM laptop.
                        .platform(Platform.LINUX_AMD64)
                        .ignoreMode(IgnoreMode.DOCKER)
                        .exclude(ALWAYS_EXCLUDED)
                        .build());
    }
}
