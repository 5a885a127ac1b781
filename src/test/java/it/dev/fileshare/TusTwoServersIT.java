package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.AwsPeerServer;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.LibertyServerProcess;
import it.dev.fileshare.support.NodeScript;
import it.dev.fileshare.support.Session;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * In aws mode a tus upload lives in DynamoDB and S3, not in a server: one begun on the server under test is
 * finished on a second server ({@code fileshareAwsPeer}) that this test starts on the same stand-ins (the same
 * endpoints, tables and bucket), by hand and with tus-js-client, each cut off mid-chunk on the first server after
 * a chunk smaller than an S3 part left a held tail; and an upload terminated on either server is gone on both.
 * Skipped in the local pass, whose uploads live in one server's data directory.
 */
@EnabledIfSystemProperty(
        named = "fileshare.it.store",
        matches = "aws",
        disabledReason =
                "the aws pass only: a second server shares uploads only through the aws store's DynamoDB and "
                        + "S3 (the local store's live in one server's data directory; TusRestartIT resumes them across a restart)")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TusTwoServersIT {
    private static final String TUS = "1.0.0";
    private static final String CHUNK = "application/offset+octet-stream";
    private static final int MIB = Contents.MIB;
    /**
     * How long the second server may answer 409 after a cut: until the first one sees its connection gone, it holds
     * the cut chunk's claim (at most its read timeout, 5 s on the build's server).
     */
    private static final Duration CLAIM_GIVEN_BACK_WITHIN = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static LibertyServerProcess peerServer;

    private final FileshareClient first = new FileshareClient();
    private final FileshareClient peer = new FileshareClient().at(peerServer.baseUri());

    @BeforeAll
    static void startPeerServer() throws Exception {
        peerServer = AwsPeerServer.started();
    }

    @Test
    void anUploadBegunOnOneServerIsFinishedOnTheOther() throws Exception {
        Session alice = first.signUp("tustwo");
        byte[] content = Contents.random(23, 16 * MIB + 11);
        URI upload = location(create(first, alice, "handed-over.bin", content.length));

        // A 6 MiB chunk: one 5 MiB part and a 1 MiB tail; then 3 MiB, less than a part: the held tail grows to 4 MiB.
        assertOffset(patch(first, alice, upload, content, 0, 6 * MIB), 6 * MIB);
        assertOffset(patch(first, alice, upload, content, 6 * MIB, 9 * MIB), 9 * MIB);
        cutOffMidChunk(alice, upload, content, 9 * MIB, 15 * MIB, 2 * MIB);

        ApiResponse head = head(peer, alice, upload);
        assertThat(head.status()).as("%s", head).isEqualTo(200);
        assertThat(head.header("Upload-Offset"))
                .as("the cut chunk is no part of it")
                .contains(String.valueOf(9 * MIB));
        assertThat(head.header("Upload-Length")).contains(String.valueOf(content.length));

        assertOffset(patchOnceClaimIsGivenBack(alice, upload, content, 9 * MIB, 15 * MIB), 15 * MIB);
        ApiResponse last = patch(peer, alice, upload, content, 15 * MIB, content.length);
        assertOffset(last, content.length);
        String etag = last.header("ETag").orElseThrow();

        for (FileshareClient server : new FileshareClient[] {first, peer}) {
            ApiResponse stored = server.download(alice.token(), "handed-over.bin");
            assertThat(stored.status()).as("%s", stored).isEqualTo(200);
            assertThat(stored.header("ETag")).contains(etag);
            assertThat(Contents.sha256(stored.body())).isEqualTo(Contents.sha256(content));
            assertThat(head(server, alice, upload).status())
                    .as("the upload is over")
                    .isEqualTo(404);
        }
    }

    @Test
    void theOfficialClientBeginsOnOneServerAndFinishesOnTheOther() throws Exception {
        NodeScript.Result result = NodeScript.runCompiled(
                "tus-two-servers.js",
                Duration.ofMinutes(5),
                Map.of("FILESHARE_PEER_URL", peerServer.baseUri().toString()));

        assertThat(result.stdout()).contains("1 passed, 0 failed");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void anUploadTerminatedOnOneServerIsGoneOnTheOther() {
        Session alice = first.signUp("tustwoend");
        byte[] content = Contents.random(29, 8 * MIB);
        URI fromFirst = location(create(first, alice, "ended-by-peer.bin", content.length));
        URI fromPeer = location(create(peer, alice, "ended-by-first.bin", content.length));
        // 3 MiB each, less than a part: held as a tail that the termination must delete with the upload.
        assertOffset(patch(first, alice, fromFirst, content, 0, 3 * MIB), 3 * MIB);
        assertOffset(patch(peer, alice, fromPeer, content, 0, 3 * MIB), 3 * MIB);

        assertThat(terminate(peer, alice, fromFirst).status()).isEqualTo(204);
        assertThat(terminate(first, alice, fromPeer).status()).isEqualTo(204);

        for (FileshareClient server : new FileshareClient[] {first, peer}) {
            for (URI upload : new URI[] {fromFirst, fromPeer}) {
                assertThat(head(server, alice, upload).status()).isEqualTo(404);
                assertProblem(patch(server, alice, upload, content, 3 * MIB, 4 * MIB), 404);
            }
            assertThat(server.download(alice.token(), "ended-by-peer.bin").status())
                    .isEqualTo(404);
            assertThat(server.download(alice.token(), "ended-by-first.bin").status())
                    .isEqualTo(404);
        }
    }

    /**
     * Sends {@code content[from, to)} to the first server but drops the connection after {@code sent} bytes of it:
     * the client's network fails mid-chunk.
     */
    private void cutOffMidChunk(Session session, URI upload, byte[] content, int from, int to, int sent) {
        InputStream droppingOut = new InputStream() {
            private int read;

            @Override
            public int read() throws IOException {
                if (read == sent) {
                    throw new IOException("the connection dropped");
                }
                return content[from + read++] & 0xff;
            }
        };
        HttpRequest cut = tus(first, session, upload)
                .header("Upload-Offset", String.valueOf(from))
                .header("Content-Type", CHUNK)
                .method(
                        "PATCH",
                        BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> droppingOut), to - from))
                .build();
        assertThatThrownBy(() -> HTTP.send(cut, BodyHandlers.discarding())).isInstanceOf(IOException.class);
    }

    /**
     * {@code content[from, to)} to the second server, asked again while it answers 409: the first server gives the
     * cut chunk's claim back once it sees the connection gone, as a tus client's retry would find.
     */
    private ApiResponse patchOnceClaimIsGivenBack(Session session, URI upload, byte[] content, int from, int to)
            throws InterruptedException {
        long deadline = System.nanoTime() + CLAIM_GIVEN_BACK_WITHIN.toNanos();
        ApiResponse response = patch(peer, session, upload, content, from, to);
        int conflicts = 0;
        while (response.status() == 409 && System.nanoTime() < deadline) {
            conflicts++;
            Thread.sleep(250);
            response = patch(peer, session, upload, content, from, to);
        }
        System.out.println("the second server answered 409 " + conflicts + " times before the claim was given back");
        return response;
    }

    private static ApiResponse create(FileshareClient server, Session session, String fileName, long length) {
        return FileshareClient.send(tus(server, session, "uploads")
                .header("Upload-Length", String.valueOf(length))
                .header(
                        "Upload-Metadata",
                        "filename " + Base64.getEncoder().encodeToString(fileName.getBytes(StandardCharsets.UTF_8)))
                .POST(BodyPublishers.noBody()));
    }

    private static ApiResponse patch(
            FileshareClient server, Session session, URI upload, byte[] content, int from, int to) {
        return FileshareClient.send(tus(server, session, upload)
                .header("Upload-Offset", String.valueOf(from))
                .header("Content-Type", CHUNK)
                .method("PATCH", BodyPublishers.ofByteArray(Arrays.copyOfRange(content, from, to))));
    }

    private static ApiResponse head(FileshareClient server, Session session, URI upload) {
        return FileshareClient.send(tus(server, session, upload).method("HEAD", BodyPublishers.noBody()));
    }

    private static ApiResponse terminate(FileshareClient server, Session session, URI upload) {
        return FileshareClient.send(tus(server, session, upload).method("DELETE", BodyPublishers.noBody()));
    }

    /** A tus request for {@code upload} (the path of the URL whichever server issued it) to {@code server}. */
    private static HttpRequest.Builder tus(FileshareClient server, Session session, URI upload) {
        return tus(server, session, upload.getPath().substring(1));
    }

    private static HttpRequest.Builder tus(FileshareClient server, Session session, String path) {
        return server.request(path, session.token()).header("Tus-Resumable", TUS);
    }

    private static void assertOffset(ApiResponse response, long offset) {
        assertThat(response.status()).as("%s", response).isEqualTo(204);
        assertThat(response.header("Upload-Offset")).contains(String.valueOf(offset));
    }

    private static URI location(ApiResponse created) {
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return URI.create(created.header("Location").orElseThrow());
    }
}
