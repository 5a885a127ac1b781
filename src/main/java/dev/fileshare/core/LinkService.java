package dev.fileshare.core;

import dev.fileshare.core.model.ByteRange;
import dev.fileshare.core.model.ClientAddress;
import dev.fileshare.core.model.FieldError;
import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.LinkGoneException;
import dev.fileshare.core.model.LinkHandle;
import dev.fileshare.core.model.LinkId;
import dev.fileshare.core.model.LinkPasswordException;
import dev.fileshare.core.model.NotFoundException;
import dev.fileshare.core.model.Password;
import dev.fileshare.core.model.TooManyLoginAttemptsException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.LinkAccess;
import dev.fileshare.core.port.LinkStore;
import dev.fileshare.core.port.StoredLink;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Public links: a URL with a secret id that reads the current content of one of its owner's files without a
 * session, until it expires, its downloads are used up, it is revoked or the file is deleted; optionally behind a
 * password. Each request to a link is kept in its access log, with the client's network rather than its address.
 */
public final class LinkService {
    /** How long an expired link (answering 410) and its access log are kept before they are forgotten. */
    public static final Duration RETENTION = Duration.ofDays(30);
    /** The most recent accesses a link's log keeps: an anonymous client cannot grow the store without bound. */
    public static final int KEPT_ACCESSES = 1000;
    /** The longest User-Agent kept in an access log. */
    static final int MAX_USER_AGENT = 256;

    private static final int MAX_PASSWORD = Password.MAX_LENGTH;
    /** Two links sharing a 64-bit handle is unheard of; a few fresh ids settle it. */
    private static final int CREATE_ATTEMPTS = 3;

    private static final Comparator<StoredLink> NEWEST_FIRST = Comparator.comparing(StoredLink::created)
            .reversed()
            .thenComparing(link -> link.handle().value());

    /** How long a link lives when its creator does not say, and the most it may. */
    public record Lifetimes(Duration defaultLifetime, Duration maxLifetime) {
        public static final Lifetimes DEFAULTS = new Lifetimes(Duration.ofDays(7), Duration.ofDays(365));

        public Lifetimes {
            if (defaultLifetime.compareTo(Duration.ofSeconds(1)) < 0 || defaultLifetime.compareTo(maxLifetime) > 0) {
                throw new IllegalArgumentException("a link's default lifetime is from 1 second to its maximum");
            }
        }
    }

    /** A new link, with its id: the only time the id is known, since only its hash is stored. */
    public record CreatedLink(LinkId id, StoredLink link) {}

    /** A download being sent, counted once its whole body has gone out and given back otherwise. */
    public final class Download {
        private final LinkHandle link;

        private Download(LinkHandle link) {
            this.link = link;
        }

        /** The body ended: {@code complete} when all of it reached the client, else an interrupted download. */
        public void finish(boolean complete) {
            links.finishDownload(link, complete);
        }
    }

    private final LinkStore links;
    private final FileService files;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Lifetimes lifetimes;
    private final SecureRandom random;
    private final Clock clock;

