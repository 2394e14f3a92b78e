package org.hopfieldlab.server;

/** {@link RepositoryChecks} on the embedded (H2 file) database, the default. */
@ServerTest
class RepositoryMigrationTest extends RepositoryChecks {
    @Override
    String expectedProduct() {
        return "H2";
    }
}
