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

gboolean
fu_sqlite_set_setting (FuStore    *self,
                       const char *key,
                       const char *value,
                       GError    **error)
{
  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self, set_setting (self, key, value, error), error);
}

/* ---- Years before the database ------------------------------------------------------------ */

#define EARLIER_PREFIX "earlier_year:"

GArray *
fu_sqlite_list_earlier_years (FuStore  *self,
                              GError  **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, TRUE, sizeof (FuEarlierYear));
  int rc;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  stmt = fu_sqlite_prepare (self,
                            "SELECT substr (key, ?1), value FROM settings "
                            "WHERE key LIKE ?2 ORDER BY CAST (substr (key, ?1) AS INTEGER)",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) strlen (EARLIER_PREFIX) + 1);
  sqlite3_bind_text (stmt, 2, EARLIER_PREFIX "%", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *year_text = fu_sqlite_column_text (stmt, 0);
      g_autofree char *value = fu_sqlite_column_text (stmt, 1);
      g_auto(GStrv) parts = g_strsplit (value != NULL ? value : "", ",", -1);
      FuEarlierYear year = { 0, 0, 0, 0, -1 };
      guint64 number = 0;

      /* "participants,replies,rate_tenths,inhouse"; a value edited into anything else is
       * left out rather than shown wrong. */
      if (year_text == NULL || g_strv_length (parts) != 4
          || !g_ascii_string_to_unsigned (year_text, 10, 1990, 2100, &number, NULL))
        continue;
      year.fiscal_year = (guint) number;
      year.participants = (guint) g_ascii_strtoull (parts[0], NULL, 10);
      year.replies = (guint) g_ascii_strtoull (parts[1], NULL, 10);
      year.rate_tenths = (guint) g_ascii_strtoull (parts[2], NULL, 10);
      year.inhouse = parts[3][0] != '\0' ? (gint) g_ascii_strtoll (parts[3], NULL, 10) : -1;
      g_array_append_val (years, year);
    }
  if (rc != SQLITE_DONE)
    {
      fu_sqlite_set_error (self, error, _("Could not read the earlier years"));
      return NULL;
    }
  return g_steal_pointer (&years);
}

gboolean
fu_sqlite_set_earlier_year (FuStore              *self,
                            const FuEarlierYear  *year,
                            GError              **error)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  g_autofree char *inhouse = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (year != NULL, FALSE);

  /* Neither totals nor a rate: the year is taken out. */
  if (year->participants == 0 && year->rate_tenths == 0 && year->fiscal_year >= 1990
      && year->fiscal_year <= 2100)
    {
      g_autoptr(FuStmt) stmt = NULL;

      key = g_strdup_printf (EARLIER_PREFIX "%u", year->fiscal_year);
      if (!fu_store_begin (self, error))
        return FALSE;
      stmt = fu_sqlite_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
      if (stmt != NULL)
        sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      return fu_sqlite_finish (self,
                               stmt != NULL && step_done (self, stmt,
                                                          N_("Could not save the settings"),
                                                          error),
                               error);
    }
  if (year->fiscal_year < 1990 || year->fiscal_year > 2100
      || (year->participants == 0 && year->rate_tenths > 1000)
      || year->replies > year->participants)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("An earlier year needs its participants and replies (no more "
                             "replies than participants), or a reply rate from 0.1 to 100%"));
      return FALSE;
    }
  key = g_strdup_printf (EARLIER_PREFIX "%u", year->fiscal_year);
  inhouse = year->inhouse >= 0 ? g_strdup_printf ("%d", year->inhouse) : g_strdup ("");
  value = g_strdup_printf ("%u,%u,%u,%s", year->participants, year->replies,
                           year->participants > 0 ? 0 : year->rate_tenths, inhouse);
  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self, set_setting (self, key, value, error), error);
}

/* ---- Aliases of administrations ----------------------------------------------------------- */

#define ALIAS_PREFIX "alias:"

/* "alias:viet nam": one key per spelling, without regard to case or outer spaces. */
char *
fu_sqlite_alias_key (const char *alias)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (alias));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  return g_strconcat (ALIAS_PREFIX, folded, NULL);
}

/* The value kept: "ID<tab>the alias as written". */
static gboolean
parse_alias_value (const char *value,
                   gint64     *administration_id,
                   const char **written)
{
  const char *tab = value != NULL ? strchr (value, '\t') : NULL;

  if (tab == NULL)
    return FALSE;
  *administration_id = g_ascii_strtoll (value, NULL, 10);
  *written = tab + 1;
  return *administration_id > 0;
}

gint64
fu_sqlite_alias_lookup (FuStore    *self,
                        const char *alias)
{
  g_autofree char *key = fu_sqlite_alias_key (alias);
  g_autofree char *value = get_setting (self, key);
  const char *written;
  gint64 id = 0;

  if (!parse_alias_value (value, &id, &written))
    return 0;
  return id;
}

GPtrArray *
fu_sqlite_list_aliases (FuStore  *self,
                        GError  **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_alias_free);
  int rc;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  stmt = fu_sqlite_prepare (self, "SELECT value FROM settings WHERE key LIKE ?1 ORDER BY key",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ALIAS_PREFIX "%", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *value = fu_sqlite_column_text (stmt, 0);
      const char *written;
      gint64 id;
      FuAlias *alias;

      if (!parse_alias_value (value, &id, &written))
        continue;
      alias = g_new0 (FuAlias, 1);
      alias->alias = g_strdup (written);
      alias->administration_id = id;
      g_ptr_array_add (aliases, alias);
    }
  if (rc != SQLITE_DONE)
    {
      fu_sqlite_set_error (self, error, _("Could not read the administrations' other names"));
      return NULL;
    }
  return g_steal_pointer (&aliases);
}

gboolean
fu_sqlite_set_alias_unlocked (FuStore     *self,
                              const char  *alias,
                              gint64       administration_id,
                              GError     **error)
{
  g_autofree char *key = fu_sqlite_alias_key (alias);
  g_autofree char *trimmed = g_strstrip (g_strdup (alias));

  if (administration_id == 0)
    {
      g_autoptr(FuStmt) stmt = fu_sqlite_prepare (self, "DELETE FROM settings WHERE key = ?1",
                                                  error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      return step_done (self, stmt, N_("Could not save the settings"), error);
    }
  else
    {
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s", administration_id,
                                                trimmed);

      return set_setting (self, key, value, error);
    }
}

gboolean
fu_sqlite_set_alias (FuStore     *self,
                     const char  *alias,
                     gint64       administration_id,
                     GError     **error)
{
  g_autofree char *trimmed = NULL;
  gint64 named = 0;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (alias));
  if (*trimmed == '\0' || strchr (trimmed, '\t') != NULL || strchr (trimmed, '\n') != NULL)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("Another name of an administration is one line of text"));
      return FALSE;
    }
  if (administration_id != 0)
    {
      g_autoptr(FuAdministration) admin = fu_store_get_administration (self, administration_id,
                                                                       error);

      if (admin == NULL)
        return FALSE;
      /* An administration's own name or short name is not another's alias. */
      if (!fu_sqlite_lookup_own_name (self, trimmed, &named, error))
        return FALSE;
      if (named != 0)
        {
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                       _("“%s” is already the name of an administration: merge the two "
                         "administrations instead"), trimmed);
          return FALSE;
        }
    }
  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self,
                           fu_sqlite_set_alias_unlocked (self, trimmed, administration_id, error),
                           error);
}
