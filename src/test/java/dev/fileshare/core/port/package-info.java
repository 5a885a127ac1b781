/**
 * The port contract suites ({@code *Contract}): one abstract test class per store port that states what every
 * implementation must do. Each adapter set runs all of them through a runner of its own (for example
 * {@code LocalStoreContractTest} and {@code AwsStoreContractTest}).
 *
 * <p>May depend on {@code core.port}, {@code core.model}, JUnit and AssertJ; never on an adapter.
 */
package dev.fileshare.core.port;
