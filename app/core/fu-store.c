/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store.c: the SQLite store: opening and migrating the file, transactions, the records,
 * follow-ups and replies. The summaries (Tables 1 to 5) live in fu-store-summary.c. */

#define G_LOG_DOMAIN "fu-store"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <gio/gio.h>
#include <string.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-rules.h"
#include "fu-store-audit.h"
#include "fu-store-private.h"

struct _FuStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt, finalized with the store */
  guint       depth;        /* open transaction levels: 1 = BEGIN, more = savepoints */
  guint       version;      /* PRAGMA user_version once open */
  char       *author;       /* who the audit log names for this connection's changes */
  gint64      data_version; /* PRAGMA data_version when last asked; -1 = never */
};

G_DEFINE_FINAL_TYPE (FuStore, fu_store, G_TYPE_OBJECT)

/* A cached statement borrowed from fu_store_prepare(): resetting it when it goes out of scope
 * ends its read snapshot, so that no half-stepped SELECT keeps a transaction open. */
typedef sqlite3_stmt FuStmt;

static void
fu_stmt_release (FuStmt *stmt)
{
  sqlite3_reset (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuStmt, fu_stmt_release)

static void
fu_stmt_finalize (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* "FUup": marks the file as ours in the SQLite header (PRAGMA application_id). */
#define FU_APPLICATION_ID 0x46557570

#define DEFAULT_OFFICE_NAME "WCO Regional Office for Capacity Building for Asia/Pacific (ROCB A/P)"

/* ---- Schema ------------------------------------------------------------------------------
 *
 * One SQL script per schema version: migrations[i] takes a database from PRAGMA
 * user_version i to i + 1, in its own BEGIN IMMEDIATE transaction. Never edit a script that
 * has shipped; add one. Foreign keys are on while migrating, so a script that rebuilds a
 * table must not rely on turning them off.
 *
 * Dates are ISO 8601 text ("2016-07-05"), which sorts and compares as dates. Yes/no columns
 * are 0 or 1; a yes/no question left unanswered and a count not given are NULL.
 *
 * administration (id, name UNIQUE NOCASE, short_name UNIQUE NOCASE when set, country,
 *                 member 0/1): the 33 ROCB A/P members are built in (member = 1).
 * workshop       (id, code UNIQUE, title, kind (7 names), start_date, end_date >= start_date,
 *                 venue, host_administration_id -> administration, co_organizer,
 *                 surveyed 0/1, notes, planned_override, deadline_override)
 * participant    (id, name NOCASE, administration_id -> administration,
 *                 email UNIQUE NOCASE when set (never ''), position, gender)
 * attendance     (id, workshop_id -> workshop CASCADE, participant_id -> participant,
 *                 UNIQUE (workshop_id, participant_id))
 * followup       (id, attendance_id UNIQUE -> attendance CASCADE, sent_date, deadline,
 *                 closed_date, closed_reason). The planned date is not stored: it follows
 *                 from the workshop's end date, its planned_override and the settings
 *                 (fu_schedule_planned_date), so changing a setting reschedules. The
 *                 deadline is fixed when the questionnaire is sent, as the participant
 *                 was told.
 * reminder       (id, followup_id -> followup CASCADE, sent_date)
 * reply          (id, followup_id UNIQUE -> followup CASCADE, received_date, answered_by,
 *                 the six Q1 ticks named as the responses.csv columns, colleagues_shared,
 *                 other_action_text, colleagues_learned, lessons_use, direct_effects,
 *                 direct_effects_text, contributed, contributed_text, project_initiated,
 *                 project_text)
 * settings       (key PRIMARY KEY, value): fiscal_year_start_month, followup_months,
 *                 reply_days, reminder_days, office_name.
 *
 * Version 2 adds the indexes that the lookups, lists and summaries need beyond the unique
 * ones: workshops by start date, participants by name and administration and by
 * administration, attendances by participant, reminders by follow-up and date (which also
 * serve the foreign keys' cascades).
 */

#define ISO_GLOB "'[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'"

static const char * const migrations[] = {
  /* Version 1: the base schema and the built-in data. */
  "PRAGMA application_id = 1180005744;\n" /* FU_APPLICATION_ID */
  "CREATE TABLE administration (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim (name) <> ''),\n"
  "  short_name  TEXT COLLATE NOCASE CHECK (trim (short_name) <> ''),\n"
  "  country     TEXT,\n"
  "  member      INTEGER NOT NULL DEFAULT 0 CHECK (member IN (0, 1))\n"
  ");\n"
  "CREATE UNIQUE INDEX administration_short_name ON administration (short_name)\n"
  "  WHERE short_name IS NOT NULL;\n"
  "CREATE TABLE workshop (\n"
  "  id                      INTEGER PRIMARY KEY,\n"
  "  code                    TEXT NOT NULL UNIQUE CHECK (trim (code) <> ''),\n"
  "  title                   TEXT NOT NULL CHECK (trim (title) <> ''),\n"
  "  kind                    TEXT NOT NULL DEFAULT 'regional'\n"
  "                          CHECK (kind IN ('regional', 'sub-regional', 'national',\n"
  "                                          'train-the-trainer', 'follow-up',\n"
  "                                          'masterclass', 'other')),\n"
  "  start_date              TEXT NOT NULL CHECK (start_date GLOB " ISO_GLOB "),\n"
  "  end_date                TEXT NOT NULL CHECK (end_date GLOB " ISO_GLOB "),\n"
  "  venue                   TEXT,\n"
  "  host_administration_id  INTEGER REFERENCES administration (id),\n"
  "  co_organizer            TEXT,\n"
  "  surveyed                INTEGER NOT NULL DEFAULT 1 CHECK (surveyed IN (0, 1)),\n"
  "  notes                   TEXT,\n"
  "  planned_override        TEXT CHECK (planned_override GLOB " ISO_GLOB "),\n"
  "  deadline_override       TEXT CHECK (deadline_override GLOB " ISO_GLOB "),\n"
  "  CHECK (end_date >= start_date)\n"
  ");\n"
  "CREATE TABLE participant (\n"
  "  id                 INTEGER PRIMARY KEY,\n"
  "  name               TEXT NOT NULL COLLATE NOCASE CHECK (trim (name) <> ''),\n"
  "  administration_id  INTEGER NOT NULL REFERENCES administration (id),\n"
  "  email              TEXT COLLATE NOCASE CHECK (email <> ''),\n"
  "  position           TEXT,\n"
  "  gender             TEXT\n"
  ");\n"
  "CREATE UNIQUE INDEX participant_email ON participant (email) WHERE email IS NOT NULL;\n"
  "CREATE TABLE attendance (\n"
  "  id              INTEGER PRIMARY KEY,\n"
  "  workshop_id     INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,\n"
  "  participant_id  INTEGER NOT NULL REFERENCES participant (id),\n"
  "  UNIQUE (workshop_id, participant_id)\n"
  ");\n"
  "CREATE TABLE followup (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  attendance_id  INTEGER NOT NULL UNIQUE REFERENCES attendance (id) ON DELETE CASCADE,\n"
  "  sent_date      TEXT CHECK (sent_date GLOB " ISO_GLOB "),\n"
  "  deadline       TEXT CHECK (deadline GLOB " ISO_GLOB "),\n"
  "  closed_date    TEXT CHECK (closed_date GLOB " ISO_GLOB "),\n"
  "  closed_reason  TEXT\n"
  ");\n"
  "CREATE TABLE reminder (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  followup_id  INTEGER NOT NULL REFERENCES followup (id) ON DELETE CASCADE,\n"
  "  sent_date    TEXT NOT NULL CHECK (sent_date GLOB " ISO_GLOB ")\n"
  ");\n"
  "CREATE TABLE reply (\n"
  "  id                    INTEGER PRIMARY KEY,\n"
  "  followup_id           INTEGER NOT NULL UNIQUE REFERENCES followup (id) ON DELETE CASCADE,\n"
  "  received_date         TEXT NOT NULL CHECK (received_date GLOB " ISO_GLOB "),\n"
  "  answered_by           TEXT,\n"
  "  shared_materials      INTEGER NOT NULL DEFAULT 0 CHECK (shared_materials IN (0, 1)),\n"
  "  submitted_report      INTEGER NOT NULL DEFAULT 0 CHECK (submitted_report IN (0, 1)),\n"
  "  made_recommendations  INTEGER NOT NULL DEFAULT 0 CHECK (made_recommendations IN (0, 1)),\n"
  "  inhouse_workshop      INTEGER NOT NULL DEFAULT 0 CHECK (inhouse_workshop IN (0, 1)),\n"
  "  developed_manuals     INTEGER NOT NULL DEFAULT 0 CHECK (developed_manuals IN (0, 1)),\n"
  "  other_action          INTEGER NOT NULL DEFAULT 0 CHECK (other_action IN (0, 1)),\n"
  "  colleagues_shared     INTEGER CHECK (colleagues_shared >= 0),\n"
  "  other_action_text     TEXT,\n"
  "  colleagues_learned    INTEGER CHECK (colleagues_learned >= 0),\n"
  "  lessons_use           TEXT,\n"
  "  direct_effects        INTEGER CHECK (direct_effects IN (0, 1)),\n"
  "  direct_effects_text   TEXT,\n"
  "  contributed           INTEGER CHECK (contributed IN (0, 1)),\n"
  "  contributed_text      TEXT,\n"
  "  project_initiated     INTEGER CHECK (project_initiated IN (0, 1)),\n"
  "  project_text          TEXT\n"
  ");\n"
  "CREATE TABLE settings (\n"
  "  key    TEXT PRIMARY KEY,\n"
  "  value  TEXT\n"
  ");\n"
  "INSERT INTO settings (key, value) VALUES\n"
  "  ('fiscal_year_start_month', '7'),\n"
  "  ('followup_months', '6'),\n"
  "  ('reply_days', '30'),\n"
  "  ('reminder_days', '7'),\n"
  "  ('office_name', '" DEFAULT_OFFICE_NAME "');\n"
  "INSERT INTO administration (name, short_name, country, member) VALUES\n"
  "  ('Afghanistan', 'AFG', 'Afghanistan', 1),\n"
  "  ('Australia', 'AUS', 'Australia', 1),\n"
  "  ('Bangladesh', 'BGD', 'Bangladesh', 1),\n"
  "  ('Bhutan', 'BTN', 'Bhutan', 1),\n"
  "  ('Brunei Darussalam', 'BRN', 'Brunei Darussalam', 1),\n"
  "  ('Cambodia', 'KHM', 'Cambodia', 1),\n"
  "  ('China', 'CHN', 'China', 1),\n"
  "  ('Fiji', 'FJI', 'Fiji', 1),\n"
  "  ('Hong Kong China', 'HKC', 'China', 1),\n"
  "  ('India', 'IND', 'India', 1),\n"
  "  ('Indonesia', 'IDN', 'Indonesia', 1),\n"
  "  ('Iran', 'IRN', 'Iran', 1),\n"
  "  ('Japan', 'JPN', 'Japan', 1),\n"
  "  ('Korea', 'KOR', 'Korea', 1),\n"
  "  ('Lao PDR', 'LAO', 'Lao PDR', 1),\n"
  "  ('Macau China', 'MAC', 'China', 1),\n"
  "  ('Malaysia', 'MYS', 'Malaysia', 1),\n"
  "  ('Maldives', 'MDV', 'Maldives', 1),\n"
  "  ('Mongolia', 'MNG', 'Mongolia', 1),\n"
  "  ('Myanmar', 'MMR', 'Myanmar', 1),\n"
  "  ('Nepal', 'NPL', 'Nepal', 1),\n"
  "  ('New Zealand', 'NZL', 'New Zealand', 1),\n"
  "  ('Pakistan', 'PAK', 'Pakistan', 1),\n"
  "  ('Papua New Guinea', 'PNG', 'Papua New Guinea', 1),\n"
  "  ('Philippines', 'PHL', 'Philippines', 1),\n"
  "  ('Samoa', 'WSM', 'Samoa', 1),\n"
  "  ('Singapore', 'SGP', 'Singapore', 1),\n"
  "  ('Sri Lanka', 'LKA', 'Sri Lanka', 1),\n"
  "  ('Thailand', 'THA', 'Thailand', 1),\n"
  "  ('Timor-Leste', 'TLS', 'Timor-Leste', 1),\n"
  "  ('Tonga', 'TON', 'Tonga', 1),\n"
  "  ('Vanuatu', 'VUT', 'Vanuatu', 1),\n"
  "  ('Viet Nam', 'VNM', 'Viet Nam', 1);\n",

  /* Version 2: indexes for the importer's lookups, the follow-up board and the summaries. */
  "CREATE INDEX workshop_start ON workshop (start_date, code);\n"
  "CREATE INDEX participant_name ON participant (name, administration_id);\n"
  "CREATE INDEX participant_administration ON participant (administration_id);\n"
  "CREATE INDEX attendance_participant ON attendance (participant_id);\n"
  "CREATE INDEX reminder_followup ON reminder (followup_id, sent_date);\n",

  /* Version 3: the audit log. Every command writes one audit_entry; while it runs, its
   * id is the one row of audit_capture, and the triggers below copy each row it adds,
   * changes or deletes into audit_change, with the old and the new values as JSON. An
   * update that changes nothing is not recorded. Outside a command audit_capture is
   * empty and the triggers record nothing. */
  "CREATE TABLE audit_entry (\n"
  "  id         INTEGER PRIMARY KEY,\n"
  "  at         TEXT NOT NULL,\n"
  "  author     TEXT NOT NULL,\n"
  "  kind       TEXT NOT NULL,\n"
  "  args       TEXT,\n"
  "  sentence   TEXT NOT NULL,\n"
  "  undoes     INTEGER REFERENCES audit_entry (id),\n"
  "  undone_by  INTEGER REFERENCES audit_entry (id),\n"
  "  n_changes  INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE TABLE audit_change (\n"
  "  id        INTEGER PRIMARY KEY,\n"
  "  entry_id  INTEGER NOT NULL,\n"
  "  tbl       TEXT NOT NULL,\n"
  "  row_id    INTEGER NOT NULL,\n"
  "  op        INTEGER NOT NULL CHECK (op IN (1, 2, 3)),\n"
  "  old       TEXT,\n"
  "  new       TEXT\n"
  ");\n"
  "CREATE INDEX audit_change_entry ON audit_change (entry_id);\n"
  "CREATE INDEX audit_change_row ON audit_change (tbl, row_id);\n"
  "CREATE TABLE audit_capture (entry_id INTEGER NOT NULL);\n"
  "CREATE TRIGGER audit_administration_insert AFTER INSERT ON administration BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'administration', NEW.id, 1, NULL,\n"
  "    json_object ('id', NEW.id, 'name', NEW.name,\n"
  "      'short_name', NEW.short_name, 'country', NEW.country,\n"
  "      'member', NEW.member)\n"
  "  FROM audit_capture;\n"
  "END;\n"
  "CREATE TRIGGER audit_administration_update AFTER UPDATE ON administration BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'administration', NEW.id, 2, o, n FROM audit_capture, (SELECT\n"
  "    json_object ('id', OLD.id, 'name', OLD.name,\n"
  "      'short_name', OLD.short_name, 'country', OLD.country,\n"
  "      'member', OLD.member) AS o,\n"
  "    json_object ('id', NEW.id, 'name', NEW.name,\n"
  "      'short_name', NEW.short_name, 'country', NEW.country,\n"
  "      'member', NEW.member) AS n)\n"
  "  WHERE o IS NOT n;\n"
  "END;\n"
  "CREATE TRIGGER audit_administration_delete AFTER DELETE ON administration BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'administration', OLD.id, 3,\n"
  "    json_object ('id', OLD.id, 'name', OLD.name,\n"
  "      'short_name', OLD.short_name, 'country', OLD.country,\n"
  "      'member', OLD.member), NULL\n"
  "  FROM audit_capture;\n"
  "END;\n"
  "CREATE TRIGGER audit_workshop_insert AFTER INSERT ON workshop BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'workshop', NEW.id, 1, NULL,\n"
  "    json_object ('id', NEW.id, 'code', NEW.code, 'title', NEW.title,\n"
  "      'kind', NEW.kind, 'start_date', NEW.start_date,\n"
  "      'end_date', NEW.end_date, 'venue', NEW.venue,\n"
  "      'host_administration_id', NEW.host_administration_id,\n"
  "      'co_organizer', NEW.co_organizer, 'surveyed', NEW.surveyed,\n"
  "      'notes', NEW.notes, 'planned_override', NEW.planned_override,\n"
  "      'deadline_override', NEW.deadline_override)\n"
  "  FROM audit_capture;\n"
  "END;\n"
  "CREATE TRIGGER audit_workshop_update AFTER UPDATE ON workshop BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'workshop', NEW.id, 2, o, n FROM audit_capture, (SELECT\n"
  "    json_object ('id', OLD.id, 'code', OLD.code, 'title', OLD.title,\n"
  "      'kind', OLD.kind, 'start_date', OLD.start_date,\n"
  "      'end_date', OLD.end_date, 'venue', OLD.venue,\n"
  "      'host_administration_id', OLD.host_administration_id,\n"
  "      'co_organizer', OLD.co_organizer, 'surveyed', OLD.surveyed,\n"
  "      'notes', OLD.notes, 'planned_override', OLD.planned_override,\n"
  "      'deadline_override', OLD.deadline_override) AS o,\n"
  "    json_object ('id', NEW.id, 'code', NEW.code, 'title', NEW.title,\n"
  "      'kind', NEW.kind, 'start_date', NEW.start_date,\n"
  "      'end_date', NEW.end_date, 'venue', NEW.venue,\n"
  "      'host_administration_id', NEW.host_administration_id,\n"
  "      'co_organizer', NEW.co_organizer, 'surveyed', NEW.surveyed,\n"
  "      'notes', NEW.notes, 'planned_override', NEW.planned_override,\n"
  "      'deadline_override', NEW.deadline_override) AS n)\n"
  "  WHERE o IS NOT n;\n"
  "END;\n"
  "CREATE TRIGGER audit_workshop_delete AFTER DELETE ON workshop BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'workshop', OLD.id, 3,\n"
  "    json_object ('id', OLD.id, 'code', OLD.code, 'title', OLD.title,\n"
  "      'kind', OLD.kind, 'start_date', OLD.start_date,\n"
  "      'end_date', OLD.end_date, 'venue', OLD.venue,\n"
  "      'host_administration_id', OLD.host_administration_id,\n"
  "      'co_organizer', OLD.co_organizer, 'surveyed', OLD.surveyed,\n"
  "      'notes', OLD.notes, 'planned_override', OLD.planned_override,\n"
  "      'deadline_override', OLD.deadline_override), NULL\n"
  "  FROM audit_capture;\n"
  "END;\n"
  "CREATE TRIGGER audit_participant_insert AFTER INSERT ON participant BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'participant', NEW.id, 1, NULL,\n"
  "    json_object ('id', NEW.id, 'name', NEW.name,\n"
  "      'administration_id', NEW.administration_id, 'email', NEW.email,\n"
  "      'position', NEW.position, 'gender', NEW.gender)\n"
  "  FROM audit_capture;\n"
  "END;\n"
  "CREATE TRIGGER audit_participant_update AFTER UPDATE ON participant BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'participant', NEW.id, 2, o, n FROM audit_capture, (SELECT\n"
  "    json_object ('id', OLD.id, 'name', OLD.name,\n"
  "      'administration_id', OLD.administration_id, 'email', OLD.email,\n"
  "      'position', OLD.position, 'gender', OLD.gender) AS o,\n"
  "    json_object ('id', NEW.id, 'name', NEW.name,\n"
  "      'administration_id', NEW.administration_id, 'email', NEW.email,\n"
  "      'position', NEW.position, 'gender', NEW.gender) AS n)\n"
  "  WHERE o IS NOT n;\n"
  "END;\n"
  "CREATE TRIGGER audit_participant_delete AFTER DELETE ON participant BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'participant', OLD.id, 3,\n"
  "    json_object ('id', OLD.id, 'name', OLD.name,\n"
  "      'administration_id', OLD.administration_id, 'email', OLD.email,\n"
  "      'position', OLD.position, 'gender', OLD.gender), NULL\n"
  "  FROM audit_capture;\n"
  "END;\n"
  "CREATE TRIGGER audit_attendance_insert AFTER INSERT ON attendance BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'attendance', NEW.id, 1, NULL,\n"
  "    json_object ('id', NEW.id, 'workshop_id', NEW.workshop_id,\n"
  "      'participant_id', NEW.participant_id)\n"
  "  FROM audit_capture;\n"
  "END;\n"
  "CREATE TRIGGER audit_attendance_update AFTER UPDATE ON attendance BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'attendance', NEW.id, 2, o, n FROM audit_capture, (SELECT\n"
  "    json_object ('id', OLD.id, 'workshop_id', OLD.workshop_id,\n"
  "      'participant_id', OLD.participant_id) AS o,\n"
  "    json_object ('id', NEW.id, 'workshop_id', NEW.workshop_id,\n"
  "      'participant_id', NEW.participant_id) AS n)\n"
  "  WHERE o IS NOT n;\n"
  "END;\n"
  "CREATE TRIGGER audit_attendance_delete AFTER DELETE ON attendance BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'attendance', OLD.id, 3,\n"
  "    json_object ('id', OLD.id, 'workshop_id', OLD.workshop_id,\n"
  "      'participant_id', OLD.participant_id), NULL\n"
  "  FROM audit_capture;\n"
  "END;\n"
  "CREATE TRIGGER audit_followup_insert AFTER INSERT ON followup BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'followup', NEW.id, 1, NULL,\n"
  "    json_object ('id', NEW.id, 'attendance_id', NEW.attendance_id,\n"
  "      'sent_date', NEW.sent_date, 'deadline', NEW.deadline,\n"
  "      'closed_date', NEW.closed_date, 'closed_reason', NEW.closed_reason)\n"
  "  FROM audit_capture;\n"
  "END;\n"
  "CREATE TRIGGER audit_followup_update AFTER UPDATE ON followup BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'followup', NEW.id, 2, o, n FROM audit_capture, (SELECT\n"
  "    json_object ('id', OLD.id, 'attendance_id', OLD.attendance_id,\n"
  "      'sent_date', OLD.sent_date, 'deadline', OLD.deadline,\n"
  "      'closed_date', OLD.closed_date, 'closed_reason', OLD.closed_reason) AS o,\n"
  "    json_object ('id', NEW.id, 'attendance_id', NEW.attendance_id,\n"
  "      'sent_date', NEW.sent_date, 'deadline', NEW.deadline,\n"
  "      'closed_date', NEW.closed_date, 'closed_reason', NEW.closed_reason) AS n)\n"
  "  WHERE o IS NOT n;\n"
  "END;\n"
  "CREATE TRIGGER audit_followup_delete AFTER DELETE ON followup BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'followup', OLD.id, 3,\n"
  "    json_object ('id', OLD.id, 'attendance_id', OLD.attendance_id,\n"
  "      'sent_date', OLD.sent_date, 'deadline', OLD.deadline,\n"
  "      'closed_date', OLD.closed_date, 'closed_reason', OLD.closed_reason), NULL\n"
  "  FROM audit_capture;\n"
  "END;\n"
  "CREATE TRIGGER audit_reminder_insert AFTER INSERT ON reminder BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'reminder', NEW.id, 1, NULL,\n"
  "    json_object ('id', NEW.id, 'followup_id', NEW.followup_id,\n"
  "      'sent_date', NEW.sent_date)\n"
  "  FROM audit_capture;\n"
  "END;\n"
  "CREATE TRIGGER audit_reminder_update AFTER UPDATE ON reminder BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'reminder', NEW.id, 2, o, n FROM audit_capture, (SELECT\n"
  "    json_object ('id', OLD.id, 'followup_id', OLD.followup_id,\n"
  "      'sent_date', OLD.sent_date) AS o,\n"
  "    json_object ('id', NEW.id, 'followup_id', NEW.followup_id,\n"
  "      'sent_date', NEW.sent_date) AS n)\n"
  "  WHERE o IS NOT n;\n"
  "END;\n"
  "CREATE TRIGGER audit_reminder_delete AFTER DELETE ON reminder BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'reminder', OLD.id, 3,\n"
  "    json_object ('id', OLD.id, 'followup_id', OLD.followup_id,\n"
  "      'sent_date', OLD.sent_date), NULL\n"
  "  FROM audit_capture;\n"
  "END;\n"
  "CREATE TRIGGER audit_reply_insert AFTER INSERT ON reply BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'reply', NEW.id, 1, NULL,\n"
  "    json_object ('id', NEW.id, 'followup_id', NEW.followup_id,\n"
  "      'received_date', NEW.received_date, 'answered_by', NEW.answered_by,\n"
  "      'shared_materials', NEW.shared_materials,\n"
  "      'submitted_report', NEW.submitted_report,\n"
  "      'made_recommendations', NEW.made_recommendations,\n"
  "      'inhouse_workshop', NEW.inhouse_workshop,\n"
  "      'developed_manuals', NEW.developed_manuals,\n"
  "      'other_action', NEW.other_action,\n"
  "      'colleagues_shared', NEW.colleagues_shared,\n"
  "      'other_action_text', NEW.other_action_text,\n"
  "      'colleagues_learned', NEW.colleagues_learned,\n"
  "      'lessons_use', NEW.lessons_use,\n"
  "      'direct_effects', NEW.direct_effects,\n"
  "      'direct_effects_text', NEW.direct_effects_text,\n"
  "      'contributed', NEW.contributed,\n"
  "      'contributed_text', NEW.contributed_text,\n"
  "      'project_initiated', NEW.project_initiated,\n"
  "      'project_text', NEW.project_text)\n"
  "  FROM audit_capture;\n"
  "END;\n"
  "CREATE TRIGGER audit_reply_update AFTER UPDATE ON reply BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'reply', NEW.id, 2, o, n FROM audit_capture, (SELECT\n"
  "    json_object ('id', OLD.id, 'followup_id', OLD.followup_id,\n"
  "      'received_date', OLD.received_date, 'answered_by', OLD.answered_by,\n"
  "      'shared_materials', OLD.shared_materials,\n"
  "      'submitted_report', OLD.submitted_report,\n"
  "      'made_recommendations', OLD.made_recommendations,\n"
  "      'inhouse_workshop', OLD.inhouse_workshop,\n"
  "      'developed_manuals', OLD.developed_manuals,\n"
  "      'other_action', OLD.other_action,\n"
  "      'colleagues_shared', OLD.colleagues_shared,\n"
  "      'other_action_text', OLD.other_action_text,\n"
  "      'colleagues_learned', OLD.colleagues_learned,\n"
  "      'lessons_use', OLD.lessons_use,\n"
  "      'direct_effects', OLD.direct_effects,\n"
  "      'direct_effects_text', OLD.direct_effects_text,\n"
  "      'contributed', OLD.contributed,\n"
  "      'contributed_text', OLD.contributed_text,\n"
  "      'project_initiated', OLD.project_initiated,\n"
  "      'project_text', OLD.project_text) AS o,\n"
  "    json_object ('id', NEW.id, 'followup_id', NEW.followup_id,\n"
  "      'received_date', NEW.received_date, 'answered_by', NEW.answered_by,\n"
  "      'shared_materials', NEW.shared_materials,\n"
  "      'submitted_report', NEW.submitted_report,\n"
  "      'made_recommendations', NEW.made_recommendations,\n"
  "      'inhouse_workshop', NEW.inhouse_workshop,\n"
  "      'developed_manuals', NEW.developed_manuals,\n"
  "      'other_action', NEW.other_action,\n"
  "      'colleagues_shared', NEW.colleagues_shared,\n"
  "      'other_action_text', NEW.other_action_text,\n"
  "      'colleagues_learned', NEW.colleagues_learned,\n"
  "      'lessons_use', NEW.lessons_use,\n"
  "      'direct_effects', NEW.direct_effects,\n"
  "      'direct_effects_text', NEW.direct_effects_text,\n"
  "      'contributed', NEW.contributed,\n"
  "      'contributed_text', NEW.contributed_text,\n"
  "      'project_initiated', NEW.project_initiated,\n"
  "      'project_text', NEW.project_text) AS n)\n"
  "  WHERE o IS NOT n;\n"
  "END;\n"
  "CREATE TRIGGER audit_reply_delete AFTER DELETE ON reply BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'reply', OLD.id, 3,\n"
  "    json_object ('id', OLD.id, 'followup_id', OLD.followup_id,\n"
  "      'received_date', OLD.received_date, 'answered_by', OLD.answered_by,\n"
  "      'shared_materials', OLD.shared_materials,\n"
  "      'submitted_report', OLD.submitted_report,\n"
  "      'made_recommendations', OLD.made_recommendations,\n"
  "      'inhouse_workshop', OLD.inhouse_workshop,\n"
  "      'developed_manuals', OLD.developed_manuals,\n"
  "      'other_action', OLD.other_action,\n"
  "      'colleagues_shared', OLD.colleagues_shared,\n"
  "      'other_action_text', OLD.other_action_text,\n"
  "      'colleagues_learned', OLD.colleagues_learned,\n"
  "      'lessons_use', OLD.lessons_use,\n"
  "      'direct_effects', OLD.direct_effects,\n"
  "      'direct_effects_text', OLD.direct_effects_text,\n"
  "      'contributed', OLD.contributed,\n"
  "      'contributed_text', OLD.contributed_text,\n"
  "      'project_initiated', OLD.project_initiated,\n"
  "      'project_text', OLD.project_text), NULL\n"
  "  FROM audit_capture;\n"
  "END;\n"
  "CREATE TRIGGER audit_settings_insert AFTER INSERT ON settings BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'settings', NEW.rowid, 1, NULL,\n"
  "    json_object ('key', NEW.key, 'value', NEW.value)\n"
  "  FROM audit_capture;\n"
  "END;\n"
  "CREATE TRIGGER audit_settings_update AFTER UPDATE ON settings BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'settings', NEW.rowid, 2, o, n FROM audit_capture, (SELECT\n"
  "    json_object ('key', OLD.key, 'value', OLD.value) AS o,\n"
  "    json_object ('key', NEW.key, 'value', NEW.value) AS n)\n"
  "  WHERE o IS NOT n;\n"
  "END;\n"
  "CREATE TRIGGER audit_settings_delete AFTER DELETE ON settings BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'settings', OLD.rowid, 3,\n"
  "    json_object ('key', OLD.key, 'value', OLD.value), NULL\n"
  "  FROM audit_capture;\n"
  "END;\n",
};

/* The tables a Follow-Up database has from version 1 on. */
static const char * const base_tables[] = {
  "administration", "workshop", "participant", "attendance", "followup", "reminder", "reply",
  "settings",
};

/* ---- Records ----------------------------------------------------------------------------- */

FuAdministration *
fu_administration_new (void)
{
  return g_new0 (FuAdministration, 1);
}

void
fu_administration_free (FuAdministration *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->short_name);
  g_free (self->country);
  g_free (self);
}

FuWorkshop *
fu_workshop_new (void)
{
  FuWorkshop *self = g_new0 (FuWorkshop, 1);

  self->kind = FU_WORKSHOP_KIND_REGIONAL;
  self->surveyed = TRUE;
  return self;
}

FuWorkshop *
fu_workshop_copy (const FuWorkshop *self)
{
  FuWorkshop *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->code = g_strdup (self->code);
  copy->title = g_strdup (self->title);
  copy->venue = g_strdup (self->venue);
  copy->co_organizer = g_strdup (self->co_organizer);
  copy->notes = g_strdup (self->notes);
  return copy;
}

void
fu_workshop_free (FuWorkshop *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->title);
  g_free (self->venue);
  g_free (self->co_organizer);
  g_free (self->notes);
  g_free (self);
}

