package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.LibertyServerProcess;
import it.dev.fileshare.support.Session;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Quotas, end to end: a server of its own (the build's second server, which ServerCrashIT also starts for itself)
 * runs with {@code FILESHARE_QUOTA_BYTES=10485760} and {@code FILESHARE_QUOTA_FILES=3} in its environment, in the
 * store mode of the pass. Every user of it is held to them, so no other test sees a quota.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class QuotaIT {
    private static final long QUOTA_BYTES = 10L * Contents.MIB;
    private static final int QUOTA_FILES = 3;
    private static final Duration START_LIMIT = Duration.ofSeconds(240);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(90);

    private static final LibertyServerProcess SERVER = FileshareServer.crashServer();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final FileshareClient client = new FileshareClient().at(SERVER.baseUri());

    @BeforeAll
    static void startServerWithQuotas() throws Exception {
        if (SERVER.answers(HTTP)) {
            SERVER.stop(STOP_LIMIT); // left running by an aborted run
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("FILESHARE_QUOTA_BYTES", Long.toString(QUOTA_BYTES));
        environment.put("FILESHARE_QUOTA_FILES", Integer.toString(QUOTA_FILES));
        if ("aws".equals(FileshareServer.store())) {
            environment.putAll(FileshareServer.awsStandInsEnvironment());
        }
        SERVER.start(Duration.ofSeconds(60), environment);
        SERVER.awaitReady(HTTP, START_LIMIT);
    }

    @AfterAll
    static void stopServer() throws Exception {
        SERVER.stop(STOP_LIMIT);
    }

    @Test
    void theAccountTellsItsUsageAndQuotas() {
        Session alice = client.signUp("quota-account");
        client.uploadBinary(alice.token(), "a.bin", new byte[1000]);

        JsonObject account = client.account(alice.token()).json();

        assertThat(account.getJsonNumber("used_bytes").longValue()).isEqualTo(1000);
        assertThat(account.getJsonNumber("files").longValue()).isEqualTo(1);
        assertThat(account.getJsonNumber("quota_bytes").longValue()).isEqualTo(QUOTA_BYTES);
        assertThat(account.getJsonNumber("quota_files").longValue()).isEqualTo(QUOTA_FILES);
    }

    @Test
    void aWriteOverTheByteQuotaIs507AndTheOldContentStillDownloads() {
        Session alice = client.signUp("quota-bytes");
        byte[] old = Contents.random(1, 6 * Contents.MIB);
        assertThat(client.uploadBinary(alice.token(), "a.bin", old).status()).isEqualTo(201);

        JsonObject refused =
                assertProblem(client.uploadBinary(alice.token(), "b.bin", new byte[5 * Contents.MIB]), 507);
        assertThat(refused.getJsonObject("quota").getString("name")).isEqualTo("bytes");
        assertThat(refused.getJsonObject("quota").getJsonNumber("limit").longValue())
                .isEqualTo(QUOTA_BYTES);
        assertThat(refused.getJsonObject("quota").getJsonNumber("used").longValue())
                .isEqualTo(old.length);
        assertThat(refused.getString("detail")).contains("10485760");
        // A replacement of 11 MiB, and a new file as JSON (base64): neither changes anything.
        assertProblem(client.uploadBinary(alice.token(), "a.bin", new byte[11 * Contents.MIB]), 507);
        assertProblem(client.upload(alice.token(), "c.bin", new byte[5 * Contents.MIB]), 507);

        assertThat(client.download(alice.token(), "a.bin").body()).isEqualTo(old);
        assertProblem(client.download(alice.token(), "b.bin"), 404);
        assertProblem(client.download(alice.token(), "c.bin"), 404);
        assertThat(client.account(alice.token())
                        .json()
                        .getJsonNumber("used_bytes")
                        .longValue())
                .isEqualTo(old.length);
        // The 6 MiB stay counted while they are kept, as an older version or in the trash: 10 MiB more do not
        // fit until the trash is emptied of them.
        assertProblem(client.uploadBinary(alice.token(), "a.bin", new byte[(int) QUOTA_BYTES]), 507);
        assertThat(client.deleteFile(alice.token(), "a.bin").status()).isEqualTo(204);
        assertProblem(client.uploadBinary(alice.token(), "a.bin", new byte[(int) QUOTA_BYTES]), 507);
        assertThat(client.purge(alice.token(), "a.bin").status()).isEqualTo(204);
        assertThat(client.uploadBinary(alice.token(), "a.bin", new byte[(int) QUOTA_BYTES])
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aNewFileOverTheFileQuotaIs507ButReplacingOneIsNot() {
        Session alice = client.signUp("quota-files");
        for (int i = 0; i < QUOTA_FILES; i++) {
            assertThat(client.uploadBinary(alice.token(), "f" + i, Contents.text("x"))
                            .status())
                    .isEqualTo(201);
        }

        JsonObject refused = assertProblem(client.uploadBinary(alice.token(), "one-more", Contents.text("x")), 507);

        assertThat(refused.getJsonObject("quota").getString("name")).isEqualTo("files");
        assertThat(refused.getJsonObject("quota").getJsonNumber("used").longValue())
                .isEqualTo(QUOTA_FILES);
        assertThat(client.uploadBinary(alice.token(), "f0", Contents.text("replaced"))
                        .status())
                .isEqualTo(200);
        // Deleting one makes room again.
        assertThat(client.deleteFile(alice.token(), "f1").status()).isEqualTo(204);
        assertThat(client.uploadBinary(alice.token(), "one-more", Contents.text("x"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anUploadUrlWhoseSizeWouldPassTheQuotaIsRefusedWhenAsked() {
        Session alice = client.signUp("quota-url");
        client.uploadBinary(alice.token(), "a.bin", new byte[6 * Contents.MIB]);

        assertProblem(client.uploadUrl(alice.token(), "b.bin", 5L * Contents.MIB), 507);
        assertThat(client.uploadUrl(alice.token(), "b.bin", 4L * Contents.MIB).status())
                .isEqualTo(200);
    }

    @Test
    void anUploadUrlIsHeldToTheQuotaAgainWhenItsUploadIsStored() {
        FileshareServer.assumeLocalTransferUrls(); // an S3 presigned PUT is stored by S3 without asking the service
        Session alice = client.signUp("quota-url-commit");
        JsonObject url =
                client.uploadUrl(alice.token(), "late.bin", 4L * Contents.MIB).json();
        // The room the URL was issued against is taken before its upload comes.
        client.uploadBinary(alice.token(), "a.bin", new byte[7 * Contents.MIB]);

        ApiResponse put = FileshareClient.send(
                FileshareClient.follow(url, BodyPublishers.ofByteArray(new byte[4 * Contents.MIB])));

        assertProblem(put, 507);
        assertProblem(client.download(alice.token(), "late.bin"), 404);
    }
}
