package org.hopfieldlab.server.account;

import java.time.Instant;

/** A registered account. */
public record AppUser(long id, String username, String passwordHash, Instant createdAt) {
}
