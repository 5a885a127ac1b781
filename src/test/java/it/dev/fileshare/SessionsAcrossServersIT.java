package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.AwsPeerServer;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Session;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Each server remembers the sessions it has read for {@code fileshare.session.cache-fresh-for} (5 s by default, as on
 * the build's servers): a token ended on one server stops working there at once, and on another server of the same
 * stores within that time (aws mode: two servers on the same stand-ins).
 */
@EnabledIfSystemProperty(
        named = "fileshare.it.store",
        matches = "aws",
        disabledReason = "the aws pass only: servers share sessions only through the aws store's DynamoDB")
class SessionsAcrossServersIT {
    /** The servers' session cache freshness (the default), and the slack a loaded machine needs on top of it. */
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private static final Duration SLACK = Duration.ofSeconds(3);

    private static FileshareClient peer;
    private final FileshareClient first = new FileshareClient();

    @BeforeAll
    static void startPeerServer() throws Exception {
        peer = new FileshareClient().at(AwsPeerServer.started().baseUri());
    }

    @Test
    void aLoggedOutTokenStopsAtOnceWhereItLoggedOutAndWithinTheCacheTimeOnTheOtherServer() throws Exception {
        Session alice = first.signUp("across");
        usedOnBoth(alice);

        assertThat(first.logout(alice.token()).status()).isEqualTo(200);

        assertThat(first.list(alice.token()).status())
                .as("where it logged out, at once")
                .isEqualTo(401);
        awaitRefused(peer, alice);
    }

    @Test
    void loggingOutEverywhereOnOneServerEndsTheSessionsOnTheOther() throws Exception {
        Session bob = first.signUp("across");
        Session bobElsewhere = new Session(bob.username(), bob.password(), loginOn(peer, bob));
        usedOnBoth(bob);
        usedOnBoth(bobElsewhere);

        assertThat(peer.logoutEverywhere(bobElsewhere.token()).status()).isEqualTo(204);

        assertThat(peer.list(bob.token()).status())
                .as("where it logged out, at once")
                .isEqualTo(401);
        assertThat(peer.list(bobElsewhere.token()).status()).isEqualTo(401);
        awaitRefused(first, bob);
        awaitRefused(first, bobElsewhere);
    }

    @Test
    void aNewPasswordOnOneServerEndsTheOtherSessionsOnTheOther() throws Exception {
        Session carol = first.signUp("across");
        Session carolElsewhere = new Session(carol.username(), carol.password(), loginOn(peer, carol));
        usedOnBoth(carolElsewhere);

        assertThat(first.changePassword(carol.token(), carol.password(), "another-password-1")
                        .status())
                .isEqualTo(204);

        assertThat(first.list(carol.token()).status())
                .as("the session that changed it stays")
                .isEqualTo(200);
        assertThat(first.list(carolElsewhere.token()).status())
                .as("at once where it changed")
                .isEqualTo(401);
        awaitRefused(peer, carolElsewhere);
    }

    /** Both servers take the token (and so each has read and remembered its session). */
    private void usedOnBoth(Session session) {
        assertThat(first.list(session.token()).status()).isEqualTo(200);
        assertThat(peer.list(session.token()).status()).isEqualTo(200);
    }

    private static String loginOn(FileshareClient server, Session session) {
        ApiResponse login = server.login(session.username(), session.password());
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        return login.json().getString("token");
    }

    /** The server refuses the token within the cache time (and the slack), polled every 100 ms. */
    private static void awaitRefused(FileshareClient server, Session session) throws InterruptedException {
        long started = System.nanoTime();
        Duration limit = FRESH_FOR.plus(SLACK);
        int status = server.list(session.token()).status();
        while (status != 401 && Duration.ofNanos(System.nanoTime() - started).compareTo(limit) < 0) {
            Thread.sleep(100);
            status = server.list(session.token()).status();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(status)
                .as("the other server, %d ms after the session ended", took.toMillis())
                .isEqualTo(401);
    }
}
