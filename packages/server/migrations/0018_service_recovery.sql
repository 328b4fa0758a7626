-- Service recovery: a response target per program, follow-ups a merchant can assign, annotate and resolve with
-- goodwill points, and the shopper's answer to "was this resolved?".

ALTER TABLE programs
  -- Hours within which a follow-up should be resolved; an open one older than this is overdue.
  ADD COLUMN follow_up_target_hours integer NOT NULL DEFAULT 24 CHECK (follow_up_target_hours BETWEEN 1 AND 720);
