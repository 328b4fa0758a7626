-- Customers' birthdays (month and day, Gregorian or Chinese lunar) and the birthday rewards claimed.

ALTER TABLE customers
  ADD COLUMN birthday_month    smallint CHECK (birthday_month BETWEEN 1 AND 12),
  ADD COLUMN birthday_day      smallint CHECK (birthday_day BETWEEN 1 AND 31),
  ADD COLUMN birthday_calendar text CHECK (birthday_calendar IN ('gregorian', 'chinese-lunar')),
  -- When the customer last set their birthday themselves: they may change it once per 365 days.
  ADD COLUMN birthday_customer_set_at timestamptz,
  ADD CONSTRAINT customers_birthday_complete CHECK (
    (birthday_month IS NULL) = (birthday_day IS NULL) AND (birthday_month IS NULL) = (birthday_calendar IS NULL));

-- One reward per birthday year (the Gregorian year of a Gregorian birthday, the lunar year of a
-- lunar one); the primary key makes a second claim impossible.
CREATE TABLE birthday_claims (
  program_id    text NOT NULL,
  customer_id   text NOT NULL,
  birthday_year integer NOT NULL,
  entry_id      uuid NOT NULL UNIQUE REFERENCES ledger_entries (id),
  claimed_at    timestamptz NOT NULL,
  PRIMARY KEY (program_id, customer_id, birthday_year),
  FOREIGN KEY (program_id, customer_id) REFERENCES customers (program_id, id)
);
