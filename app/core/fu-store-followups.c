/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store-followups.c: the follow-up lists and counts every backend gives, above the SQL:
 * the statement that reads them (in each backend's dialect), and what is made of its rows:
 * each follow-up's dates and status as of the day, the filters SQL cannot apply, pages. */

#define G_LOG_DOMAIN "fu-store"

#include "config.h"

#include <string.h>

#include "fu-rules.h"
#include "fu-store-backend.h"

/* One statement for the whole list. The workshops are the outer loop, read in start-date
 * order from their index, so that rows come out as they are read, sorted within each
 * workshop only: the first page is there at once, not after the whole join is sorted
 * (SQLite keeps that order with CROSS JOIN). The reminders as of the day (their last day and
 * their number) are two lookups in the covering index reminder_followup per row. Only the
 * filters asked for are in the SQL; what the status mask leaves out and SQL can tell
 * (replied or closed by the day, replies older than the look back) is dropped in SQL rather
 * than read. The values are ?1 to ?6 (see FuFollowupRead): each backend binds them by
 * number. */
char *
fu_followup_sql (const FuFollowupQuery *query,
                 gboolean               rows,
                 gboolean               postgres)
{
  GString *sql = g_string_new (NULL);
  guint mask = query->status_mask;
  gboolean replied = mask == 0 || (mask & (1u << FU_STATUS_REPLIED)) != 0;
  gboolean closed = mask == 0 || (mask & (1u << FU_STATUS_CLOSED)) != 0;

  g_string_append (sql,
                   "SELECT w.id, w.end_date, w.planned_override,"
                   " f.sent_date, f.deadline, f.closed_date, r.received_date,"
                   " (SELECT max (sent_date) FROM reminder m"
                   "  WHERE m.followup_id = f.id AND m.sent_date <= ?1)");
  if (rows)
    g_string_append (sql,
                     ", f.id, a.id, p.id, p.administration_id,"
                     " w.code, w.title, w.start_date, p.name, p.email, ad.name,"
                     " (SELECT count (*) FROM reminder m"
                     "  WHERE m.followup_id = f.id AND m.sent_date <= ?1)");
  g_string_append (sql, postgres ? " FROM workshop w JOIN attendance a ON a.workshop_id = w.id"
                                 : " FROM workshop w CROSS JOIN attendance a"
                                   " ON a.workshop_id = w.id");
  g_string_append (sql, " JOIN followup f ON f.attendance_id = a.id");
  /* A count reads nothing of the participant (every attendance has one): joining it only to
   * filter by administration saves a lookup per row. */
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
  /* Replied by the day (a reply wins over everything): none, or only the recent ones. */
  if (!replied)
    g_string_append (sql, " AND (r.received_date IS NULL OR r.received_date > ?1)");
  else if (query->replied_since != FU_DAY_NONE)
    g_string_append (sql, " AND (r.received_date IS NULL OR r.received_date > ?1"
                          "      OR r.received_date >= ?6)");
  /* Closed by the day without a reply by then. */
  if (!closed)
    g_string_append (sql, " AND NOT (f.closed_date IS NOT NULL AND f.closed_date <= ?1"
                          "          AND (r.received_date IS NULL OR r.received_date > ?1))");
  /* Names without regard to case (SQLite's NOCASE columns), codes and dates byte by byte. */
  if (rows)
    g_string_append (sql, postgres
                     ? " ORDER BY w.start_date COLLATE \"C\", w.code COLLATE \"C\","
                       " fu_nocase (ad.name), fu_nocase (p.name), f.id"
                     : " ORDER BY w.start_date, w.code, ad.name, p.name, f.id");

  return g_string_free (sql, FALSE);
}

struct _FuFollowupWalk
{
  FuFollowupQuery     query;
  FuRules             rules;
  gint64              last_workshop;
  FuDay               planned;
  /* A list, pages of one, or counts. */
  GPtrArray          *list;
  guint              *counts;
  guint               size;
  guint               first_size;
  guint               page_size;
  FuFollowupPageFunc  func;
  gpointer            user_data;
  gboolean            stopped;
};

static FuFollowupWalk *
walk_new (FuStore               *store,
          const FuFollowupQuery *query)
{
  FuFollowupWalk *walk = g_new0 (FuFollowupWalk, 1);

  walk->query = *query;
  fu_store_get_rules (store, &walk->rules);
  walk->planned = FU_DAY_NONE;
  return walk;
}

FuFollowupWalk *
fu_followup_walk_new_list (FuStore               *store,
                           const FuFollowupQuery *query)
{
  FuFollowupWalk *walk = walk_new (store, query);

  walk->list = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_followup_row_free);
  return walk;
}

