-- Saved sweep results: a sweep of the default max-cells (2,000) gives about 0.9 MB of JSON (≈ 430 characters a cell), over V1's 200,000.
-- SET DATA TYPE is accepted by both H2 and PostgreSQL. SessionService.MAX_SNAPSHOT checks the same size first.
alter table lab_session alter column result_snapshot set data type varchar(2000000);
