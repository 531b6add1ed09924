-- A pollution dispute's first party is its complainant, the resident who reported it: kept only encrypted,
-- like a reporter's name (docs/decisions/0007-dispute-parties-encrypted.md). dispute_complainant_enc holds the
-- party (name and role) as an AES-256-GCM ciphertext under the row's reporter_key_id; dispute_parties keeps
-- the other parties in clear. Encrypting needs the key, which the database never sees: rows filed before this
-- migration are converted by the Node step that runs after every migrate (sealDisputeComplainants).
ALTER TABLE cases ADD COLUMN dispute_complainant_enc text;
-- What is still to encrypt, so the check at every start reads an empty index instead of the whole table.
CREATE INDEX cases_dispute_complainant_clear ON cases (id)
  WHERE dispute_complainant_enc IS NULL AND dispute_parties IS NOT NULL;