FuParticipant *
fu_participant_new (void)
{
  return g_new0 (FuParticipant, 1);
}

void
fu_participant_free (FuParticipant *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->email);
  g_free (self->position);
  g_free (self->gender);
  g_free (self);
}

static void
reply_init (FuReply *self)
{
  memset (self, 0, sizeof *self);
  self->colleagues_shared = -1;
  self->colleagues_learned = -1;
  self->direct_effects = FU_ANSWER_UNANSWERED;
  self->contributed = FU_ANSWER_UNANSWERED;
  self->project_initiated = FU_ANSWER_UNANSWERED;
}

static void
reply_clear (FuReply *self)
{
  g_clear_pointer (&self->answered_by, g_free);
  g_clear_pointer (&self->other_action_text, g_free);
  g_clear_pointer (&self->lessons_use, g_free);
  g_clear_pointer (&self->direct_effects_text, g_free);
  g_clear_pointer (&self->contributed_text, g_free);
  g_clear_pointer (&self->project_text, g_free);
}

FuReply *
fu_reply_new (void)
{
  FuReply *self = g_new (FuReply, 1);

  reply_init (self);
  return self;
}

FuReply *
fu_reply_copy (const FuReply *self)
{
  FuReply *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->answered_by = g_strdup (self->answered_by);
  copy->other_action_text = g_strdup (self->other_action_text);
  copy->lessons_use = g_strdup (self->lessons_use);
  copy->direct_effects_text = g_strdup (self->direct_effects_text);
  copy->contributed_text = g_strdup (self->contributed_text);
  copy->project_text = g_strdup (self->project_text);
  return copy;
}

