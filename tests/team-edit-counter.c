/* SPDX-License-Identifier: GPL-3.0-or-later */
/* team-edit-counter DATABASE WORKSHOP_CODE N: a colleague who edits the same workshop N
 * times, each time adding one to the number in its notes, as the workshop's form does: read
 * the workshop and its version, change it, save it based on that version; when the save is
 * refused because someone else changed it since, read it again and redo the edit. Run two at
 * once on one database: the number ends up 2 N (no update lost), and each refusal is counted.
 * Prints "edits N conflicts C". */

#include "config.h"

#include <glib.h>
#include <stdlib.h>

#include "fu-command.h"
#include "fu-error.h"
#include "fu-store.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuStore) store = NULL;
  guint n, edits = 0, conflicts = 0;
  gint64 id = 0;

  if (argc != 4)
    {
      g_printerr ("usage: team-edit-counter DATABASE WORKSHOP_CODE N\n");
      return 2;
    }
  n = (guint) g_ascii_strtoull (argv[3], NULL, 10);
  store = fu_store_open (argv[1], &error);
  if (store == NULL || !fu_store_lookup_workshop (store, argv[2], &id, &error) || id == 0)
    {
      g_printerr ("team-edit-counter: %s\n", error != NULL ? error->message : "no workshop");
      return 1;
    }
  while (edits < n)
    {
      g_autoptr(FuWorkshop) workshop = NULL;
      g_autoptr(FuCommand) command = NULL;
      gint64 version = fu_store_row_version (store, FU_RECORD_WORKSHOP, id, &error);
      guint64 count;

      workshop = version >= 0 ? fu_store_get_workshop (store, id, &error) : NULL;
      if (workshop == NULL)
        {
          g_printerr ("team-edit-counter: %s\n", error->message);
          return 1;
        }
      count = workshop->notes != NULL ? g_ascii_strtoull (workshop->notes, NULL, 10) : 0;
      g_free (workshop->notes);
      workshop->notes = g_strdup_printf ("%" G_GUINT64_FORMAT, count + 1);
      command = fu_command_new_edit_workshop (workshop);
      fu_command_set_based_on (command, version);
      if (fu_command_apply (command, store, &error))
        {
          edits++;
          continue;
        }
      if (!g_error_matches (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT))
        {
          g_printerr ("team-edit-counter: %s\n", error->message);
          return 1;
        }
      conflicts++;
      g_clear_error (&error);
    }
  g_print ("edits %u conflicts %u\n", edits, conflicts);
  return 0;
}
