/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-backups.h: the backups folder of a database: making, listing and pruning backups. */
#pragma once

#include "fu-store.h"

G_BEGIN_DECLS

typedef struct {
  char        *path;
  GDateTime   *time;     /* when it was made, local time */
  guint        serial;   /* 1, or N for the N-th made in the same second */
  goffset      size;
  FuBackupInfo info;
} FuBackup;

void      fu_backup_free              (FuBackup *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuBackup, fu_backup_free)

/* $XDG_DATA_HOME/followup/backups for the default database, NAME.backups beside one kept
 * elsewhere. NULL for a database that is not a file. */
char     *fu_backups_folder           (FuStore *store);

/* A backup made now into the folder (0700), then the folder pruned; the path made in
 * @out_path. Temporary files a crash left in the folder are removed first. */
gboolean  fu_backups_make             (FuStore *store, char **out_path, GError **error);

/* The folder's backups, newest first (FuBackup). */
GPtrArray *fu_backups_list            (FuStore *store, GError **error);

/* Which of @times (newest first) a retention of @daily days, @weekly weeks and @monthly
 * months keeps: the newest backup of each of the most recent days, weeks and months. */
gboolean *fu_backups_retained         (GDateTime * const *times, guint n_times,
                                       guint daily, guint weekly, guint monthly);

/* Whether a change now wants a backup first: the first change of the day, or always when
 * @before_import; never for a database that is not a file, or that cannot be written. */
gboolean  fu_backups_wanted           (FuStore *store, gboolean before_import);
/* The backup fu_backups_wanted() asks for, made. */
gboolean  fu_backups_before_change    (FuStore *store, gboolean before_import, GError **error);

/* The backup @backup opened as any database is (checked, brought up to date when older) from
 * a private copy in a new 0700 folder, *@out_folder, which the caller removes with
 * fu_file_remove_folder() once the store is closed; the backup itself is never written. A
 * foreign or damaged backup is refused, with a message naming @backup. */
FuStore  *fu_backups_open_copy        (const char *backup, char **out_folder, GError **error);

/* For a damaged database, which cannot take a restore as a change: the file @path is moved
 * aside (NAME.damaged-DATE, with its -wal and -shm, in @out_aside) and the backup copied
 * into its place, 0600. The caller then opens the file again. */
gboolean  fu_backups_replace_damaged  (const char *path, const char *backup, char **out_aside,
                                       GError **error);

G_END_DECLS
