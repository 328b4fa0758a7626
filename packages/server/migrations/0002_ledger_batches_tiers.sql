-- Program settings (time zone, currency, tier metric, points expiry, birthday reward), tier
-- benefits, customer time zones, the richer ledger (adjust, expire, birthday_bonus; expiry, pending,
-- spend) and the point batches redemptions and expiries consume.

ALTER TABLE programs
  ADD COLUMN timezone             text NOT NULL DEFAULT 'UTC',
  ADD COLUMN currency             text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
  -- What tiers are measured on: points earned, or spend in minor units of `currency`.
  ADD COLUMN tier_metric          text NOT NULL DEFAULT 'points' CHECK (tier_metric IN ('points', 'spend')),
  -- Default lifetime of earned points; NULL: they never expire.
  ADD COLUMN points_expiry_months integer CHECK (points_expiry_months > 0),
  -- The birthday reward; NULL: the program has none.
  ADD COLUMN birthday_points      integer CHECK (birthday_points > 0),
  ADD COLUMN birthday_days_before integer NOT NULL DEFAULT 7 CHECK (birthday_days_before BETWEEN 0 AND 31),
  ADD COLUMN birthday_days_after  integer NOT NULL DEFAULT 7 CHECK (birthday_days_after BETWEEN 0 AND 31);

-- One line per benefit, each a { "<locale>": "<text>" } object.
ALTER TABLE tiers ADD COLUMN benefits jsonb NOT NULL DEFAULT '[]'::jsonb;

-- NULL: the program's time zone.
ALTER TABLE customers ADD COLUMN timezone text;

ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_type_check;
ALTER TABLE ledger_entries
  ADD CONSTRAINT ledger_entries_type_check
    CHECK (type IN ('earn', 'redeem', 'adjust', 'expire', 'birthday_bonus')),
  -- Write order, for stable newest-first pages of a customer's history.
  ADD COLUMN seq            bigserial,
  -- Credits: when the points expire (NULL: never). Expire entries: when the points lapsed.
  ADD COLUMN expires_at     timestamptz,
  -- Credits not spendable before this instant.
  ADD COLUMN pending_until  timestamptz,
  -- The purchase behind an earn (signed on an adjustment), in minor units.
  ADD COLUMN spend_amount   bigint,
  ADD COLUMN spend_currency text,
  ADD CONSTRAINT ledger_entries_spend CHECK ((spend_amount IS NULL) = (spend_currency IS NULL));

CREATE INDEX ledger_entries_history ON ledger_entries (program_id, customer_id, seq);

-- What is left of each credit. Redemptions, negative adjustments and expiries consume it (soonest
-- expiring first) under the customer's row lock, in the transaction that writes their entry; the
-- sum of `remaining` always equals the sum of the customer's ledger.
CREATE TABLE point_batches (
  entry_id      uuid PRIMARY KEY REFERENCES ledger_entries (id),
  program_id    text NOT NULL,
  customer_id   text NOT NULL,
  points        bigint NOT NULL CHECK (points > 0),
  remaining     bigint NOT NULL CHECK (remaining >= 0 AND remaining <= points),
  earned_at     timestamptz NOT NULL,
  expires_at    timestamptz,
  pending_until timestamptz,
  FOREIGN KEY (program_id, customer_id) REFERENCES customers (program_id, id)
);

CREATE INDEX point_batches_open
  ON point_batches (program_id, customer_id, expires_at)
  WHERE remaining > 0;

-- Earlier ledgers had earns and redeems only: each earn becomes a batch that never expires, and
-- redemptions are taken from the oldest earns first.
INSERT INTO point_batches (entry_id, program_id, customer_id, points, remaining, earned_at)
SELECT e.id, e.program_id, e.customer_id, e.points,
       LEAST(e.points, GREATEST(0, e.cumulative - COALESCE(r.redeemed, 0))),
       e.created_at
  FROM (SELECT id, program_id, customer_id, points, created_at,
               SUM(points) OVER (PARTITION BY program_id, customer_id ORDER BY created_at, id) AS cumulative
          FROM ledger_entries
         WHERE type = 'earn') e
  LEFT JOIN (SELECT program_id, customer_id, -SUM(points) AS redeemed
               FROM ledger_entries
              WHERE type = 'redeem'
              GROUP BY program_id, customer_id) r
    ON r.program_id = e.program_id AND r.customer_id = e.customer_id;
