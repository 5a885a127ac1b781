package dev.fileshare.infra;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.CpuArchitecture;

/**
 * The CPU the Fargate tasks run on ({@code -c arch=}): the images are built for it and the task asks
 * for it. arm64 is Graviton (cheaper per vCPU-hour); building its image needs an arm64 machine or a
 * builder that emulates one (Docker with QEMU/binfmt, or finch on Apple silicon).
 */
public enum Architecture {
    X86_64("x86_64"),
    ARM64("arm64");

    private final String contextValue;

    Architecture(final String contextValue) {
        this.contextValue = contextValue;
    }

    /** The value of {@code -c arch=} that selects it. */
    public String contextValue() {
        return contextValue;
    }

    /** The platform the container images are built for. */
    public Platform imagePlatform() {
        return this == ARM64 ? Platform.LINUX_ARM64 : Platform.LINUX_AMD64;
    }

    /** The CPU architecture the task definition asks Fargate for. */
    public CpuArchitecture taskCpu() {
        return this == ARM64 ? CpuArchitecture.ARM64 : CpuArchitecture.X86_64;
    }

    static Architecture fromContext(final String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(a -> a.contextValue.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("context arch must be one of "
                        + Arrays.stream(values())
                                .map(Architecture::contextValue)
                                .collect(Collectors.joining(", "))
                        + ", was: " + value));
    }
}
