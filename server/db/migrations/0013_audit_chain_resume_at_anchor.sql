-- A chain that pruning emptied completely must go on from its anchor (the last pruned seq and hash), not start
-- again at seq 1 from the zero hash: the verifier checks that the first kept row follows the anchor.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  NEW.chain := (txid_current() % 16)::smallint;
  PERFORM pg_advisory_xact_lock(727100, NEW.chain);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_log WHERE chain = NEW.chain ORDER BY seq DESC LIMIT 1;
  IF last_seq IS NULL THEN
    SELECT seq, hash INTO last_seq, last_hash FROM audit_anchors WHERE chain = NEW.chain;
  END IF;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_row_digest(NEW.prev_hash, NEW);
  RETURN NEW;
END $$;
