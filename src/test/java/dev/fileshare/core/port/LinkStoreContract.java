package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.LinkHandle;
import dev.fileshare.core.model.LinkId;
import dev.fileshare.core.model.Username;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

public abstract class LinkStoreContract {
    protected abstract LinkStore store();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant CREATED = Instant.parse("2026-11-24T10:00:00Z");
    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");
    private static final FileKey NOTES = new FileKey(ALICE, new FileName("notes.txt"));
    private static final FileKey PHOTO = new FileKey(ALICE, new FileName("photo.jpg"));

    private static StoredLink link(FileKey file, OptionalLong maxDownloads, Optional<String> passwordHash) {
        LinkId id = LinkId.generate(RANDOM);
        Instant expires = CREATED.plus(Duration.ofDays(7));
        return StoredLink.fresh(
                id.handle(),
                id.hash(),
                file,
                CREATED,
                expires,
                expires.plus(Duration.ofDays(30)),
                maxDownloads,
                passwordHash);
    }

    private static StoredLink link(FileKey file) {
        return link(file, OptionalLong.empty(), Optional.empty());
    }

    private StoredLink created(StoredLink link) {
        assertThat(store().create(link)).as("created %s", link).isTrue();
        return link;
    }

    private static LinkAccess access(int n) {
        return new LinkAccess(CREATED.plusMillis(1000L * n + 7), "203.0.113.0/24", "agent-" + n, 200, n);
    }

    @Test
    void findsALinkAsCreatedByItsHandle() {
        StoredLink limited =
                created(link(NOTES, OptionalLong.of(3), Optional.of("$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA")));
        StoredLink open = created(link(PHOTO));

        assertThat(store().find(limited.handle())).contains(limited);
        assertThat(store().find(open.handle())).contains(open);
        assertThat(store().find(new LinkHandle("0123456789abcdef"))).isEmpty();
    }

    @Test
    void aHandleHoldsOneLink() {
        StoredLink first = created(link(NOTES));
        StoredLink sameHandle = new StoredLink(
                first.handle(),
                "f".repeat(64),
                PHOTO,
                CREATED,
                CREATED,
                CREATED,
                OptionalLong.of(1),
                0,
                0,
                Optional.empty());

        assertThat(store().create(sameHandle)).isFalse();
        assertThat(store().find(first.handle())).contains(first);
    }

    @Test
    void listsAnOwnersLinksToAllFilesOrToOne() {
        StoredLink notes1 = created(link(NOTES));
        StoredLink notes2 = created(link(NOTES));
        StoredLink photo = created(link(PHOTO));
        created(link(new FileKey(BOB, new FileName("notes.txt"))));

        assertThat(store().ownedBy(ALICE, Optional.empty())).containsExactlyInAnyOrder(notes1, notes2, photo);
        assertThat(store().ownedBy(ALICE, Optional.of(NOTES.fileName()))).containsExactlyInAnyOrder(notes1, notes2);
        assertThat(store().ownedBy(new Username("carol"), Optional.empty())).isEmpty();
    }

    @Test
    void onlyItsOwnerDeletesALinkAndItsLogGoesWithIt() {
        StoredLink link = created(link(NOTES));
        store().recordAccess(link.handle(), access(1), 10);

        assertThat(store().delete(link.handle(), BOB)).isFalse();
        assertThat(store().find(link.handle())).isPresent();

        assertThat(store().delete(link.handle(), ALICE)).isTrue();
        assertThat(store().find(link.handle())).isEmpty();
        assertThat(store().accesses(link.handle())).isEmpty();
        assertThat(store().delete(link.handle(), ALICE)).isFalse();
    }

    @Test
    void deletingAFilesLinksLeavesTheOthers() {
        StoredLink notes1 = created(link(NOTES));
        StoredLink notes2 = created(link(NOTES));
        StoredLink photo = created(link(PHOTO));
        store().recordAccess(notes1.handle(), access(1), 10);

        store().deleteAll(NOTES);

        assertThat(store().find(notes1.handle())).isEmpty();
        assertThat(store().find(notes2.handle())).isEmpty();
        assertThat(store().accesses(notes1.handle())).isEmpty();
        assertThat(store().find(photo.handle())).contains(photo);
        store().deleteAll(new FileKey(BOB, new FileName("none.txt")));
    }

