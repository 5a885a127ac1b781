/**
 * The MicroProfile Health checks behind {@code /health/live} and {@code /health/ready}: alive while the
 * application answers, ready while every part of the configured store answers.
 *
 * <p>May depend on {@code core.port} ({@code StoreHealth}), CDI and MicroProfile Health; never on {@code config}
 * or a store adapter.
 */
package dev.fileshare.api.health;
