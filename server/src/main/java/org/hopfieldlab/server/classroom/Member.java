package org.hopfieldlab.server.classroom;

import java.time.Instant;

/**
 * A student in a class under the name the class shows. {@code renamedFrom}: the name they had chosen, where V11 had
 * to rename them because it clashed in some letter case with an earlier member's (V12); null for everyone else.
 */
public record Member(long classId, long userId, String displayName, Instant joinedAt, String renamedFrom) {
}
