package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Session;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /files: the caller's own entries, then those shared with them, each part sorted by key. */
class ListIT {
    /** Keys compare by code point, as S3 lists them; these names stay in the Basic Multilingual Plane. */
    private static final Comparator<String> KEY_ORDER = Comparator.naturalOrder();

    private final FileshareClient client = new FileshareClient();

    @Test
    void newUserHasAnEmptyList() {
        Session newcomer = client.signUp("empty");
        ApiResponse list = client.list(newcomer.token());
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        assertThat(list.mediaType()).isEqualTo("application/json");
        assertThat(list.jsonArray()).isEmpty();
    }

    @Test
    void ownFilesThenSharedOnesEachSortedByKey() {
        // Owner names chosen so that the shared files' keys sort before the caller's: the order is not one sort.
        Session reader = client.signUp("z-reader");
        Session first = client.signUp("a-owner");
        Session second = client.signUp("b-owner");
        List<JsonObject> own = new ArrayList<>();
        for (String name : new String[] {"b.txt", "a.txt", "Z.txt", "é.txt", "a b.txt", "10.txt", "9.txt"}) {
            own.add(client.upload(reader.token(), name, Contents.text(name)).json());
        }
        List<JsonObject> shared = new ArrayList<>();
        for (Session owner : new Session[] {second, first}) {
            for (String name : new String[] {"y.txt", "x.txt"}) {
                shared.add(client.upload(owner.token(), name, Contents.text(owner.username() + name))
                        .json());
                assertThat(client.share(owner.token(), name, reader.username()).status())
                        .isEqualTo(200);
            }
            // Not shared: must not appear.
            client.upload(owner.token(), "private.txt", Contents.text("private"));
        }

        List<JsonObject> listed = client.list(reader.token()).jsonArray().getValuesAs(JsonObject.class);

        own.sort(Comparator.comparing(entry -> entry.getString("key"), KEY_ORDER));
        shared.sort(Comparator.comparing(entry -> entry.getString("key"), KEY_ORDER));
        List<JsonObject> expected = new ArrayList<>(own);
        expected.addAll(shared);
        assertThat(listed).containsExactlyElementsOf(expected);
    }

    @Test
    void listsTheCurrentVersionOfEachFileOnce() {
        Session user = client.signUp("versions");
        client.upload(user.token(), "f.txt", Contents.text("one"));
        JsonObject latest =
                client.upload(user.token(), "f.txt", Contents.text("three")).json();
        assertThat(client.list(user.token()).jsonArray().getValuesAs(JsonObject.class))
                .containsExactly(latest);
        assertThat(latest.getJsonNumber("size").longValue()).isEqualTo(5);
    }
}