void
fu_reply_free (FuReply *self)
{
  if (self == NULL)
    return;
  reply_clear (self);
  g_free (self);
}

void
fu_followup_row_free (FuFollowupRow *self)
{
  if (self == NULL)
    return;
  g_free (self->workshop_code);
  g_free (self->workshop_title);
  g_free (self->participant_name);
  g_free (self->email);
  g_free (self->administration);
  g_free (self);
}

void
fu_summary_row_free (FuSummaryRow *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->title);
  g_free (self);
}

void
fu_reply_row_free (FuReplyRow *self)
{
  if (self == NULL)
    return;
  reply_clear (&self->reply);
  g_free (self->workshop_code);
  g_free (self->participant_name);
  g_free (self->email);
  g_free (self->administration);
  g_free (self);
}

void
fu_inhouse_row_free (FuInhouseRow *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self);
}

/* ---- Helpers ----------------------------------------------------------------------------- */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* -1 (not given, unanswered) is stored as NULL. */
static void
bind_count (sqlite3_stmt *stmt,
            int           index,
            int           value)
{
  if (value >= 0)
    sqlite3_bind_int (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static int
column_count (sqlite3_stmt *stmt,
              int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return -1;
  return sqlite3_column_int (stmt, index);
}

static const char *
day_iso (FuDay day,
         char  buf[11])
{
  fu_day_format_iso (day, buf);
  return buf;
}

/* Runs a statement that returns no rows; FALSE with the mapped error. */
static gboolean
step_done (FuStore      *self,
           sqlite3_stmt *stmt,
           const char   *what,
           GError      **error)
{
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  return fu_store_set_error (self, error, what);
}

/* Steps a statement that returns at most one row: TRUE with *found set, or FALSE with an
 * error. */
static gboolean
step_row (FuStore      *self,
          sqlite3_stmt *stmt,
          gboolean     *found,
          const char   *what,
          GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      *found = rc == SQLITE_ROW;
      return TRUE;
    }
  *found = FALSE;
  return fu_store_set_error (self, error, what);
}

/* Steps a statement that selects at most one id: *id is it, or 0 when there is no row. */
static gboolean
step_id (FuStore      *self,
         sqlite3_stmt *stmt,
         gint64       *id,
         const char   *what,
         GError      **error)
{
  gboolean found;

  if (!step_row (self, stmt, &found, what, error))
    return FALSE;
  *id = found ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* Prepares @sql, binds @id as ?1 and steps it once: the statement, on its row when *found,
 * or NULL with an error. */
static sqlite3_stmt *
select_one_by_id (FuStore    *self,
                  const char *sql,
                  gint64      id,
                  gboolean   *found,
                  const char *what,
                  GError    **error)
{
  sqlite3_stmt *stmt = fu_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_row (self, stmt, found, what, error))
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  return stmt;
}

/* Makes a record from the statement's current row. */
typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

/* Every row of @stmt made into a record, or NULL with an error saying @what failed. */
static GPtrArray *
collect_rows (FuStore        *self,
              sqlite3_stmt   *stmt,
              RowFunc         from_row,
              GDestroyNotify  free_func,
              const char     *what,
              GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      fu_store_set_error (self, error, what);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* FU_STORE_ERROR_NOT_FOUND for an id the caller gave; these return FALSE. */
static gboolean
workshop_not_found (gint64   workshop_id,
                    GError **error)
{
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
               _("There is no workshop with id %lld"), (long long) workshop_id);
  return FALSE;
}

static gboolean
participant_not_found (gint64   participant_id,
                       GError **error)
{
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
               _("There is no participant with id %lld"), (long long) participant_id);
  return FALSE;
}

static gboolean
followup_not_found (gint64   followup_id,
                    GError **error)
{
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
               _("There is no follow-up with id %lld"), (long long) followup_id);
  return FALSE;
}

static int
extended_errcode (FuStore *self)
{
  return sqlite3_extended_errcode (self->db);
}

/* ---- Private API ------------------------------------------------------------------------- */

sqlite3 *
fu_store_get_db (FuStore *self)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  return self->db;
}

sqlite3_stmt *
fu_store_prepare (FuStore    *self,
                  const char *sql,
                  GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL)
      != SQLITE_OK)
    {
      g_debug ("Could not prepare %s", sql);
      fu_store_set_error (self, error, _("Could not prepare a database query"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
fu_store_set_error (FuStore    *self,
                    GError    **error,
                    const char *what)
{
  FuStoreError code;
  int rc;
  const char *message;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  rc = sqlite3_extended_errcode (self->db);
  message = sqlite3_errmsg (self->db);

  switch (rc)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      code = FU_STORE_ERROR_EXISTS;
      break;

    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      code = FU_STORE_ERROR_INVALID;
      break;

    default:
      switch (rc & 0xff)
        {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
          code = FU_STORE_ERROR_BUSY;
          message = _("the database is in use by another program; try again in a moment");
          break;

        case SQLITE_NOTADB:
          code = FU_STORE_ERROR_NOT_DATABASE;
          break;

        default:
          code = FU_STORE_ERROR_FAILED;
          break;
        }
      break;
    }

  if (what != NULL)
    g_set_error (error, FU_STORE_ERROR, code, "%s: %s", what, message);
  else
    g_set_error_literal (error, FU_STORE_ERROR, code, message);
  return FALSE;
}

void
fu_store_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
fu_store_bind_day (sqlite3_stmt *stmt,
                   int           index,
                   FuDay         day)
{
  char buf[11];

  if (day == FU_DAY_NONE)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  fu_day_format_iso (day, buf);
  sqlite3_bind_text (stmt, index, buf, -1, SQLITE_TRANSIENT);
}

char *
fu_store_column_text (sqlite3_stmt *stmt,
                      int           index)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

FuDay
fu_store_column_day (sqlite3_stmt *stmt,
                     int           index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);
  FuDay day;

  if (text == NULL || !fu_day_parse_iso (text, &day))
    return FU_DAY_NONE;
  return day;
}

/* ---- Opening and migrating --------------------------------------------------------------- */

static void
fu_store_finalize (GObject *object)
{
  FuStore *self = FU_STORE (object);

  if (self->depth > 0 && self->db != NULL)
    {
      g_warning ("Closing the database with a transaction open; rolling it back");
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }
  /* Statements first: the connection closes (and checkpoints its WAL) only without them. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (fu_store_parent_class)->finalize (object);
}

static void
fu_store_class_init (FuStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fu_store_finalize;
}

static void
fu_store_init (FuStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            fu_stmt_finalize);
  self->data_version = -1;
}

static gboolean
not_database_error (const char *path,
                    GError    **error)
{
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_DATABASE,
               _("'%s': this file is not a Follow-Up database"), path);
  return FALSE;
}

static gboolean
too_new_error (const char *path,
               guint       version,
               GError    **error)
{
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_TOO_NEW,
               _("'%s' was written by a newer version of Follow-Up (schema %u, this version "
                 "knows %u); open it with that version"),
               path, version, fu_store_get_latest_version ());
  return FALSE;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) | ((guint32) bytes[2] << 8)
         | (guint32) bytes[3];
}

/* Looks at an existing file before SQLite touches it, so that a file we refuse stays as it
 * was: no journal or WAL is created next to a text file or a newer database. *existing is
 * TRUE for a non-empty file (an empty one is a new database to SQLite too). */
static gboolean
check_file (const char *path,
            gboolean   *existing,
            GError    **error)
{
  static const char magic[16] = "SQLite format 3";   /* with its terminating NUL */
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 header[100];
  gsize n_read = 0;

  *existing = FALSE;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED, _("Could not open '%s': %s"),
                   path, local_error->message);
      return FALSE;
    }

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read, NULL,
                                &local_error))
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED, _("Could not read '%s': %s"),
                   path, local_error->message);
      return FALSE;
    }

  if (n_read == 0)
    return TRUE;

  *existing = TRUE;

  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    return not_database_error (path, error);

  /* The header's user_version and application_id (offsets 60 and 68). A newer version is
   * refused here without opening; the connection checks again, as a WAL file may hold a
   * newer header. */
  {
    guint32 version = read_be32 (header + 60);
    guint32 application_id = read_be32 (header + 68);

    if (application_id != 0 && application_id != FU_APPLICATION_ID)
      return not_database_error (path, error);
    if (version > fu_store_get_latest_version ())
      return too_new_error (path, version, error);
  }

  return TRUE;
}

