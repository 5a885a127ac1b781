package dev.fileshare.core.port;

import java.util.Map;

/** Whether each part of the configured store answers, by name (e.g. "sqlite", "bucket:files"). */
public interface StoreHealth {
    Map<String, Boolean> check();
}
