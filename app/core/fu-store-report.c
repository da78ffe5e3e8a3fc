/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store-report.c: per-administration reply figures, in one grouped query. */
#define G_LOG_DOMAIN "fu-store-report"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-store-private.h"
#include "fu-store-report.h"

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

void
fu_administration_rate_free (FuAdministrationRate *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->short_name);
  g_free (self);
}

static guint
column_count (sqlite3_stmt *stmt,
              int           index)
{
  sqlite3_int64 value = sqlite3_column_int64 (stmt, index);

  return (guint) CLAMP (value, 0, (sqlite3_int64) G_MAXUINT);
}

GPtrArray *
fu_store_reply_rate_by_administration (FuStore *self,
                                       FuDay    from,
                                       FuDay    to,
                                       GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_store_prepare (self, RATE_SQL, error);
  if (stmt == NULL)
    return NULL;
  if (from == FU_DAY_NONE)
    sqlite3_bind_text (stmt, 1, FIRST_ISO, -1, SQLITE_STATIC);
  else
    fu_store_bind_day (stmt, 1, from);
  if (to == FU_DAY_NONE)
    sqlite3_bind_text (stmt, 2, LAST_ISO, -1, SQLITE_STATIC);
  else
    fu_store_bind_day (stmt, 2, to);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_administration_rate_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FuAdministrationRate *row = g_new0 (FuAdministrationRate, 1);

      row->administration_id = sqlite3_column_int64 (stmt, 0);
      row->name = fu_store_column_text (stmt, 1);
      row->short_name = fu_store_column_text (stmt, 2);
      row->participants = column_count (stmt, 3);
      row->replies = column_count (stmt, 4);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      fu_store_set_error (self, error, _("Could not count the replies by administration"));
      sqlite3_reset (stmt);
      return NULL;
    }
  /* Reset now, so that no finished SELECT keeps its read snapshot open. */
  sqlite3_reset (stmt);

  return g_steal_pointer (&rows);
}
