package dev.fileshare.core.port;

import java.util.Map;

/**
 * Whether each part of the configured store answers, by its role ("database", "bucket", "users-table"), never by
 * the name of a resource: readiness answers are public.
 */
public interface StoreHealth {
    Map<String, Boolean> check();
}
