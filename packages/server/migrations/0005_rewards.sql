-- The rewards catalogue and the redemptions that spend points on it.

CREATE TABLE rewards (
  program_id       text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  id               text NOT NULL,
  -- { "<locale>": "<text>" } objects.
  name             jsonb NOT NULL,
  description      jsonb NOT NULL,
  points_cost      bigint NOT NULL CHECK (points_cost > 0),
  -- This tier or a higher one (by threshold) may redeem it; NULL: everyone.
  required_tier_id text,
  -- Codes that may be issued in all; NULL: unlimited. Redemptions raise `redeemed` with a conditional
  -- UPDATE (`stock IS NULL OR redeemed < stock`) in their own transaction, so it never passes `stock`
  -- through redemptions (an admin may lower `stock` below it, which only stops the reward).
  stock            bigint CHECK (stock >= 0),
  redeemed         bigint NOT NULL DEFAULT 0 CHECK (redeemed >= 0),
  -- How long an issued code stays valid; NULL: no expiry.
  validity_days    integer CHECK (validity_days >= 1),
  available_from   timestamptz,
  available_until  timestamptz,
  active           boolean NOT NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (program_id, id),
  FOREIGN KEY (program_id, required_tier_id) REFERENCES tiers (program_id, id),
  CONSTRAINT rewards_window CHECK (available_from IS NULL OR available_until IS NULL OR available_from < available_until)
);

CREATE TABLE reward_redemptions (
  id           uuid PRIMARY KEY,
  program_id   text NOT NULL,
  customer_id  text NOT NULL,
  reward_id    text NOT NULL,
  -- The reward's name when it was redeemed.
  reward_name  jsonb NOT NULL,
  points_spent bigint NOT NULL CHECK (points_spent > 0),
  code         text NOT NULL,
  -- The `redeem` entry that paid for it; its idempotency key is the request's.
  entry_id     uuid NOT NULL UNIQUE REFERENCES ledger_entries (id),
  redeemed_at  timestamptz NOT NULL,
  expires_at   timestamptz,
  -- Write order, for newest-first lists.
  seq          bigserial,
  UNIQUE (program_id, code),
  FOREIGN KEY (program_id, customer_id) REFERENCES customers (program_id, id),
  FOREIGN KEY (program_id, reward_id) REFERENCES rewards (program_id, id)
);

CREATE INDEX reward_redemptions_customer ON reward_redemptions (program_id, customer_id, seq);
