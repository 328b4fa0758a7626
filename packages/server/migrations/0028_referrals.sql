-- Referrals: each shopper's code, each referred friend's referral, and the program's rules for rewarding them.

ALTER TABLE programs
  -- { referrerPoints, friendPoints, monthlyCap, landingUrl }; NULL: the program has no referral program.
  ADD COLUMN referral_settings jsonb;

ALTER TABLE ledger_entries
  -- The referral a `referral` credit, or the reversal of one, belongs to.
  ADD COLUMN referral_id uuid;

-- A shopper's code, made on their first read of it and kept for good (an erased or ended referrer's code is
-- still recognised, to refuse it with a reason).
CREATE TABLE referral_codes (
  program_id  text NOT NULL,
  customer_id text NOT NULL,
  -- 8 characters of Crockford base32.
  code        text NOT NULL CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (program_id, customer_id),
  UNIQUE (program_id, code),
  FOREIGN KEY (program_id, customer_id) REFERENCES customers (program_id, id)
);

CREATE TABLE referrals (
  id                uuid PRIMARY KEY,
  program_id        text NOT NULL,
  referrer_id       text NOT NULL,
  friend_id         text NOT NULL,
  code              text NOT NULL,
  status            text NOT NULL CHECK (status IN ('pending', 'rewarded', 'refused', 'reversed')),
  refused_reason    text CHECK (refused_reason IN ('self_referral', 'same_email', 'referrer_inactive', 'monthly_cap')),
  -- The friend's first order, which rewarded the referral.
  order_id          text,
  referrer_entry_id uuid REFERENCES ledger_entries (id),
  friend_entry_id   uuid REFERENCES ledger_entries (id),
  created_at        timestamptz NOT NULL,
  rewarded_at       timestamptz,
  reversed_at       timestamptz,
  -- One referral per referred customer: the first code stands.
  UNIQUE (program_id, friend_id),
  FOREIGN KEY (program_id, referrer_id) REFERENCES customers (program_id, id),
  FOREIGN KEY (program_id, friend_id) REFERENCES customers (program_id, id),
  -- A refused referral says why; one refused for the cap keeps its reason when its friend's credit is taken back.
  CHECK (status <> 'refused' OR refused_reason IS NOT NULL),
  CHECK (status IN ('refused', 'reversed') OR refused_reason IS NULL)
);

-- A referrer's referrals: the shopper's counts, and the rewards of a month against the cap.
CREATE INDEX referrals_referrer ON referrals (program_id, referrer_id, rewarded_at);
-- The referral a refund of its order takes back.
CREATE INDEX referrals_order ON referrals (program_id, order_id) WHERE order_id IS NOT NULL;
