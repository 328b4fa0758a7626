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

CREATE TRIGGER ledger_entries_customer_version AFTER INSERT OR UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION customer_data_changed();
CREATE TRIGGER point_batches_customer_version AFTER INSERT OR UPDATE OR DELETE ON point_batches
  FOR EACH ROW EXECUTE FUNCTION customer_data_changed();
CREATE TRIGGER orders_customer_version AFTER INSERT OR UPDATE OR DELETE ON orders
  FOR EACH ROW EXECUTE FUNCTION customer_data_changed();
CREATE TRIGGER order_refunds_customer_version AFTER INSERT OR UPDATE OR DELETE ON order_refunds
  FOR EACH ROW EXECUTE FUNCTION customer_data_changed();
CREATE TRIGGER birthday_claims_customer_version AFTER INSERT OR UPDATE OR DELETE ON birthday_claims
  FOR EACH ROW EXECUTE FUNCTION customer_data_changed();
CREATE TRIGGER survey_responses_customer_version AFTER INSERT OR UPDATE OR DELETE ON survey_responses
  FOR EACH ROW EXECUTE FUNCTION customer_data_changed();
CREATE TRIGGER survey_dismissals_customer_version AFTER INSERT OR UPDATE OR DELETE ON survey_dismissals
  FOR EACH ROW EXECUTE FUNCTION customer_data_changed();
CREATE TRIGGER survey_follow_ups_customer_version AFTER INSERT OR UPDATE OR DELETE ON survey_follow_ups
  FOR EACH ROW EXECUTE FUNCTION customer_data_changed();
CREATE TRIGGER membership_endings_customer_version AFTER INSERT OR UPDATE OR DELETE ON membership_endings
  FOR EACH ROW EXECUTE FUNCTION customer_data_changed();

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

CREATE TRIGGER tiers_settings_version AFTER INSERT OR UPDATE OR DELETE ON tiers
  FOR EACH ROW EXECUTE FUNCTION program_settings_changed();
CREATE TRIGGER retired_keys_settings_version AFTER INSERT OR UPDATE OR DELETE ON retired_keys
  FOR EACH ROW EXECUTE FUNCTION program_settings_changed();
CREATE TRIGGER surveys_settings_version AFTER INSERT OR UPDATE OR DELETE ON surveys
  FOR EACH ROW EXECUTE FUNCTION program_settings_changed();
CREATE TRIGGER survey_versions_settings_version AFTER INSERT OR UPDATE OR DELETE ON survey_versions
  FOR EACH ROW EXECUTE FUNCTION program_settings_changed();
CREATE TRIGGER survey_settings_settings_version AFTER INSERT OR UPDATE OR DELETE ON survey_settings
  FOR EACH ROW EXECUTE FUNCTION program_settings_changed();
