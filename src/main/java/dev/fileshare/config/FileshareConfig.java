package dev.fileshare.config;

import dev.fileshare.api.BodyDeadline;
import dev.fileshare.api.Cidr;
import dev.fileshare.core.HashingSlots;
import dev.fileshare.core.LinkService;
import dev.fileshare.core.LoginThrottle;
import dev.fileshare.core.UploadService;
import dev.fileshare.core.model.Argon2Settings;
import dev.fileshare.core.model.Quota;
import dev.fileshare.core.port.Retention;
import dev.fileshare.store.aws.AwsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code transferSigningKey} is null when none is configured: the service then makes a random one at start,
 * so its transfer URLs stop working on restart and differ between instances.
 *
 * Every setting of the service, read once and checked at start-up. Keys are MicroProfile Config names, so
 * each is also an environment variable ({@code fileshare.data-dir} is {@code FILESHARE_DATA_DIR}).
 * The aws settings are read and checked whichever store runs, so a typo fails start-up either way.
 */
public record FileshareConfig(
        String store,
        Path dataDir,
        Duration sessionLifetime,
        Duration sessionCacheFreshFor,
        Argon2Settings argon2,
        HashingSlots.Limits hashing,
        long maxJsonUploadBytes,
        long maxBinaryUploadBytes,
        long gatewayMaxBodyBytes,
        UploadService.Limits uploads,
        LoginThrottle.Limits loginLimits,
        List<Cidr> trustedProxies,
        BodyDeadline bodyDeadline,
        Duration transferUrlLifetime,
        byte[] transferSigningKey,
        LinkService.Lifetimes linkLifetimes,
        Optional<URI> publicUrl,
        Duration healthCache,
        Duration healthTimeout,
        Quota quota,
        Retention retention,
        AwsSettings aws) {

    public static final String STORE = "fileshare.store";
    public static final String DATA_DIR = "fileshare.data-dir";
    public static final String SESSION_LIFETIME = "fileshare.session.lifetime";
    /**
     * How long an instance uses a session it read without reading it again: another instance's logout reaches it
     * within this time (its own at once); 0s reads the store on every request.
     */
    public static final String SESSION_CACHE_FRESH_FOR = "fileshare.session.cache-fresh-for";

    public static final String ARGON2_MEMORY_KIB = "fileshare.argon2.memory-kib";
    public static final String ARGON2_ITERATIONS = "fileshare.argon2.iterations";
    public static final String ARGON2_PARALLELISM = "fileshare.argon2.parallelism";
    public static final String ARGON2_MAX_CONCURRENT = "fileshare.argon2.max-concurrent";
    public static final String ARGON2_MAX_QUEUED = "fileshare.argon2.max-queued";
    public static final String UPLOAD_MAX_JSON_BYTES = "fileshare.upload.max-json-bytes";
    public static final String UPLOAD_MAX_BINARY_BYTES = "fileshare.upload.max-binary-bytes";
    /** What the API gateway in front carries in one body; 0: no gateway (the stack sets a little under its 10 MB). */
    public static final String GATEWAY_MAX_BODY_BYTES = "fileshare.gateway.max-body-bytes";

    /** Resumable uploads (tus): how many one user may have open, how long one lives, the most bytes a chunk holds. */
    public static final String UPLOADS_MAX_OPEN = "fileshare.uploads.max-open";

    public static final String UPLOADS_EXPIRE_AFTER = "fileshare.uploads.expire-after";
    public static final String UPLOADS_MAX_CHUNK_BYTES = "fileshare.uploads.max-chunk-bytes";
    public static final long DEFAULT_MAX_CHUNK_BYTES = 64L * 1024 * 1024;

    public static final String LOGIN_MAX_FAILURES = "fileshare.login.max-failures";
    public static final String LOGIN_MAX_FAILURES_PER_USERNAME = "fileshare.login.max-failures-per-username";
    public static final String LOGIN_MAX_FAILURES_PER_ADDRESS = "fileshare.login.max-failures-per-address";
    public static final String LOGIN_WINDOW = "fileshare.login.window";
    public static final String HTTP_TRUSTED_PROXIES = "fileshare.http.trusted-proxies";
    /** Also Liberty's read timeout: server.xml names this key as a variable, which MicroProfile Config reads too. */
    public static final String HTTP_BODY_START_TIMEOUT = "fileshare.http.body-start-timeout";

    public static final String HTTP_BODY_MIN_RATE = "fileshare.http.body-min-rate";
    public static final String TRANSFER_URL_LIFETIME = "fileshare.transfer.url-lifetime";
    public static final String TRANSFER_SIGNING_KEY = "fileshare.transfer.signing-key";
    public static final String LINKS_DEFAULT_LIFETIME = "fileshare.links.default-lifetime";
    public static final String LINKS_MAX_LIFETIME = "fileshare.links.max-lifetime";
    public static final String PUBLIC_URL = "fileshare.public-url";
    public static final String HEALTH_CACHE = "fileshare.health.cache";
    public static final String HEALTH_TIMEOUT = "fileshare.health.timeout";
    public static final String QUOTA_BYTES = "fileshare.quota.bytes";
    public static final String QUOTA_FILES = "fileshare.quota.files";
    public static final String VERSIONS_KEEP = "fileshare.versions.keep";
    public static final String VERSIONS_MAX_AGE = "fileshare.versions.max-age";
    public static final String TRASH_MAX_AGE = "fileshare.trash.max-age";

    public static final long DEFAULT_MAX_JSON_UPLOAD_BYTES = 7L * 1024 * 1024;
    public static final long DEFAULT_MAX_BINARY_UPLOAD_BYTES = 5L * 1024 * 1024 * 1024;
    /** A JSON upload is held in memory whole, so its limit has a ceiling; larger files go binary. */
    public static final long MAX_JSON_UPLOAD_LIMIT = 100L * 1024 * 1024;

    private static LoginThrottle.Limits loginLimits(ConfigReader config) {
        LoginThrottle.Limits defaults = LoginThrottle.Limits.DEFAULTS;
        return new LoginThrottle.Limits(
                config.integer(LOGIN_MAX_FAILURES, defaults.perUsernameAndAddress(), 1, 1_000_000),
                config.integer(LOGIN_MAX_FAILURES_PER_USERNAME, defaults.perUsername(), 1, 1_000_000),
                config.integer(LOGIN_MAX_FAILURES_PER_ADDRESS, defaults.perAddress(), 1, 1_000_000),
                config.duration(LOGIN_WINDOW, defaults.window(), Duration.ofSeconds(1)));
    }

    /** A chunk never holds more than the gateway in front carries, whatever the setting says. */
    private static UploadService.Limits uploads(ConfigReader config, long maxBinaryBytes, long gatewayMaxBodyBytes) {
        long maxChunk = config.longValue(UPLOADS_MAX_CHUNK_BYTES, DEFAULT_MAX_CHUNK_BYTES, 1, Long.MAX_VALUE);
        return new UploadService.Limits(
                config.integer(UPLOADS_MAX_OPEN, 20, 1, 100_000),
                config.duration(UPLOADS_EXPIRE_AFTER, Duration.ofHours(24), Duration.ofSeconds(1)),
                maxBinaryBytes,
                gatewayMaxBodyBytes > 0 ? Math.min(maxChunk, gatewayMaxBodyBytes) : maxChunk);
    }

    /** Comma-separated CIDR blocks; none by default, so X-Forwarded-For is believed from no one. */
    private static List<Cidr> trustedProxies(ConfigReader config) {
        List<Cidr> blocks = new ArrayList<>();
        for (String entry : config.string(HTTP_TRUSTED_PROXIES, "").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                blocks.add(Cidr.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException(
                        HTTP_TRUSTED_PROXIES,
                        "expected comma-separated CIDR blocks such as 10.0.0.0/16,::1/128, but " + e.getMessage());
            }
        }
        return List.copyOf(blocks);
    }

    /** Defaults from the processor count; the queue's default follows the configured concurrency. */
    private static HashingSlots.Limits hashing(ConfigReader config) {
        HashingSlots.Limits defaults =
                HashingSlots.Limits.forProcessors(Runtime.getRuntime().availableProcessors());
        int concurrent = config.integer(ARGON2_MAX_CONCURRENT, defaults.concurrent(), 1, 1024);
        int queued = config.integer(
                ARGON2_MAX_QUEUED, HashingSlots.Limits.forProcessors(concurrent).queued(), 0, 100_000);
        return new HashingSlots.Limits(concurrent, queued);
    }

    private static LinkService.Lifetimes linkLifetimes(ConfigReader config) {
        LinkService.Lifetimes defaults = LinkService.Lifetimes.DEFAULTS;
        Duration max = config.duration(LINKS_MAX_LIFETIME, defaults.maxLifetime(), Duration.ofSeconds(1));
        Duration lifetime = config.duration(
                LINKS_DEFAULT_LIFETIME,
                defaults.defaultLifetime().compareTo(max) > 0 ? max : defaults.defaultLifetime(),
                Duration.ofSeconds(1));
        if (lifetime.compareTo(max) > 0) {
            throw new InvalidConfigurationException(
                    LINKS_DEFAULT_LIFETIME,
                    "expected at most " + LINKS_MAX_LIFETIME + " (" + max + ") but got " + lifetime);
        }
        return new LinkService.Lifetimes(lifetime, max);
    }

    /**
     * Where clients reach the service, for the absolute URLs it hands out (public links), when the request's own
     * address is not it (behind API Gateway or a reverse proxy); always ends in {@code /}.
     */
    private static Optional<URI> publicUrl(ConfigReader config) {
        return config.httpUri(PUBLIC_URL).map(uri -> {
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new InvalidConfigurationException(
                        PUBLIC_URL,
                        "expected a base URL without query or fragment, such as https://files.example.com/");
            }
            String text = uri.toString();
            return text.endsWith("/") ? uri : URI.create(text + "/");
        });
    }

    /** Per user; each unlimited unless set. */
    private static Quota quota(ConfigReader config) {
        return new Quota(optionalLimit(config, QUOTA_BYTES), optionalLimit(config, QUOTA_FILES));
    }

    private static OptionalLong optionalLimit(ConfigReader config, String key) {
        return config.optionalString(key).isPresent()
                ? OptionalLong.of(config.longValue(key, 0, 0, Long.MAX_VALUE))
                : OptionalLong.empty();
    }

    /** 0 keeps no older version (and 0s no trash): an overwrite or a delete is then final, as it once was. */
    private static Retention retention(ConfigReader config) {
        Retention defaults = Retention.DEFAULT;
        return new Retention(
                config.integer(VERSIONS_KEEP, defaults.keep(), 0, 1000),
                config.duration(VERSIONS_MAX_AGE, defaults.versionMaxAge(), Duration.ZERO),
                config.duration(TRASH_MAX_AGE, defaults.trashMaxAge(), Duration.ZERO));
    }

    public static FileshareConfig read(ConfigReader config) {
        Argon2Settings defaults = Argon2Settings.OWASP_MINIMUM;
        int parallelism = config.integer(ARGON2_PARALLELISM, defaults.parallelism(), 1, 64);
        String store = config.oneOf(STORE, "local", "local", "aws");
        Duration transferUrlLifetime =
                config.duration(TRANSFER_URL_LIFETIME, Duration.ofMinutes(15), Duration.ofSeconds(1));
        if ("aws".equals(store) && transferUrlLifetime.compareTo(AwsSettings.MAX_TRANSFER_URL_LIFETIME) > 0) {
            throw new InvalidConfigurationException(
                    TRANSFER_URL_LIFETIME,
                    "expected at most 7d with " + STORE + "=aws (S3 presigned URLs live at most 7 days), but got "
                            + transferUrlLifetime);
        }
        long maxBinaryBytes =
                config.longValue(UPLOAD_MAX_BINARY_BYTES, DEFAULT_MAX_BINARY_UPLOAD_BYTES, 0, Long.MAX_VALUE);
        long gatewayMaxBodyBytes = config.longValue(GATEWAY_MAX_BODY_BYTES, 0, 0, Long.MAX_VALUE);
        return new FileshareConfig(
                store,
                Path.of(config.string(DATA_DIR, "data")),
                config.duration(SESSION_LIFETIME, Duration.ofHours(24), Duration.ofSeconds(1)),
                config.duration(SESSION_CACHE_FRESH_FOR, Duration.ofSeconds(5), Duration.ZERO, Duration.ofMinutes(1)),
                new Argon2Settings(
                        config.integer(ARGON2_MEMORY_KIB, defaults.memoryKib(), 8 * parallelism, 4 * 1024 * 1024),
                        config.integer(ARGON2_ITERATIONS, defaults.iterations(), 1, 100),
                        parallelism),
                hashing(config),
                config.longValue(UPLOAD_MAX_JSON_BYTES, DEFAULT_MAX_JSON_UPLOAD_BYTES, 0, MAX_JSON_UPLOAD_LIMIT),
                maxBinaryBytes,
                gatewayMaxBodyBytes,
                uploads(config, maxBinaryBytes, gatewayMaxBodyBytes),
                loginLimits(config),
                trustedProxies(config),
                // mod_reqtimeout's defaults: 20 s for the body to start, then 500 bytes a second.
                new BodyDeadline(
                        config.duration(
                                HTTP_BODY_START_TIMEOUT,
                                Duration.ofSeconds(20),
                                Duration.ofSeconds(1),
                                Duration.ofMinutes(10)),
                        config.longValue(HTTP_BODY_MIN_RATE, 500, 1, 1L << 30)),
                transferUrlLifetime,
                config.secretKey(TRANSFER_SIGNING_KEY, 32).orElse(null),
                linkLifetimes(config),
                publicUrl(config),
                // A probe every few seconds costs the store one check however many probes come: under the ALB's
                // 15 s interval, and answered within its 5 s timeout.
                config.duration(HEALTH_CACHE, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(5)),
                config.duration(HEALTH_TIMEOUT, Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMinutes(1)),
                quota(config),
                retention(config),
                AwsConfig.read(config));
    }
}
