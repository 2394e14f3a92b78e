package org.hopfieldlab.server;

/** {@link RepositoryChecks} on the embedded (H2 file) database, the default. */
@ServerTest
class RepositoryMigrationTest extends RepositoryChecks {
    @Override
    String expectedProduct() {
        return "H2";
    }

    /** A file database of its own under target/, as the server's (left there like the other test databases). */
    @Override
    FreshDatabase freshDatabase() {
        return new FreshDatabase("jdbc:h2:./target/test-db/fresh-" + java.util.UUID.randomUUID()
                + "/hopfield;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "", () -> { });
    }
}
