package dev.fileshare.store.aws;

import dev.fileshare.core.port.StoreException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns an SDK failure the caller did not handle into a {@link StoreException} naming what was attempted. */
final class AwsCalls {
    private AwsCalls() {}

    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw failure(what, e);
        }
    }

    static StoreException failure(String what, SdkException e) {
        return new StoreException("aws store: cannot " + what, e);
    }

    static void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }
}
