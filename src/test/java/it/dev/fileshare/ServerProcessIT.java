package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.ServerUnderTest;
import it.dev.fileshare.support.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The server's process as its operator sees it: how its JVM runs, and what it leaves on disk. */
class ServerProcessIT {

    @Test
    void theJvmExitsOnOutOfMemoryRatherThanLimpingOn() {
        // A JVM out of memory may have failed in any thread, holding any lock: only a restart is safe.
        assertThat(ServerUnderTest.find().jvmArguments()).contains("-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void theLocalDataIsReadableByTheServiceAlone() throws IOException {
        Assumptions.assumeTrue("local".equals(FileshareServer.store()), "the local store's data directory");
        Session user = new FileshareClient().signUp("private");
        assertThat(new FileshareClient()
                        .uploadBinary(user.token(), "secret.bin", Contents.random(1, 1000))
                        .status())
                .isEqualTo(201);
        Path dataDir = Path.of(System.getProperty("it.data-dir", "target/it-data"));

        try (Stream<Path> all = Files.walk(dataDir)) {
            assertThat(all)
                    .isNotEmpty()
                    .allSatisfy(path -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                            .as("%s", path)
                            .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }
}
