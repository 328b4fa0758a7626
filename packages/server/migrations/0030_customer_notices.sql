-- Where one process makes every write (PGlite), that process keeps customers' rows in memory and forgets one when
-- told it changed: a `loyalty_customer` notice, "<program id> <customer id>", sent by the writing transaction when it
-- commits. A session turns the notices on with `SET loyalty.customer_notices = 'on'`; on a shared PostgreSQL no
-- session does, so commits there never queue notices nobody reads.
CREATE FUNCTION customers_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed record;
BEGIN
  IF current_setting('loyalty.customer_notices', true) IS DISTINCT FROM 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  PERFORM pg_notify('loyalty_customer', changed.program_id || ' ' || changed.id);
  RETURN NULL;
END;
$$;

CREATE TRIGGER customers_notice AFTER INSERT OR UPDATE OR DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION customers_notify_change();
