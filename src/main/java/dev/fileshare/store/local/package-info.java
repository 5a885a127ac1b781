/**
 * The local store: file content as files on disk under generated ids, and users, sessions, shares, login
 * failures, public links and file metadata in one SQLite database in WAL mode, whose triggers move each user's listing
 * number ({@code ListingVersions}) with every change to their listing. {@code LocalStore.open} opens all its ports.
 *
 * <p>May depend on {@code core.port}, {@code core.model}, the JDK and SQLite's JDBC driver; never on {@code api},
 * {@code config}, {@code core}'s services or {@code store.aws}.
 */
package dev.fileshare.store.local;
