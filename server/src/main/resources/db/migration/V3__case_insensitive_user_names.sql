-- User names are unique regardless of case: "alice", "ALICE" and "Alice" are one account. The name keeps the
-- spelling chosen at sign-up; username_key (its lower-case form) is what sign-in and uniqueness use.
alter table app_user add column username_key varchar(80);
update app_user set username_key = lower(username);
-- Accounts made before this rule that differ only in case: the oldest keeps the plain key, each later one signs in
-- as "name#id" (for example "alice#12"), which the sign-up form can never create.
update app_user set username_key = lower(username) || '#' || cast(id as varchar(20))
    where exists (select 1 from app_user o where lower(o.username) = lower(app_user.username) and o.id < app_user.id);
alter table app_user alter column username_key set not null;
-- (not "app_user_username_key": PostgreSQL already gave that name to the unique constraint of V1's username)
create unique index app_user_lower_name_unique on app_user (username_key);
