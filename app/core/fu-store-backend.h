/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store-backend.h: what a backend of FuStore gives fu_store_open(). A backend is a folder
 * under app/core/ with a subclass of FuStore and one FuStoreBackend, named in the
 * store_backends list of app/core/meson.build. */
#pragma once

#include "fu-store.h"

G_BEGIN_DECLS

/* The schema version every backend writes (each has its own numbered migrations). */
#define FU_STORE_SCHEMA_VERSION 8

/* The office's name every new database holds, shown translated until it is changed. */
#define DEFAULT_OFFICE_NAME "WCO Regional Office for Capacity Building for Asia/Pacific (ROCB A/P)"

/* What every new database holds, whatever its backend: the default rules and office name, and
 * the 33 ROCB A/P members. SQL both backends run as it is. */
#define FU_STORE_BUILT_IN_ROWS \
  "INSERT INTO settings (key, value) VALUES\n" \
  "  ('fiscal_year_start_month', '7'),\n" \
  "  ('followup_months', '6'),\n" \
  "  ('reply_days', '30'),\n" \
  "  ('reminder_days', '7'),\n" \
  "  ('office_name', '" DEFAULT_OFFICE_NAME "');\n" \
  "INSERT INTO administration (name, short_name, country, member) VALUES\n" \
  "  ('Afghanistan', 'AFG', 'Afghanistan', 1),\n" \
  "  ('Australia', 'AUS', 'Australia', 1),\n" \
  "  ('Bangladesh', 'BGD', 'Bangladesh', 1),\n" \
  "  ('Bhutan', 'BTN', 'Bhutan', 1),\n" \
  "  ('Brunei Darussalam', 'BRN', 'Brunei Darussalam', 1),\n" \
  "  ('Cambodia', 'KHM', 'Cambodia', 1),\n" \
  "  ('China', 'CHN', 'China', 1),\n" \
  "  ('Fiji', 'FJI', 'Fiji', 1),\n" \
  "  ('Hong Kong China', 'HKC', 'China', 1),\n" \
  "  ('India', 'IND', 'India', 1),\n" \
  "  ('Indonesia', 'IDN', 'Indonesia', 1),\n" \
  "  ('Iran', 'IRN', 'Iran', 1),\n" \
  "  ('Japan', 'JPN', 'Japan', 1),\n" \
  "  ('Korea', 'KOR', 'Korea', 1),\n" \
  "  ('Lao PDR', 'LAO', 'Lao PDR', 1),\n" \
  "  ('Macau China', 'MAC', 'China', 1),\n" \
  "  ('Malaysia', 'MYS', 'Malaysia', 1),\n" \
  "  ('Maldives', 'MDV', 'Maldives', 1),\n" \
  "  ('Mongolia', 'MNG', 'Mongolia', 1),\n" \
  "  ('Myanmar', 'MMR', 'Myanmar', 1),\n" \
  "  ('Nepal', 'NPL', 'Nepal', 1),\n" \
  "  ('New Zealand', 'NZL', 'New Zealand', 1),\n" \
  "  ('Pakistan', 'PAK', 'Pakistan', 1),\n" \
  "  ('Papua New Guinea', 'PNG', 'Papua New Guinea', 1),\n" \
  "  ('Philippines', 'PHL', 'Philippines', 1),\n" \
  "  ('Samoa', 'WSM', 'Samoa', 1),\n" \
  "  ('Singapore', 'SGP', 'Singapore', 1),\n" \
  "  ('Sri Lanka', 'LKA', 'Sri Lanka', 1),\n" \
  "  ('Thailand', 'THA', 'Thailand', 1),\n" \
  "  ('Timor-Leste', 'TLS', 'Timor-Leste', 1),\n" \
  "  ('Tonga', 'TON', 'Tonga', 1),\n" \
  "  ('Vanuatu', 'VUT', 'Vanuatu', 1),\n" \
  "  ('Viet Nam', 'VNM', 'Viet Nam', 1);\n"

typedef struct {
  const char *name;
  /* Whether @location (a path, a URI...) is for this backend. */
  gboolean  (*handles) (const char *location);
  FuStore  *(*open)    (const char *location, FuStoreOpenFlags flags, GError **error);
  /* A database that asks for a password: keeps it where the backend finds it (NULL: none). */
  gboolean  (*remember_password) (const char *location, const char *password, GError **error);
  /* What the backup file @path holds, read without opening it as a database (NULL: this
   * backend writes no backup files). */
  gboolean  (*describe_backup) (const char *path, FuBackupInfo *info, GError **error);
} FuStoreBackend;

