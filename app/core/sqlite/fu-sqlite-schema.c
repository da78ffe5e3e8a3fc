/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-sqlite-schema.c: the SQLite schema, its migrations, and opening a file safely */

#define G_LOG_DOMAIN "fu-sqlite-schema"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-rules.h"
#include "fu-sqlite-private.h"

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
/* How long a connection waits for another program's lock before saying the file is in use. */
#define BUSY_TIMEOUT_MS 5000

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
  FU_STORE_BUILT_IN_ROWS,

  /* Version 2: indexes for the importer's lookups, the follow-up board and the summaries. */
  "CREATE INDEX workshop_start ON workshop (start_date, code);\n"
  "CREATE INDEX participant_name ON participant (name, administration_id);\n"
  "CREATE INDEX participant_administration ON participant (administration_id);\n"
  "CREATE INDEX attendance_participant ON attendance (participant_id);\n"
  "CREATE INDEX reminder_followup ON reminder (followup_id, sent_date);\n",

  /* Version 3: the audit log. Every command writes one audit_entry. While it runs, its
   * id is the one row of audit_capture, and the triggers below record each row it updates
   * or deletes as one audit_change with the row's old and new values as JSON (an update
   * that changes nothing is not recorded). The rows it adds are not copied: at its end the
   * store records them as ranges of consecutive ids (op 1, row_id to row_last), found above
   * the largest id each table had when the command began; their values are in their own
   * tables. Outside a command audit_capture is empty and the triggers record nothing.
   * audit_subject lists the workshops each entry concerned, for their own histories. */
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
  "  row_last  INTEGER CHECK ((op = 1) = (row_last >= row_id)),\n"
  "  old       TEXT,\n"
  "  new       TEXT\n"
  ");\n"
  "CREATE INDEX audit_change_entry ON audit_change (entry_id);\n"
  "CREATE INDEX audit_change_row ON audit_change (tbl, row_id);\n"
  "CREATE TABLE audit_capture (entry_id INTEGER NOT NULL);\n"
  "CREATE TABLE audit_subject (\n"
  "  kind        TEXT NOT NULL CHECK (kind IN ('workshop')),\n"
  "  subject_id  INTEGER NOT NULL,\n"
  "  entry_id    INTEGER NOT NULL,\n"
  "  PRIMARY KEY (kind, subject_id, entry_id)\n"
  ") WITHOUT ROWID;\n"
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

  /* Version 4: do not contact. A person marked so, with the day and a reason, gets no
   * questionnaire and no reminder: their open follow-ups are closed "do not contact", and
   * so is any follow-up they get later. The participant's audit triggers record the two
   * new columns. */
  "ALTER TABLE participant ADD COLUMN no_contact_date TEXT\n"
  "  CHECK (no_contact_date IS NULL\n"
  "         OR no_contact_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');\n"
  "ALTER TABLE participant ADD COLUMN no_contact_reason TEXT;\n"
  "CREATE TRIGGER followup_no_contact AFTER INSERT ON followup BEGIN\n"
  "  UPDATE followup SET closed_date = p.no_contact_date, closed_reason = 'do not contact'\n"
  "  FROM attendance a JOIN participant p ON p.id = a.participant_id\n"
  "  WHERE followup.id = NEW.id AND a.id = NEW.attendance_id\n"
  "    AND p.no_contact_date IS NOT NULL;\n"
  "END;\n"
  "DROP TRIGGER audit_participant_update;\n"
  "DROP TRIGGER audit_participant_delete;\n"
  "CREATE TRIGGER audit_participant_update AFTER UPDATE ON participant BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'participant', NEW.id, 2, o, n FROM audit_capture, (SELECT\n"
  "    json_object ('id', OLD.id, 'name', OLD.name,\n"
  "      'administration_id', OLD.administration_id, 'email', OLD.email,\n"
  "      'position', OLD.position, 'gender', OLD.gender,\n"
  "      'no_contact_date', OLD.no_contact_date,\n"
  "      'no_contact_reason', OLD.no_contact_reason) AS o,\n"
  "    json_object ('id', NEW.id, 'name', NEW.name,\n"
  "      'administration_id', NEW.administration_id, 'email', NEW.email,\n"
  "      'position', NEW.position, 'gender', NEW.gender,\n"
  "      'no_contact_date', NEW.no_contact_date,\n"
  "      'no_contact_reason', NEW.no_contact_reason) AS n)\n"
  "  WHERE o IS NOT n;\n"
  "END;\n"
  "CREATE TRIGGER audit_participant_delete AFTER DELETE ON participant BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'participant', OLD.id, 3,\n"
  "    json_object ('id', OLD.id, 'name', OLD.name,\n"
  "      'administration_id', OLD.administration_id, 'email', OLD.email,\n"
  "      'position', OLD.position, 'gender', OLD.gender,\n"
  "      'no_contact_date', OLD.no_contact_date,\n"
  "      'no_contact_reason', OLD.no_contact_reason), NULL\n"
  "  FROM audit_capture;\n"
  "END;\n",

  /* Version 5: observers. An administration that takes part without being a member (an
   * observer) is marked so; a missing value, as in older history entries, reads as not an
   * observer. The administration's audit triggers record it. */
  "ALTER TABLE administration ADD COLUMN observer INTEGER CHECK (observer IN (0, 1));\n"
  "DROP TRIGGER audit_administration_update;\n"
  "DROP TRIGGER audit_administration_delete;\n"
  "CREATE TRIGGER audit_administration_update AFTER UPDATE ON administration BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'administration', NEW.id, 2, o, n FROM audit_capture, (SELECT\n"
  "    json_object ('id', OLD.id, 'name', OLD.name,\n"
  "      'short_name', OLD.short_name, 'country', OLD.country,\n"
  "      'member', OLD.member, 'observer', OLD.observer) AS o,\n"
  "    json_object ('id', NEW.id, 'name', NEW.name,\n"
  "      'short_name', NEW.short_name, 'country', NEW.country,\n"
  "      'member', NEW.member, 'observer', NEW.observer) AS n)\n"
  "  WHERE o IS NOT n;\n"
  "END;\n"
  "CREATE TRIGGER audit_administration_delete AFTER DELETE ON administration BEGIN\n"
  "  INSERT INTO audit_change (entry_id, tbl, row_id, op, old, new)\n"
  "  SELECT entry_id, 'administration', OLD.id, 3,\n"
  "    json_object ('id', OLD.id, 'name', OLD.name,\n"
  "      'short_name', OLD.short_name, 'country', OLD.country,\n"
  "      'member', OLD.member, 'observer', OLD.observer), NULL\n"
  "  FROM audit_capture;\n"
  "END;\n",

  /* Version 6: a new follow-up of a person not to be contacted is closed by the statement
   * that creates it, no longer by a trigger: the trigger made every row of an import write
   * a statement journal. Follow-ups already closed stay as they are. */
  "DROP TRIGGER followup_no_contact;\n",

  /* Version 7 changes the team database only (fu-pg-schema.c): its functions became faster
   * for large imports. The embedded database keeps its schema. */
  "SELECT 7;\n",

  /* Version 8 changes the team database only: the history of a large import is written
   * faster. */
  "SELECT 8;\n",
};

