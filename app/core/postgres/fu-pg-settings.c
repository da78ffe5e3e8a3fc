/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-pg-settings.c: the team settings */

#define G_LOG_DOMAIN "fu-pg-settings"

#include "config.h"

#include "fu-pg-private.h"

char *
fu_pg_get_setting (FuStore    *self,
                   const char *key)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  g_autoptr(GError) error = NULL;

  fu_pg_params_raw (params, key);
  res = fu_pg_query (self, "SELECT value FROM settings WHERE key = $1", params,
                     N_("Could not read the settings"), &error);
  if (res == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }
  if (PQntuples (res) == 0)
    return NULL;
  return fu_pg_text (res, 0, 0);
}

gboolean
fu_pg_set_setting (FuStore    *self,
                   const char *key,
                   const char *value,
                   GError    **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  if (!fu_pg_begin (self, error))
    return FALSE;
  fu_pg_params_raw (params, key);
  if (value == NULL)
    {
      res = fu_pg_query (self, "DELETE FROM settings WHERE key = $1", params,
                         N_("Could not save the settings"), error);
      return fu_pg_finish (self, res != NULL, error);
    }
  fu_pg_params_raw (params, value);
  res = fu_pg_query (self,
                     "INSERT INTO settings (key, value) VALUES ($1, $2) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     params, N_("Could not save the settings"), error);
  return fu_pg_finish (self, res != NULL, error);
}

GPtrArray *
fu_pg_list_settings (FuStore    *self,
                     const char *prefix,
                     GError    **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  GPtrArray *settings;

  fu_pg_params_raw (params, prefix);
  res = fu_pg_query (self,
                     "SELECT key, value FROM settings WHERE starts_with (key, $1) "
                     "ORDER BY key COLLATE \"C\"",
                     params, N_("Could not read the settings"), error);
  if (res == NULL)
    return NULL;
  settings = g_ptr_array_new_full ((guint) PQntuples (res) * 2, g_free);
  for (int i = 0; i < PQntuples (res); i++)
    {
      g_ptr_array_add (settings, fu_pg_text (res, i, 0));
      g_ptr_array_add (settings, fu_pg_text (res, i, 1));
    }
  return settings;
}
