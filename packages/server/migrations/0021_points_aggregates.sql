-- Points kept per customer in the transaction of every write, so that a balance costs the same however long the
-- customer's history: what is left of all their batches, and every point they ever earned. The spendable balance
-- is `points_remaining` less the batches still pending or lapsed, which indexes below find without reading the rest.

ALTER TABLE customers
  ADD COLUMN points_remaining bigint NOT NULL DEFAULT 0,
  ADD COLUMN lifetime_earned bigint NOT NULL DEFAULT 0;

UPDATE customers c
   SET points_remaining = COALESCE((SELECT sum(b.remaining) FROM point_batches b
                                     WHERE b.program_id = c.program_id AND b.customer_id = c.id), 0),
       lifetime_earned = COALESCE((SELECT sum(e.points) FROM ledger_entries e
                                    WHERE e.program_id = c.program_id AND e.customer_id = c.id AND e.points > 0
                                      AND e.kind IN ('order', 'birthday', 'survey', 'referral', 'welcome',
                                                     'adjustment', 'goodwill')), 0);

-- Each replaces the version-only trigger of 0019 on its table: one update of the customer's row per write.
CREATE FUNCTION point_batches_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed record;
  delta bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    changed := OLD;
    delta := -OLD.remaining;
  ELSIF TG_OP = 'INSERT' THEN
    changed := NEW;
    delta := NEW.remaining;
  ELSE
    changed := NEW;
    delta := NEW.remaining - OLD.remaining;
  END IF;
  UPDATE customers SET version = version + 1, points_remaining = points_remaining + delta
   WHERE program_id = changed.program_id AND id = changed.customer_id;
  RETURN NULL;
END;
$$;

DROP TRIGGER point_batches_customer_version ON point_batches;
CREATE TRIGGER point_batches_customer_points AFTER INSERT OR UPDATE OR DELETE ON point_batches
  FOR EACH ROW EXECUTE FUNCTION point_batches_changed();

-- Ledger entries are append-only: the one update allowed (an erasure clearing reasons) changes no summary, and
-- erasure bumps the customer's version itself; so only an insert counts, and erasing a long ledger stays cheap.
CREATE FUNCTION ledger_entry_added() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customers
     SET version = version + 1,
         lifetime_earned = lifetime_earned + CASE
           WHEN NEW.points > 0
            AND NEW.kind IN ('order', 'birthday', 'survey', 'referral', 'welcome', 'adjustment', 'goodwill')
           THEN NEW.points ELSE 0 END
   WHERE program_id = NEW.program_id AND id = NEW.customer_id;
  RETURN NULL;
END;
$$;

DROP TRIGGER ledger_entries_customer_version ON ledger_entries;
CREATE TRIGGER ledger_entries_customer_points AFTER INSERT ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_added();

-- Batches not spendable now: still pending (point_batches_open finds the lapsed ones by expires_at).
CREATE INDEX point_batches_pending ON point_batches (program_id, customer_id, pending_until)
  WHERE remaining > 0 AND pending_until IS NOT NULL;
-- Debits walk the live batches in the order they consume them and stop when they have enough.
CREATE INDEX point_batches_spend_order ON point_batches (program_id, customer_id, expires_at, earned_at, entry_id)
  WHERE remaining > 0;