/* For a backend's open(): what fu_store_get_path() says. */
void fu_store_set_location (FuStore *self, const char *location);
/* For a backend: the access changed after the open (a check that ran later failed). */
void fu_store_emit_access_changed (FuStore *self);
/* For a backend: the connection to the server was lost, or is back. */
void fu_store_emit_connection_changed (FuStore *self);

/* The error for an operation a backend does not do yet (@what: its name). */
void fu_store_set_cannot_error (FuStore *self, const char *what, GError **error);

/* For a backend's writes: the rules its schema's CHECKs also hold, as errors a person can
 * act on (FU_STORE_ERROR_INVALID). A workshop without an end date ends the day it starts:
 * *end_date is the one to write. */
gboolean fu_store_validate_workshop    (const FuWorkshop *workshop, FuDay *end_date,
                                        GError **error);
gboolean fu_store_validate_participant (const FuParticipant *participant, GError **error);
gboolean fu_store_validate_reply       (const FuReply *reply, GError **error);
/* Another name of an administration is the setting "alias:NAME" (folded, trimmed), whose
 * value is "ID<tab>the name as written". */
char    *fu_store_alias_key    (const char *alias);
gboolean fu_store_alias_parse  (const char *value, gint64 *administration_id,
                                const char **written);
/* Records @alias for @administration_id (0: forgets it), without the checks of
 * fu_store_set_alias(): for a backend's merge of two administrations. */
gboolean fu_store_set_alias_unchecked (FuStore *self, const char *alias,
                                       gint64 administration_id, GError **error);
/* The administration another name is for: 0 for none. */
gint64   fu_store_alias_lookup (FuStore *self, const char *alias);
/* Whether @text is NULL or only white space. */
gboolean fu_store_text_is_blank        (const char *text);

/* A participant as a backend reads every one to match a large list in memory. */
typedef struct {
  gint64      id;
  const char *name;
  gint64      administration_id;
  const char *email;        /* or NULL */
} FuKnownPerson;

/* For a backend's match_people() on a large list: who @people (every participant, in id
 * order) has for each of @rows, as the statements of a small list find them: an e-mail, else
 * a name at the administration, equal without regard to the case of ASCII letters (the
 * columns' NOCASE, fu_nocase() on a team database), the first namesake by id. Fills
 * email_id, name_id and name_has_email; the attendances are the backend's to look up. */
void     fu_store_match_in_memory      (const FuKnownPerson *people, guint n_people,
                                        FuPersonMatch *rows, guint n_rows);

/* The reply columns after its id, in the order each backend reads and writes them. */
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

/* ---- Follow-up lists and counts (fu-store-followups.c) ------------------------------------
 * A backend runs fu_followup_sql() (values ?1 as of, ?2 workshop, ?3 administration, ?4 from,
 * ?5 to, ?6 replied since: bound by number) and gives each row to a walk, which works out the
 * status as of the day, filters, and makes the list, the pages or the counts. */

/* One row of the statement, as the backend read it. The text is borrowed for the call. */
typedef struct {
  gint64      workshop_id;
  FuDay       end;
  FuDay       planned_override;
  FuDay       sent;
  FuDay       deadline;
  FuDay       closed;
  FuDay       received;
  FuDay       last_reminder;
  /* Only with rows: */
  gint64      followup_id;
  gint64      attendance_id;
  gint64      participant_id;
  gint64      administration_id;
  const char *code;
  const char *title;
  FuDay       start;
  const char *participant;
  const char *email;
  const char *administration;
  guint       n_reminders;
} FuFollowupRead;

/* The columns of fu_followup_sql(), in FuFollowupRead's order. */
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

/* The statement's columns, in FuFollowupRead's order; @rows adds the list's own. */
char *fu_followup_sql (const FuFollowupQuery *query, gboolean rows, gboolean postgres);

FuFollowupWalk *fu_followup_walk_new_list  (FuStore *store, const FuFollowupQuery *query);
FuFollowupWalk *fu_followup_walk_new_paged (FuStore *store, const FuFollowupQuery *query,
                                            guint first_size, guint page_size,
                                            FuFollowupPageFunc func, gpointer user_data);
FuFollowupWalk *fu_followup_walk_new_count (FuStore *store, const FuFollowupQuery *query,
                                            guint counts[FU_N_STATUSES]);
/* The size of the first page when the rows go out in pages (the board, as they come: worth
 * reading row by row), 0 when they do not. */
