package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.NodeScript;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The official tus client, tus-js-client (src/test/clients/tus-upload.ts, run by Node): 64 MiB in 6 MiB chunks, cut
 * mid-chunk and resumed from the server's offset, the stored file's SHA-256 that of the source; and termination.
 */
class TusClientIT {
    @Test
    void theOfficialClientUploadsResumesAndTerminates() throws Exception {
        NodeScript.Result result = NodeScript.runCompiled("tus-upload.js", Duration.ofMinutes(5));

        assertThat(result.stdout()).contains("2 passed, 0 failed");
        assertThat(result.exitCode()).isZero();
    }
}
