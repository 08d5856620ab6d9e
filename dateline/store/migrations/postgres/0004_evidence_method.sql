-- 0004: what decided the values a piece of evidence supports, for PostgreSQL (as
-- ../0004_evidence_method.sql; '': the rules, as all evidence stored before this).
ALTER TABLE evidence ADD COLUMN method TEXT COLLATE "C" NOT NULL DEFAULT '';
