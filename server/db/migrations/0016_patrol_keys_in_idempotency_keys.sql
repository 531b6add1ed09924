-- One idempotency mechanism: a patrol's start, check-in and finish claim their Idempotency-Key in
-- idempotency_keys, as every other write does (server/routes/answer-once.ts), and are kept as long as the
-- other field scopes by the deadline sweep. patrol_idempotency was pruned by nothing.
-- Keys already stored move across, so a phone resending after the upgrade still gets its first answer. They
-- were stored without their body: request_hash 'body-not-recorded' matches any body (idempotency.ts).
INSERT INTO idempotency_keys (user_id, scope, key, request_hash, status_code, response, created_at)
SELECT user_id,
       CASE operation
         WHEN 'patrol.start' THEN 'POST /api/patrols'
         WHEN 'patrol.finish' THEN 'POST /api/patrols/' || (response->>'id') || '/finish'
         ELSE 'POST /api/patrols/' || (response->>'patrolId') || '/checkins'
       END,
       key, 'body-not-recorded', 200, response, created_at
  FROM patrol_idempotency
 WHERE operation IN ('patrol.start', 'patrol.finish', 'patrol.checkin')
   AND response <> '{}'::jsonb
ON CONFLICT DO NOTHING;

DROP TABLE patrol_idempotency;
