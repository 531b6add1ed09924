-- A notification names its message by code with parameters (server/domain/notification-messages.ts), so the
-- web can word it in the reader's language. Title and body stay the stored Chinese text: the record, and what
-- rows from before this migration (message NULL) still show.
ALTER TABLE notifications
  ADD COLUMN message text,
  ADD COLUMN params jsonb NOT NULL DEFAULT '{}'::jsonb;