/* The tables a Follow-Up database has from version 1 on. */
static const char * const base_tables[] = {
  "administration", "workshop", "participant", "attendance", "followup", "reminder", "reply",
  "settings",
};

/* ---- Opening and migrating --------------------------------------------------------------- */

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
  g_autoptr(FuStmt) stmt = fu_sqlite_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return fu_sqlite_set_error (self, error, FU_SQLITE (self)->path);
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
      stmt = fu_sqlite_prepare (self,
                               "SELECT count (*) FROM sqlite_schema "
                               "WHERE type IN ('table', 'view')",
                               error);
      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return fu_sqlite_set_error (self, error, FU_SQLITE (self)->path);
      if (sqlite3_column_int64 (stmt, 0) != 0)
        return not_database_error (FU_SQLITE (self)->path, error);
      return TRUE;
    }

  stmt = fu_sqlite_prepare (self,
                           "SELECT count (*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                           "('administration', 'workshop', 'participant', 'attendance', "
                           "'followup', 'reminder', 'reply', 'settings')",
                           error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return fu_sqlite_set_error (self, error, FU_SQLITE (self)->path);
  n_tables = sqlite3_column_int64 (stmt, 0);
  if (n_tables != G_N_ELEMENTS (base_tables))
    return not_database_error (FU_SQLITE (self)->path, error);
  sqlite3_reset (stmt);

  /* Our schema sets our application id: a file with our tables and another id, or none,
   * is another program's. */
  {
    gint64 application_id = 0;

    if (!read_pragma_int (self, "PRAGMA application_id", &application_id, error))
      return FALSE;
    if (application_id != FU_APPLICATION_ID)
      return not_database_error (FU_SQLITE (self)->path, error);
  }
  return TRUE;
}

/* Whether the database of @db passes SQLite's quick check: FALSE for a damaged one. */
static gboolean
passes_quick_check (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sqlite3_prepare_v2 (db, "PRAGMA quick_check (1)", -1, &stmt, NULL) == SQLITE_OK
       && sqlite3_step (stmt) == SQLITE_ROW
       && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  return ok;
}

/* Whether the file alone is the database: no write-ahead log, or an empty one. */
static gboolean
wal_is_empty (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf wal_stat;

  return g_stat (wal, &wal_stat) != 0 || wal_stat.st_size == 0;
}

/* A "file:" URI for @path that opens it read-only; @immutable when its folder cannot hold
 * the -shm file (a read-only share), or when the file alone is the database: then reading
 * it leaves no -wal or -shm file behind. */
static char *
read_only_uri (const char *path,
               gboolean    immutable)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strdup_printf ("file:%s?mode=ro%s", escaped, immutable ? "&immutable=1" : "");
}

