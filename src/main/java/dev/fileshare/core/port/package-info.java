/**
 * The ports: what the core needs from a store ({@code UserStore}, {@code SessionStore}, {@code ShareStore},
 * {@code LoginAttemptStore}, {@code LinkStore}, {@code BlobStore}, {@code StoreHealth}, {@code ListingVersions}) and
 * from a source of transfer URLs ({@code TransferUrls}), with their records and exceptions, and {@code Stores}, one
 * store's ports opened together. The adapters in {@code store.local} and {@code store.aws} implement them; the
 * contract suites of the tests ({@code *Contract}, one per port) state what every implementation must do, and each
 * adapter set runs them all.
 *
 * <p>May depend on {@code core.model} and the JDK only.
 */
package dev.fileshare.core.port;
