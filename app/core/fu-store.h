/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store.h: the narrow interface to the follow-up database. Nothing outside the store's
 * own files (fu-store*.c) runs SQL; callers speak in records and FuDays. The embedded
 * SQLite file is the default; a shared server later implements the same functions. */
#pragma once

#include <glib-object.h>

#include "fu-types.h"
#include "fu-rules.h"

G_BEGIN_DECLS

/* ---- Records ---------------------------------------------------------------------------- */

struct _FuAdministration {
  gint64    id;
  char     *name;        /* "Hong Kong China" */
  char     *short_name;  /* "HKC"; may be NULL */
  char     *country;     /* may be NULL */
  gboolean  member;      /* one of the 33 ROCB A/P members shipped as built-in data */
};

struct _FuWorkshop {
  gint64          id;
  char           *code;           /* unique, e.g. "2016-NII" */
  char           *title;
  FuWorkshopKind  kind;
  FuDay           start_date;
  FuDay           end_date;       /* not before start_date */
  char           *venue;
  gint64          host_administration_id;  /* 0 = none */
  char           *co_organizer;
  gboolean        surveyed;       /* accreditation workshops are not */
  char           *notes;
  FuDay           planned_override;   /* the workshop's own sending date, or FU_DAY_NONE */
  FuDay           deadline_override;  /* the workshop's own reply deadline, or FU_DAY_NONE */
};

struct _FuParticipant {
  gint64  id;
  char   *name;
  gint64  administration_id;
  char   *email;     /* identifies a person across workshops; may be NULL */
  char   *position;
  char   *gender;
};

struct _FuReply {
  gint64    id;
  gint64    followup_id;
  FuDay     received_date;
  char     *answered_by;               /* NULL = the participant */
  gboolean  actions[FU_N_ACTIONS];     /* Q1 ticks */
  gint      colleagues_shared;         /* Q1 "with how many colleagues"; -1 = not given */
  char     *other_action_text;         /* Q1 "others" */
  gint      colleagues_learned;        /* Q1bis; -1 = not given */
  char     *lessons_use;               /* Q2 */
  FuAnswer  direct_effects;            /* Q3 */
  char     *direct_effects_text;
  FuAnswer  contributed;               /* Q4 */
  char     *contributed_text;
  FuAnswer  project_initiated;         /* Q5 */
  char     *project_text;
};

/* One follow-up with what lists show of it. */
struct _FuFollowupRow {
  gint64            followup_id;
  gint64            attendance_id;
  gint64            workshop_id;
  gint64            participant_id;
  gint64            administration_id;
  char             *workshop_code;
  char             *workshop_title;
  FuDay             workshop_start;
  FuDay             workshop_end;
  char             *participant_name;
  char             *email;
  char             *administration;     /* its name */
  FuFollowupDates   dates;              /* as of the query's day */
  guint             n_reminders;        /* reminders sent on or before the query's day */
  FuFollowupStatus  status;             /* as of the query's day */
  guint             days_overdue;
};

/* Which follow-ups to list. Zero fields mean "any". */
struct _FuFollowupQuery {
  FuDay   as_of;           /* required */
  gint64  workshop_id;
  gint64  administration_id;
  FuDay   from;            /* workshops starting on or after */
  FuDay   to;              /* workshops starting on or before */
  guint   status_mask;     /* bits (1 << FuFollowupStatus); 0 = all */
};

/* One row of Tables 1 to 5 for a workshop, or their total. */
struct _FuSummaryRow {
  gint64  workshop_id;         /* 0 for the total row */
  char   *code;                /* "TOTAL" for the total row */
  char   *title;
  FuDay   start_date;
  FuDay   end_date;
  guint   administrations;     /* distinct administrations of the attendees (total: sum) */
  guint   participants;        /* attendances surveyed */
  guint   replies;
  guint   actions[FU_N_ACTIONS];
  guint   direct_effects_yes;
  guint   direct_effects_no;
  guint   contributed_yes;
  guint   contributed_no;
  guint   project_yes;
  guint   project_no;
  guint   colleagues_learned;  /* sum of Q1bis */
};

/* A reply with who gave it, as exported. */
struct _FuReplyRow {
  FuReply  reply;
  char    *workshop_code;
  char    *participant_name;
  char    *email;
  char    *administration;
};

typedef struct {
  guint fiscal_year;
  guint workshops;
  guint participants;
  guint replies;
} FuTrendPoint;

typedef struct {
  gint64  administration_id;
  char   *name;
  guint   inhouse_workshops;   /* replies that ticked "organized an in-house workshop" */
} FuInhouseRow;

