/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store-people.h: participants as the Participants page sees them: everyone at once
 * with their counts, one person's history across the years, and merging two records of
 * the same person. */
#pragma once

#include "fu-types.h"
#include "fu-rules.h"

G_BEGIN_DECLS

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

/* Everyone, by name then id, with their counts: one query, whatever the number of people.
 * FuParticipantOverview* elements. */
GPtrArray *fu_store_list_participant_overview (FuStore  *self,
                                               GError  **error);
/* Every attendance of participant @participant_id, oldest workshop first, with the status
 * of its follow-up as of @as_of (what fu_store_list_followups says for the same day, and
 * the attendances of workshops not surveyed too). FuAttendanceRow* elements; an empty
 * array for a participant without attendances, FU_STORE_ERROR_NOT_FOUND for no such
 * participant. */
GPtrArray *fu_store_list_participant_history  (FuStore  *self,
                                               gint64    participant_id,
                                               FuDay     as_of,
                                               GError  **error);
/* The attendees of workshop @workshop_id by administration then name, the same way.
 * FU_STORE_ERROR_NOT_FOUND for no such workshop. */
GPtrArray *fu_store_list_workshop_attendees   (FuStore  *self,
                                               gint64    workshop_id,
                                               FuDay     as_of,
                                               GError  **error);
/* The attendances of workshop @workshop_id (0: of every workshop), by workshop start and
 * code, administration, name and id: FuAttendeeRow* elements. */
GPtrArray *fu_store_list_attendees            (FuStore  *self,
                                               gint64    workshop_id,
                                               GError  **error);
/* Two records of the same person become @keep_id: @remove_id's attendances (with their
 * follow-ups, reminders and replies) move to it, its e-mail, position and gender fill
 * those @keep_id lacks, and @remove_id is deleted. Where both attended the same workshop,
 * the attendance with the reply stays; both with a reply is FU_STORE_ERROR_EXISTS (which
 * one is right is for a person to decide), unless the two replies say the same. All or
 * nothing. */
gboolean   fu_store_merge_participants        (FuStore  *self,
                                               gint64    keep_id,
                                               gint64    remove_id,
                                               GError  **error);

G_END_DECLS