static gboolean
read_pragma_int (FuStore    *self,
                 const char *sql,
                 gint64     *value,
                 GError    **error)
{
  g_autoptr(FuStmt) stmt = fu_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return fu_store_set_error (self, error, self->path);
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Whether an open database is ours: version 0 must be empty of tables; later versions must
 * have our tables. */
static gboolean
check_ours (FuStore *self,
            guint    version,
            GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  gint64 n_tables = 0;

  if (version == 0)
    {
      stmt = fu_store_prepare (self,
                               "SELECT count (*) FROM sqlite_schema "
                               "WHERE type IN ('table', 'view')",
                               error);
      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return fu_store_set_error (self, error, self->path);
      if (sqlite3_column_int64 (stmt, 0) != 0)
        return not_database_error (self->path, error);
      return TRUE;
    }

  stmt = fu_store_prepare (self,
                           "SELECT count (*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                           "('administration', 'workshop', 'participant', 'attendance', "
                           "'followup', 'reminder', 'reply', 'settings')",
                           error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return fu_store_set_error (self, error, self->path);
  n_tables = sqlite3_column_int64 (stmt, 0);
  if (n_tables != G_N_ELEMENTS (base_tables))
    return not_database_error (self->path, error);
  return TRUE;
}

/* A byte copy of the file, taken after a checkpoint so that the main file holds everything. */
static gboolean
backup_file (FuStore *self,
             guint    version,
             GError **error)
{
  g_autofree char *backup_path = g_strdup_printf ("%s.bak-v%u", self->path, version);
  g_autoptr(GFile) source = g_file_new_for_path (self->path);
  g_autoptr(GFile) dest = g_file_new_for_path (backup_path);
  g_autoptr(GError) local_error = NULL;

  if (sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not back up '%s' before upgrading it"),
                                               self->path);
      return fu_store_set_error (self, error, what);
    }

  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                   _("Could not back up '%s' to '%s' before upgrading it: %s"), self->path,
                   backup_path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Applies migrations[from], taking the database from version @from to @from + 1. */
static gboolean
migrate_one (FuStore *self,
             guint    from,
             GError **error)
{
  g_autofree char *set_version = NULL;
  gint64 current = 0;
  char *message = NULL;

  if (sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not upgrade '%s'"), self->path);
      return fu_store_set_error (self, error, what);
    }

  /* Another program may have upgraded the file since we looked. */
  if (!read_pragma_int (self, "PRAGMA user_version", &current, error))
    goto failed;
  if (current > (gint64) from)
    {
      sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      return TRUE;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %u", from + 1);
  if (sqlite3_exec (self->db, migrations[from], NULL, NULL, &message) != SQLITE_OK
      || sqlite3_exec (self->db, set_version, NULL, NULL, &message) != SQLITE_OK
      || sqlite3_exec (self->db, "COMMIT", NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                   _("Could not upgrade '%s' to schema %u: %s"), self->path, from + 1,
                   message != NULL ? message : sqlite3_errmsg (self->db));
      sqlite3_free (message);
      goto failed;
    }
  return TRUE;

failed:
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static FuStore *
store_open (const char *path,
            guint       target,
            GError    **error)
{
  g_autoptr(FuStore) self = NULL;
  gboolean memory = g_strcmp0 (path, ":memory:") == 0;
  gboolean existing = FALSE;
  gint64 version = 0;
  int rc;

  if (!memory)
    {
      g_autofree char *folder = NULL;

      if (!check_file (path, &existing, error))
        return NULL;

      folder = g_path_get_dirname (path);
      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                       _("Could not create the folder '%s': %s"), folder,
                       g_strerror (saved_errno));
          return NULL;
        }
    }

  self = g_object_new (FU_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      if (self->db != NULL && (sqlite3_extended_errcode (self->db) & 0xff) == SQLITE_NOTADB)
        {
          not_database_error (path, error);
          return NULL;
        }
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED, _("Could not open '%s': %s"),
                   path, self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* Reading the version is the first read of the file: a corrupt file fails here. */
  if (!read_pragma_int (self, "PRAGMA user_version", &version, error))
    {
      if ((sqlite3_extended_errcode (self->db) & 0xff) == SQLITE_NOTADB)
        {
          g_clear_error (error);
          not_database_error (path, error);
        }
      return NULL;
    }
  if (version < 0)
    {
      not_database_error (path, error);
      return NULL;
    }
  if (version > (gint64) fu_store_get_latest_version ())
    {
      too_new_error (path, (guint) version, error);
      return NULL;
    }
  if (!check_ours (self, (guint) version, error))
    return NULL;

  /* Before anything writes to an existing file, not even the journal mode. */
  if (existing && version < target && !backup_file (self, (guint) version, error))
    return NULL;

  if (sqlite3_exec (self->db,
                    "PRAGMA foreign_keys = ON;"
                    "PRAGMA synchronous = NORMAL;",
                    NULL, NULL, NULL) != SQLITE_OK
      || (!memory && sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)
                     != SQLITE_OK))
    {
      g_autofree char *what = g_strdup_printf (_("Could not open '%s'"), path);
      fu_store_set_error (self, error, what);
      return NULL;
    }

  for (guint v = (guint) version; v < target; v++)
    if (!migrate_one (self, v, error))
      return NULL;

  if (!read_pragma_int (self, "PRAGMA user_version", &version, error))
    return NULL;
  self->version = (guint) version;

  return g_steal_pointer (&self);
}

char *
fu_store_default_path (void)
{
  const char *env = g_getenv ("FOLLOWUP_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "followup", "followup.db", NULL);
}

FuStore *
fu_store_open (const char *path,
               GError    **error)
{
  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store_open (path, fu_store_get_latest_version (), error);
}

FuStore *
fu_store_open_at_version (const char *path,
                          guint       version,
                          GError    **error)
{
  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (version <= fu_store_get_latest_version (), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store_open (path, version, error);
}

const char *
fu_store_get_path (FuStore *self)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  return self->path;
}

guint
fu_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

guint
fu_store_get_version (FuStore *self)
{
  g_return_val_if_fail (FU_IS_STORE (self), 0);

  return self->version;
}

void
fu_store_set_author (FuStore    *self,
                     const char *author)
{
  g_return_if_fail (FU_IS_STORE (self));

  g_free (self->author);
  self->author = author != NULL && *author != '\0' ? g_strdup (author) : NULL;
}

const char *
fu_store_get_author (FuStore *self)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  if (self->author == NULL)
    self->author = fu_audit_default_author ();
  return self->author;
}

gboolean
fu_store_changed_elsewhere (FuStore *self)
{
  gint64 version = 0;
  gboolean changed;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  /* data_version moves only for commits of other connections, and only outside a
   * transaction of ours does it say something new. */
  if (self->depth > 0 || !read_pragma_int (self, "PRAGMA data_version", &version, NULL))
    return FALSE;
  changed = self->data_version >= 0 && version != self->data_version;
  self->data_version = version;
  return changed;
}

/* ---- Transactions ------------------------------------------------------------------------ */

static gboolean
exec_cached (FuStore    *self,
             const char *sql,
             GError    **error)
{
  g_autoptr(FuStmt) stmt = fu_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  return step_done (self, stmt, _("Could not save the changes"), error);
}

gboolean
fu_store_begin (FuStore *self,
                GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Savepoints of one name nest: RELEASE and ROLLBACK TO act on the innermost. */
  if (!exec_cached (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT fu_level", error))
    return FALSE;
  self->depth++;
  return TRUE;
}

/* Ends the innermost level. When it fails (the disk is full, another program holds a lock
 * too long), the level stays open and the caller rolls it back. */
gboolean
fu_store_commit (FuStore *self,
                 GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!exec_cached (self, self->depth > 1 ? "RELEASE fu_level" : "COMMIT", error))
    return FALSE;
  self->depth--;
  return TRUE;
}

void
fu_store_rollback (FuStore *self)
{
  g_return_if_fail (FU_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;

  /* SQLite may already have rolled the whole transaction back (an I/O error, a full disk):
   * the outer levels then end without SQL, as their callers roll back or fail to commit. */
  if (sqlite3_get_autocommit (self->db))
    return;

  if (self->depth > 0)
    {
      if (!exec_cached (self, "ROLLBACK TO fu_level", NULL))
        g_warning ("Could not roll back to a savepoint: %s", sqlite3_errmsg (self->db));
      exec_cached (self, "RELEASE fu_level", NULL);
    }
  else if (!exec_cached (self, "ROLLBACK", NULL))
    {
      g_warning ("Could not roll back: %s", sqlite3_errmsg (self->db));
    }
}

/* The end of every write function. @ok is the work's result: when it failed its error
 * stands and the level is rolled back; otherwise commit, or roll back when that fails. */
gboolean
fu_store_finish (FuStore  *self,
                 gboolean  ok,
                 GError  **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (ok && fu_store_commit (self, error))
    return TRUE;
  fu_store_rollback (self);
  return FALSE;
}

gboolean
fu_store_is_empty (FuStore *self)
{
  g_autoptr(FuStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  stmt = fu_store_prepare (self,
                           "SELECT NOT EXISTS (SELECT 1 FROM workshop) "
                           "AND NOT EXISTS (SELECT 1 FROM participant)",
                           &error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_warning ("Could not tell whether the database is empty: %s",
                 error != NULL ? error->message : sqlite3_errmsg (self->db));
      return FALSE;
    }
  return sqlite3_column_int (stmt, 0) != 0;
}

/* ---- Settings ---------------------------------------------------------------------------- */

static char *
get_setting (FuStore    *self,
             const char *key)
{
  g_autoptr(FuStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = fu_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return fu_store_column_text (stmt, 0);
}

static gboolean
set_setting (FuStore    *self,
             const char *key,
             const char *value,
             GError    **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_store_prepare (self,
                           "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return step_done (self, stmt, _("Could not save the settings"), error);
}

static guint
get_setting_uint (FuStore    *self,
                  const char *key,
                  guint       fallback)
{
  g_autofree char *text = get_setting (self, key);
  guint64 value;

  if (text == NULL
      || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT16, &value, NULL))
    return fallback;
  return (guint) value;
}

void
fu_store_get_rules (FuStore *self,
                    FuRules *rules)
{
  FuRules defaults;

  g_return_if_fail (FU_IS_STORE (self));
  g_return_if_fail (rules != NULL);

  fu_rules_init_defaults (&defaults);
  rules->fiscal_year_start_month = get_setting_uint (self, "fiscal_year_start_month",
                                                     defaults.fiscal_year_start_month);
  rules->followup_months = get_setting_uint (self, "followup_months",
                                             defaults.followup_months);
  rules->reply_days = get_setting_uint (self, "reply_days", defaults.reply_days);
  rules->reminder_days = get_setting_uint (self, "reminder_days", defaults.reminder_days);

  /* A value edited by hand into something the rules reject falls back to the defaults. */
  if (!fu_rules_validate (rules, NULL))
    *rules = defaults;
}

gboolean
fu_store_set_rules (FuStore       *self,
                    const FuRules *rules,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;
  struct {
    const char *key;
    guint value;
  } values[4];

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  values[0].key = "fiscal_year_start_month";
  values[0].value = rules->fiscal_year_start_month;
  values[1].key = "followup_months";
  values[1].value = rules->followup_months;
  values[2].key = "reply_days";
  values[2].value = rules->reply_days;
  values[3].key = "reminder_days";
  values[3].value = rules->reminder_days;

  if (!fu_rules_validate (rules, &local_error))
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID, local_error->message);
      return FALSE;
    }

  if (!fu_store_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (values); i++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%u", values[i].value);
      ok = set_setting (self, values[i].key, text, error);
    }
  return fu_store_finish (self, ok, error);
}

char *
fu_store_get_office_name (FuStore *self)
{
  char *name;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  name = get_setting (self, "office_name");
  /* The built-in name reads in the user's language until the office sets its own. */
  if (is_blank (name) || g_str_equal (name, DEFAULT_OFFICE_NAME))
    {
      g_free (name);
      /* TRANSLATORS: the office's name at the top of printed pages, until it is changed in
       * the preferences; the same text as DEFAULT_OFFICE_NAME */
      return g_strdup (_("WCO Regional Office for Capacity Building for Asia/Pacific (ROCB A/P)"));
    }
  return name;
}

gboolean
fu_store_set_office_name (FuStore    *self,
                          const char *name,
                          GError    **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_blank (name))
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("The office's name cannot be empty: printed lists show it"));
      return FALSE;
    }

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_store_finish (self, set_setting (self, "office_name", name, error), error);
}

/* ---- Administrations --------------------------------------------------------------------- */

#define ADMINISTRATION_COLUMNS "id, name, short_name, country, member"

static FuAdministration *
administration_from_row (sqlite3_stmt *stmt)
{
  FuAdministration *admin = fu_administration_new ();

  admin->id = sqlite3_column_int64 (stmt, 0);
  admin->name = fu_store_column_text (stmt, 1);
  admin->short_name = fu_store_column_text (stmt, 2);
  admin->country = fu_store_column_text (stmt, 3);
  admin->member = sqlite3_column_int (stmt, 4) != 0;
  return admin;
}

GPtrArray *
fu_store_list_administrations (FuStore *self,
                               GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_store_prepare (self,
                           "SELECT " ADMINISTRATION_COLUMNS " FROM administration ORDER BY name",
                           error);
  if (stmt == NULL)
    return NULL;
  return collect_rows (self, stmt, (RowFunc) administration_from_row,
                       (GDestroyNotify) fu_administration_free,
                       _("Could not list the administrations"), error);
}

gboolean
fu_store_lookup_administration (FuStore    *self,
                                const char *name_or_short,
                                gint64     *id,
                                GError    **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *id = 0;
  if (is_blank (name_or_short))
    return TRUE;

  /* A name wins over another administration's short name. */
  stmt = fu_store_prepare (self,
                           "SELECT id FROM administration WHERE name = ?1 "
                           "UNION ALL "
                           "SELECT id FROM administration WHERE short_name = ?1 "
                           "LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name_or_short, -1, SQLITE_TRANSIENT);
  return step_id (self, stmt, id, _("Could not look up an administration"), error);
}

FuAdministration *
fu_store_get_administration (FuStore *self,
                             gint64   id,
                             GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = select_one_by_id (self,
                           "SELECT " ADMINISTRATION_COLUMNS " FROM administration WHERE id = ?1",
                           id, &found, _("Could not read an administration"), error);
  if (stmt == NULL)
    return NULL;
  if (!found)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no administration with id %lld"), (long long) id);
      return NULL;
    }
  return administration_from_row (stmt);
}

static gboolean
insert_administration (FuStore                *self,
                       const FuAdministration *admin,
                       gint64                 *id,
                       GError                **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_store_prepare (self,
                           "INSERT INTO administration (name, short_name, country, member) "
                           "VALUES (?1, ?2, ?3, ?4)",
                           error);
  if (stmt == NULL)
    return FALSE;
  fu_store_bind_text (stmt, 1, admin->name);
  fu_store_bind_text (stmt, 2, is_blank (admin->short_name) ? NULL : admin->short_name);
  fu_store_bind_text (stmt, 3, admin->country);
  sqlite3_bind_int (stmt, 4, admin->member ? 1 : 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (extended_errcode (self) == SQLITE_CONSTRAINT_UNIQUE)
        {
          const char *msg = sqlite3_errmsg (self->db);

          if (strstr (msg, "short_name") != NULL)
            g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                         _("An administration with the short name '%s' already exists"),
                         admin->short_name);
          else
            g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                         _("An administration named '%s' already exists"), admin->name);
          return FALSE;
        }
      return fu_store_set_error (self, error, _("Could not add the administration"));
    }
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gint64
fu_store_add_administration (FuStore                *self,
                             const FuAdministration *admin,
                             GError                **error)
{
  gint64 id = 0;

  g_return_val_if_fail (FU_IS_STORE (self), 0);
  g_return_val_if_fail (admin != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (is_blank (admin->name))
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("An administration needs a name"));
      return 0;
    }

  if (!fu_store_begin (self, error)
      || !fu_store_finish (self, insert_administration (self, admin, &id, error), error))
    return 0;
  return id;
}

