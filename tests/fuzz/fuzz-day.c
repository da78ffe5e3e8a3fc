/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-day.c: libFuzzer target for fu_day_parse_iso and fu_fiscal_year_parse. A day that
 * parses formats back to the same text; a fiscal year that parses is labelled and parses
 * back to the same year; a refusal always says why. */
#define G_LOG_DOMAIN "fuzz-day"

#include "config.h"

#include <glib/gi18n.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fu-day.h"
#include "fu-rules.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  FuDay day = 1;
  guint fiscal_year = 0;

  if (size > 64)
    return -1;
  /* Both parsers take a C string: what follows an embedded NUL is not seen. */
  text = g_strndup ((const char *) data, size);

  if (fu_day_parse_iso (text, &day))
    {
      char buf[11];

      if (day == FU_DAY_NONE)
        abort ();
      fu_day_format_iso (day, buf);
      if (strcmp (buf, text) != 0)
        abort ();
    }
  else if (day != FU_DAY_NONE)
    abort ();

  if (fu_fiscal_year_parse (text, &fiscal_year, &error))
    {
      FuRules rules;
      g_autofree char *label = NULL;
      guint again = 0;

      if (error != NULL)
        abort ();
      fu_rules_init_defaults (&rules);
      label = fu_fiscal_year_label (&rules, fiscal_year);
      if (label == NULL || !fu_fiscal_year_parse (label, &again, NULL) || again != fiscal_year)
        abort ();
    }
  else if (error == NULL || error->message == NULL || error->message[0] == '\0')
    abort ();

  return 0;
}
