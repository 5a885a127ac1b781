package it.dev.fileshare.support;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The second aws-mode server ({@code fileshareAwsPeer}) on the aws pass's stand-ins, sharing every user, session
 * and upload with the server under test: started once for the test JVM by the first test that asks for it (a
 * start takes 20-30 s), and stopped when that JVM ends. The build's {@code stop-aws-peer-server} catches one left
 * running by a JVM that was killed.
 */
public final class AwsPeerServer {
    private static final Duration START_LIMIT = Duration.ofSeconds(240);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private static LibertyServerProcess started;

    private AwsPeerServer() {}

    /** The peer server, answering; started now if no test has started it yet. */
    public static synchronized LibertyServerProcess started() throws Exception {
        if (started != null) {
            return started;
        }
        LibertyServerProcess server = FileshareServer.awsPeerServer();
        if (server.answers(HTTP)) {
            server.stop(STOP_LIMIT); // left running by an aborted run
        }
        if (server.answers(HTTP)) {
            throw new IllegalStateException("something else answers on " + server.baseUri());
        }
        server.start(Duration.ofSeconds(60), FileshareServer.awsStandInsEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server), "stop " + server.baseUri()));
        server.awaitReady(HTTP, START_LIMIT);
        started = server;
        return started;
    }

    private static void stopQuietly(LibertyServerProcess server) {
        try {
            server.stop(STOP_LIMIT);
        } catch (Exception e) {
            System.err.println("could not stop the aws peer server: " + e);
        }
    }
}
