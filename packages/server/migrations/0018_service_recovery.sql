-- Service recovery: a response target per program, follow-ups a merchant can assign, annotate and resolve with
-- goodwill points, and the shopper's answer to "was this resolved?".

ALTER TABLE programs
  -- Hours within which a follow-up should be resolved; an open one older than this is overdue.
  ADD COLUMN follow_up_target_hours integer NOT NULL DEFAULT 24 CHECK (follow_up_target_hours BETWEEN 1 AND 720);

-- Goodwill: points given to a shopper when their complaint is resolved, referring to the follow-up.
ALTER TABLE ledger_entries
  ADD COLUMN follow_up_id uuid,
  DROP CONSTRAINT ledger_entries_kind_check,
  ADD CONSTRAINT ledger_entries_kind_check CHECK (kind IN ('order', 'refund', 'reversal', 'birthday', 'survey',
                                                           'referral', 'welcome', 'redemption', 'expiry',
                                                           'adjustment', 'goodwill'));

ALTER TABLE survey_follow_ups
  ADD COLUMN assignee                   text,
  -- The resolution, written once when the follow-up closes.
  ADD COLUMN outcome                    text,
  ADD COLUMN resolved_at                timestamptz,
  ADD COLUMN resolved_by                text,
  ADD COLUMN goodwill_points            integer CHECK (goodwill_points >= 0),
  ADD COLUMN goodwill_entry_id          uuid UNIQUE REFERENCES ledger_entries (id),
  -- The resolving request's Idempotency-Key and fingerprint, to replay it or refuse the key for another body.
  ADD COLUMN resolution_key             text,
  ADD COLUMN resolution_hash            text,
  -- The shopper's answer to "was this resolved?", and the response that gave it.
  ADD COLUMN check_resolved             boolean,
  ADD COLUMN check_answered_at          timestamptz,
  ADD COLUMN check_response_id          uuid REFERENCES survey_responses (id) ON DELETE SET NULL,
  ADD CONSTRAINT survey_follow_ups_resolution_check
    CHECK ((status = 'closed') = (resolved_at IS NOT NULL AND outcome IS NOT NULL));

CREATE UNIQUE INDEX survey_follow_ups_resolution_key ON survey_follow_ups (program_id, resolution_key)
  WHERE resolution_key IS NOT NULL;
-- The queue: open ones oldest first, then closed ones.
CREATE INDEX survey_follow_ups_queue ON survey_follow_ups (program_id, status, created_at, id);

-- Internal notes of the merchant's staff on a follow-up; never shown to the shopper.
CREATE TABLE survey_follow_up_notes (
  id           uuid PRIMARY KEY,
  follow_up_id uuid NOT NULL REFERENCES survey_follow_ups (id) ON DELETE CASCADE,
  text         text NOT NULL,
  author       text,
  created_at   timestamptz NOT NULL,
  -- Write order, for notes written in the same instant.
  seq          bigserial
);

CREATE INDEX survey_follow_up_notes_follow_up ON survey_follow_up_notes (follow_up_id, created_at, seq);
