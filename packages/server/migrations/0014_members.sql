-- Members' whole life: an e-mail address to find them by, a membership that can end (and start again), and
-- erasure, which removes a person's data while the ledger keeps its rows and points so program totals stay true.

ALTER TABLE customers
  -- Lower-cased when stored, so a search compares like with like.
  ADD COLUMN email     text CHECK (email = lower(email)),
  ADD COLUMN status    text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended', 'erased')),
  ADD COLUMN erased_at timestamptz,
  ADD CONSTRAINT customers_erased CHECK ((status = 'erased') = (erased_at IS NOT NULL));

CREATE INDEX customers_email ON customers (program_id, email);
CREATE INDEX customers_joined ON customers (program_id, created_at);

-- Every time a membership ended, and when (if ever) the member came back: churn is counted from these.
-- A customer has at most one open ending (resumed_at NULL), which is the one their record shows.
CREATE TABLE membership_endings (
  id          uuid PRIMARY KEY,
  program_id  text NOT NULL,
  customer_id text NOT NULL,
  ended_at    timestamptz NOT NULL,
  reason      text NOT NULL
    CHECK (reason IN ('price', 'product', 'service', 'market', 'technology', 'reputation', 'other')),
  -- What the merchant noted; removed when the customer is erased.
  note        text,
  resumed_at  timestamptz CHECK (resumed_at IS NULL OR resumed_at >= ended_at),
  FOREIGN KEY (program_id, customer_id) REFERENCES customers (program_id, id)
);

CREATE UNIQUE INDEX membership_endings_open ON membership_endings (program_id, customer_id) WHERE resumed_at IS NULL;
CREATE INDEX membership_endings_program ON membership_endings (program_id, ended_at);

-- The ledger stays append-only, with one exception erasure needs: an entry's free-text `reason` may be
-- cleared, and nothing else about the entry may change.
DROP TRIGGER ledger_entries_append_only ON ledger_entries;
CREATE TRIGGER ledger_entries_append_only
  BEFORE DELETE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_append_only();

CREATE FUNCTION ledger_entries_reason_erasable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.reason IS NULL AND (to_jsonb(NEW) - 'reason') = (to_jsonb(OLD) - 'reason') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ledger_entries is append-only: post a correcting entry instead';
END
$$;

CREATE TRIGGER ledger_entries_reason_erasable
  BEFORE UPDATE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_reason_erasable();
