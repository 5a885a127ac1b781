package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.ListCursor;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.ListingVersions;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ListingCacheTest {
    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");

    /** Listing numbers as a store keeps them: one per user, moved by {@link #change}. */
    private final Map<Username, Long> numbers = new HashMap<>();

    private final ListingVersions versions = user -> numbers.getOrDefault(user, 0L);

    private final AtomicInteger made = new AtomicInteger();

    private void change(Username user) {
        numbers.merge(user, 1L, Long::sum);
    }

    /** A listing that tells how many were made before it. */
    private ListingCache.Listing make() {
        byte[] json = ("[" + made.incrementAndGet() + "]").getBytes(StandardCharsets.UTF_8);
        return new ListingCache.Listing(json, Optional.empty());
    }

    private String page(ListingCache cache, Username caller, Optional<ListCursor> after, int limit) {
        return new String(cache.page(caller, after, limit, this::make).json(), StandardCharsets.UTF_8);
    }

    private String all(ListingCache cache, Username caller) {
        return page(cache, caller, Optional.empty(), Integer.MAX_VALUE);
    }

    @Test
    void answersAgainWhileTheCallersNumberStays() {
        ListingCache cache = new ListingCache(Optional.of(versions));

        assertThat(all(cache, ALICE)).isEqualTo("[1]");
        assertThat(all(cache, ALICE)).isEqualTo("[1]");
        assertThat(made).hasValue(1);
    }

    @Test
    void makesTheListingAnewOnceTheCallersNumberMoves() {
        ListingCache cache = new ListingCache(Optional.of(versions));
        all(cache, ALICE);

        change(ALICE);

        assertThat(all(cache, ALICE)).isEqualTo("[2]");
        assertThat(all(cache, ALICE)).isEqualTo("[2]");
    }

    @Test
    void keepsEachCallerAndPageApart() {
        ListingCache cache = new ListingCache(Optional.of(versions));
        Optional<ListCursor> second =
                Optional.of(new ListCursor(ListCursor.Part.OWN, new FileKey(ALICE, new FileName("m.txt"))));

        assertThat(all(cache, ALICE)).isEqualTo("[1]");
        assertThat(all(cache, BOB)).isEqualTo("[2]");
        assertThat(page(cache, ALICE, Optional.empty(), 10)).isEqualTo("[3]");
        assertThat(page(cache, ALICE, second, 10)).isEqualTo("[4]");

        change(BOB);

        assertThat(all(cache, ALICE)).isEqualTo("[1]");
        assertThat(page(cache, ALICE, second, 10)).isEqualTo("[4]");
        assertThat(all(cache, BOB)).isEqualTo("[5]");
    }

    @Test
    void neverKeepsAListingUnderANumberNewerThanWhatItShows() {
        ListingCache cache = new ListingCache(Optional.of(versions));

        // A change that commits while the listing is being made: the listing may or may not show it.
        cache.page(ALICE, Optional.empty(), Integer.MAX_VALUE, () -> {
            change(ALICE);
            return make();
        });

        assertThat(all(cache, ALICE)).isEqualTo("[2]");
    }

    @Test
    void makesEveryListingAnewWithoutNumbers() {
        ListingCache cache = new ListingCache(Optional.empty());

        assertThat(all(cache, ALICE)).isEqualTo("[1]");
        assertThat(all(cache, ALICE)).isEqualTo("[2]");
    }
}
