-- A redemption whose debit the merchant reversed: its code no longer holds, is not listed to the shopper, and no
-- longer counts against the reward's stock.
ALTER TABLE reward_redemptions ADD COLUMN voided_at timestamptz;