static void configure_connection (sqlite3 *db);

/* The file failed its check: read, never written, through a new read-only connection. */
static gboolean
reopen_damaged (FuStore *self)
{
  g_autofree char *uri = read_only_uri (FU_SQLITE (self)->path,
                                        wal_is_empty (FU_SQLITE (self)->path));

  g_hash_table_remove_all (FU_SQLITE (self)->statements);
  g_clear_pointer (&FU_SQLITE (self)->db, sqlite3_close_v2);
  FU_SQLITE (self)->access = FU_STORE_ACCESS_DAMAGED;
  if (sqlite3_open_v2 (uri, &FU_SQLITE (self)->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                       NULL) != SQLITE_OK)
    return FALSE;
  configure_connection (FU_SQLITE (self)->db);
  return TRUE;
}

/* FU_STORE_OPEN_CHECK_LATER: checks the file on a connection of its own. The store outlives
 * the thread (its finalize joins it), but not always the verdict's idle callback: a program
 * with no main loop never runs it, and a reference there would keep the database open. */
typedef struct {
  FuStore      *store;
  GWeakRef      told;      /* the store, for the callback in @context */
  char         *path;
  GMainContext *context;
} Check;

static gboolean
check_ended_cb (gpointer user_data)
{
  Check *check = user_data;
  g_autoptr(FuStore) store = g_weak_ref_get (&check->told);

  if (store != NULL && fu_sqlite_settle_check (store))
    fu_store_emit_access_changed (store);
  return G_SOURCE_REMOVE;
}

static void
check_free (gpointer user_data)
{
  Check *check = user_data;

  g_weak_ref_clear (&check->told);
  g_main_context_unref (check->context);
  g_free (check->path);
  g_free (check);
}

