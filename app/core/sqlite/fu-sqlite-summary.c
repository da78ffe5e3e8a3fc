/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-sqlite-summary.c: Tables 1 to 5, the reply-rate trend and the reports' other figures,
 * computed in SQL. */

#define G_LOG_DOMAIN "fu-sqlite-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-rules.h"
#include "fu-sqlite-private.h"

/* Borrowed cached statements are reset when they go out of scope, so that no half-read
 * SELECT keeps its read snapshot open. */
typedef sqlite3_stmt FuSummaryStmt;

static void
fu_summary_stmt_release (FuSummaryStmt *stmt)
{
  sqlite3_reset (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuSummaryStmt, fu_summary_stmt_release)

/* Open bounds as ISO text that every stored date sorts between, so that the start-date
 * index still serves the range. */
#define FIRST_ISO "0000-01-01"
#define LAST_ISO "9999-12-31"

static void
bind_range (sqlite3_stmt *stmt,
            FuDay         from,
            FuDay         to)
{
  if (from == FU_DAY_NONE)
    sqlite3_bind_text (stmt, 1, FIRST_ISO, -1, SQLITE_STATIC);
  else
    fu_sqlite_bind_day (stmt, 1, from);
  if (to == FU_DAY_NONE)
    sqlite3_bind_text (stmt, 2, LAST_ISO, -1, SQLITE_STATIC);
  else
    fu_sqlite_bind_day (stmt, 2, to);
}

static guint
column_total (sqlite3_stmt *stmt,
              int           index)
{
  sqlite3_int64 value = sqlite3_column_int64 (stmt, index);

  return (guint) CLAMP (value, 0, (sqlite3_int64) G_MAXUINT);
}

/* Participants are the follow-ups (the surveyed attendances); administrations count the
 * distinct administrations among them. Yes/no questions compare to 1 and 0, so that an
 * unanswered (NULL) one counts in neither; SUM over no rows is NULL, hence COALESCE.
 * The columns follow the order of FuSummaryRow. Grouped in the order of the workshop_start
 * index, so that a year reads its own workshops rather than scanning them all. */
#define SUMMARY_SQL \
  "SELECT w.id, w.code, w.title, w.start_date, w.end_date, " \
  "  COUNT(DISTINCT CASE WHEN f.id IS NOT NULL THEN p.administration_id END), " \
  "  COUNT(f.id), " \
  "  COUNT(r.id), " \
  "  COALESCE(SUM(r.shared_materials), 0), " \
  "  COALESCE(SUM(r.submitted_report), 0), " \
  "  COALESCE(SUM(r.made_recommendations), 0), " \
  "  COALESCE(SUM(r.inhouse_workshop), 0), " \
  "  COALESCE(SUM(r.developed_manuals), 0), " \
  "  COALESCE(SUM(r.other_action), 0), " \
  "  COALESCE(SUM(r.direct_effects = 1), 0), " \
  "  COALESCE(SUM(r.direct_effects = 0), 0), " \
  "  COALESCE(SUM(r.contributed = 1), 0), " \
  "  COALESCE(SUM(r.contributed = 0), 0), " \
  "  COALESCE(SUM(r.project_initiated = 1), 0), " \
  "  COALESCE(SUM(r.project_initiated = 0), 0), " \
  "  COALESCE(SUM(r.colleagues_learned), 0), " \
  "  COALESCE(SUM(f.closed_reason = 'do not contact'), 0) " \
  "FROM workshop w " \
  "LEFT JOIN attendance a ON a.workshop_id = w.id " \
  "LEFT JOIN participant p ON p.id = a.participant_id " \
  "LEFT JOIN followup f ON f.attendance_id = a.id " \
  "LEFT JOIN reply r ON r.followup_id = f.id " \
  "WHERE w.surveyed = 1 AND w.start_date BETWEEN ?1 AND ?2 " \
  "GROUP BY w.start_date, w.code, w.id " \
  "ORDER BY w.start_date, w.code"

static FuSummaryRow *
summary_row_from_stmt (sqlite3_stmt *stmt)
{
  FuSummaryRow *row = g_new0 (FuSummaryRow, 1);
  int col = 0;

  row->workshop_id = sqlite3_column_int64 (stmt, col++);
  row->code = fu_sqlite_column_text (stmt, col++);
  row->title = fu_sqlite_column_text (stmt, col++);
  row->start_date = fu_sqlite_column_day (stmt, col++);
  row->end_date = fu_sqlite_column_day (stmt, col++);
  row->administrations = column_total (stmt, col++);
  row->participants = column_total (stmt, col++);
  row->replies = column_total (stmt, col++);
  for (guint i = 0; i < FU_N_ACTIONS; i++)
    row->actions[i] = column_total (stmt, col++);
  row->direct_effects_yes = column_total (stmt, col++);
  row->direct_effects_no = column_total (stmt, col++);
  row->contributed_yes = column_total (stmt, col++);
  row->contributed_no = column_total (stmt, col++);
  row->project_yes = column_total (stmt, col++);
  row->project_no = column_total (stmt, col++);
  row->colleagues_learned = column_total (stmt, col++);
  row->not_contacted = column_total (stmt, col++);

  return row;
}

GPtrArray *
fu_sqlite_summary (FuStore       *self,
                   FuDay          from,
                   FuDay          to,
                   FuSummaryRow **total,
                   GError       **error)
{
  g_autoptr(FuSummaryStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuSummaryRow) sum = NULL;
  int rc;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_sqlite_prepare (self, SUMMARY_SQL, error);
  if (stmt == NULL)
    return NULL;
  bind_range (stmt, from, to);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_summary_row_free);
  sum = fu_summary_total_new ();

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FuSummaryRow *row = summary_row_from_stmt (stmt);

      /* The report's total of administrations is the sum of its rows (261), not the
       * distinct administrations of the year: sum every column alike. */
      fu_summary_row_add (sum, row);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      fu_sqlite_set_error (self, error, _("Could not compute the summary"));
      return NULL;
    }

  if (total != NULL)
    *total = g_steal_pointer (&sum);
  return g_steal_pointer (&rows);
}

