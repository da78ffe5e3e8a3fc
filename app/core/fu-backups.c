/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-backups.c: the backups folder of a database: making, listing and pruning backups. */
#define G_LOG_DOMAIN "fu-backups"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fu-backups.h"
#include "fu-error.h"
#include "fu-files.h"

/* Backups are named by the local time they were made: "2026-12-03 104512.db" sorts, and
 * says when at a glance. */
#define NAME_FORMAT "%Y-%m-%d %H%M%S"
#define PARTIAL_MARK ".partial-"

/* The retention rule: the backups of the last 24 hours, 10 at most (one made by hand before
 * a risky change is there to restore), then the newest of each of the last 7 days, 5 weeks
 * and 12 months. */
#define KEEP_ALL_HOURS 24
#define KEEP_RECENT_MAX 10
#define KEEP_DAILY 7
#define KEEP_WEEKLY 5
#define KEEP_MONTHLY 12

void
fu_backup_free (FuBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_clear_pointer (&backup->time, g_date_time_unref);
  g_free (backup);
}

char *
fu_backups_folder (FuStore *store)
{
  const char *path = fu_store_get_path (store);
  g_autofree char *default_path = NULL;
  g_autofree char *standard = NULL;

  /* A team database on a server has no folder beside it. */
  if (path == NULL || g_str_equal (path, ":memory:")
      || g_strcmp0 (fu_store_get_backend_name (store), "sqlite") != 0)
    return NULL;
  /* The database in its standard place keeps its backups in the standard place. */
  standard = g_build_filename (g_get_user_data_dir (), "followup", "followup.db", NULL);
  if (g_str_equal (path, standard))
    return g_build_filename (g_get_user_data_dir (), "followup", "backups", NULL);
  return g_strconcat (path, ".backups", NULL);
}

/* The time in a backup's name, or NULL for another file; @serial is 1, or N for the N-th
 * backup made in the same second ("... 104512-N.db"). */
static GDateTime *
time_of_name (const char *name,
              guint      *serial)
{
  int year, month, day, hour, minute, second, n = 1, used = 0;

  if (strstr (name, PARTIAL_MARK) != NULL || !g_str_has_suffix (name, ".db")
      || sscanf (name, "%4d-%2d-%2d %2d%2d%2d%n", &year, &month, &day, &hour, &minute, &second,
                 &used) != 6)
    return NULL;
  if (!g_str_equal (name + used, ".db") && sscanf (name + used, "-%d.db", &n) != 1)
    return NULL;
  *serial = (guint) MAX (n, 1);
  return g_date_time_new_local (year, month, day, hour, minute, second);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const FuBackup *x = *(FuBackup * const *) a;
  const FuBackup *y = *(FuBackup * const *) b;
  int order = g_date_time_compare (y->time, x->time);

  return order != 0 ? order : (y->serial > x->serial) - (y->serial < x->serial);
}

/* The backups in @folder, newest first; leftovers of crashed backups removed when @tidy. */
static GPtrArray *
read_folder (FuStore    *store,
             const char *folder,
             gboolean    tidy,
             gboolean    describe,
             GError    **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_backup_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(FuBackup) backup = NULL;
      GDateTime *time;
      guint serial = 1;
      GStatBuf st;

      if (strstr (name, PARTIAL_MARK) != NULL)
        {
          if (tidy)
            g_unlink (path);
          continue;
        }
      time = time_of_name (name, &serial);
      if (time == NULL || g_stat (path, &st) != 0)
        {
          g_clear_pointer (&time, g_date_time_unref);
          continue;
        }
      backup = g_new0 (FuBackup, 1);
      backup->path = g_steal_pointer (&path);
      backup->time = time;
      backup->serial = serial;
      backup->size = st.st_size;
      if (describe && !fu_store_describe_backup (store, backup->path, &backup->info, NULL))
        continue;
      g_ptr_array_add (backups, g_steal_pointer (&backup));
    }
  g_ptr_array_sort (backups, newest_first);
  return g_steal_pointer (&backups);
}

GPtrArray *
fu_backups_list (FuStore  *store,
                 GError  **error)
{
  g_autofree char *folder = fu_backups_folder (store);

  if (folder == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) fu_backup_free);
  return read_folder (store, folder, FALSE, TRUE, error);
}

gboolean *
fu_backups_retained (GDateTime * const *times,
                     guint              n_times,
                     guint              daily,
                     guint              weekly,
                     guint              monthly)
{
  gboolean *keep = g_new0 (gboolean, MAX (n_times, 1));
  const char *formats[] = { "%Y-%m-%d", "%G-W%V", "%Y-%m" };
  guint limits[] = { daily, weekly, monthly };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *last = NULL;
      guint periods = 0;

      /* Newest first: the first backup of each new period is that period's newest. */
      for (guint i = 0; i < n_times && periods < limits[f]; i++)
        {
          g_autofree char *period = g_date_time_format (times[i], formats[f]);

          if (g_strcmp0 (period, last) == 0)
            continue;
          keep[i] = TRUE;
          periods++;
          g_free (last);
          last = g_steal_pointer (&period);
        }
    }
  return keep;
}

