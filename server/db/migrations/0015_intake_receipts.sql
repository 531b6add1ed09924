-- Intake answers a receipt since decision 0005 (docs/decisions/0005-intake-one-statement-receipt.md), and a
-- replayed Idempotency-Key answers what was stored. Staff intakes stored before it hold the full case detail,
-- which the receipt's response schema refuses (no `message`): turn them into receipts, so a phone resending
-- within the keys' retention gets the same case back. Residents' answers were receipts already.
UPDATE idempotency_keys
   SET response = jsonb_strip_nulls(jsonb_build_object(
         'id', response->'id',
         'trackingNo', response->'trackingNo',
         'stage', response->'stage',
         'stageName', response->'stageName',
         'sourceName', response->'sourceName',
         'categoryName', response->'categoryName',
         'gridName', response->'gridName',
         'reportedAt', response->'reportedAt',
         'message', '已上报，案件编号 ' || (response->>'trackingNo') || '。',
         'source', response->'source',
         'priority', response->'priority',
         'departments', response->'routing'->'departments',
         'possibleDuplicates', response->'possibleDuplicates'))
       || jsonb_build_object('deadlineDueAt', response->'deadline'->'dueAt')
 WHERE scope = 'POST /api/cases'
   AND status_code = 201
   AND jsonb_typeof(response) = 'object'
   AND NOT response ? 'message';
