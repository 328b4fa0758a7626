-- Orders and their refunds, the return window, and a ledger that says what each entry is: its kind
-- (order, refund, reversal, …) and what it refers to (the order, the refund, the entry it reverses, the
-- survey, the reward and its name at the time), so a history can be told in the shopper's language.

ALTER TABLE programs
  -- Points from an order stay pending this many days after the order was placed.
  ADD COLUMN return_window_days integer NOT NULL DEFAULT 30 CHECK (return_window_days BETWEEN 0 AND 365);

ALTER TABLE ledger_entries
  ADD COLUMN kind              text,
  ADD COLUMN order_id          text,
  ADD COLUMN refund_id         text,
  ADD COLUMN reverses_entry_id uuid REFERENCES ledger_entries (id),
  ADD COLUMN survey_id         text,
  ADD COLUMN reward_id         text,
  -- The reward's { "<locale>": "<text>" } name when it was redeemed.
  ADD COLUMN reward_name       jsonb,
  -- Points a take-back (refund, reversal) owed but could not take: the shopper had spent them.
  ADD COLUMN shortfall         bigint CHECK (shortfall > 0);

-- Existing entries get their kind from their type, and from the records that name them.
ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only;
UPDATE ledger_entries
   SET kind = CASE type
                WHEN 'earn' THEN 'order'
                WHEN 'redeem' THEN 'redemption'
                WHEN 'adjust' THEN 'adjustment'
                WHEN 'expire' THEN 'expiry'
                WHEN 'birthday_bonus' THEN 'birthday'
              END;
UPDATE ledger_entries e
   SET kind = 'survey', survey_id = r.survey_id
  FROM survey_responses r
 WHERE r.reward_entry_id = e.id;
UPDATE ledger_entries
   SET kind = 'survey', survey_id = substring(reason FROM length('Survey reward: ') + 1)
 WHERE type = 'earn' AND kind = 'order' AND reason LIKE 'Survey reward: %';
UPDATE ledger_entries e
   SET reward_id = r.reward_id, reward_name = r.reward_name
  FROM reward_redemptions r
 WHERE r.entry_id = e.id;
ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only;

ALTER TABLE ledger_entries
  ALTER COLUMN kind SET NOT NULL,
  ADD CONSTRAINT ledger_entries_kind_check CHECK (kind IN ('order', 'refund', 'reversal', 'birthday', 'survey',
                                                           'referral', 'welcome', 'redemption', 'expiry',
                                                           'adjustment')),
  -- A take-back that found nothing left to take is written with 0 points, to show what it owed.
  DROP CONSTRAINT ledger_entries_points_check,
  ADD CONSTRAINT ledger_entries_points_check CHECK (points <> 0 OR kind IN ('refund', 'reversal'));

-- An entry is reversed at most once.
CREATE UNIQUE INDEX ledger_entries_reverses ON ledger_entries (reverses_entry_id) WHERE reverses_entry_id IS NOT NULL;

CREATE TABLE orders (
  program_id      text NOT NULL,
  order_id        text NOT NULL,
  customer_id     text NOT NULL,
  -- In minor units of `currency`.
  amount          bigint NOT NULL CHECK (amount >= 0),
  currency        text NOT NULL,
  placed_at       timestamptz NOT NULL,
  referral_code   text,
  points          bigint NOT NULL CHECK (points >= 0),
  pending_until   timestamptz,
  -- The `order` entry that credited the points; NULL when the order earned none.
  entry_id        uuid UNIQUE REFERENCES ledger_entries (id),
  -- Fingerprint of the request, to tell a replay from a different order under the same id.
  request_hash    text NOT NULL,
  -- The customer's spendable balance right after the order was recorded, for replays.
  balance_after   bigint NOT NULL,
  -- Running totals of the order's refunds, raised under the customer's row lock.
  refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
  points_taken_back bigint NOT NULL DEFAULT 0 CHECK (points_taken_back >= 0),
  points_short    bigint NOT NULL DEFAULT 0 CHECK (points_short >= 0),
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (program_id, order_id),
  FOREIGN KEY (program_id, customer_id) REFERENCES customers (program_id, id),
  CHECK (points_taken_back + points_short <= points)
);

CREATE TABLE order_refunds (
  program_id    text NOT NULL,
  order_id      text NOT NULL,
  -- The order's customer, so the customer's export and erasure find their refunds.
  customer_id   text NOT NULL,
  refund_id     text NOT NULL,
  amount        bigint NOT NULL CHECK (amount > 0),
  -- Points taken back, and points owed that could not be.
  points        bigint NOT NULL CHECK (points >= 0),
  shortfall     bigint NOT NULL CHECK (shortfall >= 0),
  -- The `refund` entry; NULL when the order earned no points.
  entry_id      uuid UNIQUE REFERENCES ledger_entries (id),
  request_hash  text NOT NULL,
  balance_after bigint NOT NULL,
  created_at    timestamptz NOT NULL,
  -- Write order, so an order lists its refunds as they came.
  seq           bigserial,
  PRIMARY KEY (program_id, order_id, refund_id),
  FOREIGN KEY (program_id, order_id) REFERENCES orders (program_id, order_id),
  FOREIGN KEY (program_id, customer_id) REFERENCES customers (program_id, id)
);
