package dev.fileshare.core.port;

import dev.fileshare.core.model.Username;
import java.time.Instant;

/** A registered user; {@code passwordHash} is a PHC string, never the password. */
public record UserAccount(Username username, String passwordHash, Instant createdAt) {}
