package dev.fileshare.config;

import dev.fileshare.api.BodyDeadline;
import dev.fileshare.api.GatewayLimit;
import dev.fileshare.api.ListingCache;
import dev.fileshare.api.PublicUrl;
import dev.fileshare.api.TrustedProxies;
import dev.fileshare.api.UploadLimits;
import dev.fileshare.core.AccountDeletion;
import dev.fileshare.core.AccountService;
import dev.fileshare.core.FileService;
import dev.fileshare.core.LinkService;
import dev.fileshare.core.LoginThrottle;
import dev.fileshare.core.PasswordHasher;
import dev.fileshare.core.SignedTransferUrls;
import dev.fileshare.core.UploadService;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.LinkStore;
import dev.fileshare.core.port.ListingVersions;
import dev.fileshare.core.port.LoginAttemptStore;
import dev.fileshare.core.port.SessionStore;
import dev.fileshare.core.port.ShareStore;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.TransferUrls;
import dev.fileshare.core.port.UploadStore;
import dev.fileshare.core.port.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Builds the framework-free core from configuration and the store ports; singletons, since core classes are final. */
@ApplicationScoped
public class ServiceProducer {
    private static final Logger LOG = Logger.getLogger(ServiceProducer.class.getName());

    @Produces
    @Singleton
    FileshareConfig config() {
        Config config = ConfigProvider.getConfig();
        return FileshareConfig.read(new ConfigReader(key -> config.getOptionalValue(key, String.class)));
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Produces
    @Singleton
    PasswordHasher passwordHasher(FileshareConfig config, SecureRandom random) {
        return new PasswordHasher(config.argon2(), random, config.hashing());
    }

    @Produces
    @Singleton
    LoginThrottle loginThrottle(FileshareConfig config, LoginAttemptStore failures, Clock clock) {
        return new LoginThrottle(failures, config.loginLimits(), clock);
    }

    @Produces
    @Singleton
    AccountService accountService(
            FileshareConfig config,
            UserStore users,
            SessionStore sessions,
            LoginThrottle throttle,
            PasswordHasher hasher,
            SecureRandom random,
            Clock clock) {
        return new AccountService(users, sessions, hasher, throttle, config.sessionLifetime(), random, clock);
    }

    @Produces
    @Singleton
    TrustedProxies trustedProxies(FileshareConfig config) {
        return new TrustedProxies(config.trustedProxies());
    }

    @Produces
    @Singleton
    UploadLimits uploadLimits(FileshareConfig config) {
        return new UploadLimits(config.maxJsonUploadBytes(), config.maxBinaryUploadBytes());
    }

    @Produces
    @Singleton
    GatewayLimit gatewayLimit(FileshareConfig config) {
        return new GatewayLimit(config.gatewayMaxBodyBytes());
    }

    @Produces
    @Singleton
    BodyDeadline bodyDeadline(FileshareConfig config) {
        return config.bodyDeadline();
    }

    @Produces
    @Singleton
    PublicUrl publicUrl(FileshareConfig config) {
        return new PublicUrl(config.publicUrl());
    }

    @Produces
    @Singleton
    FileService fileService(
            FileshareConfig config, BlobStore blobs, ShareStore shares, LinkStore links, UserStore users) {
        return new FileService(blobs, shares, links, users, config.quota());
    }

    @Produces
    @Singleton
    ListingCache listingCache(Optional<ListingVersions> versions) {
        return new ListingCache(versions);
    }

    @Produces
    @Singleton
    AccountDeletion accountDeletion(
            AccountService accounts, FileService files, UserStore users, SessionStore sessions) {
        return new AccountDeletion(accounts, files, users, sessions);
    }

    @Produces
    @Singleton
    LinkService linkService(
            FileshareConfig config,
            LinkStore links,
            FileService files,
            PasswordHasher hasher,
            LoginThrottle throttle,
            SecureRandom random,
            Clock clock) {
        return new LinkService(links, files, hasher, throttle, config.linkLifetimes(), random, clock);
    }

    /** Empty where the store keeps no resumable uploads: /uploads then answers 501. */
    @Produces
    @Singleton
    Optional<UploadService> uploadService(
            FileshareConfig config,
            Optional<UploadStore> uploads,
            FileService files,
            SecureRandom random,
            Clock clock) {
        return uploads.map(store -> new UploadService(store, files, config.uploads(), random, clock));
    }

    @Produces
    @Singleton
    @Typed(SignedTransferUrls.class)
    SignedTransferUrls signedTransferUrls(FileshareConfig config, SecureRandom random, Clock clock) {
        byte[] key = config.transferSigningKey();
        if (key == null) {
            LOG.warning(() ->
                    FileshareConfig.TRANSFER_SIGNING_KEY + " is not set: transfer URLs are signed with a random key "
                            + "and stop working when this server restarts; set it when running several instances.");
            key = new byte[32];
            random.nextBytes(key);
        }
        return new SignedTransferUrls(key, config.transferUrlLifetime(), clock);
    }

    @Produces
    @Singleton
    TransferUrls transferUrls(Stores stores, SignedTransferUrls signed) {
        // The aws store hands out S3 presigned URLs; the local store has none, so the service's own signed URLs
        // serve. SignedTransferUrls stays produced in both modes: /transfer verifies with it.
        return stores.transferUrls().orElse(signed);
    }
}
