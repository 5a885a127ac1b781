package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.ConcurrentTasks;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Session;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many clients at once: writes stay atomic and no user sees another's files. */
class ConcurrencyIT {
    private static final int WRITERS = 4;
    private static final int WRITES_EACH = 8;
    private static final int FILE_SIZE = 256 * 1024;
    private static final int USERS = 50;
    private final FileshareClient client = new FileshareClient();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentOverwritesOfOneFileNeverMix() throws Exception {
        Session user = client.signUp("overwrite");
        // Every version any writer may store, by hash: a download must be exactly one of them.
        Map<String, String> writerOfVersion = new HashMap<>();
        byte[][][] versions = new byte[WRITERS][WRITES_EACH][];
        for (int writer = 0; writer < WRITERS; writer++) {
            for (int write = 0; write < WRITES_EACH; write++) {
                versions[writer][write] = Contents.random(writer * 1000L + write, FILE_SIZE);
                writerOfVersion.put(Contents.sha256(versions[writer][write]), "writer " + writer + " write " + write);
            }
        }

        List<Callable<Integer>> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            byte[][] mine = versions[writer];
            writers.add(() -> {
                for (byte[] version : mine) {
                    ApiResponse upload = client.upload(user.token(), "contended.bin", version);
                    assertThat(upload.status()).as("%s", upload).isEqualTo(200);
                    ApiResponse download = client.download(user.token(), "contended.bin");
                    assertThat(download.status()).as("%s", download).isEqualTo(200);
                    assertThat(writerOfVersion)
                            .as("a download is one whole version")
                            .containsKey(Contents.sha256(download.body()));
                }
                return mine.length;
            });
        }
        assertThat(ConcurrentTasks.runAll(writers, Duration.ofSeconds(100))).containsOnly(WRITES_EACH);

        // The listing describes the content that is there.
        JsonObject entry = client.list(user.token()).jsonArray().getJsonObject(0);
        ApiResponse last = client.download(user.token(), "contended.bin");
        assertThat(entry.getJsonNumber("size").longValue()).isEqualTo(last.body().length);
        assertThat(last.header("ETag")).contains(entry.getString("etag"));
        assertThat(writerOfVersion).containsKey(Contents.sha256(last.body()));
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void fiftyUsersAtOnceSeeOnlyTheirOwnFiles() throws Exception {
        List<Callable<Session>> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            int number = i;
            users.add(() -> {
                Session user = client.signUp("crowd" + number);
                byte[] notes = Contents.text("notes of " + user.username());
                byte[] own = Contents.random(number, 4096 + number);
                assertThat(client.upload(user.token(), "notes.txt", notes).status())
                        .isEqualTo(200);
                assertThat(client.upload(user.token(), "own-" + number + ".bin", own)
                                .status())
                        .isEqualTo(200);

                List<JsonObject> listed = client.list(user.token()).jsonArray().getValuesAs(JsonObject.class);
                assertThat(listed)
                        .extracting(entry -> entry.getString("key"))
                        .containsExactly(user.username() + "/notes.txt", user.username() + "/own-" + number + ".bin");
                assertThat(client.download(user.token(), "notes.txt").body()).isEqualTo(notes);
                assertThat(client.download(user.token(), "own-" + number + ".bin")
                                .body())
                        .isEqualTo(own);
                return user;
            });
        }
        List<Session> sessions = ConcurrentTasks.runAll(users, Duration.ofSeconds(130));
        assertThat(sessions).hasSize(USERS);
        assertThat(sessions).extracting(Session::username).doesNotHaveDuplicates();

        // Each tries a neighbour's file, which exists but was never shared with them.
        List<Callable<Integer>> snoops = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            Session snoop = sessions.get(i);
            Session neighbour = sessions.get((i + 1) % USERS);
            snoops.add(() -> {
                ApiResponse attempt = client.download(snoop.token(), neighbour.username(), "notes.txt");
                assertThat(attempt.status())
                        .as("%s reading %s's notes: %s", snoop.username(), neighbour.username(), attempt)
                        .isEqualTo(404);
                assertThat(attempt.text()).doesNotContain("notes of");
                return attempt.status();
            });
        }
        assertThat(Set.copyOf(ConcurrentTasks.runAll(snoops, Duration.ofSeconds(60))))
                .containsExactly(404);
    }
}
