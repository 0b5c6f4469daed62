-- Devices that signed in before (server/src/auth/known-devices.ts): the browser keeps a random token in
-- the `concordia_device` cookie, this table its SHA-256 and whose device it is. Sign-in attempts from a
-- known device are throttled on their own (account, device) pair, so failures from anywhere else — an
-- attacker's guesses, or a colleague's behind the same office address — never lock the owner out of it.
CREATE TABLE known_devices (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX known_devices_user_id_idx ON known_devices (user_id);

-- login_throttles now counts consecutive failures per pair — "pair:<email>|<address>" or
-- "device:<email>|<device>" — with window_started_at the time of the last attempt, besides "ip:<address>"
-- in a fixed window; "alert:<email>" rows say when the owner was last told. Old per-account rows mean nothing now.
DELETE FROM login_throttles WHERE key LIKE 'account:%';
