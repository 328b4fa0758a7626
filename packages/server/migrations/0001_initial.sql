-- Programs, their tiers, customers and the append-only points ledger.
-- Plain PostgreSQL: PGlite runs it as is, and so will a managed PostgreSQL.

CREATE TABLE programs (
  id                 text PRIMARY KEY,
  name               text NOT NULL,
  points_name        jsonb NOT NULL,
  publishable_key    text NOT NULL UNIQUE,
  secret_key         text NOT NULL UNIQUE,
  tier_window_months integer NOT NULL DEFAULT 12 CHECK (tier_window_months > 0),
  created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tiers (
  program_id text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  id         text NOT NULL,
  name       jsonb NOT NULL,
  -- Points earned inside the program's qualification window needed to hold this tier.
  threshold  bigint NOT NULL CHECK (threshold >= 0),
  PRIMARY KEY (program_id, id),
  UNIQUE (program_id, threshold)
);

CREATE TABLE customers (
  program_id text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  id         text NOT NULL,
  name       text NOT NULL,
  locale     text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id)
);

CREATE TABLE ledger_entries (
  id              uuid PRIMARY KEY,
  program_id      text NOT NULL,
  customer_id     text NOT NULL,
  type            text NOT NULL CHECK (type IN ('earn', 'redeem')),
  -- Signed: earns are positive, redeems negative, so a balance is a plain SUM.
  points          bigint NOT NULL CHECK (points <> 0),
  reason          text,
  idempotency_key text,
  -- Fingerprint of the request that created the entry, to tell a replay from a reused key.
  request_hash    text,
  -- The customer's balance right after this entry, so a replay answers what the first post did.
  balance_after   bigint NOT NULL CHECK (balance_after >= 0),
  created_at      timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (program_id, customer_id) REFERENCES customers (program_id, id)
);

CREATE UNIQUE INDEX ledger_entries_idempotency_key
  ON ledger_entries (program_id, idempotency_key);

CREATE INDEX ledger_entries_customer
  ON ledger_entries (program_id, customer_id, created_at);

CREATE FUNCTION ledger_entries_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only: post a correcting entry instead';
END
$$;

CREATE TRIGGER ledger_entries_append_only
  BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_append_only();
