-- Failed sign-in counters (LoginThrottle), kept so that a restart does not lift a lockout. One row per
-- (name, address) pair ('u:...') and per address ('a:...'); times are epoch milliseconds. Rows quiet for an hour
-- and not locked are deleted by the server.
create table login_throttle (
    throttle_key varchar(200) not null primary key,
    failures integer not null,
    last_failure_ms bigint not null,
    locked_until_ms bigint not null
);
create index login_throttle_last_failure_idx on login_throttle (last_failure_ms);
