-- Audit retention: rows older than the retention period may be pruned, and only through audit_prune(),
-- which keeps each chain verifiable by recording where it was cut (an anchor: last pruned seq and hash).
CREATE TABLE audit_anchors (
  chain       smallint PRIMARY KEY,
  seq         bigint NOT NULL,
  hash        text NOT NULL,
  pruned_at   timestamptz NOT NULL DEFAULT now()
);

CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The one permitted deletion: inside audit_prune(), which sets this transaction-local flag.
  IF TG_OP = 'DELETE' AND current_setting('envgrid.audit_prune', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501';
END $$;

-- Deletes rows older than `keep` (never less than 180 days: 等保三级 asks for ≥ 6 months) and moves each
-- chain's anchor to its last deleted row. Returns the number of rows deleted.
CREATE FUNCTION audit_prune(keep interval) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  deleted bigint := 0;
  cut record;
BEGIN
  IF keep < interval '180 days' THEN
    RAISE EXCEPTION 'audit retention must be at least 180 days' USING ERRCODE = '22023';
  END IF;
  PERFORM set_config('envgrid.audit_prune', 'on', true);
  FOR cut IN
    SELECT DISTINCT ON (chain) chain, seq, hash FROM audit_log
     WHERE at < now() - keep ORDER BY chain, seq DESC
  LOOP
    PERFORM pg_advisory_xact_lock(727100, cut.chain);
    INSERT INTO audit_anchors (chain, seq, hash) VALUES (cut.chain, cut.seq, cut.hash)
      ON CONFLICT (chain) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, pruned_at = now();
    WITH gone AS (DELETE FROM audit_log WHERE chain = cut.chain AND seq <= cut.seq RETURNING 1)
      SELECT deleted + count(*) INTO deleted FROM gone;
  END LOOP;
  PERFORM set_config('envgrid.audit_prune', 'off', true);
  RETURN deleted;
END $$;
