/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-records.h: the records the store hands out and takes in, whatever its backend. */
#pragma once

#include <glib.h>

#include "fu-types.h"
#include "fu-rules.h"

G_BEGIN_DECLS

/* ---- Data ------------------------------------------------------------------------------ */

/* ---- Records ---------------------------------------------------------------------------- */

struct _FuAdministration {
  gint64    id;
  char     *name;        /* "Hong Kong China" */
  char     *short_name;  /* "HKC"; may be NULL */
  char     *country;     /* may be NULL */
  gboolean  member;      /* one of the 33 ROCB A/P members shipped as built-in data */
  gboolean  observer;    /* takes part without being a member */
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
  /* The strings are in the row's own block (fu_followup_row_new_packed()): the board holds
   * 112,500 rows at WCO scale, and five allocations less each is 13 MB less. */
  gboolean          packed;
};

/* Which follow-ups to list. Zero fields mean "any". */
struct _FuFollowupQuery {
  FuDay   as_of;           /* required */
  gint64  workshop_id;
  gint64  administration_id;
  FuDay   from;            /* workshops starting on or after */
  FuDay   to;              /* workshops starting on or before */
  guint   status_mask;     /* bits (1 << FuFollowupStatus); 0 = all */
  FuDay   planned_until;   /* planned follow-ups only up to this day (FU_DAY_NONE: all) */
  FuDay   replied_since;   /* replied ones only from this day (FU_DAY_NONE: all) */
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
  guint   not_contacted;       /* follow-ups closed "do not contact" (not in the CSV export) */
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
  guint    fiscal_year;
  guint    workshops;
  guint    participants;
  guint    replies;
  gboolean entered;        /* a year before the database: totals entered by hand */
  guint    rate_tenths;    /* entered as a rate only (participants 0): tenths of a percent */
} FuTrendPoint;

/* Another way of writing an administration's name ("Vietnam", "Korea Customs Service"),
 * which imports and lookups take as that administration. */
typedef struct {
  char   *alias;
  gint64  administration_id;
} FuAlias;

void       fu_alias_free                  (FuAlias *alias);

/* A year before the database, as the office knew it: its totals (participants and replies)
 * or just its reply rate, and how many administrations organized in-house workshops. */
typedef struct {
  guint fiscal_year;
  guint participants;      /* 0 when only the rate is known */
  guint replies;
  guint rate_tenths;       /* the rate when only it is known: 280 for 28% */
  gint  inhouse;           /* administrations with in-house workshops; -1 not known */
} FuEarlierYear;

/* A point's reply rate in tenths of a percent, from its totals or its entered rate. */
guint64    fu_trend_point_rate_tenths       (const FuTrendPoint *point);

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
FuParticipant    *fu_participant_copy     (const FuParticipant *self);
FuAdministration *fu_administration_copy  (const FuAdministration *self);
void              fu_participant_free     (FuParticipant *self);
FuReply          *fu_reply_new            (void);   /* nothing ticked, counts -1, unanswered */
FuReply          *fu_reply_copy           (const FuReply *self);
void              fu_reply_free           (FuReply *self);
void              fu_followup_row_free    (FuFollowupRow *self);
/* A row whose five strings (any may be NULL) are copied into its own block. */
FuFollowupRow    *fu_followup_row_new_packed (const char *workshop_code,
                                              const char *workshop_title,
                                              const char *participant_name,
                                              const char *email,
                                              const char *administration);
void              fu_summary_row_free     (FuSummaryRow *self);
void              fu_reply_row_free       (FuReplyRow *self);
void              fu_inhouse_row_free     (FuInhouseRow *self);

/* Whether two rows show the same (GEqualFunc), for views that keep what did not change. */
gboolean          fu_followup_row_equal   (gconstpointer a, gconstpointer b);
gboolean          fu_participant_overview_equal (gconstpointer a, gconstpointer b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuAdministration, fu_administration_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuWorkshop, fu_workshop_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuParticipant, fu_participant_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuReply, fu_reply_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuFollowupRow, fu_followup_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuSummaryRow, fu_summary_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuReplyRow, fu_reply_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuInhouseRow, fu_inhouse_row_free)

/* ---- People, as the Participants page and the workshop's attendee list see them -------- */

/* One participant with what the overview shows. */
typedef struct {
  gint64  participant_id;
  char   *name;
  gint64  administration_id;
  char   *administration;   /* its name */
  char   *email;            /* may be NULL */
  char   *position;         /* may be NULL */
  guint   n_attendances;    /* workshops attended, surveyed or not */
  guint   n_replies;        /* questionnaires answered */
} FuParticipantOverview;

/* One attendance, with its participant, its workshop and its follow-up as of a day. */
typedef struct {
  gint64            attendance_id;
  gint64            workshop_id;
  char             *workshop_code;
  char             *workshop_title;
  FuDay             workshop_start;
  FuDay             workshop_end;
  gint64            participant_id;
  char             *participant_name;
  gint64            administration_id;
  char             *administration;   /* its name */
  char             *email;            /* may be NULL */
  char             *position;         /* may be NULL */
  gboolean          surveyed;      /* FALSE: no follow-up; the fields below are zero */
  gint64            followup_id;
  FuFollowupDates   dates;         /* as of the query's day, as fu_store_list_followups */
  guint             n_reminders;   /* sent on or before the query's day */
  FuFollowupStatus  status;
} FuAttendanceRow;

/* One attendance as participants.csv has it. */
typedef struct {
  char   *workshop_code;
  char   *name;
  char   *administration;   /* its name */
  char   *email;            /* may be NULL */
  char   *position;         /* may be NULL */
  char   *gender;           /* may be NULL */
} FuAttendeeRow;

