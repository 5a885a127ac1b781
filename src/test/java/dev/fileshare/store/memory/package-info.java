/**
 * An in-memory store for the core's fast tests: one adapter per port with the semantics of the local and aws
 * stores, held to them by the same contract suites ({@code MemoryStoreContractTest}), and a few hooks only tests
 * use (a callback before each read, call counts, a counter's attempts). {@code MemoryStore.open} opens all its ports.
 *
 * <p>May depend on {@code core.port}, {@code core.model} and the JDK; never on {@code api}, {@code config},
 * {@code core}'s services or the other stores.
 */
package dev.fileshare.store.memory;