/* ---- Workshops --------------------------------------------------------------------------- */

#define WORKSHOP_FIELDS \
  "code, title, kind, start_date, end_date, venue, host_administration_id, co_organizer, " \
  "surveyed, notes, planned_override, deadline_override"

static FuWorkshop *
workshop_from_row (sqlite3_stmt *stmt)
{
  FuWorkshop *workshop = fu_workshop_new ();
  const char *kind = (const char *) sqlite3_column_text (stmt, 3);

  workshop->id = sqlite3_column_int64 (stmt, 0);
  workshop->code = fu_store_column_text (stmt, 1);
  workshop->title = fu_store_column_text (stmt, 2);
  if (kind == NULL || !fu_workshop_kind_from_string (kind, &workshop->kind))
    workshop->kind = FU_WORKSHOP_KIND_OTHER;
  workshop->start_date = fu_store_column_day (stmt, 4);
  workshop->end_date = fu_store_column_day (stmt, 5);
  workshop->venue = fu_store_column_text (stmt, 6);
  workshop->host_administration_id = sqlite3_column_int64 (stmt, 7);
  workshop->co_organizer = fu_store_column_text (stmt, 8);
  workshop->surveyed = sqlite3_column_int (stmt, 9) != 0;
  workshop->notes = fu_store_column_text (stmt, 10);
  workshop->planned_override = fu_store_column_day (stmt, 11);
  workshop->deadline_override = fu_store_column_day (stmt, 12);
  return workshop;
}

static void
bind_workshop (sqlite3_stmt     *stmt,
               const FuWorkshop *workshop,
               FuDay             end_date)
{
  fu_store_bind_text (stmt, 1, workshop->code);
  fu_store_bind_text (stmt, 2, workshop->title);
  sqlite3_bind_text (stmt, 3, fu_workshop_kind_to_string (workshop->kind), -1, SQLITE_STATIC);
  fu_store_bind_day (stmt, 4, workshop->start_date);
  fu_store_bind_day (stmt, 5, end_date);
  fu_store_bind_text (stmt, 6, workshop->venue);
  bind_id (stmt, 7, workshop->host_administration_id);
  fu_store_bind_text (stmt, 8, workshop->co_organizer);
  sqlite3_bind_int (stmt, 9, workshop->surveyed ? 1 : 0);
  fu_store_bind_text (stmt, 10, workshop->notes);
  fu_store_bind_day (stmt, 11, workshop->planned_override);
  fu_store_bind_day (stmt, 12, workshop->deadline_override);
}

/* The rules the schema's CHECKs also hold, with messages a person can act on. A workshop
 * without an end date ends the day it starts. */
static gboolean
validate_workshop (const FuWorkshop *workshop,
                   FuDay            *end_date,
                   GError          **error)
{
  char start_buf[11];
  char end_buf[11];

  if (is_blank (workshop->code))
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("A workshop needs a code"));
      return FALSE;
    }
  if (is_blank (workshop->title))
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("Workshop '%s' needs a title"), workshop->code);
      return FALSE;
    }
  if ((guint) workshop->kind >= FU_N_WORKSHOP_KINDS)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("Workshop '%s' has an unknown kind"), workshop->code);
      return FALSE;
    }
  if (workshop->start_date == FU_DAY_NONE)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("Workshop '%s' needs a start date"), workshop->code);
      return FALSE;
    }

  *end_date = workshop->end_date != FU_DAY_NONE ? workshop->end_date : workshop->start_date;
  if (*end_date < workshop->start_date)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("The workshop ends (%s) before it starts (%s)"),
                   day_iso (*end_date, end_buf), day_iso (workshop->start_date, start_buf));
      return FALSE;
    }
  return TRUE;
}

static gboolean
workshop_write_error (FuStore          *self,
                      const FuWorkshop *workshop,
                      GError          **error)
{
  g_autofree char *what = NULL;

  switch (extended_errcode (self))
    {
    case SQLITE_CONSTRAINT_UNIQUE:
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                   _("A workshop with code '%s' already exists"), workshop->code);
      return FALSE;

    case SQLITE_CONSTRAINT_FOREIGNKEY:
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("Workshop '%s': there is no host administration with id %lld"),
                   workshop->code, (long long) workshop->host_administration_id);
      return FALSE;

    default:
      what = g_strdup_printf (_("Could not save workshop '%s'"), workshop->code);
      return fu_store_set_error (self, error, what);
    }
}

gboolean
fu_store_lookup_workshop (FuStore    *self,
                          const char *code,
                          gint64     *id,
                          GError    **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *id = 0;
  if (is_blank (code))
    return TRUE;

  stmt = fu_store_prepare (self, "SELECT id FROM workshop WHERE code = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  return step_id (self, stmt, id, _("Could not look up a workshop"), error);
}

FuWorkshop *
fu_store_get_workshop (FuStore *self,
                       gint64   id,
                       GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = select_one_by_id (self, "SELECT id, " WORKSHOP_FIELDS " FROM workshop WHERE id = ?1",
                           id, &found, _("Could not read a workshop"), error);
  if (stmt == NULL)
    return NULL;
  if (!found)
    {
      workshop_not_found (id, error);
      return NULL;
    }
  return workshop_from_row (stmt);
}

GPtrArray *
fu_store_list_workshops (FuStore *self,
                         FuDay    from,
                         FuDay    to,
                         GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_store_prepare (self,
                           "SELECT id, " WORKSHOP_FIELDS " FROM workshop "
                           "WHERE (?1 IS NULL OR start_date >= ?1) "
                           "AND (?2 IS NULL OR start_date <= ?2) "
                           "ORDER BY start_date, code",
                           error);
  if (stmt == NULL)
    return NULL;
  fu_store_bind_day (stmt, 1, from);
  fu_store_bind_day (stmt, 2, to);
  return collect_rows (self, stmt, (RowFunc) workshop_from_row, (GDestroyNotify) fu_workshop_free,
                       _("Could not list the workshops"), error);
}

static gboolean
insert_workshop (FuStore          *self,
                 const FuWorkshop *workshop,
                 FuDay             end_date,
                 gint64           *id,
                 GError          **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_store_prepare (self,
                           "INSERT INTO workshop (" WORKSHOP_FIELDS ") "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_workshop (stmt, workshop, end_date);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return workshop_write_error (self, workshop, error);
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gint64
fu_store_add_workshop (FuStore          *self,
                       const FuWorkshop *workshop,
                       GError          **error)
{
  FuDay end_date;
  gint64 id = 0;

  g_return_val_if_fail (FU_IS_STORE (self), 0);
  g_return_val_if_fail (workshop != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!validate_workshop (workshop, &end_date, error))
    return 0;

  if (!fu_store_begin (self, error)
      || !fu_store_finish (self, insert_workshop (self, workshop, end_date, &id, error), error))
    return 0;
  return id;
}

/* Gives every attendance of a surveyed workshop its follow-up. */
static gboolean
create_missing_followups (FuStore *self,
                          gint64   workshop_id,
                          GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_store_prepare (self,
                           "INSERT INTO followup (attendance_id) "
                           "SELECT a.id FROM attendance a JOIN workshop w ON w.id = a.workshop_id "
                           "WHERE a.workshop_id = ?1 AND w.surveyed = 1 "
                           "AND NOT EXISTS (SELECT 1 FROM followup f WHERE f.attendance_id = a.id)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workshop_id);
  return step_done (self, stmt, _("Could not create the follow-ups"), error);
}

/* The workshop's reply deadline changed: questionnaires already sent get the new one (the
 * override, or the sending date plus the rules' reply days when the override is removed). */
static gboolean
reschedule_deadlines (FuStore *self,
                      gint64   workshop_id,
                      FuDay    deadline_override,
                      GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) sent = g_array_new (FALSE, FALSE, sizeof (FuDay));
  g_autoptr(FuStmt) select = NULL;
  FuRules rules;
  int rc;

  fu_store_get_rules (self, &rules);

  select = fu_store_prepare (self,
                             "SELECT f.id, f.sent_date FROM followup f "
                             "JOIN attendance a ON a.id = f.attendance_id "
                             "WHERE a.workshop_id = ?1 AND f.sent_date IS NOT NULL",
                             error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, workshop_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);
      FuDay day = fu_store_column_day (select, 1);

      g_array_append_val (ids, id);
      g_array_append_val (sent, day);
    }
  if (rc != SQLITE_DONE)
    return fu_store_set_error (self, error, _("Could not read the follow-ups"));
  sqlite3_reset (select);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FuStmt) update = NULL;
      FuDay deadline = fu_schedule_deadline (&rules, g_array_index (sent, FuDay, i),
                                             deadline_override);

      update = fu_store_prepare (self, "UPDATE followup SET deadline = ?2 WHERE id = ?1", error);
      if (update == NULL)
        return FALSE;
      sqlite3_bind_int64 (update, 1, g_array_index (ids, gint64, i));
      fu_store_bind_day (update, 2, deadline);
      if (!step_done (self, update, _("Could not update a reply deadline"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
update_workshop (FuStore          *self,
                 const FuWorkshop *workshop,
                 FuDay             end_date,
                 GError          **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  FuDay old_deadline_override;
  gboolean found;

  stmt = select_one_by_id (self, "SELECT deadline_override FROM workshop WHERE id = ?1",
                           workshop->id, &found, _("Could not read a workshop"), error);
  if (stmt == NULL)
    return FALSE;
  if (!found)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("Workshop '%s' is no longer in the database"), workshop->code);
      return FALSE;
    }
  old_deadline_override = fu_store_column_day (stmt, 0);
  sqlite3_reset (stmt);

  stmt = fu_store_prepare (self,
                           "UPDATE workshop SET code = ?1, title = ?2, kind = ?3, "
                           "start_date = ?4, end_date = ?5, venue = ?6, "
                           "host_administration_id = ?7, co_organizer = ?8, surveyed = ?9, "
                           "notes = ?10, planned_override = ?11, deadline_override = ?12 "
                           "WHERE id = ?13",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_workshop (stmt, workshop, end_date);
  sqlite3_bind_int64 (stmt, 13, workshop->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return workshop_write_error (self, workshop, error);
  sqlite3_reset (stmt);

  /* Not surveyed any more: the follow-ups stay, hidden from lists and summaries. */
  if (workshop->surveyed && !create_missing_followups (self, workshop->id, error))
    return FALSE;

  if (old_deadline_override != workshop->deadline_override
      && !reschedule_deadlines (self, workshop->id, workshop->deadline_override, error))
    return FALSE;

  return TRUE;
}

gboolean
fu_store_update_workshop (FuStore          *self,
                          const FuWorkshop *workshop,
                          GError          **error)
{
  FuDay end_date;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (workshop != NULL, FALSE);
  g_return_val_if_fail (workshop->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_workshop (workshop, &end_date, error))
    return FALSE;

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_store_finish (self, update_workshop (self, workshop, end_date, error), error);
}

static gboolean
delete_workshop (FuStore *self,
                 gint64   id,
                 GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_store_prepare (self, "DELETE FROM workshop WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, _("Could not delete the workshop"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return workshop_not_found (id, error);
  return TRUE;
}

gboolean
fu_store_delete_workshop (FuStore *self,
                          gint64   id,
                          GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_store_finish (self, delete_workshop (self, id, error), error);
}

/* ---- Participants ------------------------------------------------------------------------ */

#define PARTICIPANT_FIELDS "name, administration_id, email, position, gender"

static FuParticipant *
participant_from_row (sqlite3_stmt *stmt)
{
  FuParticipant *participant = fu_participant_new ();

  participant->id = sqlite3_column_int64 (stmt, 0);
  participant->name = fu_store_column_text (stmt, 1);
  participant->administration_id = sqlite3_column_int64 (stmt, 2);
  participant->email = fu_store_column_text (stmt, 3);
  participant->position = fu_store_column_text (stmt, 4);
  participant->gender = fu_store_column_text (stmt, 5);
  return participant;
}

static gboolean
validate_participant (const FuParticipant *participant,
                      GError             **error)
{
  if (is_blank (participant->name))
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("A participant needs a name"));
      return FALSE;
    }
  if (participant->administration_id <= 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("Participant '%s' needs an administration"), participant->name);
      return FALSE;
    }
  return TRUE;
}

/* Writes with an INSERT (id 0) or an UPDATE. */
static gboolean
write_participant (FuStore             *self,
                   const FuParticipant *participant,
                   gint64              *id,
                   GError             **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  g_autofree char *what = NULL;

  if (participant->id == 0)
    stmt = fu_store_prepare (self,
                             "INSERT INTO participant (" PARTICIPANT_FIELDS ") "
                             "VALUES (?1, ?2, ?3, ?4, ?5)",
                             error);
  else
    stmt = fu_store_prepare (self,
                             "UPDATE participant SET name = ?1, administration_id = ?2, "
                             "email = ?3, position = ?4, gender = ?5 WHERE id = ?6",
                             error);
  if (stmt == NULL)
    return FALSE;

  fu_store_bind_text (stmt, 1, participant->name);
  sqlite3_bind_int64 (stmt, 2, participant->administration_id);
  fu_store_bind_text (stmt, 3, is_blank (participant->email) ? NULL : participant->email);
  fu_store_bind_text (stmt, 4, participant->position);
  fu_store_bind_text (stmt, 5, participant->gender);
  if (participant->id != 0)
    sqlite3_bind_int64 (stmt, 6, participant->id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      switch (extended_errcode (self))
        {
        case SQLITE_CONSTRAINT_UNIQUE:
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                       _("A participant with e-mail '%s' already exists"), participant->email);
          return FALSE;

        case SQLITE_CONSTRAINT_FOREIGNKEY:
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                       _("Participant '%s': there is no administration with id %lld"),
                       participant->name, (long long) participant->administration_id);
          return FALSE;

        default:
          what = g_strdup_printf (_("Could not save participant '%s'"), participant->name);
          return fu_store_set_error (self, error, what);
        }
    }

  if (participant->id == 0)
    {
      *id = sqlite3_last_insert_rowid (self->db);
    }
  else
    {
      if (sqlite3_changes (self->db) == 0)
        {
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                       _("Participant '%s' is no longer in the database"), participant->name);
          return FALSE;
        }
      *id = participant->id;
    }
  return TRUE;
}

