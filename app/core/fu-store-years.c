/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-store-years"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-rules.h"
#include "fu-store.h"
#include "fu-store-years.h"

GArray *
fu_store_list_fiscal_years (FuStore        *self,
                            const FuRules  *rules,
                            gboolean        surveyed_only,
                            GError        **error)
{
  g_autoptr(GPtrArray) workshops = NULL;
  g_autoptr(GArray) years = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  workshops = fu_store_list_workshops (self, FU_DAY_NONE, FU_DAY_NONE, error);
  if (workshops == NULL)
    return NULL;

  years = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Workshops come by start date, so their fiscal years never decrease. */
  for (guint i = 0; i < workshops->len; i++)
    {
      const FuWorkshop *workshop = g_ptr_array_index (workshops, i);
      guint year;

      if (surveyed_only && !workshop->surveyed)
        continue;

      year = fu_fiscal_year_of (rules, workshop->start_date);
      if (years->len == 0 || g_array_index (years, guint, years->len - 1) != year)
        g_array_append_val (years, year);
    }

  return g_steal_pointer (&years);
}
