/**
 * The wiring: reads and checks every setting at start-up (MicroProfile Config), opens the store that
 * {@code fileshare.store} names, and produces the core's services and the API's settings as CDI beans.
 *
 * <p>May depend on every other package of the service, CDI and MicroProfile Config; nothing depends on it, so
 * that no class it builds reaches back for settings.
 */
package dev.fileshare.config;
