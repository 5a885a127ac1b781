package dev.fileshare.store.aws;

import dev.fileshare.tools.S3MockProcess;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Hands tests the one S3Mock of this JVM, started on first use and stopped when the run ends. */
final class S3MockExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == S3MockProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root context's store lives for the whole run and closes what it holds (AutoCloseable) at its end.
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(S3MockProcess.class, type -> S3MockProcess.start(), S3MockProcess.class);
    }
}
