-- Version counters that let a process serve cached settings and summaries without re-reading them: a cached copy is
-- good while the counter it was built at is still the row's. Triggers bump them in the transaction of every write,
-- so no writer can forget, and several API instances on one database see each other's writes.

-- Bumped by every write that changes what a customer's summary shows.
ALTER TABLE customers ADD COLUMN version bigint NOT NULL DEFAULT 0;
-- Bumped by every write of the program's settings, tiers, keys or surveys.
ALTER TABLE programs ADD COLUMN settings_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION customers_bump_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.version = OLD.version THEN
    NEW.version := OLD.version + 1;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER customers_version BEFORE UPDATE ON customers
  FOR EACH ROW EXECUTE FUNCTION customers_bump_version();

CREATE FUNCTION customer_data_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed record;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  UPDATE customers SET version = version + 1 WHERE program_id = changed.program_id AND id = changed.customer_id;
  RETURN NULL;
END;
$$;

-- Every table whose rows change what a customer's summary shows: `<table>_customer_version` on each.
DO $$
DECLARE
  customer_table text;
BEGIN
  FOREACH customer_table IN ARRAY ARRAY['ledger_entries', 'point_batches', 'orders', 'order_refunds', 'birthday_claims',
                                        'survey_responses', 'survey_dismissals', 'survey_follow_ups',
                                        'membership_endings'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
                      FOR EACH ROW EXECUTE FUNCTION customer_data_changed()',
                   customer_table || '_customer_version', customer_table);
  END LOOP;
END;
$$;

-- Processes that cache settings listen on this channel; the notice is delivered when the write commits.
CREATE FUNCTION programs_bump_settings_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('loyalty_settings', OLD.id);
    RETURN OLD;
  END IF;
  IF NEW.settings_version = OLD.settings_version THEN
    NEW.settings_version := OLD.settings_version + 1;
  END IF;
  PERFORM pg_notify('loyalty_settings', NEW.id);
  RETURN NEW;
END;
$$;

CREATE TRIGGER programs_settings_version BEFORE UPDATE OR DELETE ON programs
  FOR EACH ROW EXECUTE FUNCTION programs_bump_settings_version();

CREATE FUNCTION program_settings_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed record;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  UPDATE programs SET settings_version = settings_version + 1 WHERE id = changed.program_id;
  RETURN NULL;
END;
$$;

-- Every table of a program's settings: `<table>_settings_version` on each.
DO $$
DECLARE
  settings_table text;
BEGIN
  FOREACH settings_table IN ARRAY ARRAY['tiers', 'retired_keys', 'surveys', 'survey_versions', 'survey_settings'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
                      FOR EACH ROW EXECUTE FUNCTION program_settings_changed()',
                   settings_table || '_settings_version', settings_table);
  END LOOP;
END;
$$;
