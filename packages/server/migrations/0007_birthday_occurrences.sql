-- The birthday gift guard: a notice period for birthdays the customer sets, and claims keyed by the
-- occurrence they celebrate (its Gregorian celebration date) instead of a year number.

-- A birthday the customer sets or changes fewer than this many days before a reward window opens is
-- saved, but that occurrence pays nothing; 0 turns the notice off.
ALTER TABLE programs
  ADD COLUMN birthday_notice_days integer NOT NULL DEFAULT 30 CHECK (birthday_notice_days BETWEEN 0 AND 365);

-- When the customer set the birthday now on file (the notice counts from it); NULL when the merchant
-- set it: the merchant's record is not held back.
ALTER TABLE customers ADD COLUMN birthday_notice_from timestamptz;
UPDATE customers SET birthday_notice_from = birthday_customer_set_at WHERE birthday_month IS NOT NULL;

-- Each claim records the occurrence it celebrated and the birthday it was claimed for, so a change of
-- date or calendar can be told apart from the same birthday coming round again.
ALTER TABLE birthday_claims
  ADD COLUMN celebration_date  date,
  ADD COLUMN birthday_month    smallint CHECK (birthday_month BETWEEN 1 AND 12),
  ADD COLUMN birthday_day      smallint CHECK (birthday_day BETWEEN 1 AND 31),
  ADD COLUMN birthday_calendar text CHECK (birthday_calendar IN ('gregorian', 'chinese-lunar'));

-- Claims made before this migration celebrated `birthday_year` of the birthday then on file: the
-- customer's birthday is the best record of it, and the server derives their celebration date from the
-- two (a lunar date needs the official tables). A claim whose customer has no birthday any more keeps
-- the day it was claimed as its celebration date.
UPDATE birthday_claims c
   SET birthday_month = cu.birthday_month, birthday_day = cu.birthday_day, birthday_calendar = cu.birthday_calendar
  FROM customers cu
 WHERE cu.program_id = c.program_id AND cu.id = c.customer_id AND cu.birthday_month IS NOT NULL;
UPDATE birthday_claims SET celebration_date = (claimed_at AT TIME ZONE 'UTC')::date WHERE birthday_month IS NULL;

-- One claim per occurrence, whatever the calendar or the year number; the ledger entry names a claim.
ALTER TABLE birthday_claims
  DROP CONSTRAINT birthday_claims_pkey,
  ADD PRIMARY KEY (entry_id),
  ADD CONSTRAINT birthday_claims_occurrence UNIQUE (program_id, customer_id, celebration_date),
  ADD CONSTRAINT birthday_claims_birthday_complete CHECK (
    (birthday_month IS NULL) = (birthday_day IS NULL) AND (birthday_month IS NULL) = (birthday_calendar IS NULL)),
  ADD CONSTRAINT birthday_claims_occurrence_known CHECK (celebration_date IS NOT NULL OR birthday_month IS NOT NULL);

CREATE INDEX birthday_claims_latest ON birthday_claims (program_id, customer_id, claimed_at DESC);
