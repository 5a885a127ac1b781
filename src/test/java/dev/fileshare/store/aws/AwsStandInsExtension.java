package dev.fileshare.store.aws;

import dev.fileshare.tools.AwsStandIns;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Hands tests the one pair of stand-ins of this JVM, started on first use and stopped when the run ends. */
final class AwsStandInsExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AwsStandIns.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root context's store lives for the whole run and closes what it holds (AutoCloseable) at its end.
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(AwsStandIns.class, type -> AwsStandIns.start(0, 0), AwsStandIns.class);
    }
}
