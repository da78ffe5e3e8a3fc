/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-files.c: writing files that hold personal data */
#define G_LOG_DOMAIN "fu-files"

#include "config.h"

#include <glib/gstdio.h>

#include "fu-files.h"

gboolean
fu_file_write_private (const char  *path,
                       const void  *data,
                       gsize        length,
                       GError     **error)
{
  /* CONSISTENT writes a temporary file and renames it, for new files too; DURABLE syncs
   * it first, so a crash leaves the old file or the new one. */
  return g_file_set_contents_full (path, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT
                                   | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

gboolean
fu_gfile_write_private (GFile       *file,
                        const void  *data,
                        gsize        length,
                        GError     **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return fu_file_write_private (path, data, length, error);
  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

void
fu_file_remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}