FuFollowupWalk *
fu_followup_walk_new_paged (FuStore               *store,
                            const FuFollowupQuery *query,
                            guint                  first_size,
                            guint                  page_size,
                            FuFollowupPageFunc     func,
                            gpointer               user_data)
{
  FuFollowupWalk *walk = fu_followup_walk_new_list (store, query);

  walk->size = walk->first_size = first_size;
  walk->page_size = page_size;
  walk->func = func;
  walk->user_data = user_data;
  return walk;
}

FuFollowupWalk *
fu_followup_walk_new_count (FuStore               *store,
                            const FuFollowupQuery *query,
                            guint                  counts[FU_N_STATUSES])
{
  FuFollowupWalk *walk = walk_new (store, query);

  memset (counts, 0, sizeof (guint) * FU_N_STATUSES);
  walk->counts = counts;
  return walk;
}

/* Gives the rows read so far to the page function; FALSE when it stopped the listing. */
static gboolean
flush_page (FuFollowupWalk *walk)
{
  GPtrArray *page = walk->list;

  walk->list = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_followup_row_free);
  walk->size = walk->page_size;
  if (!walk->func (page, walk->user_data))
    walk->stopped = TRUE;
  return !walk->stopped;
}

gboolean
fu_followup_walk_add (FuFollowupWalk       *walk,
                      const FuFollowupRead *read)
{
  const FuFollowupQuery *query = &walk->query;
  FuDay as_of = query->as_of;
  FuFollowupDates dates;
  FuFollowupStatus status;
  FuFollowupRow *row;

  /* The planned date is worked out once per workshop: rows come grouped by workshop. */
  if (read->workshop_id != walk->last_workshop)
    {
      walk->planned = fu_schedule_planned_date (&walk->rules, read->end, read->planned_override);
      walk->last_workshop = read->workshop_id;
    }

  /* What had happened by the query's day: later dates are not known yet on it. */
  dates.planned = walk->planned;
  dates.sent = read->sent;
  dates.deadline = read->deadline;
  dates.last_reminder = read->last_reminder;
  dates.received = read->received;
  dates.closed = read->closed;
  if (dates.sent > as_of)
    dates.sent = dates.deadline = dates.last_reminder = FU_DAY_NONE;
  if (dates.received > as_of)
    dates.received = FU_DAY_NONE;
  if (dates.closed > as_of)
    dates.closed = FU_DAY_NONE;

  /* The deadline that applies (moved by a late reminder), for every list that shows it. */
  if (dates.sent != FU_DAY_NONE)
    dates.deadline = fu_followup_deadline (&walk->rules, &dates);
  status = fu_followup_status (&walk->rules, &dates, as_of);
  if (query->status_mask != 0 && (query->status_mask & (1u << status)) == 0)
    return TRUE;
  /* What is coming soon, and what came back lately: the board's look ahead and back. */
  if (status == FU_STATUS_PLANNED && query->planned_until != FU_DAY_NONE
      && dates.planned > query->planned_until)
    return TRUE;
  if (status == FU_STATUS_REPLIED && query->replied_since != FU_DAY_NONE
      && dates.received < query->replied_since)
    return TRUE;

  if (walk->counts != NULL)
    {
      walk->counts[status]++;
      return TRUE;
    }

  row = fu_followup_row_new_packed (read->code, read->title, read->participant, read->email,
                                    read->administration);
  row->followup_id = read->followup_id;
  row->attendance_id = read->attendance_id;
  row->workshop_id = read->workshop_id;
  row->participant_id = read->participant_id;
  row->administration_id = read->administration_id;
  row->workshop_start = read->start;
  row->workshop_end = read->end;
  row->dates = dates;
  row->n_reminders = dates.sent != FU_DAY_NONE ? read->n_reminders : 0;
  row->status = status;
  row->days_overdue = status == FU_STATUS_OVERDUE
                      ? fu_followup_days_overdue (&walk->rules, &dates, as_of) : 0;
  g_ptr_array_add (walk->list, row);
  if (walk->func != NULL && walk->list->len >= walk->size)
    return flush_page (walk);
  return TRUE;
}

