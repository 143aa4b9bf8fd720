-- Transactions: ROLLBACK undoes rows and schema, a failed statement inside one undoes only itself.
CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT UNIQUE);
INSERT INTO t VALUES (1, 'a');
BEGIN;
INSERT INTO t VALUES (2, 'b');
CREATE TABLE u(x INTEGER);
INSERT INTO t VALUES (3, 'c'), (4, 'a');
-- error: 23505 t.v
SELECT id FROM t ORDER BY id;
-- expect:
-- 1
-- 2
ROLLBACK;
SELECT id, v FROM t;
-- expect:
-- 1|a
SELECT * FROM u;
-- error: 42S02 no such table: u
COMMIT;
-- error: 25000 no transaction is active
BEGIN;
DELETE FROM t;
-- count: 1
COMMIT;
SELECT count(*) FROM t;
-- expect:
-- 0
