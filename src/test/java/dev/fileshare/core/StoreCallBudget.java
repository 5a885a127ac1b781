package dev.fileshare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.Argon2Settings;
import dev.fileshare.core.model.AuthenticationException;
import dev.fileshare.core.model.ClientAddress;
import dev.fileshare.core.model.DownloadTerms;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.ListCursor;
import dev.fileshare.core.model.SessionToken;
import dev.fileshare.core.model.UploadTerms;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.TransferUrls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Holds every request of the API to the store calls its documentation budgets for it, exactly: a change that adds
 * (or saves) a call fails here until the budget says so. Each request is made as its resource makes it, through
 * the core's services on a real store, with the session lookup of {@code SessionTokenFilter} first where the
 * request needs a session. A runner per store says how to open it, how its calls are counted and where its
 * budget is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreCallBudget {
    /** Where a document writes the budget. */
    public static final String HEADING = "## Store calls per request";

    private static final String PASSWORD = "budget-password-1";
    private static final ClientAddress CLIENT = new ClientAddress("198.51.100.7");
    /** The budget does not depend on the hash's cost: 64 KiB, one pass. */
    private static final Argon2Settings CHEAP = new Argon2Settings(64, 1, 1);
    /** A caller with many files shared with them lists as many calls as one with one shared file. */
    private static final int MANY_SHARED = 40;

    private final Username alice = new Username("alice");
    private final Username bob = new Username("bob");
    private final Username carol = new Username("carol");

    private Stores stores;
    private AccountService accounts;
    private FileService files;
    private TransferUrls transferUrls;
    private SessionToken aliceToken;
    private SessionToken bobToken;
    /** A user with 1 file of their own and {@link #MANY_SHARED} shared with them, made once when first needed. */
    private SessionToken manyShared;

    private int uniqueNames;

    /** A fresh store whose calls {@link #calls()} counts. */
    protected abstract Stores open();

    protected abstract StoreCalls calls();

    /** The budget as the documentation writes it: see {@link #budgetIn}. */
    protected abstract Map<String, SortedMap<String, Integer>> budget();

    /** The table under the heading {@value #HEADING} of {@code document} ({@link CallBudgetTable}). */
    protected static Map<String, SortedMap<String, Integer>> budgetIn(Path document) {
        return CallBudgetTable.read(document, HEADING);
    }

    /** Whether the store keeps older versions and a trash: their requests are budgeted only then. */
    protected boolean keepsVersions() {
        return true;
    }

    /** The transfer URLs the service issues on this store: the store's own, or the service's signed ones. */
    protected abstract TransferUrls transferUrls(Stores stores);

    /** One request: prepared when the scenario runs (not counted), then sent (counted). */
    @FunctionalInterface
    public interface Request {
        Send prepare() throws Exception;
    }

    @FunctionalInterface
    public interface Send {
        void send() throws Exception;
    }

    @BeforeAll
    void openStoreWithUsers() {
        stores = open();
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        accounts = new AccountService(
                stores.users(),
                stores.sessions(),
                new PasswordHasher(CHEAP, random),
                new LoginThrottle(stores.loginAttempts(), LoginThrottle.Limits.DEFAULTS, clock),
                Duration.ofHours(1),
                random,
                clock);
        files = new FileService(stores.blobs(), stores.shares(), stores.links(), stores.users());
        transferUrls = transferUrls(stores);
        for (String name : List.of("alice", "bob", "carol", "dave")) {
            accounts.register(name, PASSWORD);
        }
        aliceToken = accounts.login("alice", PASSWORD, CLIENT).token();
        bobToken = accounts.login("bob", PASSWORD, CLIENT).token();
    }

    @AfterAll
    void closeStore() {
        stores.close();
    }

    @TestFactory
    Stream<DynamicTest> eachRequestMakesExactlyTheCallsItsBudgetSays() {
        Map<String, Request> requests = requests();
        Map<String, SortedMap<String, Integer>> budget = budget();
        Stream<DynamicTest> everyRow = Stream.of(DynamicTest.dynamicTest(
                "the budget lists exactly the requests measured",
                () -> assertThat(new ArrayList<>(budget.keySet())).containsExactlyElementsOf(requests.keySet())));
        return Stream.concat(
                everyRow,
                requests.entrySet().stream()
                        .filter(request -> budget.containsKey(request.getKey()))
                        .map(request -> DynamicTest.dynamicTest(request.getKey(), () -> {
                            Send send = request.getValue().prepare();
                            calls().clear();
                            send.send();
                            assertThat(calls().counted())
                                    .as("store calls of %s", request.getKey())
                                    .isEqualTo(budget.get(request.getKey()));
                        })));
    }

    /** The requests of the API, with what each needs in place first. */
    private Map<String, Request> requests() {
        Map<String, Request> requests = new LinkedHashMap<>();
        requests.put("`POST /register`", () -> {
            String name = "user" + uniqueNames++;
            return () -> accounts.register(name, PASSWORD);
        });
        requests.put("`POST /login`, right password", () -> () -> accounts.login("carol", PASSWORD, CLIENT));
        requests.put(
                "`POST /login`, wrong password",
                () -> () -> assertThatThrownBy(() -> accounts.login("dave", "not-the-password", CLIENT))
                        .isInstanceOf(AuthenticationException.class));
        requests.put("`POST /logout`", () -> {
            SessionToken token = accounts.login("carol", PASSWORD, CLIENT).token();
            return () -> accounts.logout(token);
        });
        requests.put("a session token (every request below but `/transfer`)", () -> () -> signedIn(aliceToken));
        requests.put("`PUT /file`, a new file", () -> {
            FileName name = newName();
            return () -> upload(signedIn(aliceToken), name);
        });
        requests.put("`PUT /file`, replacing a file shared with 2 users", () -> {
            FileName name = aliceFile(bob, carol);
            return () -> upload(signedIn(aliceToken), name);
        });
        requests.put("`GET /file`, the caller's own", () -> {
            FileName name = aliceFile();
            return () -> readAll(files.open(signedIn(aliceToken), alice, name, null).stream());
        });
        requests.put("`GET /file`, shared with the caller", () -> {
            FileName name = aliceFile(bob);
            return () -> readAll(files.open(signedIn(bobToken), alice, name, null).stream());
        });
        requests.put("`GET /file` with `Range`", () -> {
            FileName name = aliceFile();
            return () -> readAll(files.open(signedIn(aliceToken), alice, name, "bytes=0-3").stream());
        });
        // JAX-RS answers HEAD with the GET method; the container sends no body, and the stream is closed.
        requests.put("`HEAD /file`", () -> {
            FileName name = aliceFile();
            return () ->
                    files.open(signedIn(aliceToken), alice, name, null).stream().close();
        });
        requests.put("`DELETE /file`, shared with 2 users", () -> {
            FileName name = aliceFile(bob, carol);
            return () -> files.delete(signedIn(aliceToken), name);
        });
        requests.put("`GET /files`, 1 own file and 1 shared", () -> {
            SessionToken caller = listingUser(1);
            return () -> assertThat(files.list(signedIn(caller))).hasSize(2);
        });
        requests.put("`GET /files`, 1 own file and " + MANY_SHARED + " shared", () -> {
            SessionToken caller = manyShared();
            return () -> assertThat(files.list(signedIn(caller))).hasSize(1 + MANY_SHARED);
        });
        requests.put("`GET /files?limit=10`, first page of 1 own file and " + MANY_SHARED + " shared", () -> {
            SessionToken caller = manyShared();
            return () -> assertThat(
                            files.list(signedIn(caller), Optional.empty(), 10).entries())
                    .hasSize(10);
        });
        requests.put("`GET /files?limit=10&cursor=…`, a page of shared files", () -> {
            SessionToken caller = manyShared();
            ListCursor cursor =
                    files.list(signedIn(caller), Optional.empty(), 10).next().orElseThrow();
            return () -> assertThat(files.list(signedIn(caller), Optional.of(cursor), 10)
                            .entries())
                    .hasSize(10);
        });
        requests.put("`POST /share`", () -> {
            FileName name = aliceFile();
            return () -> files.share(signedIn(aliceToken), name, bob);
        });
        requests.put("`GET /shares`, a file shared with 2 users", () -> {
            FileName name = aliceFile(bob, carol);
            return () -> assertThat(files.grantees(signedIn(aliceToken), name)).containsExactly(bob, carol);
        });
        requests.put("`DELETE /share` (revoke)", () -> {
            FileName name = aliceFile(bob);
            return () -> files.revoke(signedIn(aliceToken), name, bob);
        });
        requests.put("`DELETE /shared` (leave)", () -> {
            FileName name = aliceFile(bob);
            return () -> files.leave(signedIn(bobToken), alice, name);
        });
        requests.put("`POST /file/upload-url`", () -> {
            FileName name = newName();
            return () -> transferUrls.upload(
                    new UploadTerms(new FileKey(signedIn(aliceToken), name), 4, WriteCondition.ALWAYS));
        });
        requests.put("`GET /file/download-url`, the caller's own", () -> {
            FileName name = aliceFile();
            return () -> {
                Username caller = signedIn(aliceToken);
                files.useReadableVersion(caller, alice, name, version -> transferUrls.download(version, caller));
            };
        });
        requests.put("`GET /file/download-url`, shared with the caller", () -> {
            FileName name = aliceFile(bob);
            return () -> {
                Username caller = signedIn(bobToken);
                files.useReadableVersion(caller, alice, name, version -> transferUrls.download(version, caller));
            };
        });
        // The service's own transfer URLs (issued in the local mode, still verified in the aws mode): the
        // signature stands in for the session, so no session is looked up.
        requests.put("`GET /transfer`, a URL issued to the owner", () -> {
            FileVersion version = upload(alice, aliceFile());
            return () -> readAll(files.openIssued(DownloadTerms.of(version, alice), null).stream());
        });
        requests.put("`GET /transfer`, a URL issued to a grantee", () -> {
            FileVersion version = files.describe(alice, alice, aliceFile(bob));
            return () -> readAll(files.openIssued(DownloadTerms.of(version, bob), null).stream());
        });
        requests.put("`PUT /transfer`, a new file", () -> {
            FileName name = newName();
            return () -> upload(alice, name);
        });
        requests.put("`DELETE /account`, 1 file shared with 1 user, 1 file shared with it", () -> {
            String name = "leaver" + uniqueNames++;
            accounts.register(name, PASSWORD);
            Username leaver = new Username(name);
            SessionToken token = accounts.login(name, PASSWORD, CLIENT).token();
            FileName own = newName();
            upload(leaver, own);
            files.share(leaver, own, bob);
            aliceFile(leaver);
            AccountDeletion deletion = new AccountDeletion(accounts, files, stores.users(), stores.sessions());
            return () -> deletion.delete(signedIn(token), PASSWORD, CLIENT);
        });
        if (keepsVersions()) {
            putVersionRequests(requests);
        }
        return requests;
    }

    private void putVersionRequests(Map<String, Request> requests) {
        requests.put("`GET /file/versions`, a file with 1 older version", () -> {
            FileName name = aliceFile();
            upload(alice, name);
            return () -> assertThat(files.versions(signedIn(aliceToken), alice, name))
                    .hasSize(2);
        });
        requests.put("`GET /file?version=…`, an older version", () -> {
            FileName name = aliceFile();
            String older = files.versions(alice, alice, name).get(0).version();
            upload(alice, name);
            return () ->
                    readAll(files.openVersion(signedIn(aliceToken), alice, name, older, null, any -> true).stream());
        });
        requests.put("`POST /file/restore`", () -> {
            FileName name = aliceFile();
            String older = files.versions(alice, alice, name).get(0).version();
            upload(alice, name);
            return () -> files.restoreVersion(signedIn(aliceToken), name, older);
        });
        requests.put("`GET /trash`", () -> {
            files.delete(alice, aliceFile());
            return () -> assertThat(files.trash(signedIn(aliceToken))).isNotEmpty();
        });
        requests.put("`POST /trash/restore`", () -> {
            FileName name = aliceFile();
            files.delete(alice, name);
            return () -> files.restoreFromTrash(signedIn(aliceToken), name);
        });
        requests.put("`DELETE /trash`", () -> {
            FileName name = aliceFile();
            files.delete(alice, name);
            return () -> files.purge(signedIn(aliceToken), name);
        });
    }

    /** A name no file of this run has yet. */
    private FileName newName() {
        return new FileName("file-" + uniqueNames++ + ".txt");
    }

    /** A new file of alice's, shared with {@code grantees} (none: unshared). */
    private FileName aliceFile(Username... grantees) throws IOException {
        FileName name = newName();
        upload(alice, name);
        for (Username grantee : grantees) {
            files.share(alice, name, grantee);
        }
        return name;
    }

    private FileVersion upload(Username owner, FileName name) throws IOException {
        byte[] content = ("content of " + name).getBytes(StandardCharsets.UTF_8);
        return files.upload(owner, name, new ByteArrayInputStream(content), content.length, WriteCondition.ALWAYS)
                .entry();
    }

    private static void readAll(InputStream in) throws IOException {
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** What {@code SessionTokenFilter} does first: the caller of a live session. */
    private Username signedIn(SessionToken token) {
        return accounts.authenticate(token).orElseThrow();
    }

    private SessionToken manyShared() throws IOException {
        if (manyShared == null) {
            manyShared = listingUser(MANY_SHARED);
        }
        return manyShared;
    }

    /** A session of a new user with one file of their own and {@code shared} files of alice's shared with them. */
    private SessionToken listingUser(int shared) throws IOException {
        String name = "lister" + uniqueNames++;
        accounts.register(name, PASSWORD);
        Username user = new Username(name);
        upload(user, newName());
        for (int i = 0; i < shared; i++) {
            aliceFile(user);
        }
        return accounts.login(name, PASSWORD, CLIENT).token();
    }
}
