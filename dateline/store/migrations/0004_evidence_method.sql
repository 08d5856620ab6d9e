-- 0004: what decided the values a piece of evidence supports where it was not the rules, e.g.
-- 'pack classifier (benin): Attack 0.91, rules: Armed clash' ('': the rules, as all evidence
-- stored before this).
ALTER TABLE evidence ADD COLUMN method TEXT NOT NULL DEFAULT '';
