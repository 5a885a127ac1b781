package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.ListedEntries;
import it.dev.fileshare.support.Session;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * GET /files: the caller's own entries, then those shared with them, each part sorted by key; all of them, or
 * pages of {@code limit} linked by {@code Link: <...>; rel="next"}.
 */
class ListIT {
    /** Keys compare by code point, as S3 lists them; these names stay in the Basic Multilingual Plane. */
    private static final Comparator<String> KEY_ORDER = Comparator.naturalOrder();

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private final FileshareClient client = new FileshareClient();

    /** Pages asked for by {@link #listedAnew}, each with a limit no request before it had. */
    private int pagesAsked;

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
            own.add(ListedEntries.ownFile(
                    client.upload(reader.token(), name, Contents.text(name)).json()));
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
                .containsExactly(ListedEntries.ownFile(latest));
        assertThat(latest.getJsonNumber("size").longValue()).isEqualTo(5);
    }

    @Test
    void pagesFollowTheNextLinkThroughOwnThenSharedFiles() {
        Session reader = client.signUp("pager");
        for (String name : new String[] {"c.txt", "a.txt", "b.txt"}) {
            client.upload(reader.token(), name, Contents.text(name));
        }
        for (Session owner : new Session[] {client.signUp("pg-y"), client.signUp("pg-x")}) {
            for (String name : new String[] {"2.txt", "1.txt"}) {
                client.upload(owner.token(), name, Contents.text(name));
                client.share(owner.token(), name, reader.username());
            }
        }
        ApiResponse whole = client.list(reader.token());
        assertThat(whole.header("Link")).as("no limit, no pages").isEmpty();
        List<JsonObject> all = whole.jsonArray().getValuesAs(JsonObject.class);
        assertThat(all).hasSize(7);

        for (int limit : new int[] {1, 2, 3, 6, 7, 100}) {
            List<JsonObject> paged = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            ApiResponse page = client.list(reader.token(), "limit=" + limit);
            for (int i = 0; i < 10; i++) {
                assertThat(page.status()).as("%s", page).isEqualTo(200);
                List<JsonObject> entries = page.jsonArray().getValuesAs(JsonObject.class);
                paged.addAll(entries);
                sizes.add(entries.size());
                Optional<URI> next = next(page);
                if (next.isEmpty()) {
                    break;
                }
                assertThat(next.get().getQuery()).contains("limit=" + limit, "cursor=");
                page = FileshareClient.send(
                        client.request(next.get().toString(), reader.token()).GET());
            }
            assertThat(paged).as("limit %d", limit).containsExactlyElementsOf(all);
            assertThat(sizes.get(0)).isEqualTo(Math.min(limit, 7));
            assertThat(sizes).as("pages of %d", limit).hasSize((7 + limit - 1) / limit);
        }
    }

    @Test
    void aCursorWithoutALimitListsTheRest() {
        Session user = client.signUp("rest");
        for (String name : new String[] {"1.txt", "2.txt", "3.txt"}) {
            client.upload(user.token(), name, Contents.text(name));
        }
        URI next = next(client.list(user.token(), "limit=1")).orElseThrow();
        String cursor = next.getRawQuery().replaceAll(".*cursor=([^&]*).*", "$1");

        ApiResponse rest = client.list(user.token(), "cursor=" + cursor);

        assertThat(rest.jsonArray().getValuesAs(JsonObject.class))
                .extracting(entry -> entry.getString("file_name"))
                .containsExactly("2.txt", "3.txt");
        assertThat(rest.header("Link")).isEmpty();
    }

    @Test
    void anInvalidLimitOrCursorIs400() {
        Session user = client.signUp("badpage");
        for (String limit : new String[] {"0", "-1", "1001", "ten", "1.5", ""}) {
            assertInvalid(client.list(user.token(), "limit=" + limit), "limit");
        }
        String notOurs = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("x\nalice\nnotes.txt".getBytes(StandardCharsets.UTF_8));
        for (String cursor : new String[] {"!!!", "AAAA", notOurs, "", "%00"}) {
            assertInvalid(client.list(user.token(), "limit=5&cursor=" + cursor), "cursor");
        }
    }

    /**
     * Each listing follows a change that it shows: a server that keeps listings it answered (the local store does) must
     * never answer one from before the change, whichever way the change was made.
     */
    @Test
    void everyListingShowsEveryChangeBeforeIt() {
        Session owner = client.signUp("lo-owner");
        Session grantee = client.signUp("lo-grantee");
        Map<String, Supplier<ApiResponse>> changes = new LinkedHashMap<>();
        changes.put("a new file", () -> client.upload(owner.token(), "a.txt", Contents.text("1")));
        changes.put("a new version", () -> client.uploadBinary(owner.token(), "a.txt", Contents.text("22")));
        changes.put("a share", () -> client.share(owner.token(), "a.txt", grantee.username()));
        changes.put("the grantee's own file", () -> client.upload(grantee.token(), "g.txt", Contents.text("g")));
        changes.put(
                "a version of a shared file", () -> client.uploadBinary(owner.token(), "a.txt", Contents.text("333")));
        changes.put("an older version restored", () -> {
            JsonObject oldest = client.versions(owner.token(), null, "a.txt")
                    .jsonArray()
                    .getValuesAs(JsonObject.class)
                    .get(2);
            return client.restoreVersion(owner.token(), "a.txt", oldest.getString("version"));
        });
        changes.put("a share revoked", () -> client.revokeShare(owner.token(), "a.txt", grantee.username()));
        changes.put("shared again", () -> client.share(owner.token(), "a.txt", grantee.username()));
        changes.put("a share left", () -> client.leave(grantee.token(), owner.username(), "a.txt"));
        changes.put("shared once more", () -> client.share(owner.token(), "a.txt", grantee.username()));
        changes.put("a file deleted", () -> client.deleteFile(owner.token(), "a.txt"));
        changes.put("a file restored from the trash", () -> client.restoreFromTrash(owner.token(), "a.txt"));
        changes.put("shared after the restore", () -> client.share(owner.token(), "a.txt", grantee.username()));
        changes.put("the owner's account deleted", () -> client.deleteAccountWith(owner.token(), owner.password()));

        listed(owner);
        String granteeSaw = listed(grantee);
        for (Map.Entry<String, Supplier<ApiResponse>> change : changes.entrySet()) {
            // Both listings were just answered, so a server that keeps listings keeps them now.
            ApiResponse changed = change.getValue().get();
            assertThat(changed.status()).as("%s: %s", change.getKey(), changed).isBetween(200, 299);

            String granteeSees = listed(grantee);
            assertThat(granteeSees)
                    .as("the grantee's listing after %s", change.getKey())
                    .isEqualTo(listedAnew(grantee));
            if (!change.getKey().equals("the owner's account deleted")) {
                assertThat(listed(owner))
                        .as("the owner's listing after %s", change.getKey())
                        .isEqualTo(listedAnew(owner));
            }
            assertThat(!granteeSees.equals(granteeSaw))
                    .as("whether the grantee's listing changed with %s", change.getKey())
                    .isEqualTo(!UNSEEN_BY_THE_GRANTEE.contains(change.getKey()));
            granteeSaw = granteeSees;
        }
    }

    /** The changes above that the grantee's listing does not show (a file's shares end with it, so none come back). */
    private static final Set<String> UNSEEN_BY_THE_GRANTEE =
            Set.of("a new file", "a new version", "a file restored from the trash");

    /** The caller's whole listing, as the server answers it. */
    private String listed(Session who) {
        ApiResponse listing = client.list(who.token());
        assertThat(listing.status()).as("%s", listing).isEqualTo(200);
        return listing.text();
    }

    /** The same, as a page of up to 1,000 entries: a request no earlier one made, so nothing kept can answer it. */
    private String listedAnew(Session who) {
        ApiResponse listing = client.list(who.token(), "limit=" + (1000 - pagesAsked++));
        assertThat(listing.status()).as("%s", listing).isEqualTo(200);
        return listing.text();
    }

    private static Optional<URI> next(ApiResponse page) {
        return page.headers().allValues("Link").stream()
                .map(NEXT::matcher)
                .filter(Matcher::find)
                .map(m -> URI.create(m.group(1)))
                .findFirst();
    }
}
