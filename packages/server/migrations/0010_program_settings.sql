-- Settings a merchant changes over the admin API: the earn rate for orders, the welcome bonus and each
-- tier's earn multiplier. Tier thresholds stay unique per program, checked at commit, so a change that
-- swaps two tiers' thresholds in one transaction is taken.

ALTER TABLE programs
  -- Points per whole unit of the program's currency spent on an order, before the tier's multiplier.
  ADD COLUMN earn_rate     numeric NOT NULL DEFAULT 1 CHECK (earn_rate >= 0 AND earn_rate <= 10000),
  -- Points credited once when a customer joins; 0: none.
  ADD COLUMN welcome_bonus integer NOT NULL DEFAULT 0 CHECK (welcome_bonus >= 0);

ALTER TABLE tiers
  ADD COLUMN earn_multiplier numeric NOT NULL DEFAULT 1 CHECK (earn_multiplier > 0 AND earn_multiplier <= 100);

ALTER TABLE tiers DROP CONSTRAINT tiers_program_id_threshold_key;
ALTER TABLE tiers
  ADD CONSTRAINT tiers_program_id_threshold_key UNIQUE (program_id, threshold) DEFERRABLE INITIALLY DEFERRED;