/* The fiscal year of a start date is its calendar year, less one when its month comes
 * before the start month (?1); with a start month of 1 it is the calendar year. */
#define TREND_SELECT \
  "SELECT CAST(substr(w.start_date, 1, 4) AS INTEGER) " \
  "       - (CAST(substr(w.start_date, 6, 2) AS INTEGER) < ?1) AS fiscal_year, " \
  "  COUNT(DISTINCT w.id), COUNT(f.id), COUNT(r.id) " \
  "FROM workshop w " \
  "LEFT JOIN attendance a ON a.workshop_id = w.id " \
  "LEFT JOIN followup f ON f.attendance_id = a.id " \
  "LEFT JOIN reply r ON r.followup_id = f.id " \
  "WHERE w.surveyed = 1 "
#define TREND_SQL \
  TREND_SELECT \
  "GROUP BY fiscal_year " \
  "ORDER BY fiscal_year"
/* The same for some years: their workshops through the start-date index. */
#define TREND_BETWEEN_SQL \
  TREND_SELECT \
  "AND w.start_date BETWEEN ?2 AND ?3 " \
  "GROUP BY fiscal_year " \
  "ORDER BY fiscal_year"

GArray *
fu_sqlite_reply_rate_trend (FuStore *self,
                            guint    first_year,
                            guint    last_year,
                            GError **error)
{
  g_autoptr(FuSummaryStmt) stmt = NULL;
  g_autoptr(GArray) points = NULL;
  FuRules rules;
  int rc;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fu_store_get_rules (self, &rules);

  stmt = fu_sqlite_prepare (self, first_year != 0 ? TREND_BETWEEN_SQL : TREND_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) rules.fiscal_year_start_month);
  if (first_year != 0)
    {
      FuDay from, to, unused;

      fu_fiscal_year_range (&rules, first_year, &from, &unused);
      fu_fiscal_year_range (&rules, last_year, &unused, &to);
      fu_sqlite_bind_day (stmt, 2, from);
      fu_sqlite_bind_day (stmt, 3, to);
    }

  points = g_array_new (FALSE, TRUE, sizeof (FuTrendPoint));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FuTrendPoint point = { 0 };

      point.fiscal_year = column_total (stmt, 0);
      point.workshops = column_total (stmt, 1);
      point.participants = column_total (stmt, 2);
      point.replies = column_total (stmt, 3);
      g_array_append_val (points, point);
    }
  if (rc != SQLITE_DONE)
    {
      fu_sqlite_set_error (self, error, _("Could not compute the reply-rate trend"));
      return NULL;
    }

  /* The years before the database, where it has nothing of its own. */
  if (!fu_store_add_earlier_years (self, points, first_year, last_year, error))
    return NULL;
  return g_steal_pointer (&points);
}