gboolean
fu_store_lookup_participant (FuStore    *self,
                             const char *email,
                             const char *name,
                             gint64      administration_id,
                             gint64     *id,
                             GError    **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *id = 0;
  if (!is_blank (email))
    {
      stmt = fu_store_prepare (self, "SELECT id FROM participant WHERE email = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, email, -1, SQLITE_TRANSIENT);
    }
  else if (!is_blank (name))
    {
      stmt = fu_store_prepare (self,
                               "SELECT id FROM participant "
                               "WHERE name = ?1 AND administration_id = ?2 "
                               "ORDER BY id LIMIT 1",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, administration_id);
    }
  else
    {
      return TRUE;
    }

  return step_id (self, stmt, id, _("Could not look up a participant"), error);
}

FuParticipant *
fu_store_get_participant (FuStore *self,
                          gint64   id,
                          GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = select_one_by_id (self,
                           "SELECT id, " PARTICIPANT_FIELDS " FROM participant WHERE id = ?1",
                           id, &found, _("Could not read a participant"), error);
  if (stmt == NULL)
    return NULL;
  if (!found)
    {
      participant_not_found (id, error);
      return NULL;
    }
  return participant_from_row (stmt);
}

gint64
fu_store_add_participant (FuStore             *self,
                          const FuParticipant *participant,
                          GError             **error)
{
  g_autoptr(FuParticipant) copy = NULL;
  gint64 id = 0;

  g_return_val_if_fail (FU_IS_STORE (self), 0);
  g_return_val_if_fail (participant != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!validate_participant (participant, error))
    return 0;

  if (participant->id != 0)
    {
      /* An id set by the caller is ignored: adding always inserts. */
      copy = fu_participant_new ();
      copy->name = g_strdup (participant->name);
      copy->administration_id = participant->administration_id;
      copy->email = g_strdup (participant->email);
      copy->position = g_strdup (participant->position);
      copy->gender = g_strdup (participant->gender);
      participant = copy;
    }
  if (!fu_store_begin (self, error)
      || !fu_store_finish (self, write_participant (self, participant, &id, error), error))
    return 0;
  return id;
}

gboolean
fu_store_update_participant (FuStore             *self,
                             const FuParticipant *participant,
                             GError             **error)
{
  gint64 id;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (participant != NULL, FALSE);
  g_return_val_if_fail (participant->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_participant (participant, error))
    return FALSE;

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_store_finish (self, write_participant (self, participant, &id, error), error);
}

/* ---- Attendances ------------------------------------------------------------------------- */

gboolean
fu_store_lookup_attendance (FuStore *self,
                            gint64   workshop_id,
                            gint64   participant_id,
                            gint64  *id,
                            GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *id = 0;
  stmt = fu_store_prepare (self,
                           "SELECT id FROM attendance "
                           "WHERE workshop_id = ?1 AND participant_id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workshop_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  return step_id (self, stmt, id, _("Could not look up an attendance"), error);
}

/* On the error path only: say which of the two is missing, or who already attends. */
static gboolean
attendance_error (FuStore *self,
                  int      rc,
                  gint64   workshop_id,
                  gint64   participant_id,
                  GError **error)
{
  g_autoptr(FuWorkshop) workshop = fu_store_get_workshop (self, workshop_id, NULL);
  g_autoptr(FuParticipant) participant = fu_store_get_participant (self, participant_id, NULL);

  if (workshop == NULL)
    return workshop_not_found (workshop_id, error);
  if (participant == NULL)
    return participant_not_found (participant_id, error);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                   _("'%s' already attends workshop '%s'"), participant->name, workshop->code);
      return FALSE;
    }
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
               _("Could not add '%s' to workshop '%s'"), participant->name, workshop->code);
  return FALSE;
}

static gboolean
insert_attendance (FuStore *self,
                   gint64   workshop_id,
                   gint64   participant_id,
                   gint64  *id,
                   GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  g_autoptr(FuStmt) followup = NULL;

  stmt = fu_store_prepare (self,
                           "INSERT INTO attendance (workshop_id, participant_id) VALUES (?1, ?2)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workshop_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      int rc = extended_errcode (self);

      if (rc != SQLITE_CONSTRAINT_UNIQUE && rc != SQLITE_CONSTRAINT_FOREIGNKEY)
        return fu_store_set_error (self, error, _("Could not add an attendance"));
      sqlite3_reset (stmt);
      return attendance_error (self, rc, workshop_id, participant_id, error);
    }
  *id = sqlite3_last_insert_rowid (self->db);

  followup = fu_store_prepare (self,
                               "INSERT INTO followup (attendance_id) "
                               "SELECT ?1 FROM workshop WHERE id = ?2 AND surveyed = 1",
                               error);
  if (followup == NULL)
    return FALSE;
  sqlite3_bind_int64 (followup, 1, *id);
  sqlite3_bind_int64 (followup, 2, workshop_id);
  return step_done (self, followup, _("Could not create the follow-up"), error);
}

gint64
fu_store_add_attendance (FuStore *self,
                         gint64   workshop_id,
                         gint64   participant_id,
                         GError **error)
{
  gint64 id = 0;

  g_return_val_if_fail (FU_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!fu_store_begin (self, error)
      || !fu_store_finish (self, insert_attendance (self, workshop_id, participant_id, &id, error),
                           error))
    return 0;
  return id;
}

/* ---- Follow-ups -------------------------------------------------------------------------- */

