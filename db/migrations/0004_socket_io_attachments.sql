-- Used by @socket.io/postgres-adapter (several instances on one PostgreSQL) for event payloads
-- over NOTIFY's 8000-byte limit. Not part of the Drizzle schema: the adapter owns it.
CREATE TABLE IF NOT EXISTS "socket_io_attachments" (
  "id" bigserial UNIQUE,
  "created_at" timestamptz DEFAULT now(),
  "payload" bytea
);
