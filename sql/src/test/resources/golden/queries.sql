-- Query shapes with their exact rows.
CREATE TABLE emp(id INTEGER PRIMARY KEY, name VARCHAR(10), dept INTEGER, salary REAL);
CREATE TABLE dept(id INTEGER PRIMARY KEY, title TEXT);
CREATE INDEX emp_dept ON emp(dept);
INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'sales');
INSERT INTO emp VALUES (1, 'ann', 1, 100), (2, 'bob', 1, 80.5), (3, 'cid', 2, 90), (4, 'dee', NULL, 70);
SELECT d.title, count(e.id), sum(e.salary) FROM dept d LEFT JOIN emp e ON e.dept = d.id GROUP BY d.title ORDER BY 1;
-- expect:
-- eng|2|180.5
-- ops|1|90.0
-- sales|0|NULL
SELECT name FROM emp WHERE dept IN (SELECT id FROM dept WHERE title LIKE 'E%') ORDER BY name DESC;
-- expect:
-- bob
-- ann
SELECT name, CASE WHEN salary >= 90 THEN 'high' ELSE 'low' END FROM emp WHERE dept IS NOT NULL ORDER BY salary LIMIT 2;
-- expect:
-- bob|low
-- cid|high
SELECT 7 / 2, 7.0 / 2, 7 % 3, 1 / 0, -(-3), 'a' || 1, NULL = NULL, NULL IS NULL;
-- expect:
-- 3|3.5|1|NULL|3|a1|NULL|1
SELECT dept, max(salary) FROM emp GROUP BY dept HAVING count(*) > 1;
-- expect:
-- 1|100.0
SELECT title FROM dept EXCEPT SELECT d.title FROM dept d JOIN emp e ON e.dept = d.id;
-- expect:
-- sales
SELECT nope FROM emp;
-- error: 42S22 no such column: nope
SELECT * FROM employees;
-- error: 42S02 no such table: employees
SELECT name FROM emp WHERE;
-- error: 42000 syntax error at line 1, column 27: expected an expression, found ';'