    public LinkService(
            LinkStore links,
            FileService files,
            PasswordHasher hasher,
            LoginThrottle throttle,
            Lifetimes lifetimes,
            SecureRandom random,
            Clock clock) {
        this.links = links;
        this.files = files;
        this.hasher = hasher;
        this.throttle = throttle;
        this.lifetimes = lifetimes;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Makes a link to one of the caller's own files.
     *
     * @param expiresIn seconds from now, at most the maximum lifetime; null for the default
     * @param password null for none
     * @param maxDownloads at least 1; null for no limit
     */
    public CreatedLink create(Username caller, String fileName, Long expiresIn, String password, Long maxDownloads) {
        List<FieldError> errors = new ArrayList<>();
        FileName name = null;
        try {
            name = FileName.parse("file_name", fileName);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        long maxSeconds = lifetimes.maxLifetime().toSeconds();
        if (expiresIn != null && (expiresIn < 1 || expiresIn > maxSeconds)) {
            errors.add(new FieldError("expires_in", "must be 1 to " + maxSeconds + " seconds"));
        }
        if (password != null && !isLinkPassword(password)) {
            errors.add(new FieldError("password", "must be 1-" + MAX_PASSWORD + " characters"));
        }
        if (maxDownloads != null && maxDownloads < 1) {
            errors.add(new FieldError("max_downloads", "must be at least 1"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The link's settings break the rules.", errors);
        }
        FileKey file = files.describe(caller, caller, name).key();
        Instant created = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt =
                created.plus(expiresIn == null ? lifetimes.defaultLifetime() : Duration.ofSeconds(expiresIn));
        Optional<String> passwordHash = Optional.ofNullable(password).map(p -> hasher.hash(new Password(p)));
        OptionalLong max = maxDownloads == null ? OptionalLong.empty() : OptionalLong.of(maxDownloads);
        for (int attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
            LinkId id = LinkId.generate(random);
            StoredLink link = StoredLink.fresh(
                    id.handle(), id.hash(), file, created, expiresAt, expiresAt.plus(RETENTION), max, passwordHash);
            if (links.create(link)) {
                return new CreatedLink(id, link);
            }
        }
        throw new IllegalStateException("no free link handle in " + CREATE_ATTEMPTS + " attempts");
    }

    /** The caller's links, newest first; only those to {@code fileName} when it is not null. */
    public List<StoredLink> list(Username caller, String fileName) {
        Optional<FileName> file =
                fileName == null ? Optional.empty() : Optional.of(FileName.parse("file_name", fileName));
        Instant now = clock.instant();
        return links.ownedBy(caller, file).stream()
                .filter(link -> isKept(link, now))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    /** Revokes one of the caller's links, named by its handle or its id. */
    public void revoke(Username caller, String link) {
        LinkHandle handle = LinkHandle.of(link).orElseThrow(LinkService::noSuchLink);
        if (!links.delete(handle, caller)) {
            throw noSuchLink();
        }
    }

    /** The access log of one of the caller's links, named by its handle or its id: the most recent first. */
    public List<LinkAccess> accesses(Username caller, String link) {
        Instant now = clock.instant();
        LinkHandle handle = LinkHandle.of(link).orElseThrow(LinkService::noSuchLink);
        links.find(handle)
                .filter(found -> found.file().owner().equals(caller) && isKept(found, now))
                .orElseThrow(LinkService::noSuchLink);
        return links.accesses(handle);
    }

    /** The link {@code id} opens; 404 when there is none (malformed, unknown, revoked or forgotten), whichever. */
    public StoredLink find(String id) {
        Optional<LinkId> parsed = LinkId.parse(id);
        if (parsed.isEmpty()) {
            throw noSuchLink();
        }
        Instant now = clock.instant();
        return links.find(parsed.get().handle())
                .filter(link -> parsed.get().matches(link.idHash()) && isKept(link, now))
                .orElseThrow(LinkService::noSuchLink);
    }

    /**
     * Lets a client at {@code from} read {@code link} now, with the {@code password} it presented (empty: none).
     *
     * @throws LinkGoneException when the link expired or its downloads are used up (410)
     * @throws LinkPasswordException when the link has a password the client did not present correctly (401)
     * @throws TooManyLoginAttemptsException when too many wrong passwords were tried (429), without checking this one
     */
    public void authorize(StoredLink link, Optional<String> password, ClientAddress from) {
        if (!clock.instant().isBefore(link.expiresAt())) {
            throw LinkGoneException.expired(link.expiresAt());
        }
        if (isUsedUp(link.maxDownloads(), link.claimed())) {
            throw LinkGoneException.usedUp(link.maxDownloads().getAsLong());
        }
        if (link.passwordHash().isEmpty()) {
            return;
        }
        if (password.isEmpty()) {
            throw new LinkPasswordException(LinkPasswordException.REQUIRED);
        }
        LoginThrottle.Attempt attempt = throttle.reserveLinkPassword(link.handle(), from);
        boolean matches;
        try {
            matches = isLinkPassword(password.get())
                    && hasher.verify(
                            new Password(password.get()), link.passwordHash().get());
        } catch (RuntimeException undecided) {
            throttle.abandoned(attempt);
            throw undecided;
        }
        if (!matches) {
            throw new LinkPasswordException(LinkPasswordException.WRONG);
        }
        throttle.succeeded(attempt);
    }

    /**
     * The current content of the link's file: all of it, or the one range {@code rangeHeader} asks for (null: all)
     * when {@code rangeApplies} to the version found (If-Range).
     */
    public FileContent open(StoredLink link, String rangeHeader, Predicate<FileVersion> rangeApplies)
            throws IOException {
        FileKey file = link.file();
        try {
            return files.open(file.owner(), file.owner(), file.fileName(), rangeHeader, rangeApplies);
        } catch (NotFoundException fileDeletedMeanwhile) {
            throw noSuchLink();
        }
    }

    /** The current version of the link's file, without opening it. */
    public FileVersion describe(StoredLink link) {
        FileKey file = link.file();
        try {
            return files.describe(file.owner(), file.owner(), file.fileName());
        } catch (NotFoundException fileDeletedMeanwhile) {
            throw noSuchLink();
        }
    }

    /**
     * Claims a download for sending {@code content}, if sending it is one: the whole file, or a range that ends it
     * (the last part of a resumed download). Empty for any other range, which counts for nothing.
     *
     * @throws LinkGoneException when other downloads used up the link meanwhile
     */
    public Optional<Download> claim(StoredLink link, FileContent content) {
        ByteRange span = content.range();
        if (span.offset() + span.length() != content.entry().size()) {
            return Optional.empty();
        }
        if (!links.claimDownload(link.handle())) {
            if (links.find(link.handle()).isEmpty()) {
                throw noSuchLink(); // revoked meanwhile
            }
            throw LinkGoneException.usedUp(link.maxDownloads().orElse(0));
        }
        return Optional.of(new Download(link.handle()));
    }

    /** Keeps one request to {@code link} in its access log, with the client's network rather than its address. */
    public void recordAccess(StoredLink link, ClientAddress from, String userAgent, int status, long bytes) {
        String agent = userAgent == null ? "" : userAgent;
        if (agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        links.recordAccess(
                link.handle(), new LinkAccess(clock.instant(), from.truncated(), agent, status, bytes), KEPT_ACCESSES);
    }

    private static boolean isUsedUp(OptionalLong maxDownloads, long claimed) {
        return maxDownloads.isPresent() && claimed >= maxDownloads.getAsLong();
    }

    /** A link is kept, answering 404 for nothing else than its absence, until {@link StoredLink#purgeAt}. */
    private static boolean isKept(StoredLink link, Instant now) {
        return now.isBefore(link.purgeAt());
    }

    /** A link's password: any 1-1024 characters (the link's id is the secret; the password is a second one). */
    private static boolean isLinkPassword(String password) {
        int length = password.codePointCount(0, password.length());
        return length >= 1 && length <= MAX_PASSWORD;
    }

    private static NotFoundException noSuchLink() {
        return new NotFoundException("No such link: it never existed, was revoked, or its file was deleted.");
    }
}
