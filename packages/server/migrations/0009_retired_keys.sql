-- Keys a program has replaced. `programs.publishable_key` and `programs.secret_key` are the current
-- pair; a key rotated out keeps working until `expires_at` (the grace period given on rotation), so
-- storefronts and backends can switch over without a failed request. Revoking sets `expires_at` to
-- the moment of revocation.

CREATE TABLE retired_keys (
  key        text PRIMARY KEY,
  program_id text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('publishable', 'secret')),
  retired_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE INDEX retired_keys_program ON retired_keys (program_id, kind, expires_at);