static void
prune (FuStore    *store,
       const char *folder)
{
  g_autoptr(GPtrArray) backups = read_folder (store, folder, TRUE, FALSE, NULL);
  g_autofree GDateTime **times = NULL;
  g_autofree gboolean *keep = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (backups == NULL || backups->len == 0)
    return;
  times = g_new (GDateTime *, backups->len);
  for (guint i = 0; i < backups->len; i++)
    times[i] = ((FuBackup *) backups->pdata[i])->time;
  keep = fu_backups_retained (times, backups->len, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY);
  now = g_date_time_new_now_local ();
  for (guint i = 0; i < backups->len; i++)
    if (!keep[i]
        && (i >= KEEP_RECENT_MAX
            || g_date_time_difference (now, times[i]) > KEEP_ALL_HOURS * G_TIME_SPAN_HOUR))
      g_unlink (((FuBackup *) backups->pdata[i])->path);
}

gboolean
fu_backups_make (FuStore  *store,
                 char    **out_path,
                 GError  **error)
{
  g_autofree char *folder = fu_backups_folder (store);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, NAME_FORMAT);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) leftovers = NULL;

  /* A team database is backed up on request only, into a folder of this computer named
   * after its address (not written out: it may hold a password). */
  if (folder == NULL && g_strcmp0 (fu_store_get_backend_name (store), "postgres") == 0)
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                             fu_store_get_path (store), -1);

      hash[12] = '\0';
      folder = g_build_filename (g_get_user_data_dir (), "followup", "team-backups", hash, NULL);
    }
  if (folder == NULL)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                   _("%s is not a file: it has no backups folder"), fu_store_get_path (store));
      return FALSE;
    }
  if (g_mkdir_with_parents (folder, 0700) == 0)
    g_chmod (folder, 0700);
  /* What a crash left half-written goes first. */
  leftovers = read_folder (store, folder, TRUE, FALSE, NULL);

  path = g_strdup_printf ("%s/%s.db", folder, stamp);
  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = g_strdup_printf ("%s/%s-%u.db", folder, stamp, n);
    }
  if (!fu_store_backup_to (store, path, error))
    return FALSE;
  prune (store, folder);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

gboolean
fu_backups_wanted (FuStore  *store,
                   gboolean  before_import)
{
  g_autofree char *folder = fu_backups_folder (store);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (folder == NULL || fu_store_get_access (store) != FU_STORE_ACCESS_READ_WRITE)
    return FALSE;
  if (before_import)
    return TRUE;
  backups = read_folder (store, folder, FALSE, FALSE, NULL);
  now = g_date_time_new_now_local ();
  if (backups != NULL && backups->len > 0)
    {
      GDateTime *newest = ((FuBackup *) backups->pdata[0])->time;

      if (g_date_time_get_year (newest) == g_date_time_get_year (now)
          && g_date_time_get_day_of_year (newest) == g_date_time_get_day_of_year (now))
        return FALSE;
    }
  return TRUE;
}

gboolean
fu_backups_before_change (FuStore  *store,
                          gboolean  before_import,
                          GError  **error)
{
  return !fu_backups_wanted (store, before_import) || fu_backups_make (store, NULL, error);
}

FuStore *
fu_backups_open_copy (const char  *backup,
                      char       **out_folder,
                      GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  folder = g_dir_make_tmp ("followup-restore-XXXXXX", &local_error);
  if (folder != NULL)
    {
      copy = g_build_filename (folder, "backup.db", NULL);
      if (g_file_get_contents (backup, &contents, &length, &local_error)
          && fu_file_write_private (copy, contents, length, &local_error))
        store = fu_store_open (copy, &local_error);
    }
  if (store != NULL && fu_store_get_access (store) != FU_STORE_ACCESS_READ_WRITE)
    {
      g_clear_object (&store);
      g_set_error_literal (&local_error, FU_STORE_ERROR, FU_STORE_ERROR_DAMAGED,
                           _("the backup is damaged"));
    }
  if (store == NULL)
    {
      g_autoptr(GString) why = g_string_new (local_error->message);

      /* A message about the private copy is about the backup. */
      if (copy != NULL)
        g_string_replace (why, copy, backup, 0);
      if (folder != NULL)
        fu_file_remove_folder (folder);
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID, _("Could not restore %s: %s"),
                   backup, why->str);
      return NULL;
    }
  *out_folder = g_steal_pointer (&folder);
  return g_steal_pointer (&store);
}

gboolean
fu_backups_replace_damaged (const char  *path,
                            const char  *backup,
                            char       **out_aside,
                            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", path, stamp);
  g_autofree char *folder = NULL;
  g_autoptr(FuStore) good = NULL;
  gboolean ok = FALSE;

  /* The backup is opened and checked before anything moves. */
  good = fu_backups_open_copy (backup, &folder, error);
  if (good == NULL)
    return FALSE;

  if (g_rename (path, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                   _("Could not move the damaged %s aside: %s"), path, g_strerror (saved_errno));
      goto out;
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "-wal" : "-shm";
      g_autofree char *side = g_strconcat (path, suffix, NULL);
      g_autofree char *side_aside = g_strconcat (aside, suffix, NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_rename (side, side_aside);
    }
  if (!fu_store_backup_to (good, path, error))
    {
      g_rename (aside, path);
      goto out;
    }
  ok = TRUE;
  if (out_aside != NULL)
    *out_aside = g_steal_pointer (&aside);

out:
  g_clear_object (&good);
  fu_file_remove_folder (folder);
  return ok;
}
