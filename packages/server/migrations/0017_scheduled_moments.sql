-- Reminders the scheduler sends as webhook events: how many days before points expire (`points.expiring`) and
-- before a birthday (`birthday.upcoming`).

ALTER TABLE programs
  ADD COLUMN points_expiring_days   integer[] NOT NULL DEFAULT '{14,3}'
    CHECK (cardinality(points_expiring_days) <= 5 AND 1 <= ALL (points_expiring_days)
           AND 365 >= ALL (points_expiring_days)),
  ADD COLUMN birthday_upcoming_days integer[] NOT NULL DEFAULT '{7}'
    CHECK (cardinality(birthday_upcoming_days) <= 5 AND 0 <= ALL (birthday_upcoming_days)
           AND 60 >= ALL (birthday_upcoming_days));
