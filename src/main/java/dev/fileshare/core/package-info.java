/**
 * The rules of the service, free of any framework: accounts, sessions and login throttling
 * ({@code AccountService}, {@code LoginThrottle}, {@code PasswordHasher}), files and who may read them
 * ({@code FileService}), public links ({@code LinkService}), the service's own signed transfer URLs
 * ({@code SignedTransferUrls}), and how long a session read from the store is used ({@code CachedSessionStore}).
 *
 * <p>May depend on {@code core.model}, {@code core.port}, the JDK, Bouncy Castle (Argon2id) and Caffeine (the
 * session cache); never on
 * {@code api}, {@code config}, a store adapter, Jakarta EE, MicroProfile, JDBC or the AWS SDK.
 */
package dev.fileshare.core;
