-- Reminders the scheduler sends as webhook events: how many days before points expire (`points.expiring`) and
-- before a birthday (`birthday.upcoming`).

ALTER TABLE programs
  ADD COLUMN points_expiring_days   integer[] NOT NULL DEFAULT '{14,3}'
    CHECK (cardinality(points_expiring_days) <= 5 AND 1 <= ALL (points_expiring_days)
           AND 365 >= ALL (points_expiring_days)),
  ADD COLUMN birthday_upcoming_days integer[] NOT NULL DEFAULT '{7}'
    CHECK (cardinality(birthday_upcoming_days) <= 5 AND 0 <= ALL (birthday_upcoming_days)
           AND 60 >= ALL (birthday_upcoming_days));

-- Each scheduled moment the scheduler emitted an event for, once: an instance claims a moment with an insert that
-- does nothing when the key is there, in the transaction that writes the event, so several instances and restarts
-- emit it once. `moment_key` names the occurrence (an expiry date and the days before it, a birthday's date and the
-- days before it, a tier and the date it would drop, …).
CREATE TABLE scheduled_moments (
  program_id  text NOT NULL,
  customer_id text NOT NULL,
  kind        text NOT NULL,
  moment_key  text NOT NULL,
  emitted_at  timestamptz NOT NULL,
  PRIMARY KEY (program_id, customer_id, kind, moment_key)
);

-- The tier the program last told the customer's `tier.changed` subscribers about (after a write, or a run of the
-- scheduler that found time alone had moved it); NULL: none yet.
ALTER TABLE customers ADD COLUMN notified_tier_id text;

-- The scheduler's candidates, each found by one indexed read per program: batches expiring soon, birthdays soon,
-- members last told of a tier above the lowest.
CREATE INDEX point_batches_expiring ON point_batches (program_id, expires_at) WHERE remaining > 0;
CREATE INDEX customers_birthday_day
  ON customers (program_id, birthday_calendar, (birthday_month * 100 + birthday_day))
  WHERE status = 'active' AND birthday_month IS NOT NULL;
CREATE INDEX customers_notified_tier ON customers (program_id, notified_tier_id) WHERE notified_tier_id IS NOT NULL;