gboolean
fu_store_lookup_followup (FuStore *self,
                          gint64   attendance_id,
                          gint64  *followup_id,
                          GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (followup_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *followup_id = 0;
  stmt = fu_store_prepare (self, "SELECT id FROM followup WHERE attendance_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attendance_id);
  return step_id (self, stmt, followup_id, _("Could not look up a follow-up"), error);
}

/* Columns shared by the list and the count, then the list's own. ?1 is the query's day. */
enum {
  FCOL_WORKSHOP_ID,
  FCOL_END,
  FCOL_PLANNED_OVERRIDE,
  FCOL_SENT,
  FCOL_DEADLINE,
  FCOL_CLOSED,
  FCOL_RECEIVED,
  FCOL_LAST_REMINDER,
  FCOL_FOLLOWUP_ID,
  FCOL_ATTENDANCE_ID,
  FCOL_PARTICIPANT_ID,
  FCOL_ADMINISTRATION_ID,
  FCOL_CODE,
  FCOL_TITLE,
  FCOL_START,
  FCOL_PARTICIPANT,
  FCOL_EMAIL,
  FCOL_ADMINISTRATION,
  FCOL_N_REMINDERS,
};

/* One statement for the whole list: the reminders as of the day come from correlated
 * subqueries on the reminder_followup index, so there is no query per row. Only the filters
 * asked for are in the SQL, so that SQLite can use an index for them (a handful of
 * variants, each cached). */
static char *
followup_sql (const FuFollowupQuery *query,
              gboolean               rows)
{
  GString *sql = g_string_new (NULL);

  g_string_append (sql,
                   "SELECT w.id, w.end_date, w.planned_override,"
                   " f.sent_date, f.deadline, f.closed_date, r.received_date,"
                   " (SELECT max (m.sent_date) FROM reminder m"
                   "   WHERE m.followup_id = f.id AND m.sent_date <= ?1)");
  if (rows)
    g_string_append (sql,
                     ", f.id, a.id, p.id, p.administration_id,"
                     " w.code, w.title, w.start_date, p.name, p.email, ad.name,"
                     " (SELECT count (*) FROM reminder m"
                     "   WHERE m.followup_id = f.id AND m.sent_date <= ?1)");
  g_string_append (sql,
                   " FROM workshop w"
                   " JOIN attendance a ON a.workshop_id = w.id"
                   " JOIN followup f ON f.attendance_id = a.id");
  /* A count reads nothing of the participant (every attendance has one): joining it only to
   * filter by administration saves a lookup per row, and the board counts every follow-up
   * on each reload (tests/bench/bench-store). */
  if (rows || query->administration_id != 0)
    g_string_append (sql, " JOIN participant p ON p.id = a.participant_id");
  if (rows)
    g_string_append (sql, " JOIN administration ad ON ad.id = p.administration_id");
  g_string_append (sql,
                   " LEFT JOIN reply r ON r.followup_id = f.id"
                   " WHERE w.surveyed = 1");
  if (query->workshop_id != 0)
    g_string_append (sql, " AND w.id = ?2");
  if (query->administration_id != 0)
    g_string_append (sql, " AND p.administration_id = ?3");
  if (query->from != FU_DAY_NONE)
    g_string_append (sql, " AND w.start_date >= ?4");
  if (query->to != FU_DAY_NONE)
    g_string_append (sql, " AND w.start_date <= ?5");
  if (rows)
    g_string_append (sql, " ORDER BY w.start_date, w.code, ad.name, p.name, f.id");

  return g_string_free (sql, FALSE);
}

static void
bind_followup_query (sqlite3_stmt          *stmt,
                     const FuFollowupQuery *query)
{
  /* Parameters missing from this variant's SQL are out of range: SQLite ignores them. */
  fu_store_bind_day (stmt, 1, query->as_of);
  if (query->workshop_id != 0)
    sqlite3_bind_int64 (stmt, 2, query->workshop_id);
  if (query->administration_id != 0)
    sqlite3_bind_int64 (stmt, 3, query->administration_id);
  if (query->from != FU_DAY_NONE)
    fu_store_bind_day (stmt, 4, query->from);
  if (query->to != FU_DAY_NONE)
    fu_store_bind_day (stmt, 5, query->to);
}

/* Walks the query's rows, computing each follow-up's dates and status as of the day; the
 * planned date is worked out once per workshop (rows come grouped by workshop). */
typedef gboolean (*FollowupRowFunc) (sqlite3_stmt          *stmt,
                                     const FuFollowupDates *dates,
                                     FuFollowupStatus       status,
                                     gpointer               user_data);

static gboolean
walk_followups (FuStore               *self,
                const FuFollowupQuery *query,
                gboolean               rows,
                FollowupRowFunc        func,
                gpointer               user_data,
                GError               **error)
{
  g_autofree char *sql = followup_sql (query, rows);
  g_autoptr(FuStmt) stmt = NULL;
  FuRules rules;
  gint64 last_workshop = 0;
  FuDay planned = FU_DAY_NONE;
  FuDay as_of = query->as_of;
  int rc;

  fu_store_get_rules (self, &rules);

  stmt = fu_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_followup_query (stmt, query);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 workshop_id = sqlite3_column_int64 (stmt, FCOL_WORKSHOP_ID);
      FuFollowupDates dates;
      FuFollowupStatus status;

      if (workshop_id != last_workshop)
        {
          planned = fu_schedule_planned_date (&rules, fu_store_column_day (stmt, FCOL_END),
                                              fu_store_column_day (stmt, FCOL_PLANNED_OVERRIDE));
          last_workshop = workshop_id;
        }

      /* What had happened by the query's day: later dates are not known yet on it. */
      dates.planned = planned;
      dates.sent = fu_store_column_day (stmt, FCOL_SENT);
      dates.deadline = fu_store_column_day (stmt, FCOL_DEADLINE);
      dates.last_reminder = fu_store_column_day (stmt, FCOL_LAST_REMINDER);
      dates.received = fu_store_column_day (stmt, FCOL_RECEIVED);
      dates.closed = fu_store_column_day (stmt, FCOL_CLOSED);
      if (dates.sent > as_of)
        dates.sent = dates.deadline = dates.last_reminder = FU_DAY_NONE;
      if (dates.received > as_of)
        dates.received = FU_DAY_NONE;
      if (dates.closed > as_of)
        dates.closed = FU_DAY_NONE;

      status = fu_followup_status (&rules, &dates, as_of);
      if (query->status_mask != 0 && (query->status_mask & (1u << status)) == 0)
        continue;
      if (!func (stmt, &dates, status, user_data))
        break;
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return fu_store_set_error (self, error, _("Could not list the follow-ups"));
  return TRUE;
}

typedef struct {
  GPtrArray *list;
  FuRules    rules;
  FuDay      as_of;
} ListFollowups;

static gboolean
add_followup_row (sqlite3_stmt          *stmt,
                  const FuFollowupDates *dates,
                  FuFollowupStatus       status,
                  gpointer               user_data)
{
  ListFollowups *data = user_data;
  FuFollowupRow *row = g_new0 (FuFollowupRow, 1);

  row->followup_id = sqlite3_column_int64 (stmt, FCOL_FOLLOWUP_ID);
  row->attendance_id = sqlite3_column_int64 (stmt, FCOL_ATTENDANCE_ID);
  row->workshop_id = sqlite3_column_int64 (stmt, FCOL_WORKSHOP_ID);
  row->participant_id = sqlite3_column_int64 (stmt, FCOL_PARTICIPANT_ID);
  row->administration_id = sqlite3_column_int64 (stmt, FCOL_ADMINISTRATION_ID);
  row->workshop_code = fu_store_column_text (stmt, FCOL_CODE);
  row->workshop_title = fu_store_column_text (stmt, FCOL_TITLE);
  row->workshop_start = fu_store_column_day (stmt, FCOL_START);
  row->workshop_end = fu_store_column_day (stmt, FCOL_END);
  row->participant_name = fu_store_column_text (stmt, FCOL_PARTICIPANT);
  row->email = fu_store_column_text (stmt, FCOL_EMAIL);
  row->administration = fu_store_column_text (stmt, FCOL_ADMINISTRATION);
  row->dates = *dates;
  row->n_reminders = dates->sent != FU_DAY_NONE
                     ? (guint) sqlite3_column_int (stmt, FCOL_N_REMINDERS) : 0;
  row->status = status;
  row->days_overdue = status == FU_STATUS_OVERDUE
                      ? fu_followup_days_overdue (&data->rules, dates, data->as_of) : 0;
  g_ptr_array_add (data->list, row);
  return TRUE;
}

GPtrArray *
fu_store_list_followups (FuStore               *self,
                         const FuFollowupQuery *query,
                         GError               **error)
{
  g_autoptr(GPtrArray) list = NULL;
  ListFollowups data;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->as_of != FU_DAY_NONE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_followup_row_free);
  data.list = list;
  data.as_of = query->as_of;
  fu_store_get_rules (self, &data.rules);

  if (!walk_followups (self, query, TRUE, add_followup_row, &data, error))
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
count_followup_row (sqlite3_stmt          *stmt,
                    const FuFollowupDates *dates,
                    FuFollowupStatus       status,
                    gpointer               user_data)
{
  guint *counts = user_data;

  counts[status]++;
  return TRUE;
}

gboolean
fu_store_count_followups (FuStore               *self,
                          const FuFollowupQuery *query,
                          guint                  counts[FU_N_STATUSES],
                          GError               **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (query->as_of != FU_DAY_NONE, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (counts, 0, sizeof (guint) * FU_N_STATUSES);
  return walk_followups (self, query, FALSE, count_followup_row, counts, error);
}

/* The workshop's reply-deadline override and whether it is surveyed. */
static gboolean
get_workshop_schedule (FuStore  *self,
                       gint64    workshop_id,
                       FuDay    *deadline_override,
                       gboolean *surveyed,
                       GError  **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  gboolean found;

  stmt = select_one_by_id (self, "SELECT deadline_override, surveyed FROM workshop WHERE id = ?1",
                           workshop_id, &found, _("Could not read a workshop"), error);
  if (stmt == NULL)
    return FALSE;
  if (!found)
    return workshop_not_found (workshop_id, error);
  *deadline_override = fu_store_column_day (stmt, 0);
  *surveyed = sqlite3_column_int (stmt, 1) != 0;
  return TRUE;
}

/* Marks the follow-ups of a surveyed workshop; *n_changed is how many it marked. */
typedef gboolean (*MarkWorkshopFunc) (FuStore *self,
                                      gint64   workshop_id,
                                      FuDay    date,
                                      FuDay    deadline_override,
                                      guint   *n_changed,
                                      GError **error);

/* Runs @func in a transaction; a workshop that is not surveyed has nothing to mark. */
static gboolean
mark_workshop (FuStore          *self,
               MarkWorkshopFunc  func,
               gint64            workshop_id,
               FuDay             date,
               guint            *n_changed,
               GError          **error)
{
  guint changed = 0;
  FuDay deadline_override = FU_DAY_NONE;
  gboolean surveyed = FALSE;
  gboolean ok;

  if (n_changed != NULL)
    *n_changed = 0;

  if (!fu_store_begin (self, error))
    return FALSE;
  ok = get_workshop_schedule (self, workshop_id, &deadline_override, &surveyed, error);
  if (ok && surveyed)
    ok = func (self, workshop_id, date, deadline_override, &changed, error);
  if (!fu_store_finish (self, ok, error))
    return FALSE;
  if (n_changed != NULL)
    *n_changed = changed;
  return TRUE;
}

static gboolean
mark_sent (FuStore *self,
           gint64   workshop_id,
           FuDay    date,
           FuDay    deadline_override,
           guint   *n_changed,
           GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  FuRules rules;

  fu_store_get_rules (self, &rules);
  stmt = fu_store_prepare (self,
                           "UPDATE followup SET sent_date = ?2, deadline = ?3 "
                           "WHERE sent_date IS NULL AND closed_date IS NULL "
                           "AND attendance_id IN "
                           "(SELECT id FROM attendance WHERE workshop_id = ?1) "
                           "AND NOT EXISTS "
                           "(SELECT 1 FROM reply r WHERE r.followup_id = followup.id)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workshop_id);
  fu_store_bind_day (stmt, 2, date);
  fu_store_bind_day (stmt, 3, fu_schedule_deadline (&rules, date, deadline_override));
  if (!step_done (self, stmt, _("Could not mark the questionnaires sent"), error))
    return FALSE;
  *n_changed = (guint) sqlite3_changes (self->db);
  return TRUE;
}

gboolean
fu_store_mark_sent (FuStore *self,
                    gint64   workshop_id,
                    FuDay    date,
                    guint   *n_changed,
                    GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (date != FU_DAY_NONE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return mark_workshop (self, mark_sent, workshop_id, date, n_changed, error);
}

/* The condition for a reminder on ?2: sent by then, no reply received by then, not closed
 * by then, and not reminded that same day already. */
#define REMINDABLE \
  "f.sent_date <= ?2 AND (f.closed_date IS NULL OR f.closed_date > ?2) " \
  "AND NOT EXISTS (SELECT 1 FROM reply r WHERE r.followup_id = f.id AND r.received_date <= ?2) " \
  "AND NOT EXISTS (SELECT 1 FROM reminder m WHERE m.followup_id = f.id AND m.sent_date = ?2)"

static gboolean
mark_reminded (FuStore *self,
               gint64   workshop_id,
               FuDay    date,
               FuDay    deadline_override,
               guint   *n_changed,
               GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_store_prepare (self,
                           "INSERT INTO reminder (followup_id, sent_date) "
                           "SELECT f.id, ?2 FROM followup f "
                           "JOIN attendance a ON a.id = f.attendance_id "
                           "WHERE a.workshop_id = ?1 AND " REMINDABLE,
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workshop_id);
  fu_store_bind_day (stmt, 2, date);
  if (!step_done (self, stmt, _("Could not record the reminders"), error))
    return FALSE;
  *n_changed = (guint) sqlite3_changes (self->db);
  return TRUE;
}

gboolean
fu_store_mark_reminded (FuStore *self,
                        gint64   workshop_id,
                        FuDay    date,
                        guint   *n_changed,
                        GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (date != FU_DAY_NONE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return mark_workshop (self, mark_reminded, workshop_id, date, n_changed, error);
}

/* Marks one chosen follow-up; FALSE with an error when it does not exist. */
typedef gboolean (*MarkFollowupFunc) (FuStore       *self,
                                      const FuRules *rules,
                                      gint64         followup_id,
                                      FuDay          date,
                                      GError       **error);

/* Runs @func on every follow-up, in one transaction. */
static gboolean
mark_followups (FuStore          *self,
                MarkFollowupFunc  func,
                const gint64     *followup_ids,
                guint             n_ids,
                FuDay             date,
                GError          **error)
{
  FuRules rules;
  gboolean ok = TRUE;

  fu_store_get_rules (self, &rules);
  if (!fu_store_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < n_ids; i++)
    ok = func (self, &rules, followup_ids[i], date, error);
  return fu_store_finish (self, ok, error);
}

/* Sends one chosen questionnaire, unless it is already sent, replied or closed. */
static gboolean
mark_one_sent (FuStore       *self,
               const FuRules *rules,
               gint64         followup_id,
               FuDay          date,
               GError       **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  g_autoptr(FuStmt) update = NULL;
  FuDay deadline_override;
  gboolean found;

  stmt = select_one_by_id (self,
                           "SELECT w.deadline_override,"
                           " f.sent_date IS NULL AND f.closed_date IS NULL"
                           " AND NOT EXISTS (SELECT 1 FROM reply r WHERE r.followup_id = f.id)"
                           " FROM followup f JOIN attendance a ON a.id = f.attendance_id"
                           " JOIN workshop w ON w.id = a.workshop_id WHERE f.id = ?1",
                           followup_id, &found, _("Could not read a follow-up"), error);
  if (stmt == NULL)
    return FALSE;
  if (!found)
    return followup_not_found (followup_id, error);
  if (sqlite3_column_int (stmt, 1) == 0)
    return TRUE;
  deadline_override = fu_store_column_day (stmt, 0);
  sqlite3_reset (stmt);

  update = fu_store_prepare (self,
                             "UPDATE followup SET sent_date = ?2, deadline = ?3 WHERE id = ?1",
                             error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, followup_id);
  fu_store_bind_day (update, 2, date);
  fu_store_bind_day (update, 3, fu_schedule_deadline (rules, date, deadline_override));
  return step_done (self, update, _("Could not mark a questionnaire sent"), error);
}

gboolean
fu_store_mark_followups_sent (FuStore      *self,
                              const gint64 *followup_ids,
                              guint         n_ids,
                              FuDay         date,
                              GError      **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (followup_ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (date != FU_DAY_NONE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return mark_followups (self, mark_one_sent, followup_ids, n_ids, date, error);
}

static gboolean
mark_one_reminded (FuStore       *self,
                   const FuRules *rules,
                   gint64         followup_id,
                   FuDay          date,
                   GError       **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  g_autoptr(FuStmt) exists = NULL;
  gboolean found;

  stmt = fu_store_prepare (self,
                           "INSERT INTO reminder (followup_id, sent_date) "
                           "SELECT f.id, ?2 FROM followup f WHERE f.id = ?1 AND " REMINDABLE,
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, followup_id);
  fu_store_bind_day (stmt, 2, date);
  if (!step_done (self, stmt, _("Could not record a reminder"), error))
    return FALSE;
  if (sqlite3_changes (self->db) > 0)
    return TRUE;

  /* Nothing to remind: fine, unless the follow-up does not exist. */
  exists = select_one_by_id (self, "SELECT 1 FROM followup WHERE id = ?1", followup_id, &found,
                             _("Could not read a follow-up"), error);
  if (exists == NULL)
    return FALSE;
  return found ? TRUE : followup_not_found (followup_id, error);
}

gboolean
fu_store_mark_followups_reminded (FuStore      *self,
                                  const gint64 *followup_ids,
                                  guint         n_ids,
                                  FuDay         date,
                                  GError      **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (followup_ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (date != FU_DAY_NONE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return mark_followups (self, mark_one_reminded, followup_ids, n_ids, date, error);
}

static gboolean
close_followup (FuStore    *self,
                gint64      followup_id,
                FuDay       date,
                const char *reason,
                GError    **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_store_prepare (self,
                           "UPDATE followup SET closed_date = ?2, closed_reason = ?3 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, followup_id);
  fu_store_bind_day (stmt, 2, date);
  fu_store_bind_text (stmt, 3, date != FU_DAY_NONE ? reason : NULL);
  if (!step_done (self, stmt, _("Could not close the follow-up"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return followup_not_found (followup_id, error);
  return TRUE;
}

/* FU_DAY_NONE as @date reopens a closed follow-up. */
gboolean
fu_store_close_followup (FuStore    *self,
                         gint64      followup_id,
                         FuDay       date,
                         const char *reason,
                         GError    **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_store_finish (self, close_followup (self, followup_id, date, reason, error), error);
}

/* ---- Replies ----------------------------------------------------------------------------- */

/* The reply columns after its id, in the order reply_from_row() and bind_reply() use. */
#define REPLY_FIELDS \
  "followup_id, received_date, answered_by, shared_materials, submitted_report, " \
  "made_recommendations, inhouse_workshop, developed_manuals, other_action, " \
  "colleagues_shared, other_action_text, colleagues_learned, lessons_use, direct_effects, " \
  "direct_effects_text, contributed, contributed_text, project_initiated, project_text"
#define REPLY_N_FIELDS 19

#define R_REPLY_FIELDS \
  "r.followup_id, r.received_date, r.answered_by, r.shared_materials, r.submitted_report, " \
  "r.made_recommendations, r.inhouse_workshop, r.developed_manuals, r.other_action, " \
  "r.colleagues_shared, r.other_action_text, r.colleagues_learned, r.lessons_use, " \
  "r.direct_effects, r.direct_effects_text, r.contributed, r.contributed_text, " \
  "r.project_initiated, r.project_text"

/* Fills @reply from "id, REPLY_FIELDS" at the row's start. */
static void
reply_from_row (sqlite3_stmt *stmt,
                FuReply      *reply)
{
  reply->id = sqlite3_column_int64 (stmt, 0);
  reply->followup_id = sqlite3_column_int64 (stmt, 1);
  reply->received_date = fu_store_column_day (stmt, 2);
  reply->answered_by = fu_store_column_text (stmt, 3);
  for (guint i = 0; i < FU_N_ACTIONS; i++)
    reply->actions[i] = sqlite3_column_int (stmt, 4 + i) != 0;
  reply->colleagues_shared = column_count (stmt, 10);
  reply->other_action_text = fu_store_column_text (stmt, 11);
  reply->colleagues_learned = column_count (stmt, 12);
  reply->lessons_use = fu_store_column_text (stmt, 13);
  reply->direct_effects = column_count (stmt, 14);
  reply->direct_effects_text = fu_store_column_text (stmt, 15);
  reply->contributed = column_count (stmt, 16);
  reply->contributed_text = fu_store_column_text (stmt, 17);
  reply->project_initiated = column_count (stmt, 18);
  reply->project_text = fu_store_column_text (stmt, 19);
}

static void
bind_reply (sqlite3_stmt  *stmt,
            const FuReply *reply)
{
  sqlite3_bind_int64 (stmt, 1, reply->followup_id);
  fu_store_bind_day (stmt, 2, reply->received_date);
  fu_store_bind_text (stmt, 3, reply->answered_by);
  for (guint i = 0; i < FU_N_ACTIONS; i++)
    sqlite3_bind_int (stmt, 4 + i, reply->actions[i] ? 1 : 0);
  bind_count (stmt, 10, reply->colleagues_shared);
  fu_store_bind_text (stmt, 11, reply->other_action_text);
  bind_count (stmt, 12, reply->colleagues_learned);
  fu_store_bind_text (stmt, 13, reply->lessons_use);
  bind_count (stmt, 14, reply->direct_effects);
  fu_store_bind_text (stmt, 15, reply->direct_effects_text);
  bind_count (stmt, 16, reply->contributed);
  fu_store_bind_text (stmt, 17, reply->contributed_text);
  bind_count (stmt, 18, reply->project_initiated);
  fu_store_bind_text (stmt, 19, reply->project_text);
}

static gboolean
validate_answer (FuAnswer    answer,
                 const char *question,
                 GError    **error)
{
  if (answer == FU_ANSWER_UNANSWERED || answer == FU_ANSWER_NO || answer == FU_ANSWER_YES)
    return TRUE;
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
               _("%s must be answered yes or no, or left unanswered"), question);
  return FALSE;
}

static gboolean
validate_reply (const FuReply *reply,
                GError       **error)
{
  if (reply->received_date == FU_DAY_NONE)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("A reply needs the date it was received"));
      return FALSE;
    }
  if (reply->colleagues_shared < -1)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("The number of colleagues the materials were shared with cannot be "
                     "negative (%d)"),
                   reply->colleagues_shared);
      return FALSE;
    }
  if (reply->colleagues_learned < -1)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("The number of colleagues who learned from the materials cannot be "
                     "negative (%d)"),
                   reply->colleagues_learned);
      return FALSE;
    }
  return validate_answer (reply->direct_effects, _("Q3 (direct effects)"), error)
         && validate_answer (reply->contributed, _("Q4 (contributed)"), error)
         && validate_answer (reply->project_initiated, _("Q5 (project initiated)"), error);
}

/* Who replied to what, for messages. */
static char *
describe_followup (FuStore *self,
                   gint64   followup_id)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_store_prepare (self,
                           "SELECT p.name, w.code FROM followup f "
                           "JOIN attendance a ON a.id = f.attendance_id "
                           "JOIN workshop w ON w.id = a.workshop_id "
                           "JOIN participant p ON p.id = a.participant_id WHERE f.id = ?1",
                           NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, followup_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  /* TRANSLATORS: a participant's name and a workshop's code */
  return g_strdup_printf (_("'%s' at workshop '%s'"),
                          (const char *) sqlite3_column_text (stmt, 0),
                          (const char *) sqlite3_column_text (stmt, 1));
}

static gboolean
save_reply (FuStore *self,
            FuReply *reply,
            gboolean replace,
            GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  gint64 existing = 0;
  FuDay existing_received = FU_DAY_NONE;
  gboolean found;

  stmt = select_one_by_id (self,
                           "SELECT f.id, r.id, r.received_date FROM followup f "
                           "LEFT JOIN reply r ON r.followup_id = f.id WHERE f.id = ?1",
                           reply->followup_id, &found, _("Could not read a follow-up"), error);
  if (stmt == NULL)
    return FALSE;
  if (!found)
    return followup_not_found (reply->followup_id, error);
  existing = sqlite3_column_int64 (stmt, 1);
  existing_received = fu_store_column_day (stmt, 2);
  sqlite3_reset (stmt);

  if (existing != 0 && !replace)
    {
      g_autofree char *who = describe_followup (self, reply->followup_id);
      char buf[11];

      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                   _("The reply of %s (received %s) is already recorded; replace it to "
                     "change it"),
                   who != NULL ? who : "?", day_iso (existing_received, buf));
      return FALSE;
    }

  if (existing != 0)
    stmt = fu_store_prepare (self,
                             "UPDATE reply SET (" REPLY_FIELDS ") = "
                             "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                             "?16, ?17, ?18, ?19) WHERE id = ?20",
                             error);
  else
    stmt = fu_store_prepare (self,
                             "INSERT INTO reply (" REPLY_FIELDS ") VALUES "
                             "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                             "?16, ?17, ?18, ?19)",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_reply (stmt, reply);
  if (existing != 0)
    sqlite3_bind_int64 (stmt, REPLY_N_FIELDS + 1, existing);
  if (!step_done (self, stmt, _("Could not save the reply"), error))
    return FALSE;

  reply->id = existing != 0 ? existing : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
fu_store_save_reply (FuStore *self,
                     FuReply *reply,
                     gboolean replace,
                     GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (reply != NULL, FALSE);
  g_return_val_if_fail (reply->followup_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_reply (reply, error))
    return FALSE;

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_store_finish (self, save_reply (self, reply, replace, error), error);
}

FuReply *
fu_store_get_reply (FuStore *self,
                    gint64   followup_id,
                    GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  FuReply *reply;
  gboolean found;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = select_one_by_id (self, "SELECT id, " REPLY_FIELDS " FROM reply WHERE followup_id = ?1",
                           followup_id, &found, _("Could not read a reply"), error);
  if (stmt == NULL || !found)
    return NULL;

  reply = fu_reply_new ();
  reply_from_row (stmt, reply);
  return reply;
}

static gboolean
delete_reply (FuStore *self,
              gint64   followup_id,
              GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_store_prepare (self, "DELETE FROM reply WHERE followup_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, followup_id);
  if (!step_done (self, stmt, _("Could not delete the reply"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("Follow-up %lld has no reply to delete"), (long long) followup_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
fu_store_delete_reply (FuStore *self,
                       gint64   followup_id,
                       GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_store_finish (self, delete_reply (self, followup_id, error), error);
}

/* A reply of "r.id, R_REPLY_FIELDS, w.code, p.name, p.email, ad.name". */
static FuReplyRow *
reply_row_from_row (sqlite3_stmt *stmt)
{
  FuReplyRow *row = g_new0 (FuReplyRow, 1);

  reply_from_row (stmt, &row->reply);
  row->workshop_code = fu_store_column_text (stmt, REPLY_N_FIELDS + 1);
  row->participant_name = fu_store_column_text (stmt, REPLY_N_FIELDS + 2);
  row->email = fu_store_column_text (stmt, REPLY_N_FIELDS + 3);
  row->administration = fu_store_column_text (stmt, REPLY_N_FIELDS + 4);
  return row;
}

GPtrArray *
fu_store_list_replies (FuStore *self,
                       FuDay    from,
                       FuDay    to,
                       GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_store_prepare (self,
                           "SELECT r.id, " R_REPLY_FIELDS ", w.code, p.name, p.email, ad.name "
                           "FROM reply r "
                           "JOIN followup f ON f.id = r.followup_id "
                           "JOIN attendance a ON a.id = f.attendance_id "
                           "JOIN workshop w ON w.id = a.workshop_id "
                           "JOIN participant p ON p.id = a.participant_id "
                           "JOIN administration ad ON ad.id = p.administration_id "
                           "WHERE w.surveyed = 1 "
                           "AND (?1 IS NULL OR w.start_date >= ?1) "
                           "AND (?2 IS NULL OR w.start_date <= ?2) "
                           "ORDER BY w.start_date, w.code, ad.name, p.name, r.id",
                           error);
  if (stmt == NULL)
    return NULL;
  fu_store_bind_day (stmt, 1, from);
  fu_store_bind_day (stmt, 2, to);
  return collect_rows (self, stmt, (RowFunc) reply_row_from_row,
                       (GDestroyNotify) fu_reply_row_free, _("Could not list the replies"), error);
}

/* ---- Deleting people and attendances, editing administrations ------------------------- */

static gboolean
delete_by_id (FuStore    *self,
              const char *sql,
              gint64      id,
              const char *what,
              GError    **error)
{
  g_autoptr(FuStmt) stmt = fu_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (self, stmt, what, error);
}

static gboolean
delete_participant (FuStore *self,
                    gint64   id,
                    GError **error)
{
  if (!delete_by_id (self, "DELETE FROM attendance WHERE participant_id = ?1", id,
                     _("Could not delete the participant's attendances"), error)
      || !delete_by_id (self, "DELETE FROM participant WHERE id = ?1", id,
                        _("Could not delete the participant"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return participant_not_found (id, error);
  return TRUE;
}

gboolean
fu_store_delete_participant (FuStore *self,
                             gint64   id,
                             GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_store_finish (self, delete_participant (self, id, error), error);
}

static gboolean
delete_attendance (FuStore *self,
                   gint64   id,
                   GError **error)
{
  if (!delete_by_id (self, "DELETE FROM attendance WHERE id = ?1", id,
                     _("Could not remove the participant from the workshop"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no attendance with id %lld"), (long long) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
fu_store_delete_attendance (FuStore *self,
                            gint64   id,
                            GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_store_finish (self, delete_attendance (self, id, error), error);
}

static gboolean
update_administration (FuStore                *self,
                       const FuAdministration *admin,
                       GError                **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_store_prepare (self,
                           "UPDATE administration SET name = ?1, short_name = ?2, country = ?3, "
                           "member = ?4 WHERE id = ?5",
                           error);
  if (stmt == NULL)
    return FALSE;
  fu_store_bind_text (stmt, 1, admin->name);
  fu_store_bind_text (stmt, 2, is_blank (admin->short_name) ? NULL : admin->short_name);
  fu_store_bind_text (stmt, 3, admin->country);
  sqlite3_bind_int (stmt, 4, admin->member ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, admin->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (extended_errcode (self) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                       _("Another administration is named '%s' or has the short name '%s'"),
                       admin->name, admin->short_name != NULL ? admin->short_name : "");
          return FALSE;
        }
      return fu_store_set_error (self, error, _("Could not save the administration"));
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no administration with id %lld"), (long long) admin->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
fu_store_update_administration (FuStore                *self,
                                const FuAdministration *admin,
                                GError                **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (admin != NULL && admin->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_blank (admin->name))
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("An administration needs a name"));
      return FALSE;
    }
  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_store_finish (self, update_administration (self, admin, error), error);
}

static gboolean
delete_administration (FuStore *self,
                       gint64   id,
                       GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_store_prepare (self, "DELETE FROM administration WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (extended_errcode (self) == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                               _("This administration still has participants or hosts "
                                 "workshops: merge it into another instead"));
          return FALSE;
        }
      return fu_store_set_error (self, error, _("Could not delete the administration"));
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no administration with id %lld"), (long long) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
fu_store_delete_administration (FuStore *self,
                                gint64   id,
                                GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_store_finish (self, delete_administration (self, id, error), error);
}
