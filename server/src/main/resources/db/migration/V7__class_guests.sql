-- Pseudonymous students ("guests"): a class member without an account, where the class allows pseudonyms. Each
-- guest has an app_user row that can never sign in (a name the sign-up form cannot make, no password) so that
-- memberships and submissions work as for accounts, and one secret token, kept here only as its SHA-256 hash.
create table class_guest (
    user_id    bigint primary key references app_user (id) on delete cascade,
    class_id   bigint not null references class_room (id) on delete cascade,
    token_hash varchar(64) not null,
    created_at timestamp with time zone not null
);
-- (not "class_guest_token_hash_key": that is the name PostgreSQL gives to a unique column constraint)
create unique index class_guest_token_unique on class_guest (token_hash);
create index class_guest_class on class_guest (class_id);