    @Test
    void claimsUpToTheLimitAndCountsOnlyCompletedDownloads() {
        StoredLink link = created(link(NOTES, OptionalLong.of(2), Optional.empty()));

        assertThat(store().claimDownload(link.handle())).isTrue();
        assertThat(store().claimDownload(link.handle())).isTrue();
        assertThat(store().claimDownload(link.handle())).as("third of two").isFalse();
        assertThat(store().find(link.handle()).orElseThrow())
                .extracting(StoredLink::claimed, StoredLink::downloads)
                .containsExactly(2L, 0L);

        store().finishDownload(link.handle(), false);
        assertThat(store().find(link.handle()).orElseThrow().claimed())
                .as("an interrupted download is given back")
                .isEqualTo(1);
        assertThat(store().claimDownload(link.handle())).isTrue();
        store().finishDownload(link.handle(), true);
        store().finishDownload(link.handle(), true);

        assertThat(store().find(link.handle()).orElseThrow())
                .extracting(StoredLink::claimed, StoredLink::downloads)
                .containsExactly(2L, 2L);
        assertThat(store().claimDownload(link.handle())).isFalse();
    }

    @Test
    void aLinkWithoutALimitGrantsEveryClaim() {
        StoredLink link = created(link(NOTES));
        for (int i = 0; i < 5; i++) {
            assertThat(store().claimDownload(link.handle())).isTrue();
            store().finishDownload(link.handle(), true);
        }
        assertThat(store().find(link.handle()).orElseThrow().downloads()).isEqualTo(5);
    }

    @Test
    void givingBackNeverGoesBelowZero() {
        StoredLink link = created(link(NOTES, OptionalLong.of(1), Optional.empty()));
        store().finishDownload(link.handle(), false);
        store().finishDownload(link.handle(), false);

        assertThat(store().find(link.handle()).orElseThrow().claimed()).isZero();
        assertThat(store().claimDownload(link.handle())).isTrue();
        assertThat(store().claimDownload(link.handle())).isFalse();
    }

    @Test
    void aMissingLinkIsNeitherClaimedNorCountedNorLoggedNorCreated() {
        LinkHandle missing = LinkId.generate(RANDOM).handle();

        assertThat(store().claimDownload(missing)).isFalse();
        store().finishDownload(missing, true);
        store().finishDownload(missing, false);
        store().recordAccess(missing, access(1), 10);

        assertThat(store().find(missing)).isEmpty();
        assertThat(store().accesses(missing)).isEmpty();
    }

    @Test
    void concurrentClaimsNeverPassTheLimit() throws Exception {
        StoredLink link = created(link(NOTES, OptionalLong.of(5), Optional.empty()));
        int claims = 20;
        ExecutorService pool = Executors.newFixedThreadPool(claims);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < claims; i++) {
                Callable<Boolean> claim = () -> {
                    start.await();
                    return store().claimDownload(link.handle());
                };
                results.add(pool.submit(claim));
            }
            start.countDown();
            int granted = 0;
            for (Future<Boolean> result : results) {
                granted += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(granted).isEqualTo(5);
            assertThat(store().find(link.handle()).orElseThrow().claimed()).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLogKeepsTheNewestAccessesMostRecentFirst() {
        StoredLink link = created(link(NOTES));
        LinkAccess head = new LinkAccess(CREATED.plusMillis(123), "2001:db8:1234::/48", "", 401, 0);
        store().recordAccess(link.handle(), head, 3);
        assertThat(store().accesses(link.handle())).containsExactly(head);

        for (int n = 1; n <= 5; n++) {
            store().recordAccess(link.handle(), access(n), 3);
        }

        assertThat(store().accesses(link.handle())).containsExactly(access(5), access(4), access(3));
    }
}
