package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.Problems;
import it.dev.fileshare.support.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request body has a deadline: it must start within the start timeout and then keep up a minimum rate, or the
 * request is answered 408 and nothing of it is stored. The build's test servers have a start timeout of 5 s
 * (20 s by default) and the default rate, 500 bytes a second, so a client trickling a few bytes a second is cut off
 * within seconds instead of holding a server thread as long as it likes.
 */
class SlowBodyIT {
    /** Longer than the test servers' start timeout plus its slack, far shorter than the default 20 s would need. */
    private static final Duration CUT_OFF_WITHIN = Duration.ofSeconds(15);
    /** How long a client trickles at most, so that the test ends even when the server never cuts it off. */
    private static final Duration TRICKLE_AT_MOST = Duration.ofSeconds(30);

    private final FileshareClient client = new FileshareClient();
    private final ExecutorService sender = Executors.newSingleThreadExecutor();
    private Session alice;

    @BeforeEach
    void signUp() {
        alice = client.signUp("slow");
    }

    @AfterEach
    void stopSending() throws InterruptedException {
        sender.shutdownNow();
        assertThat(sender.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTrickledUploadIsCutOffWith408AndNothingIsStored() throws Exception {
        String head = "PUT /file?file_name=trickled.bin HTTP/1.1\r\n"
                + headers("application/octet-stream", 100_000)
                + "x-session-token: " + alice.token() + "\r\n\r\n";

        RawAnswer answer = sendTrickling(head, new byte[0], Duration.ofMillis(200));

        assertCutOff(answer);
        Problems.assertProblem(client.download(alice.token(), "trickled.bin"), 404);
        assertThat(client.list(alice.token()).jsonArray()).isEmpty();
    }

    @Test
    void anUploadWhoseBodyNeverStartsIsCutOffWith408() throws Exception {
        String head = "PUT /file?file_name=silent.bin HTTP/1.1\r\n"
                + headers("application/octet-stream", 1000)
                + "x-session-token: " + alice.token() + "\r\n\r\n";

        RawAnswer answer = sendTrickling(head, new byte[0], TRICKLE_AT_MOST);

        assertCutOff(answer);
        Problems.assertProblem(client.download(alice.token(), "silent.bin"), 404);
    }

    @Test
    void aTrickledLoginIsCutOffTooBeforeAnyPasswordIsChecked() throws Exception {
        byte[] start = "{\"username\": \"".getBytes(StandardCharsets.US_ASCII);
        String head = "POST /login HTTP/1.1\r\n" + headers("application/json", 1000) + "\r\n";

        RawAnswer answer = sendTrickling(head, start, Duration.ofMillis(200));

        assertCutOff(answer);
    }

    private static void assertCutOff(RawAnswer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(408);
        assertThat(answer.elapsed()).as("%s", answer).isLessThan(CUT_OFF_WITHIN);
        assertThat(answer.head()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer.body()).contains("\"status\":408").contains("nothing was stored");
    }

    private static String headers(String contentType, long contentLength) {
        return "Host: localhost:" + FileshareServer.baseUri().getPort() + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + contentLength + "\r\n";
    }

    /**
     * Sends {@code head} and {@code start} at once, then one byte of the body every {@code interval} (for at most
     * {@link #TRICKLE_AT_MOST}), and reads the answer as it comes, however the sending goes.
     */
    private RawAnswer sendTrickling(String head, byte[] start, Duration interval) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress("127.0.0.1", FileshareServer.baseUri().getPort()), 10_000);
            socket.setSoTimeout((int) TRICKLE_AT_MOST.plus(CUT_OFF_WITHIN).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(start);
            out.flush();
            long began = System.nanoTime();
            sender.submit(() -> {
                long bytes = TRICKLE_AT_MOST.toMillis() / Math.max(1, interval.toMillis());
                for (long i = 0; i < bytes && interval.compareTo(TRICKLE_AT_MOST) < 0; i++) {
                    Thread.sleep(interval.toMillis());
                    out.write('a');
                    out.flush();
                }
                return null; // a write that fails once the server has answered and closed ends the trickle too
            });
            return RawAnswer.read(socket.getInputStream(), began);
        }
    }

    /** An HTTP/1.1 answer as it came over the wire, and how long after the request's head it came. */
    private record RawAnswer(int status, String head, String body, Duration elapsed) {
        static RawAnswer read(InputStream in, long began) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b == -1) {
                    throw new IOException("the connection closed without an answer after "
                            + Duration.ofNanos(System.nanoTime() - began) + ": " + head);
                }
                head.write(b);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
            String headText = head.toString(StandardCharsets.ISO_8859_1);
            int length = headText.lines()
                    .filter(line -> line.toLowerCase().startsWith("content-length:"))
                    .map(line -> Integer.parseInt(
                            line.substring(line.indexOf(':') + 1).trim()))
                    .findFirst()
                    .orElse(0);
            String body = new String(in.readNBytes(Math.min(length, 64 * 1024)), StandardCharsets.UTF_8);
            int status = Integer.parseInt(headText.split(" ", 3)[1]);
            return new RawAnswer(status, headText, body, elapsed);
        }
    }
}
