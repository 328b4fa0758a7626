-- A customer notice names its program and customer as a JSON array, `["<program id>","<customer id>"]`: an id may
-- hold a space, which the "<program id> <customer id>" of 0030 could not tell apart.
CREATE OR REPLACE FUNCTION customers_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed record;
BEGIN
  IF current_setting('loyalty.customer_notices', true) IS DISTINCT FROM 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  PERFORM pg_notify('loyalty_customer', json_build_array(changed.program_id, changed.id)::text);
  RETURN NULL;
END;
$$;
