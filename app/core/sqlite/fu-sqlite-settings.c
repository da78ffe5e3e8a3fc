/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-sqlite-settings.c: the team settings */

#define G_LOG_DOMAIN "fu-sqlite-settings"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-rules.h"
#include "fu-sqlite-private.h"

/* ---- Settings ---------------------------------------------------------------------------- */

static char *
get_setting (FuStore    *self,
             const char *key)
{
  g_autoptr(FuStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = fu_sqlite_prepare (self, "SELECT value FROM settings WHERE key = ?1", &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return fu_sqlite_column_text (stmt, 0);
}

static gboolean
set_setting (FuStore    *self,
             const char *key,
             const char *value,
             GError    **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_sqlite_prepare (self,
                           "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return step_done (self, stmt, N_("Could not save the settings"), error);
}

char *
fu_sqlite_get_setting (FuStore    *self,
                       const char *key)
{
  return get_setting (self, key);
}

static gboolean
delete_setting (FuStore    *self,
                const char *key,
                GError    **error)
{
  g_autoptr(FuStmt) stmt = fu_sqlite_prepare (self, "DELETE FROM settings WHERE key = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  return step_done (self, stmt, N_("Could not save the settings"), error);
}

gboolean
fu_sqlite_set_setting (FuStore    *self,
                       const char *key,
                       const char *value,
                       GError    **error)
{
  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self,
                           value != NULL ? set_setting (self, key, value, error)
                                         : delete_setting (self, key, error),
                           error);
}

GPtrArray *
fu_sqlite_list_settings (FuStore    *self,
                         const char *prefix,
                         GError    **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  g_autoptr(GPtrArray) settings = g_ptr_array_new_with_free_func (g_free);
  int rc;

  /* By the prefix's bytes, not LIKE: a prefix may hold '_' or '%'. */
  stmt = fu_sqlite_prepare (self,
                            "SELECT key, value FROM settings "
                            "WHERE substr (key, 1, length (?1)) = ?1 ORDER BY key",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (settings, fu_sqlite_column_text (stmt, 0));
      g_ptr_array_add (settings, fu_sqlite_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      fu_sqlite_set_error (self, error, _("Could not read the settings"));
      return NULL;
    }
  return g_steal_pointer (&settings);
}