guint
fu_followup_walk_get_first_page (FuFollowupWalk *walk)
{
  return walk->func != NULL ? walk->first_size : 0;
}

GPtrArray *
fu_followup_walk_finish (FuFollowupWalk *walk,
                         gboolean        ok)
{
  GPtrArray *list = NULL;

  /* The last page, partly full (or empty: the end is said once). */
  if (ok && walk->func != NULL && !walk->stopped)
    flush_page (walk);
  if (ok && walk->func == NULL)
    list = g_steal_pointer (&walk->list);
  g_clear_pointer (&walk->list, g_ptr_array_unref);
  g_free (walk);
  return list;
}

/* ---- The store's lists and counts ------------------------------------------------------- */

static gboolean
walk (FuStore               *self,
      const FuFollowupQuery *query,
      gboolean               rows,
      FuFollowupWalk        *walk,
      GPtrArray            **list,
      GError               **error)
{
  GPtrArray *made;

  if (FU_STORE_GET_CLASS (self)->walk_followups == NULL)
    {
      fu_followup_walk_finish (walk, FALSE);
      fu_store_set_cannot_error (self, "walk_followups", error);
      return FALSE;
    }
  if (!FU_STORE_GET_CLASS (self)->walk_followups (self, query, rows, walk, error))
    {
      fu_followup_walk_finish (walk, FALSE);
      return FALSE;
    }
  made = fu_followup_walk_finish (walk, TRUE);
  if (list != NULL)
    *list = made;
  else if (made != NULL)
    g_ptr_array_unref (made);
  return TRUE;
}

GPtrArray *
fu_store_list_followups (FuStore               *self,
                         const FuFollowupQuery *query,
                         GError               **error)
{
  GPtrArray *list = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL && query->as_of != FU_DAY_NONE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!walk (self, query, TRUE, fu_followup_walk_new_list (self, query), &list, error))
    return NULL;
  return list;
}

gboolean
fu_store_list_followups_paged (FuStore                *self,
                               const FuFollowupQuery  *query,
                               guint                   first_size,
                               guint                   page_size,
                               FuFollowupPageFunc      func,
                               gpointer                user_data,
                               GError                **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL && query->as_of != FU_DAY_NONE, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return walk (self, query, TRUE,
               fu_followup_walk_new_paged (self, query, first_size, page_size, func, user_data),
               NULL, error);
}

gboolean
fu_store_count_followups (FuStore               *self,
                          const FuFollowupQuery *query,
                          guint                  counts[FU_N_STATUSES],
                          GError               **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL && query->as_of != FU_DAY_NONE, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return walk (self, query, FALSE, fu_followup_walk_new_count (self, query, counts), NULL, error);
}

/* ---- An attendance's follow-up as of a day (fu_store_list_workshop_attendees and
 * fu_store_list_participant_history) ---------------------------------------------------- */

void
fu_attendance_row_set_followup (FuAttendanceRow      *row,
                                const FuRules        *rules,
                                FuDay                 as_of,
                                const FuFollowupRead *read)
{
  FuFollowupDates *dates = &row->dates;

  /* A workshop no longer surveyed keeps its follow-ups, but lists hide them. */
  row->surveyed = row->surveyed && row->followup_id != 0;
  if (!row->surveyed)
    {
      row->followup_id = 0;
      return;
    }

  /* What had happened by the day asked about, as fu_store_list_followups sees it. */
  dates->planned = fu_schedule_planned_date (rules, read->end, read->planned_override);
  dates->sent = read->sent;
  dates->deadline = read->deadline;
  dates->last_reminder = read->last_reminder;
  dates->received = read->received;
  dates->closed = read->closed;
  if (dates->sent > as_of)
    dates->sent = dates->deadline = dates->last_reminder = FU_DAY_NONE;
  if (dates->received > as_of)
    dates->received = FU_DAY_NONE;
  if (dates->closed > as_of)
    dates->closed = FU_DAY_NONE;

  if (dates->sent != FU_DAY_NONE)
    dates->deadline = fu_followup_deadline (rules, dates);
  row->n_reminders = dates->sent != FU_DAY_NONE ? read->n_reminders : 0;
  row->status = fu_followup_status (rules, dates, as_of);
}