/* Administration names compare without regard to case (the column's collation). */
#define INHOUSE_SQL \
  "SELECT ad.id, ad.name, COUNT(*) " \
  "FROM workshop w " \
  "JOIN attendance a ON a.workshop_id = w.id " \
  "JOIN followup f ON f.attendance_id = a.id " \
  "JOIN reply r ON r.followup_id = f.id " \
  "JOIN participant p ON p.id = a.participant_id " \
  "JOIN administration ad ON ad.id = p.administration_id " \
  "WHERE w.surveyed = 1 AND w.start_date BETWEEN ?1 AND ?2 AND r.inhouse_workshop = 1 " \
  "GROUP BY ad.id " \
  "ORDER BY ad.name, ad.id"

GPtrArray *
fu_sqlite_inhouse_administrations (FuStore *self,
                                   FuDay    from,
                                   FuDay    to,
                                   GError **error)
{
  g_autoptr(FuSummaryStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int rc;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_sqlite_prepare (self, INHOUSE_SQL, error);
  if (stmt == NULL)
    return NULL;
  bind_range (stmt, from, to);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_inhouse_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FuInhouseRow *row = g_new0 (FuInhouseRow, 1);

      row->administration_id = sqlite3_column_int64 (stmt, 0);
      row->name = fu_sqlite_column_text (stmt, 1);
      row->inhouse_workshops = column_total (stmt, 2);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      fu_sqlite_set_error (self, error, _("Could not list the in-house workshops"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* Open bounds as ISO text that every stored date sorts between. */
#define FIRST_ISO "0000-01-01"
#define LAST_ISO "9999-12-31"

/* Administration names compare without regard to case (the column's collation). */
#define RATE_SQL \
  "SELECT ad.id, ad.name, ad.short_name, COUNT(f.id), COUNT(r.id) " \
  "FROM workshop w " \
  "JOIN attendance a ON a.workshop_id = w.id " \
  "JOIN followup f ON f.attendance_id = a.id " \
  "JOIN participant p ON p.id = a.participant_id " \
  "JOIN administration ad ON ad.id = p.administration_id " \
  "LEFT JOIN reply r ON r.followup_id = f.id " \
  "WHERE w.surveyed = 1 AND w.start_date BETWEEN ?1 AND ?2 " \
  "GROUP BY ad.id " \
  "ORDER BY ad.name, ad.id"


GPtrArray *
fu_sqlite_reply_rate_by_administration (FuStore *self,
                                        FuDay    from,
                                        FuDay    to,
                                        GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_sqlite_prepare (self, RATE_SQL, error);
  if (stmt == NULL)
    return NULL;
  if (from == FU_DAY_NONE)
    sqlite3_bind_text (stmt, 1, FIRST_ISO, -1, SQLITE_STATIC);
  else
    fu_sqlite_bind_day (stmt, 1, from);
  if (to == FU_DAY_NONE)
    sqlite3_bind_text (stmt, 2, LAST_ISO, -1, SQLITE_STATIC);
  else
    fu_sqlite_bind_day (stmt, 2, to);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_administration_rate_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FuAdministrationRate *row = g_new0 (FuAdministrationRate, 1);

      row->administration_id = sqlite3_column_int64 (stmt, 0);
      row->name = fu_sqlite_column_text (stmt, 1);
      row->short_name = fu_sqlite_column_text (stmt, 2);
      row->participants = column_total (stmt, 3);
      row->replies = column_total (stmt, 4);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      fu_sqlite_set_error (self, error, _("Could not count the replies by administration"));
      sqlite3_reset (stmt);
      return NULL;
    }
  /* Reset now, so that no finished SELECT keeps its read snapshot open. */
  sqlite3_reset (stmt);

  return g_steal_pointer (&rows);
}
