/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-pg-summary.c: Tables 1 to 5, the reply-rate trend and the reports' other figures,
 * computed in SQL as the SQLite backend computes them. */

#define G_LOG_DOMAIN "fu-pg-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-pg-private.h"
#include "fu-rules.h"

/* Open bounds as ISO text that every stored date sorts between, so that the start-date
 * index still serves the range. */
#define FIRST_ISO "0000-01-01"
#define LAST_ISO "9999-12-31"

static FuPgParams *
range_params (FuDay from,
              FuDay to)
{
  FuPgParams *params = fu_pg_params_new ();

  if (from == FU_DAY_NONE)
    fu_pg_params_raw (params, FIRST_ISO);
  else
    fu_pg_params_day (params, from);
  if (to == FU_DAY_NONE)
    fu_pg_params_raw (params, LAST_ISO);
  else
    fu_pg_params_day (params, to);
  return params;
}

static guint
column_total (const PGresult *res,
              int             row,
              int             col)
{
  gint64 value = fu_pg_int64 (res, row, col);

  return (guint) CLAMP (value, 0, (gint64) G_MAXUINT);
}

/* Participants are the follow-ups (the surveyed attendances); administrations count the
 * distinct administrations among them. Yes/no questions compare to 1 and 0, so that an
 * unanswered (NULL) one counts in neither. The columns follow the order of FuSummaryRow. */
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
  "  COALESCE(SUM((r.direct_effects = 1)::int), 0), " \
  "  COALESCE(SUM((r.direct_effects = 0)::int), 0), " \
  "  COALESCE(SUM((r.contributed = 1)::int), 0), " \
  "  COALESCE(SUM((r.contributed = 0)::int), 0), " \
  "  COALESCE(SUM((r.project_initiated = 1)::int), 0), " \
  "  COALESCE(SUM((r.project_initiated = 0)::int), 0), " \
  "  COALESCE(SUM(r.colleagues_learned), 0), " \
  "  COALESCE(SUM((f.closed_reason = 'do not contact')::int), 0) " \
  "FROM workshop w " \
  "LEFT JOIN attendance a ON a.workshop_id = w.id " \
  "LEFT JOIN participant p ON p.id = a.participant_id " \
  "LEFT JOIN followup f ON f.attendance_id = a.id " \
  "LEFT JOIN reply r ON r.followup_id = f.id " \
  "WHERE w.surveyed = 1 AND w.start_date BETWEEN $1 AND $2 " \
  "GROUP BY w.id " \
  "ORDER BY w.start_date COLLATE \"C\", w.code COLLATE \"C\""

GPtrArray *
fu_pg_summary (FuStore       *self,
               FuDay          from,
               FuDay          to,
               FuSummaryRow **total,
               GError       **error)
{
  g_autoptr(FuPgParams) params = range_params (from, to);
  g_autoptr(FuPgResult) res = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuSummaryRow) sum = NULL;

  res = fu_pg_query (self, SUMMARY_SQL, params, N_("Could not compute the summary"), error);
  if (res == NULL)
    return NULL;
  rows = g_ptr_array_new_full ((guint) PQntuples (res), (GDestroyNotify) fu_summary_row_free);
  sum = fu_summary_total_new ();
  for (int i = 0; i < PQntuples (res); i++)
    {
      FuSummaryRow *row = g_new0 (FuSummaryRow, 1);
      int col = 0;

      row->workshop_id = fu_pg_int64 (res, i, col++);
      row->code = fu_pg_text (res, i, col++);
      row->title = fu_pg_text (res, i, col++);
      row->start_date = fu_pg_day (res, i, col++);
      row->end_date = fu_pg_day (res, i, col++);
      row->administrations = column_total (res, i, col++);
      row->participants = column_total (res, i, col++);
      row->replies = column_total (res, i, col++);
      for (guint a = 0; a < FU_N_ACTIONS; a++)
        row->actions[a] = column_total (res, i, col++);
      row->direct_effects_yes = column_total (res, i, col++);
      row->direct_effects_no = column_total (res, i, col++);
      row->contributed_yes = column_total (res, i, col++);
      row->contributed_no = column_total (res, i, col++);
      row->project_yes = column_total (res, i, col++);
      row->project_no = column_total (res, i, col++);
      row->colleagues_learned = column_total (res, i, col++);
      row->not_contacted = column_total (res, i, col++);
      fu_summary_row_add (sum, row);
      g_ptr_array_add (rows, row);
    }
  if (total != NULL)
    *total = g_steal_pointer (&sum);
  return g_steal_pointer (&rows);
}

/* The fiscal year of a start date is its calendar year, less one when its month comes
 * before the start month ($1). */
#define TREND_SQL \
  "SELECT CAST(substr(w.start_date, 1, 4) AS integer) " \
  "       - (CAST(substr(w.start_date, 6, 2) AS integer) < $1)::int AS fiscal_year, " \
  "  COUNT(DISTINCT w.id), COUNT(f.id), COUNT(r.id) " \
  "FROM workshop w " \
  "LEFT JOIN attendance a ON a.workshop_id = w.id " \
  "LEFT JOIN followup f ON f.attendance_id = a.id " \
  "LEFT JOIN reply r ON r.followup_id = f.id " \
  "WHERE w.surveyed = 1 AND w.start_date BETWEEN $2 AND $3 " \
  "GROUP BY fiscal_year " \
  "ORDER BY fiscal_year"