guint           fu_followup_walk_get_first_page (FuFollowupWalk *walk);
/* FALSE when the page function stopped the listing: read no more. */
gboolean        fu_followup_walk_add       (FuFollowupWalk *walk, const FuFollowupRead *read);
/* Frees the walk. A list's rows when @ok (NULL for pages and counts); a paged walk gives its
 * last page first. */
GPtrArray      *fu_followup_walk_finish    (FuFollowupWalk *walk, gboolean ok);

/* Fills @row's dates, reminders and status as of @as_of from @read (its dates and
 * n_reminders). @row's followup_id and surveyed are set already: a follow-up of a workshop
 * no longer surveyed is hidden (followup_id 0). */
void fu_attendance_row_set_followup (FuAttendanceRow *row, const FuRules *rules, FuDay as_of,
                                     const FuFollowupRead *read);

/* ---- Summaries (fu-store-summary.c) ---------------------------------------------------- */

/* The "TOTAL" row, all zero; fu_summary_row_add() adds a workshop's row to it. */
FuSummaryRow *fu_summary_total_new       (void);
void          fu_summary_row_add         (FuSummaryRow *total, const FuSummaryRow *row);
/* Puts the years entered before the database (fu_store_list_earlier_years) among @points
 * (FuTrendPoint, by year), where the database has none of its own; @first_year 0: all. */
gboolean      fu_store_add_earlier_years (FuStore *self, GArray *points, guint first_year,
                                          guint last_year, GError **error);

/* ---- Undo ---------------------------------------------------------------------------------- */

/* A record in words for a message ("workshop 2017-VAL", "a reply"); @label its code, name or
 * key, if known. */
char    *fu_store_describe_record   (const char *table, const char *label);
/* FU_STORE_ERROR_CONFLICT: @what has changed (or, @taken, been added again) since. */
gboolean fu_store_set_undo_conflict (const char *what, gboolean taken, GError **error);

/* ---- Merging people ---------------------------------------------------------------------- */

/* A workshop both people of a merge attended, as list_merge_overlaps gives it. */
typedef struct {
  gint64    keep_attendance;
  gint64    remove_attendance;
  gint64    keep_followup;
  gint64    remove_followup;
  gboolean  keep_replied;
  gboolean  remove_replied;
  char     *code;
} FuMergeOverlap;

void fu_merge_overlap_free (FuMergeOverlap *overlap);

/* Every backend's SQL for them: ?1 the person kept, ?2 the one merged into it. */
#define MERGE_OVERLAPS_SQL \
  "SELECT ak.id, ar.id, fk.id, fr.id, rk.id IS NOT NULL, rr.id IS NOT NULL, w.code" \
  " FROM attendance ak" \
  " JOIN attendance ar ON ar.workshop_id = ak.workshop_id AND ar.participant_id = ?2" \
  " JOIN workshop w ON w.id = ak.workshop_id" \
  " LEFT JOIN followup fk ON fk.attendance_id = ak.id" \
  " LEFT JOIN reply rk ON rk.followup_id = fk.id" \
  " LEFT JOIN followup fr ON fr.attendance_id = ar.id" \
  " LEFT JOIN reply rr ON rr.followup_id = fr.id" \
  " WHERE ak.participant_id = ?1" \
  " ORDER BY w.start_date, w.code"

/* ---- Versions ------------------------------------------------------------------------------ */

/* A row's version, in every backend's SQL: ?1 the table, ?2 the row's id. */
#define ROW_VERSION_SQL \
  "SELECT coalesce (max (entry_id), 0) FROM audit_change WHERE tbl = ?1 " \
  "AND (row_id = ?2 OR (op = 1 AND row_id <= ?2 AND row_last >= ?2))"

/* ---- Copies (fu-store-copy.c) -------------------------------------------------------------- */

/* The columns of the data's tables, as every backend names them, id first. */
extern const char * const fu_administration_columns[];
extern const char * const fu_workshop_columns[];
extern const char * const fu_participant_columns[];
extern const char * const fu_attendance_columns[];
extern const char * const fu_followup_columns[];
extern const char * const fu_reminder_columns[];
extern const char * const fu_reply_columns[];

/* Every table a copy takes, parents first; NULL-named at the end. */
extern const FuStoreTable fu_store_tables[];
/* A FuStoreRowFunc that appends each value (copied) to @user_data, a GPtrArray freeing
 * them. */
gboolean fu_store_keep_row (const char * const *values, guint n_values, gpointer user_data);

G_END_DECLS
