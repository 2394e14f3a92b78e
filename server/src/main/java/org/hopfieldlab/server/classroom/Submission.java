package org.hopfieldlab.server.classroom;

import java.time.Instant;

/** One graded try: the answer as submitted and the server's verdict (status right/wrong, summary, verdict JSON). */
public record Submission(long id, long assignmentId, long studentId, String taskId, String answer, String status,
        String summary, String verdictJson, Instant submittedAt) {
    public boolean right() {
        return "right".equals(status);
    }
}
