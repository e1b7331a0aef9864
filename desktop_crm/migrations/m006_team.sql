-- Schema version 6: the team. A user's PIN is kept only as a salted scrypt hash ('' = no PIN).
ALTER TABLE "user" ADD COLUMN "pin_hash" TEXT NOT NULL DEFAULT '';
