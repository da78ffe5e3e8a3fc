-- tests/bench/import-baseline.sql: the baseline bench-store sets an import of
-- participants.csv against (issue: "import at the database's own pace"). sqlite3's own
-- .import of the same file into one table that carries the constraints and indexes of the
-- rows the import fills: a participant (a name, a unique e-mail without regard to case, the
-- name and administration index) and an attendance (one per workshop and person).
-- bench-store replaces @CSV@ with the file's path and runs this on a fresh copy of the
-- database, as it does for the import it measures.
CREATE TABLE imported (
  workshop_code   TEXT NOT NULL CHECK (trim (workshop_code) <> ''),
  name            TEXT NOT NULL CHECK (trim (name) <> ''),
  administration  TEXT NOT NULL CHECK (trim (administration) <> ''),
  email           TEXT COLLATE NOCASE CHECK (email <> ''),
  position        TEXT,
  gender          TEXT,
  UNIQUE (workshop_code, name, email)
);
CREATE UNIQUE INDEX imported_email ON imported (email) WHERE email IS NOT NULL;
CREATE INDEX imported_name ON imported (name, administration);
CREATE INDEX imported_workshop ON imported (workshop_code);
.import --csv --skip 1 '@CSV@' imported