GArray *
fu_pg_reply_rate_trend (FuStore *self,
                        guint    first_year,
                        guint    last_year,
                        GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  g_autoptr(GArray) points = NULL;
  FuRules rules;

  fu_store_get_rules (self, &rules);
  fu_pg_params_int (params, rules.fiscal_year_start_month);
  if (first_year != 0)
    {
      FuDay from, to, unused;

      fu_fiscal_year_range (&rules, first_year, &from, &unused);
      fu_fiscal_year_range (&rules, last_year, &unused, &to);
      fu_pg_params_day (params, from);
      fu_pg_params_day (params, to);
    }
  else
    {
      fu_pg_params_raw (params, FIRST_ISO);
      fu_pg_params_raw (params, LAST_ISO);
    }
  res = fu_pg_query (self, TREND_SQL, params, N_("Could not compute the reply-rate trend"),
                     error);
  if (res == NULL)
    return NULL;

  points = g_array_new (FALSE, TRUE, sizeof (FuTrendPoint));
  for (int i = 0; i < PQntuples (res); i++)
    {
      FuTrendPoint point = { 0 };

      point.fiscal_year = column_total (res, i, 0);
      point.workshops = column_total (res, i, 1);
      point.participants = column_total (res, i, 2);
      point.replies = column_total (res, i, 3);
      g_array_append_val (points, point);
    }
  /* The years before the database, where it has nothing of its own. */
  if (!fu_store_add_earlier_years (self, points, first_year, last_year, error))
    return NULL;
  return g_steal_pointer (&points);
}

/* Administration names compare without regard to case, as SQLite's NOCASE column. */
#define INHOUSE_SQL \
  "SELECT ad.id, ad.name, COUNT(*) " \
  "FROM workshop w " \
  "JOIN attendance a ON a.workshop_id = w.id " \
  "JOIN followup f ON f.attendance_id = a.id " \
  "JOIN reply r ON r.followup_id = f.id " \
  "JOIN participant p ON p.id = a.participant_id " \
  "JOIN administration ad ON ad.id = p.administration_id " \
  "WHERE w.surveyed = 1 AND w.start_date BETWEEN $1 AND $2 AND r.inhouse_workshop = 1 " \
  "GROUP BY ad.id " \
  "ORDER BY fu_nocase (ad.name), ad.id"

GPtrArray *
fu_pg_inhouse_administrations (FuStore *self,
                               FuDay    from,
                               FuDay    to,
                               GError **error)
{
  g_autoptr(FuPgParams) params = range_params (from, to);
  g_autoptr(FuPgResult) res = NULL;
  GPtrArray *rows;

  res = fu_pg_query (self, INHOUSE_SQL, params, N_("Could not list the in-house workshops"),
                     error);
  if (res == NULL)
    return NULL;
  rows = g_ptr_array_new_full ((guint) PQntuples (res), (GDestroyNotify) fu_inhouse_row_free);
  for (int i = 0; i < PQntuples (res); i++)
    {
      FuInhouseRow *row = g_new0 (FuInhouseRow, 1);

      row->administration_id = fu_pg_int64 (res, i, 0);
      row->name = fu_pg_text (res, i, 1);
      row->inhouse_workshops = column_total (res, i, 2);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

#define RATE_SQL \
  "SELECT ad.id, ad.name, ad.short_name, COUNT(f.id), COUNT(r.id) " \
  "FROM workshop w " \
  "JOIN attendance a ON a.workshop_id = w.id " \
  "JOIN followup f ON f.attendance_id = a.id " \
  "JOIN participant p ON p.id = a.participant_id " \
  "JOIN administration ad ON ad.id = p.administration_id " \
  "LEFT JOIN reply r ON r.followup_id = f.id " \
  "WHERE w.surveyed = 1 AND w.start_date BETWEEN $1 AND $2 " \
  "GROUP BY ad.id " \
  "ORDER BY fu_nocase (ad.name), ad.id"

GPtrArray *
fu_pg_reply_rate_by_administration (FuStore *self,
                                    FuDay    from,
                                    FuDay    to,
                                    GError **error)
{
  g_autoptr(FuPgParams) params = range_params (from, to);
  g_autoptr(FuPgResult) res = NULL;
  GPtrArray *rows;

  res = fu_pg_query (self, RATE_SQL, params,
                     N_("Could not count the replies by administration"), error);
  if (res == NULL)
    return NULL;
  rows = g_ptr_array_new_full ((guint) PQntuples (res),
                               (GDestroyNotify) fu_administration_rate_free);
  for (int i = 0; i < PQntuples (res); i++)
    {
      FuAdministrationRate *row = g_new0 (FuAdministrationRate, 1);

      row->administration_id = fu_pg_int64 (res, i, 0);
      row->name = fu_pg_text (res, i, 1);
      row->short_name = fu_pg_text (res, i, 2);
      row->participants = column_total (res, i, 3);
      row->replies = column_total (res, i, 4);
      g_ptr_array_add (rows, row);
    }
  return rows;
}
