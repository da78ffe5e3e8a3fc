/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-files.h: writing files that hold personal data */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes @data to @path whole or not at all: into a temporary file beside it, created 0600
 * and synced, then renamed over it. The temporary file is removed on failure; the result is
 * 0600 whether @path was new or not, so overwriting never loosens a file's mode. */
gboolean fu_file_write_private  (const char  *path,
                                 const void  *data,
                                 gsize        length,
                                 GError     **error);

/* The same for a file from the file chooser, which may have no local path. */
gboolean fu_gfile_write_private (GFile       *file,
                                 const void  *data,
                                 gsize        length,
                                 GError     **error);

/* Removes @folder and the files in it (not folders within). */
void     fu_file_remove_folder  (const char  *folder);

G_END_DECLS
