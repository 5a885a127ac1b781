package dev.fileshare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.Argon2Settings;
import dev.fileshare.core.model.ClientAddress;
import dev.fileshare.core.model.FieldError;
import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.LinkGoneException;
import dev.fileshare.core.model.LinkId;
import dev.fileshare.core.model.LinkPasswordException;
import dev.fileshare.core.model.NotFoundException;
import dev.fileshare.core.model.TooManyLoginAttemptsException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.LinkAccess;
import dev.fileshare.core.port.StoredLink;
import dev.fileshare.core.port.Stores;
import dev.fileshare.store.memory.MemoryStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Public links on the in-memory store, with a clock the test moves. */
class LinkServiceTest {
    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");
    private static final String NOTES = "notes.txt";
    private static final byte[] CONTENT = "hello, world".getBytes(StandardCharsets.UTF_8);
    private static final ClientAddress HOME = new ClientAddress("198.51.100.1");
    private static final ClientAddress ATTACKER = new ClientAddress("203.0.113.66");
    private static final LoginThrottle.Limits LIMITS = new LoginThrottle.Limits(5, 12, 15, Duration.ofMinutes(15));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private Stores store;
    private FileService files;
    private LinkService links;

    @BeforeEach
    void setUp() throws IOException {
        store = MemoryStore.open(clock);
        SecureRandom random = new SecureRandom();
        PasswordHasher hasher = new PasswordHasher(new Argon2Settings(64, 1, 1), random);
        LoginThrottle throttle = new LoginThrottle(store.loginAttempts(), LIMITS, clock);
        files = new FileService(store.blobs(), store.shares(), store.links(), store.users());
        links = new LinkService(store.links(), files, hasher, throttle, LinkService.Lifetimes.DEFAULTS, random, clock);
        upload(ALICE, NOTES);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void upload(Username owner, String name) throws IOException {
        files.upload(
                owner, new FileName(name), new ByteArrayInputStream(CONTENT), CONTENT.length, WriteCondition.ALWAYS);
    }

    private LinkService.CreatedLink create(Long expiresIn, String password, Long maxDownloads) {
        return links.create(ALICE, NOTES, expiresIn, password, maxDownloads);
    }

    @Test
    void aNewLinkLivesSevenDaysByDefaultAndOnlyItsHashIsStored() {
        LinkService.CreatedLink created = create(null, null, null);
        StoredLink link = created.link();

        assertThat(link.file()).isEqualTo(new FileKey(ALICE, new FileName(NOTES)));
        assertThat(link.created()).isEqualTo(clock.instant());
        assertThat(link.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(link.purgeAt()).isEqualTo(link.expiresAt().plus(LinkService.RETENTION));
        assertThat(link.maxDownloads()).isEmpty();
        assertThat(link.passwordHash()).isEmpty();
        StoredLink stored = store.links().find(link.handle()).orElseThrow();
        assertThat(stored.idHash())
                .isEqualTo(created.id().hash())
                .doesNotContain(created.id().value());
        assertThat(links.find(created.id().value())).isEqualTo(stored);
    }

    @Test
    void theLinksSettingsAreKeptAndThePasswordOnlyAsAnArgon2idHash() {
        LinkService.CreatedLink created = create(3600L, "secret", 3L);

        assertThat(created.link().expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
        assertThat(created.link().maxDownloads()).isEqualTo(OptionalLong.of(3));
        assertThat(created.link().passwordHash())
                .hasValueSatisfying(
                        hash -> assertThat(hash).startsWith("$argon2id$").doesNotContain("secret"));
    }

    @Test
    void badSettingsAreRefusedNamingEveryField() {
        assertThatThrownBy(() -> links.create(ALICE, null, 0L, "", 0L))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e)
                        .errors().stream().map(FieldError::field).toList())
                .isEqualTo(List.of("file_name", "expires_in", "password", "max_downloads"));
        long year = Duration.ofDays(365).toSeconds();
        assertThatThrownBy(() -> create(year + 1, null, null)).isInstanceOf(InvalidInputException.class);
        assertThat(create(year, null, null).link().expiresAt())
                .isEqualTo(clock.instant().plusSeconds(year));
        assertThatThrownBy(() -> create(null, "x".repeat(1025), null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyTheOwnerMakesLinksToAFile() {
        assertThatThrownBy(() -> links.create(BOB, NOTES, null, null, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> links.create(ALICE, "missing.txt", null, null, null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anExpiredLinkIsGoneThenForgottenThirtyDaysLater() {
        LinkService.CreatedLink created = create(60L, null, null);
        String id = created.id().value();
        links.authorize(links.find(id), Optional.empty(), HOME);

        clock.advance(Duration.ofSeconds(60));
        assertThatThrownBy(() -> links.authorize(links.find(id), Optional.empty(), HOME))
                .isInstanceOf(LinkGoneException.class)
                .hasMessageContaining("expired");
        assertThat(links.list(ALICE, null))
                .extracting(StoredLink::handle)
                .containsExactly(created.link().handle());

        clock.advance(LinkService.RETENTION);
        assertThatThrownBy(() -> links.find(id)).isInstanceOf(NotFoundException.class);
        assertThat(links.list(ALICE, null)).isEmpty();
        assertThatThrownBy(() -> links.accesses(ALICE, id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnknownOrMalformedIdIsNotFound() {
        assertThatThrownBy(() -> links.find(LinkId.generate(new SecureRandom()).value()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> links.find("not-an-id")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() ->
                        links.find(create(null, null, null).link().handle().value()))
                .as("the handle is not the id")
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPasswordIsNeededUntilItIsRight() {
        StoredLink link = links.find(create(null, "secret", null).id().value());

        assertThatThrownBy(() -> links.authorize(link, Optional.empty(), HOME))
                .isInstanceOf(LinkPasswordException.class)
                .hasMessage(LinkPasswordException.REQUIRED);
        assertThatThrownBy(() -> links.authorize(link, Optional.of("guess"), HOME))
                .isInstanceOf(LinkPasswordException.class)
                .hasMessage(LinkPasswordException.WRONG);
        links.authorize(link, Optional.of("secret"), HOME);
    }

    @Test
    void wrongPasswordsAreThrottledPerLinkAndAddress() {
        StoredLink link = links.find(create(null, "secret", null).id().value());
        for (int i = 0; i < LIMITS.perUsernameAndAddress(); i++) {
            assertThatThrownBy(() -> links.authorize(link, Optional.of("guess"), ATTACKER))
                    .isInstanceOf(LinkPasswordException.class);
        }

        assertThatThrownBy(() -> links.authorize(link, Optional.of("secret"), ATTACKER))
                .isInstanceOf(TooManyLoginAttemptsException.class)
                .hasMessage(TooManyLoginAttemptsException.LINK_MESSAGE);
        // The attacker's guesses lock out the attacker's address, not the link's other users.
        links.authorize(link, Optional.of("secret"), HOME);
        // Nor the same address at another link.
        StoredLink other = links.find(create(null, "secret", null).id().value());
        links.authorize(other, Optional.of("secret"), ATTACKER);

        clock.advance(LIMITS.window());
        links.authorize(link, Optional.of("secret"), ATTACKER);
    }

    @Test
    void aDownloadIsClaimedForTheWholeFileOrARangeThatEndsIt() throws IOException {
        String id = create(null, null, 1L).id().value();
        StoredLink link = links.find(id);

        assertThat(claim(link, "bytes=0-4")).as("a range short of the end").isEmpty();
        LinkService.Download download = claim(link, "bytes=5-").orElseThrow();
        assertThatThrownBy(() -> claim(link, null))
                .as("the one download is under way")
                .isInstanceOf(LinkGoneException.class);
        assertThatThrownBy(() -> links.authorize(links.find(id), Optional.empty(), HOME))
                .isInstanceOf(LinkGoneException.class);

        download.finish(false);
        links.authorize(links.find(id), Optional.empty(), HOME);
        claim(link, null).orElseThrow().finish(true);

        StoredLink used = links.find(id);
        assertThat(used.downloads()).isEqualTo(1);
        assertThatThrownBy(() -> links.authorize(used, Optional.empty(), HOME))
                .isInstanceOf(LinkGoneException.class)
                .hasMessageContaining("used up");
    }

    /** Opens the link's file (a range of it, or all when null) and claims a download for it. */
    private Optional<LinkService.Download> claim(StoredLink link, String range) throws IOException {
        FileContent content = links.open(link, range, version -> true);
        try (InputStream in = content.stream()) {
            return links.claim(link, content);
        }
    }

    @Test
    void theOwnerListsNewestFirstAndRevokesByHandleOrId() throws IOException {
        upload(ALICE, "photo.jpg");
        LinkService.CreatedLink first = create(null, null, null);
        clock.advance(Duration.ofSeconds(1));
        LinkService.CreatedLink second = links.create(ALICE, "photo.jpg", null, null, null);
        clock.advance(Duration.ofSeconds(1));
        LinkService.CreatedLink third = create(null, null, null);

        assertThat(links.list(ALICE, null))
                .extracting(StoredLink::handle)
                .containsExactly(
                        third.link().handle(),
                        second.link().handle(),
                        first.link().handle());
        assertThat(links.list(ALICE, NOTES))
                .extracting(StoredLink::handle)
                .containsExactly(third.link().handle(), first.link().handle());
        assertThat(links.list(BOB, null)).isEmpty();

        assertThatThrownBy(() -> links.revoke(BOB, first.link().handle().value()))
                .isInstanceOf(NotFoundException.class);
        links.revoke(ALICE, first.link().handle().value());
        links.revoke(ALICE, second.id().value());
        assertThatThrownBy(() -> links.revoke(ALICE, first.link().handle().value()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> links.find(first.id().value())).isInstanceOf(NotFoundException.class);
        assertThat(links.list(ALICE, null))
                .extracting(StoredLink::handle)
                .containsExactly(third.link().handle());
    }

    @Test
    void theAccessLogKeepsTheClientsNetworkForTheOwnerOnly() {
        LinkService.CreatedLink created = create(null, null, null);
        links.recordAccess(created.link(), new ClientAddress("203.0.113.77"), "curl/8.5.0", 200, 12);
        clock.advance(Duration.ofSeconds(1));
        links.recordAccess(created.link(), new ClientAddress("2001:db8:1234:0:0:0:0:9"), "x".repeat(300), 410, 0);

        List<LinkAccess> log = links.accesses(ALICE, created.link().handle().value());
        assertThat(log)
                .containsExactly(
                        new LinkAccess(clock.instant(), "2001:db8:1234::/48", "x".repeat(256), 410, 0),
                        new LinkAccess(clock.instant().minusSeconds(1), "203.0.113.0/24", "curl/8.5.0", 200, 12));
        assertThat(links.accesses(ALICE, created.id().value())).isEqualTo(log);
        assertThatThrownBy(() -> links.accesses(BOB, created.link().handle().value()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingTheFileRevokesItsLinks() throws IOException {
        LinkService.CreatedLink created = create(null, null, null);

        files.delete(ALICE, new FileName(NOTES));

        assertThatThrownBy(() -> links.find(created.id().value())).isInstanceOf(NotFoundException.class);
        assertThat(links.list(ALICE, null)).isEmpty();
        // A new file of the same name is not opened by the old link.
        upload(ALICE, NOTES);
        assertThatThrownBy(() -> links.find(created.id().value())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aLinkThatOutlivedItsFileOpensNothingAndANewFileOfThatNameEndsIt() throws IOException {
        // As a link made while its file was being deleted would be (the aws store's index can miss it).
        LinkService.CreatedLink created = create(null, null, null);
        store.blobs().delete(new FileKey(ALICE, new FileName(NOTES)));
        StoredLink link = links.find(created.id().value());

        assertThatThrownBy(() -> links.open(link, null, version -> true)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> links.describe(link)).isInstanceOf(NotFoundException.class);

        upload(ALICE, NOTES);
        assertThatThrownBy(() -> links.find(created.id().value())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aLinkReadsTheFilesCurrentContent() throws IOException {
        StoredLink link = links.find(create(null, null, null).id().value());
        byte[] replaced = "replaced".getBytes(StandardCharsets.UTF_8);
        files.upload(
                ALICE, new FileName(NOTES), new ByteArrayInputStream(replaced), replaced.length, WriteCondition.ALWAYS);

        try (InputStream in = links.open(link, null, version -> true).stream()) {
            assertThat(in.readAllBytes()).isEqualTo(replaced);
        }
        assertThat(links.describe(link).size()).isEqualTo(replaced.length);
    }
}
