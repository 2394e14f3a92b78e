-- A teacher may withdraw an assignment: the row and its submissions stay (students' work is never deleted), the
-- exercise leaves the students' list, the dashboard and the grades file; assigning the exercise again clears
-- withdrawn_at, so the same row, with its submissions, comes back. Portable between H2 and PostgreSQL.
alter table assignment add column withdrawn_at timestamp with time zone;