void       fu_attendee_row_free             (FuAttendeeRow           *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuAttendeeRow, fu_attendee_row_free)
void       fu_participant_overview_free     (FuParticipantOverview   *self);
void       fu_attendance_row_free           (FuAttendanceRow         *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuParticipantOverview, fu_participant_overview_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuAttendanceRow, fu_attendance_row_free)

/* ---- Reports ------------------------------------------------------------------------- */

/* One administration's follow-ups and replies over the surveyed workshops of a period. */
typedef struct {
  gint64  administration_id;
  char   *name;           /* "Hong Kong China" */
  char   *short_name;     /* "HKC"; may be NULL */
  guint   participants;   /* follow-ups (surveyed attendances) */
  guint   replies;
} FuAdministrationRate;

void        fu_administration_rate_free           (FuAdministrationRate *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuAdministrationRate, fu_administration_rate_free)

/* ---- The audit log -------------------------------------------------------------------- */

/* The kinds of record a change can touch: the tables of the database. */
typedef enum {
  FU_RECORD_ADMINISTRATION,
  FU_RECORD_WORKSHOP,
  FU_RECORD_PARTICIPANT,
  FU_RECORD_ATTENDANCE,
  FU_RECORD_FOLLOWUP,
  FU_RECORD_REMINDER,
  FU_RECORD_REPLY,
  FU_RECORD_SETTINGS,
  FU_N_RECORDS
} FuRecordKind;

typedef enum {
  FU_CHANGE_INSERT = 1,
  FU_CHANGE_UPDATE = 2,
  FU_CHANGE_DELETE = 3,
} FuChangeOp;

/* "workshop", "participant"... as in the database; NULL for a kind out of range. */
const char *fu_record_kind_to_string   (FuRecordKind kind);
gboolean    fu_record_kind_from_string (const char *text, FuRecordKind *kind);

typedef struct {
  gint64  id;
  gint64  at;           /* seconds since 1970 (UTC) */
  char   *author;       /* "Ana Staff (ana)" */
  char   *kind;         /* the command's kind, e.g. "mark-sent", or "undo" and "redo" */
  char   *args;         /* the command's arguments, as GVariant text; may be NULL */
  char   *sentence;     /* as written in the author's language when it was recorded */
  gint64  undoes;       /* for "undo" and "redo": the entry it reverts; else 0 */
  gint64  undone_by;    /* the entry that undid this one, or 0 */
  guint   n_changes;    /* rows added, changed or deleted */
} FuAuditEntry;

typedef struct {
  gint64        id;
  gint64        entry_id;
  FuRecordKind  record;
  gint64        row_id;
  FuChangeOp    op;
  char         *old_values;   /* JSON object of the row before; NULL for an insert */
  char         *new_values;   /* JSON object of the row after; NULL for a delete; for an
                               * insert, the row as it is now when one row was added */
  gint64        row_last;     /* an insert adds rows @row_id to @row_last; else @row_id */
  char         *label;        /* the record in a word: a code, a name; may be NULL */
  GPtrArray    *fields;       /* FuAuditField*: what differs (an update), or every field
                               * that has a value (an insert, a delete) */
} FuAuditChange;

/* One field of a change, its values as text (NULL: none). */
typedef struct {
  char *name;        /* the column: "title", "sent_date" */
  char *old_value;
  char *new_value;
} FuAuditField;

/* Which entries to list: newest first. Zero fields mean "any". */
typedef struct {
  guint       limit;            /* 0 = all */
  gint64      workshop_id;      /* entries that touched this workshop or its attendances */
  gint64      participant_id;   /* entries that touched this person or their attendances */
  gint64      after_id;         /* entries with a greater id only */
  const char *search;           /* words in the sentence, the author or the kind */
} FuAuditQuery;

void fu_audit_entry_free  (FuAuditEntry *self);
void fu_audit_change_free (FuAuditChange *self);
void fu_audit_field_free  (FuAuditField *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuAuditEntry, fu_audit_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuAuditChange, fu_audit_change_free)

/* One row an audit entry touched (fu_store_list_audit_rows). */
typedef struct {
  gint64        entry_id;
  FuRecordKind  record;
  gint64        row_id;
  gint64        row_last;     /* rows @row_id to @row_last (inserts); else @row_id */
  FuChangeOp    op;
} FuAuditRow;

/* Whether @text (NULL is fine) holds no control character: none at all when
 * !@multiline (titles, names, codes, addresses), none but line breaks and tabs in notes and
 * free-text answers. What goes into a mail header is single-line by this rule. */
gboolean fu_text_is_clean (const char *text, gboolean multiline);
/* A hash of @text that two texts equal without regard to the case of ASCII letters share (as
 * SQLite's NOCASE compares), going on from @hash. */
guint    fu_text_ascii_case_hash (const char *text, guint hash);
/* A GHashTable's hash and equality of strings equal without regard to the case of ASCII
 * letters. */
guint    fu_text_ascii_case_str_hash  (gconstpointer text);
gboolean fu_text_ascii_case_str_equal (gconstpointer a, gconstpointer b);
/* Optimal string alignment distance (Levenshtein with swapped neighbours) on characters. */
guint    fu_text_edit_distance (const char *a, const char *b);
/* Whether two names may be one person's: the same words without regard to accents, case,
 * titles or order ("Tran Van A", "A Tran Van"), or a slip of a letter or two. */
gboolean fu_names_alike (const char *a, const char *b);
#define fu_text_is_single_line(text) fu_text_is_clean ((text), FALSE)

G_END_DECLS
