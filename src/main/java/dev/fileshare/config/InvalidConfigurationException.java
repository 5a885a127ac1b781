package dev.fileshare.config;

/** A configuration value the service cannot run with; the message names the key, stopping start-up. */
public final class InvalidConfigurationException extends RuntimeException {
    public InvalidConfigurationException(String key, String expectation) {
        super("Invalid configuration " + key + ": " + expectation
                + " (set it in server.xml, bootstrap.properties or the environment variable "
                + environmentName(key) + ")");
    }

    /** The environment variable MicroProfile Config maps to {@code key}: {@code fileshare.data-dir} is {@code FILESHARE_DATA_DIR}. */
    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
