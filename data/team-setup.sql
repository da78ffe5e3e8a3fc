-- data/team-setup.sql: a team database for Follow-Up on PostgreSQL 15 or later.
-- Run once, as a PostgreSQL superuser, with the owner's password:
--   sudo -u postgres psql -v owner_password="'choose-one'" -f data/team-setup.sql
-- then create the tables as the owner (README, "A team database").
--
-- Roles:
--   followup_owner  owns the database and its tables: creates and upgrades them (init),
--                   copies into them (copy). Log in as it for that only.
--   followup_staff  the staff: read and change everything. Give it to each colleague.
--   followup_reader may only read: the app shows the database read-only.
\set ON_ERROR_STOP on

CREATE ROLE followup_owner LOGIN PASSWORD :owner_password;
CREATE ROLE followup_staff NOLOGIN;
CREATE ROLE followup_reader NOLOGIN;
CREATE DATABASE followup OWNER followup_owner ENCODING 'UTF8' TEMPLATE template0;

\connect followup
ALTER SCHEMA public OWNER TO followup_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO followup_staff, followup_reader;
-- What the owner creates (init, and every later upgrade) is the staff's to change and the
-- readers' to read.
ALTER DEFAULT PRIVILEGES FOR ROLE followup_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO followup_staff;
ALTER DEFAULT PRIVILEGES FOR ROLE followup_owner IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO followup_staff;
ALTER DEFAULT PRIVILEGES FOR ROLE followup_owner IN SCHEMA public
  GRANT SELECT ON TABLES TO followup_reader;