static gpointer
check_thread (gpointer user_data)
{
  Check *check = user_data;
  g_autofree char *uri = read_only_uri (check->path, FALSE);
  sqlite3 *db = NULL;
  GSource *source;
  gboolean passed;

  passed = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK
           && passes_quick_check (db);
  sqlite3_close_v2 (db);
  g_atomic_int_set (&FU_SQLITE (check->store)->check_state,
                    passed ? CHECK_PASSED : CHECK_FAILED);
  /* Never run here: g_main_context_invoke() would, with the context free. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, check_ended_cb, check, check_free);
  g_source_attach (source, check->context);
  g_source_unref (source);
  return NULL;
}

static void
start_check (FuStore *self)
{
  Check *check = g_new0 (Check, 1);

  check->store = self;
  g_weak_ref_init (&check->told, self);
  check->path = g_strdup (FU_SQLITE (self)->path);
  check->context = g_main_context_ref_thread_default ();
  FU_SQLITE (self)->check_state = CHECK_RUNNING;
  FU_SQLITE (self)->check_thread = g_thread_new ("fu-check", check_thread, check);
}

gboolean
fu_sqlite_settle_check (FuStore *self)
{
  if (FU_SQLITE (self)->check_thread != NULL)
    g_thread_join (g_steal_pointer (&FU_SQLITE (self)->check_thread));
  else if (FU_SQLITE (self)->check_state == CHECK_BEFORE_WRITE)
    FU_SQLITE (self)->check_state = passes_quick_check (FU_SQLITE (self)->db) ? CHECK_PASSED
                                                                               : CHECK_FAILED;
  else
    return FALSE;
  if (g_atomic_int_get (&FU_SQLITE (self)->check_state) != CHECK_FAILED)
    return FALSE;
  g_debug ("%s failed its check: it is damaged, and opened read-only",
           FU_SQLITE (self)->path);
  if (FU_SQLITE (self)->depth > 0)
    sqlite3_exec (FU_SQLITE (self)->db, "ROLLBACK", NULL, NULL, NULL);
  FU_SQLITE (self)->depth = 0;
  reopen_damaged (self);
  return TRUE;
}

/* Whether the file is in WAL mode already: opening it writes nothing then. */
static gboolean
is_wal (FuStore *self)
{
  g_autoptr(FuStmt) stmt = fu_sqlite_prepare (self, "PRAGMA journal_mode", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW
         && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
}

/* The write-ahead log for the file. A file another program writes in place (a command
 * line's import, fu_store_set_bulk()) has its lock, which SQLite does not wait for here
 * (its busy timeout is for reads and writes): waited for as long, then the file gets its
 * log back, unless that program gave it back first. */
static gboolean
set_wal (FuStore *self)
{
  gint64 until = g_get_monotonic_time () + BUSY_TIMEOUT_MS * 1000;
  int rc;

  while ((rc = sqlite3_exec (FU_SQLITE (self)->db, "PRAGMA journal_mode = WAL", NULL, NULL,
                             NULL)) == SQLITE_BUSY
         && g_get_monotonic_time () < until)
    sqlite3_sleep (20);
  return rc == SQLITE_OK;
}

/* A copy of the file as it is, with SQLite's online backup API (the write-ahead log
 * included, nothing written to the file), whole and checked or not at all. */
static gboolean
backup_file (FuStore *self,
             guint    version,
             GError **error)
{
  g_autofree char *backup_path = g_strdup_printf ("%s.bak-v%u", FU_SQLITE (self)->path, version);
  g_autoptr(GError) local_error = NULL;

  if (!fu_sqlite_backup_to (self, backup_path, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not back up '%s' before upgrading it: %s"), FU_SQLITE (self)->path,
                   local_error->message);
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

  if (sqlite3_exec (FU_SQLITE (self)->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not upgrade '%s'"), FU_SQLITE (self)->path);
      return fu_sqlite_set_error (self, error, what);
    }

  /* Another program may have upgraded the file since we looked. */
  if (!read_pragma_int (self, "PRAGMA user_version", &current, error))
    goto failed;
  if (current > (gint64) from)
    {
      sqlite3_exec (FU_SQLITE (self)->db, "COMMIT", NULL, NULL, NULL);
      return TRUE;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %u", from + 1);
  if (sqlite3_exec (FU_SQLITE (self)->db, migrations[from], NULL, NULL, &message) != SQLITE_OK
      || sqlite3_exec (FU_SQLITE (self)->db, set_version, NULL, NULL, &message) != SQLITE_OK
      || sqlite3_exec (FU_SQLITE (self)->db, "COMMIT", NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                   _("Could not upgrade '%s' to schema %u: %s"), FU_SQLITE (self)->path, from + 1,
                   message != NULL ? message : sqlite3_errmsg (FU_SQLITE (self)->db));
      sqlite3_free (message);
      goto failed;
    }
  return TRUE;

failed:
  if (!sqlite3_get_autocommit (FU_SQLITE (self)->db))
    sqlite3_exec (FU_SQLITE (self)->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Every connection: full error codes, a wait for other writers, and a hardened schema:
 * triggers and views planted in a file run nothing with side effects, and nothing writes
 * the schema but our migrations. */
static void
configure_connection (sqlite3 *db)
{
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  fu_sqlite_register_functions (db);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
}

static FuStore *
store_open (const char        *path,
            guint              target,
            FuStoreOpenFlags   flags,
            GError           **error)
{
  g_autoptr(FuStore) self = NULL;
  gboolean memory = g_strcmp0 (path, ":memory:") == 0;
  gboolean existing = FALSE;
  gint64 version = 0;
  g_autofree char *folder = NULL;
  gboolean check_later;
  int rc;

  if (!memory)
    {
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

  self = g_object_new (FU_TYPE_SQLITE_STORE, NULL);
  FU_SQLITE (self)->path = g_strdup (path);
  fu_store_set_location (self, path);

  /* A file or a folder this account may not write (a read-only share) opens read-only. */
  if (existing && (g_access (path, W_OK) != 0 || g_access (folder, W_OK) != 0))
    {
      g_autofree char *uri = read_only_uri (path, g_access (folder, W_OK) != 0
                                                  || wal_is_empty (path));

      FU_SQLITE (self)->access = FU_STORE_ACCESS_READ_ONLY;
      rc = sqlite3_open_v2 (uri, &FU_SQLITE (self)->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                            NULL);
    }
  else
    {
      /* Created for its owner alone: it holds people's names and addresses. The -wal and
       * -shm files take the same mode. */
      if (!memory && !existing)
        {
          int fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);

          if (fd >= 0)
            close (fd);
        }
      rc = sqlite3_open_v2 (path, &FU_SQLITE (self)->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    }
  if (rc != SQLITE_OK)
    {
      sqlite3 *db = FU_SQLITE (self)->db;

      if (db != NULL && (sqlite3_extended_errcode (db) & 0xff) == SQLITE_NOTADB)
        {
          not_database_error (path, error);
          return NULL;
        }
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED, _("Could not open '%s': %s"),
                   path, db != NULL ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      return NULL;
    }
  configure_connection (FU_SQLITE (self)->db);

  /* Reading the version is the first read of the file: a corrupt file fails here. */
  if (!read_pragma_int (self, "PRAGMA user_version", &version, error))
    {
      if ((sqlite3_extended_errcode (FU_SQLITE (self)->db) & 0xff) == SQLITE_NOTADB)
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

  /* Checked later, in a thread, when opening writes nothing to the file: the window shows
   * meanwhile, and a write waits for the verdict. */
  check_later = existing
                && (flags & (FU_STORE_OPEN_CHECK_LATER | FU_STORE_OPEN_READING)) != 0
                && FU_SQLITE (self)->access == FU_STORE_ACCESS_READ_WRITE
                && version == (gint64) target && is_wal (self);

  /* A damaged file is read, never written: reopened read-only, as it is. */
  if (existing && !check_later && !passes_quick_check (FU_SQLITE (self)->db))
    {
      if (version != (gint64) target || !reopen_damaged (self))
        {
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_DAMAGED,
                       _("%s is damaged and cannot be read. Restore a backup."), path);
          return NULL;
        }
      FU_SQLITE (self)->version = (guint) version;
      return g_steal_pointer (&self);
    }

  /* Read-only: as it is, when it needs nothing done to it. */
  if (FU_SQLITE (self)->access == FU_STORE_ACCESS_READ_ONLY)
    {
      if (version != (gint64) target)
        {
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_READ_ONLY,
                       _("read-only database %s was written by an older version of Follow-Up: "
                         "open it once where it can be changed, to bring it up to date"),
                       path);
          return NULL;
        }
      sqlite3_exec (FU_SQLITE (self)->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
      FU_SQLITE (self)->version = (guint) version;
      return g_steal_pointer (&self);
    }

  /* Before anything writes to an existing file, not even the journal mode. */
  if (existing && version < target && !backup_file (self, (guint) version, error))
    return NULL;

  if (sqlite3_exec (FU_SQLITE (self)->db,
                    "PRAGMA foreign_keys = ON;"
                    "PRAGMA synchronous = NORMAL;",
                    NULL, NULL, NULL) != SQLITE_OK
      || (!memory && !set_wal (self)))
    {
      g_autofree char *what = g_strdup_printf (_("Could not open '%s'"), path);
      fu_sqlite_set_error (self, error, what);
      return NULL;
    }

  for (guint v = (guint) version; v < target; v++)
    if (!migrate_one (self, v, error))
      return NULL;

  if (!read_pragma_int (self, "PRAGMA user_version", &version, error))
    return NULL;
  FU_SQLITE (self)->version = (guint) version;

  if (check_later && (flags & FU_STORE_OPEN_READING) != 0)
    FU_SQLITE (self)->check_state = CHECK_BEFORE_WRITE;
  else if (check_later)
    start_check (self);
  return g_steal_pointer (&self);
}

FuStore *
fu_sqlite_open_reader (FuStore  *self,
                       GError  **error)
{
  g_autoptr(FuStore) reader = NULL;
  g_autofree char *uri = NULL;

  if (g_strcmp0 (FU_SQLITE (self)->path, ":memory:") == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                   "an in-memory database has no second connection");
      return NULL;
    }

  reader = g_object_new (FU_TYPE_SQLITE_STORE, NULL);
  FU_SQLITE (reader)->path = g_strdup (FU_SQLITE (self)->path);
  FU_SQLITE (reader)->access = FU_STORE_ACCESS_READ_ONLY;
  FU_SQLITE (reader)->version = FU_SQLITE (self)->version;
  uri = read_only_uri (FU_SQLITE (self)->path, FU_SQLITE (self)->access
                                               == FU_STORE_ACCESS_DAMAGED
                                               && wal_is_empty (FU_SQLITE (self)->path));
  if (sqlite3_open_v2 (uri, &FU_SQLITE (reader)->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED, _("Could not open '%s': %s"),
                   FU_SQLITE (self)->path, sqlite3_errmsg (FU_SQLITE (reader)->db));
      return NULL;
    }
  configure_connection (FU_SQLITE (reader)->db);
  return g_steal_pointer (&reader);
}



FuStore *
fu_sqlite_store_open_at_version (const char *path,
                                 guint       version,
                                 GError    **error)
{
  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (version <= fu_store_get_latest_version (), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store_open (path, version, FU_STORE_OPEN_NONE, error);
}



guint
fu_sqlite_get_version (FuStore *self)
{
  g_return_val_if_fail (FU_IS_STORE (self), 0);

  return FU_SQLITE (self)->version;
}




FuStore *
fu_sqlite_store_open (const char        *path,
                      FuStoreOpenFlags   flags,
                      GError           **error)
{
  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store_open (path, fu_store_get_latest_version (), flags, error);
}
