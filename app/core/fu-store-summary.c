/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store-summary.c: what the summaries of every backend share above their SQL: the total
 * row of Tables 1 to 5, and the years before the database in the reply-rate trend. */

#define G_LOG_DOMAIN "fu-store"

#include "config.h"

#include "fu-store-backend.h"

/* The total row's title. Not translated: it is data (exports are the same bytes whatever
 * the locale); a view that shows it can translate rows whose code is "TOTAL". */
#define TOTAL_CODE "TOTAL"
#define TOTAL_TITLE "Total"

FuSummaryRow *
fu_summary_total_new (void)
{
  FuSummaryRow *total = g_new0 (FuSummaryRow, 1);

  total->code = g_strdup (TOTAL_CODE);
  total->title = g_strdup (TOTAL_TITLE);
  return total;
}

/* Sums that stay within a guint even for absurd data. */
static inline void
add_count (guint *sum,
           guint  value)
{
  *sum = (value > G_MAXUINT - *sum) ? G_MAXUINT : *sum + value;
}

/* The report's total of administrations is the sum of its rows (261), not the distinct
 * administrations of the year: every column is summed alike. */
void
fu_summary_row_add (FuSummaryRow       *total,
                    const FuSummaryRow *row)
{
  add_count (&total->administrations, row->administrations);
  add_count (&total->participants, row->participants);
  add_count (&total->replies, row->replies);
  for (guint i = 0; i < FU_N_ACTIONS; i++)
    add_count (&total->actions[i], row->actions[i]);
  add_count (&total->direct_effects_yes, row->direct_effects_yes);
  add_count (&total->direct_effects_no, row->direct_effects_no);
  add_count (&total->contributed_yes, row->contributed_yes);
  add_count (&total->contributed_no, row->contributed_no);
  add_count (&total->project_yes, row->project_yes);
  add_count (&total->project_no, row->project_no);
  add_count (&total->colleagues_learned, row->colleagues_learned);
  add_count (&total->not_contacted, row->not_contacted);
}

gboolean
fu_store_add_earlier_years (FuStore  *self,
                            GArray   *points,
                            guint     first_year,
                            guint     last_year,
                            GError  **error)
{
  g_autoptr(GArray) earlier = fu_store_list_earlier_years (self, error);

  if (earlier == NULL)
    return FALSE;
  for (guint i = 0; i < earlier->len; i++)
    {
      const FuEarlierYear *year = &g_array_index (earlier, FuEarlierYear, i);
      FuTrendPoint point = { 0 };
      guint at = 0;
      gboolean known = FALSE;

      if (first_year != 0 && (year->fiscal_year < first_year || year->fiscal_year > last_year))
        continue;

      for (at = 0; at < points->len; at++)
        {
          guint fiscal_year = g_array_index (points, FuTrendPoint, at).fiscal_year;

          known |= fiscal_year == year->fiscal_year;
          if (fiscal_year >= year->fiscal_year)
            break;
        }
      if (known)
        continue;
      point.fiscal_year = year->fiscal_year;
      point.participants = year->participants;
      point.replies = year->replies;
      point.rate_tenths = year->rate_tenths;
      point.entered = TRUE;
      g_array_insert_val (points, at, point);
    }
  return TRUE;
}
