-- tests/bench/import-baseline-pg.sql: the baseline bench-team sets a team database's import
-- of participants.csv against (issue: "within 3x psql \copy into an equivalent constrained
-- table"). psql's \copy of the file into a temporary table, then one INSERT ... SELECT into a
-- table that carries the constraints and indexes of the rows the import fills, as
-- import-baseline.sql does for SQLite: a name, a unique e-mail without regard to the case of
-- ASCII letters (as the team database folds it), the name and administration index, and one
-- row per workshop and person. bench-team replaces @CSV@ with the file's path and runs this on
-- a fresh copy of the team database, as it does for the import it measures.
CREATE TABLE imported (
  workshop_code   text NOT NULL CHECK (trim (workshop_code) <> ''),
  name            text NOT NULL CHECK (trim (name) <> ''),
  administration  text NOT NULL CHECK (trim (administration) <> ''),
  email           text CHECK (email <> ''),
  position        text,
  gender          text,
  UNIQUE (workshop_code, name, email)
);
CREATE UNIQUE INDEX imported_email ON imported (lower (email COLLATE "C"))
  WHERE email IS NOT NULL;
CREATE INDEX imported_name ON imported (lower (name COLLATE "C"), administration);
CREATE INDEX imported_workshop ON imported (workshop_code);
BEGIN;
CREATE TEMPORARY TABLE staged (LIKE imported) ON COMMIT DROP;
\copy staged FROM '@CSV@' WITH (FORMAT csv, HEADER true)
INSERT INTO imported SELECT * FROM staged;
COMMIT;
