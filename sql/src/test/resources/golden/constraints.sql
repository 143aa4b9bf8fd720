-- Constraint violations: each answers with its SQLSTATE and leaves the table as it was.
CREATE TABLE accounts(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, balance INTEGER DEFAULT 0);
INSERT INTO accounts(id, email) VALUES (1, 'a@x'), (2, 'b@x');
-- count: 2
INSERT INTO accounts VALUES (1, 'c@x', 5);
-- error: 23505 UNIQUE constraint failed: accounts.id
INSERT INTO accounts VALUES (3, 'a@x', 5);
-- error: 23505 UNIQUE constraint failed: accounts.email
INSERT INTO accounts(id) VALUES (4);
-- error: 23502 NOT NULL constraint failed: accounts.email
INSERT INTO accounts VALUES (5, 'e@x', 1), (6, 'b@x', 1);
-- error: 23505 accounts.email
INSERT INTO accounts VALUES ('six', 'f@x', 1);
-- error: 22000 datatype mismatch
UPDATE accounts SET email = 'a@x' WHERE id = 2;
-- error: 23505 accounts.email
SELECT id, email, balance FROM accounts ORDER BY id;
-- expect:
-- 1|a@x|0
-- 2|b@x|0
INSERT OR REPLACE INTO accounts VALUES (2, 'a@x', 9);
-- count: 1
SELECT id, email, balance FROM accounts ORDER BY id;
-- expect:
-- 2|a@x|9
