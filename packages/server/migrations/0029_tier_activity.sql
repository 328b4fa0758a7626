-- Tier-qualifying activity kept as it is written, so a tier costs the same however long a customer's history.
--
-- `tier_activity` holds one row per ledger entry that counts towards a tier, with the moment it counts from and
-- its amount on each metric (tier_activity_of below). `tier_activity_days` adds them up per customer, UTC day
-- and spend currency. A tier's window is then read as whole days from the second table and the few rows at its
-- edges from the first (src/domain/tier-activity.ts). Ledger entries are append-only, so an insert is the only change.

CREATE TABLE tier_activity (
  entry_id     uuid PRIMARY KEY REFERENCES ledger_entries (id),
  program_id   text NOT NULL,
  customer_id  text NOT NULL,
  created_at   timestamptz NOT NULL,
  available_at timestamptz NOT NULL,
  points       bigint NOT NULL,
  spend        bigint,
  currency     text
);
CREATE INDEX tier_activity_moments ON tier_activity (program_id, customer_id, available_at);
CREATE INDEX tier_activity_written ON tier_activity (program_id, customer_id, created_at);
-- The whole program's window at once (members by tier, tier moments).
CREATE INDEX tier_activity_program ON tier_activity (program_id, available_at);

CREATE TABLE tier_activity_days (
  program_id       text NOT NULL,
  customer_id      text NOT NULL,
  day              date NOT NULL,
  -- The spend's currency; '' for entries without spend.
  currency         text NOT NULL,
  points           bigint NOT NULL,
  spend            bigint NOT NULL,
  -- The day's latest moment.
  last_at          timestamptz NOT NULL,
  -- What the day's credits alone add up to: as the day leaves the window, what is left never falls by more.
  points_credited  bigint NOT NULL,
  spend_credited   bigint NOT NULL,
  PRIMARY KEY (program_id, customer_id, day, currency)
);

CREATE FUNCTION tier_activity_counted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tier_activity_days AS d (program_id, customer_id, day, currency, points, spend, last_at,
                                       points_credited, spend_credited)
  VALUES (NEW.program_id, NEW.customer_id, (NEW.available_at AT TIME ZONE 'UTC')::date, COALESCE(NEW.currency, ''),
          NEW.points, COALESCE(NEW.spend, 0), NEW.available_at, GREATEST(NEW.points, 0),
          GREATEST(COALESCE(NEW.spend, 0), 0))
  ON CONFLICT (program_id, customer_id, day, currency) DO UPDATE
    SET points = d.points + EXCLUDED.points,
        spend = d.spend + EXCLUDED.spend,
        last_at = GREATEST(d.last_at, EXCLUDED.last_at),
        points_credited = d.points_credited + EXCLUDED.points_credited,
        spend_credited = d.spend_credited + EXCLUDED.spend_credited;
  RETURN NULL;
END;
$$;

CREATE TRIGGER tier_activity_days_kept AFTER INSERT ON tier_activity
  FOR EACH ROW EXECUTE FUNCTION tier_activity_counted();

-- The activity one ledger entry adds, if it counts: a refund counts against its order and a reversal against the
-- entry it reverses, at that entry's moment (a pending credit counts from the moment it becomes available), with
-- everything it owed (shortfall included), so they leave the window together.
CREATE FUNCTION tier_activity_of(e ledger_entries) RETURNS SETOF tier_activity
LANGUAGE sql STABLE AS $$
  SELECT e.id, e.program_id, e.customer_id, e.created_at,
         GREATEST(COALESCE(origin.created_at, e.created_at),
                  COALESCE(origin.pending_until, origin.created_at, e.pending_until, e.created_at)),
         CASE WHEN e.kind = 'reversal' THEN -origin.points ELSE e.points - COALESCE(e.shortfall, 0) END,
         e.spend_amount, e.spend_currency
    FROM (SELECT 1) AS one
    LEFT JOIN orders o ON e.kind = 'refund' AND o.program_id = e.program_id AND o.order_id = e.order_id
    LEFT JOIN ledger_entries origin ON origin.id = COALESCE(e.reverses_entry_id, o.entry_id)
   WHERE e.kind IN ('order', 'adjustment', 'survey', 'referral')
      OR (e.kind IN ('refund', 'reversal') AND origin.kind IN ('order', 'adjustment', 'survey', 'referral'))
$$;

CREATE FUNCTION ledger_entry_tier_activity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tier_activity SELECT * FROM tier_activity_of(NEW);
  RETURN NULL;
END;
$$;

CREATE TRIGGER ledger_entries_tier_activity AFTER INSERT ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_tier_activity();

-- What is already in the ledger, added up once.
INSERT INTO tier_activity SELECT a.* FROM ledger_entries e, LATERAL tier_activity_of(e) AS a;
