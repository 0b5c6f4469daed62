-- Rate limits of mutating API requests (server/src/http/rate-limit.ts): one row per key (a user or an
-- address, per limit), points used in the window and when the window ends (ms since the epoch). The
-- layout is the one rate-limiter-flexible's PostgreSQL store reads and writes; it lives in PostgreSQL so
-- that a limit holds across every process sharing the database.
CREATE TABLE rate_limits (
  key     varchar(255) PRIMARY KEY,
  points  integer NOT NULL DEFAULT 0,
  expire  bigint
);
CREATE INDEX rate_limits_expire ON rate_limits (expire);
