/**
 * The core's value types, each checking its own rules when it is made (usernames, file names, file keys,
 * versions, byte ranges, session tokens, strict Base64), and the exceptions by which the core refuses a request.
 *
 * <p>May depend on the JDK only.
 */
package dev.fileshare.core.model;