FuAdministration *fu_administration_new   (void);
void              fu_administration_free  (FuAdministration *self);
FuWorkshop       *fu_workshop_new         (void);   /* kind regional, surveyed */
FuWorkshop       *fu_workshop_copy        (const FuWorkshop *self);
void              fu_workshop_free        (FuWorkshop *self);
FuParticipant    *fu_participant_new      (void);
void              fu_participant_free     (FuParticipant *self);
FuReply          *fu_reply_new            (void);   /* nothing ticked, counts -1, unanswered */
FuReply          *fu_reply_copy           (const FuReply *self);
void              fu_reply_free           (FuReply *self);
void              fu_followup_row_free    (FuFollowupRow *self);
void              fu_summary_row_free     (FuSummaryRow *self);
void              fu_reply_row_free       (FuReplyRow *self);
void              fu_inhouse_row_free     (FuInhouseRow *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuAdministration, fu_administration_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuWorkshop, fu_workshop_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuParticipant, fu_participant_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuReply, fu_reply_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuFollowupRow, fu_followup_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuSummaryRow, fu_summary_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuReplyRow, fu_reply_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuInhouseRow, fu_inhouse_row_free)

/* ---- The store ------------------------------------------------------------------------- */

#define FU_TYPE_STORE (fu_store_get_type ())
G_DECLARE_FINAL_TYPE (FuStore, fu_store, FU, STORE, GObject)

/* $FOLLOWUP_DATABASE if set, else $XDG_DATA_HOME/followup/followup.db. */
char       *fu_store_default_path          (void);
/* Opens (creating the file and its folder, and the 33 member administrations, on first use)
 * and migrates the schema, copying the file to PATH.bak-vN before a migration touches an
 * existing database. ":memory:" opens a private in-memory database. A file that is not a
 * database, or is from a newer version: an error, and the file is left as it was. */
FuStore    *fu_store_open                  (const char *path, GError **error);
const char *fu_store_get_path              (FuStore *self);
/* The schema version this build writes (PRAGMA user_version). */
guint       fu_store_get_latest_version    (void);
guint       fu_store_get_version           (FuStore *self);

/* Transactions nest (savepoints inside). Every write function below makes its own
 * transaction when none is open; an import wraps its whole file in one. A failed write
 * leaves the caller's transaction as it was before the call. When commit fails, the level
 * stays open: call fu_store_rollback(). */
gboolean    fu_store_begin                 (FuStore *self, GError **error);
gboolean    fu_store_commit                (FuStore *self, GError **error);
void        fu_store_rollback              (FuStore *self);

/* True when nothing but the built-in administrations and settings is stored. */
gboolean    fu_store_is_empty              (FuStore *self);

/* Settings the whole team shares. */
void        fu_store_get_rules             (FuStore *self, FuRules *rules);
gboolean    fu_store_set_rules             (FuStore *self, const FuRules *rules, GError **error);
char       *fu_store_get_office_name       (FuStore *self);
gboolean    fu_store_set_office_name       (FuStore *self, const char *name, GError **error);

/* Administrations. Lookups return TRUE with *id = 0 when nothing matches; FALSE only with an
 * error. Names and short names match without regard to case. */
GPtrArray  *fu_store_list_administrations  (FuStore *self, GError **error);
gboolean    fu_store_lookup_administration (FuStore *self, const char *name_or_short,
                                            gint64 *id, GError **error);
FuAdministration *fu_store_get_administration (FuStore *self, gint64 id, GError **error);
gint64      fu_store_add_administration    (FuStore *self, const FuAdministration *admin,
                                            GError **error);
gboolean    fu_store_update_administration (FuStore *self, const FuAdministration *admin,
                                            GError **error);
/* Refused (FU_STORE_ERROR_EXISTS) while participants or workshops refer to it. */
gboolean    fu_store_delete_administration (FuStore *self, gint64 id, GError **error);

/* Workshops. add returns the new id (0 with an error); a taken code is
 * FU_STORE_ERROR_EXISTS; end before start is FU_STORE_ERROR_INVALID. Listing is by start
 * date then code; @from and @to bound the start date (FU_DAY_NONE = open). */
gboolean    fu_store_lookup_workshop       (FuStore *self, const char *code, gint64 *id,
                                            GError **error);
FuWorkshop *fu_store_get_workshop          (FuStore *self, gint64 id, GError **error);
GPtrArray  *fu_store_list_workshops        (FuStore *self, FuDay from, FuDay to,
                                            GError **error);
gint64      fu_store_add_workshop          (FuStore *self, const FuWorkshop *workshop,
                                            GError **error);
