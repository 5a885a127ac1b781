package dev.fileshare.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fileshare.core.model.ListCursor;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.ListingVersions;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The listings ({@code GET /files}) answered lately, as JSON, each kept with the caller's listing number
 * ({@link ListingVersions}) and answered again while that number stays the same: a client that lists again and
 * again, as the web app and sync clients do, then costs one small read instead of the whole listing. The store moves
 * the number in the same transaction as any change the listing shows, so a kept listing is never stale. Without
 * numbers (the aws store, where other servers write too) every listing is made anew.
 */
public final class ListingCache {
    /** Kept JSON in all; unused listings go first, and any after {@link #UNUSED_FOR}. */
    static final long MAX_BYTES = 32L << 20;

    static final Duration UNUSED_FOR = Duration.ofMinutes(10);

    /** A listing's body and its next page, as the resource answers them. */
    record Listing(byte[] json, Optional<ListCursor> next) {}

    private record Key(Username caller, Optional<ListCursor> after, int limit) {}

    private record Kept(long version, Listing listing) {}

    private final Optional<ListingVersions> versions;
    private final Cache<Key, Kept> kept;

    public ListingCache(Optional<ListingVersions> versions) {
        this.versions = versions;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(MAX_BYTES)
                .weigher((Key key, Kept listing) -> listing.listing().json().length)
                .expireAfterAccess(UNUSED_FOR)
                .build();
    }

    /**
     * The page of {@code caller}'s listing after {@code after}, of at most {@code limit} entries; made by {@code make}
     * when none is kept under the caller's current number.
     */
    Listing page(Username caller, Optional<ListCursor> after, int limit, Supplier<Listing> make) {
        if (versions.isEmpty()) {
            return make.get();
        }
        // The number before the listing: a change committed between the two moves the number past the one kept, so
        // a listing is never kept under a number newer than what it shows.
        long version = versions.get().current(caller);
        Key key = new Key(caller, after, limit);
        Kept known = kept.getIfPresent(key);
        if (known != null && known.version() == version) {
            return known.listing();
        }
        Listing made = make.get();
        kept.put(key, new Kept(version, made));
        return made;
    }
}
