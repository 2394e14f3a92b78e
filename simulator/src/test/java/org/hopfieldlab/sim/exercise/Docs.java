package org.hopfieldlab.sim.exercise;

/** Small exercise documents for tests, built as text so each test shows exactly what it feeds the parser. */
final class Docs {
    private Docs() {
    }

    static final String SPEC = "model=idp&n=64&p=3&mem=orthogonal&beta=10&noise=0&dt=0.01&t=5&seed=1&trials=1"
            + "&in=0:w0.5_0.2_0.2&x0=gauss";

    /** A valid exercise with one task given as JSON (an object literal). */
    static String withTask(String task) {
        return "{\"format\": 1, \"id\": \"t\", \"title\": \"T\", \"instructions\": \"Do it.\", \"spec\": \"" + SPEC
                + "\", \"free\": [\"noise\"], \"tasks\": [" + task + "]}";
    }

    static final String NUMERIC = "{\"id\": \"n1\", \"kind\": \"numeric\", \"prompt\": \"β*?\", \"hint\": \"Solve β α' = 1.\","
            + " \"answer\": {\"measure\": \"existence-beta\", \"memory\": 1}, \"tolerance\": {\"abs\": 0.01}}";

    static final String MAKE = "{\"id\": \"m1\", \"kind\": \"make\", \"prompt\": \"Retrieve ξ1.\", \"hint\": \"Less noise.\","
            + " \"condition\": {\"measure\": \"ends-in\", \"memory\": 1, \"op\": \">=\", \"value\": 1}}";

    static final String CHOICE = "{\"id\": \"c1\", \"kind\": \"choice\", \"prompt\": \"Which?\", \"hint\": \"Look.\","
            + " \"choices\": [{\"id\": \"a\", \"text\": \"ξ1\", \"when\": {\"measure\": \"ends-in\", \"memory\": 1,"
            + " \"op\": \">=\", \"value\": 1}}, {\"id\": \"b\", \"text\": \"not ξ1\", \"when\": {\"measure\": \"ends-in\","
            + " \"memory\": 1, \"op\": \"<\", \"value\": 1}}]}";

    static String all() {
        return "{\"format\": 1, \"id\": \"t\", \"title\": \"T\", \"instructions\": \"Do it.\", \"spec\": \"" + SPEC
                + "\", \"free\": [\"noise\"], \"tasks\": [" + NUMERIC + ", " + MAKE + ", " + CHOICE + "]}";
    }
}