gboolean    fu_store_update_workshop       (FuStore *self, const FuWorkshop *workshop,
                                            GError **error);
/* Deletes the workshop with its attendances, follow-ups, reminders and replies. */
gboolean    fu_store_delete_workshop       (FuStore *self, gint64 id, GError **error);

/* Participants: by e-mail when @email is non-empty (without regard to case), else by name
 * (without regard to case) and administration. */
gboolean    fu_store_lookup_participant    (FuStore *self, const char *email, const char *name,
                                            gint64 administration_id, gint64 *id,
                                            GError **error);
FuParticipant *fu_store_get_participant    (FuStore *self, gint64 id, GError **error);
gint64      fu_store_add_participant       (FuStore *self, const FuParticipant *participant,
                                            GError **error);
gboolean    fu_store_update_participant    (FuStore *self, const FuParticipant *participant,
                                            GError **error);
/* Deletes the participant with their attendances, follow-ups, reminders and replies. */
gboolean    fu_store_delete_participant    (FuStore *self, gint64 id, GError **error);

/* Attendances. Adding one to a surveyed workshop creates its follow-up. */
gboolean    fu_store_lookup_attendance     (FuStore *self, gint64 workshop_id,
                                            gint64 participant_id, gint64 *id, GError **error);
gint64      fu_store_add_attendance        (FuStore *self, gint64 workshop_id,
                                            gint64 participant_id, GError **error);
/* Removes a participant from a workshop, with the follow-up, reminders and reply. */
gboolean    fu_store_delete_attendance     (FuStore *self, gint64 id, GError **error);

/* Follow-ups. */
gboolean    fu_store_lookup_followup       (FuStore *self, gint64 attendance_id,
                                            gint64 *followup_id, GError **error);
GPtrArray  *fu_store_list_followups        (FuStore *self, const FuFollowupQuery *query,
                                            GError **error);
/* Counts per status (an array of FU_N_STATUSES) for the same query, without building rows. */
gboolean    fu_store_count_followups       (FuStore *self, const FuFollowupQuery *query,
                                            guint counts[FU_N_STATUSES], GError **error);
/* Questionnaires sent on @date for the workshop's follow-ups not yet sent, replied or
 * closed; their deadline is set from the rules (or the workshop's override). */
gboolean    fu_store_mark_sent             (FuStore *self, gint64 workshop_id, FuDay date,
                                            guint *n_changed, GError **error);
/* A reminder sent on @date to the workshop's follow-ups sent, not replied and not closed
 * as of @date. */
gboolean    fu_store_mark_reminded         (FuStore *self, gint64 workshop_id, FuDay date,
                                            guint *n_changed, GError **error);
/* The same for chosen follow-ups (the board's multi-selection). */
gboolean    fu_store_mark_followups_sent   (FuStore *self, const gint64 *followup_ids,
                                            guint n_ids, FuDay date, GError **error);
gboolean    fu_store_mark_followups_reminded (FuStore *self, const gint64 *followup_ids,
                                            guint n_ids, FuDay date, GError **error);
gboolean    fu_store_close_followup        (FuStore *self, gint64 followup_id, FuDay date,
                                            const char *reason, GError **error);

/* Replies. get returns NULL without an error when there is none. save inserts, or replaces
 * when @replace; a second reply without @replace is FU_STORE_ERROR_EXISTS. */
FuReply    *fu_store_get_reply             (FuStore *self, gint64 followup_id, GError **error);
gboolean    fu_store_save_reply            (FuStore *self, FuReply *reply, gboolean replace,
                                            GError **error);
gboolean    fu_store_delete_reply          (FuStore *self, gint64 followup_id, GError **error);
/* Replies to workshops starting in [@from, @to] (FU_DAY_NONE = open), by workshop start,
 * workshop code, administration and participant name. */
GPtrArray  *fu_store_list_replies          (FuStore *self, FuDay from, FuDay to,
                                            GError **error);

/* ---- Summaries (fu-store-summary.c), computed in SQL ----------------------------------- */

/* Tables 1 to 5 for the surveyed workshops starting in [@from, @to], in date order; the
 * total row (code "TOTAL", sums of the rows) into @total. */
GPtrArray  *fu_store_summary               (FuStore *self, FuDay from, FuDay to,
                                            FuSummaryRow **total, GError **error);
/* One point per fiscal year that has surveyed workshops, oldest first. */
GArray     *fu_store_reply_rate_trend      (FuStore *self, GError **error);
/* Administrations whose participants organized in-house workshops, by name. */
GPtrArray  *fu_store_inhouse_administrations (FuStore *self, FuDay from, FuDay to,
                                              GError **error);

G_END_DECLS
