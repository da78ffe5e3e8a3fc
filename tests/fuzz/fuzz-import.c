/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-import.c: libFuzzer target for the importer. The first byte picks the file (its low
 * two bits: workshops, participants, responses) and the flags (the next three bits); the
 * rest is the file. The store holds the sample, loaded once; each input runs inside a
 * transaction that is rolled back, so that every input meets the same database. */
#define G_LOG_DOMAIN "fuzz-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdint.h>
#include <stdlib.h>

#include "fu-import.h"
#include "fu-sample.h"
#include "fu-store.h"

static FuStore *store;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  store = fu_store_open (":memory:", &error);
  if (store == NULL || !fu_sample_load (store, &error))
    g_error ("Could not prepare the store: %s", error->message);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const names[] = { "workshops.csv", "participants.csv",
                                        "responses.csv" };
  g_autoptr(FuImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FuImportKind kind;
  FuImportFlags flags;
  gboolean ok;

  if (size < 1)
    return -1;
  if ((data[0] & 3) == 3)
    return -1;
  kind = (FuImportKind) (data[0] & 3);
  flags = (FuImportFlags) ((data[0] >> 2) & 7);

  if (!fu_store_begin (store, &error))
    g_error ("%s", error->message);
  ok = fu_import_data (store, kind, names[kind], (const char *) data + 1, size - 1, flags,
                       &result, &error);
  fu_store_rollback (store);

  if (result == NULL || result->kind != kind)
    abort ();
  if (result->issues->len > FU_IMPORT_MAX_ISSUES || result->issues->len > result->n_issues)
    abort ();
  if (ok)
    {
      if (error != NULL || result->n_issues != 0)
        abort ();
    }
  else
    {
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        abort ();
      /* Even a failure of the store must reach the user as an issue. */
      if (result->n_issues == 0 || result->issues->len == 0)
        abort ();
    }
  for (guint i = 0; i < result->issues->len; i++)
    {
      const FuImportIssue *issue = g_ptr_array_index (result->issues, i);
      g_autofree char *text = NULL;

      if (issue->message == NULL || issue->message[0] == '\0' || issue->file == NULL)
        abort ();
      text = fu_import_issue_to_string (issue);
      if (text == NULL || !g_utf8_validate (text, -1, NULL))
        abort ();
    }
  return 0;
}
