/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-day.h: calendar days (FuDay) without time zones. */
#pragma once

#include "fu-types.h"

G_BEGIN_DECLS

/* FU_DAY_NONE for a day that does not exist (31 February, month 13, year 0). */
FuDay     fu_day_new            (guint year, guint month, guint day);
/* Strict ISO 8601 "YYYY-MM-DD" (exactly ten characters, a real day): FALSE otherwise. */
gboolean  fu_day_parse_iso      (const char *text, FuDay *out_day);
/* A day as a person types it: ISO 8601, or in the locale's own way ("5/9/2016" in the
 * order the locale writes dates, "5 September 2016", "5 Sep 2016"), with the year in full.
 * FALSE for anything else. */
gboolean  fu_day_parse_typed    (const char *text, FuDay *out_day);
/* Whether a day entered for a workshop, a mailing or a reply is one the office can mean:
 * from 1990-01-01 to 2100-12-31 (a year 9999 leaves no deadline). FU_DAY_NONE is TRUE. */
#define FU_DAY_FIRST_ENTERED "1990-01-01"
#define FU_DAY_LAST_ENTERED "2100-12-31"
gboolean  fu_day_is_plausible   (FuDay day);
/* "YYYY-MM-DD" into @buf; "" for FU_DAY_NONE. */
void      fu_day_format_iso     (FuDay day, char buf[11]);
/* Newly allocated "YYYY-MM-DD", or NULL for FU_DAY_NONE. */
char     *fu_day_to_iso         (FuDay day);
void      fu_day_get_ymd        (FuDay day, guint *year, guint *month, guint *mday);
guint     fu_day_get_year       (FuDay day);
guint     fu_day_get_month      (FuDay day);
/* Adds calendar months; a day past the target month's end falls back to its last day
 * (31 August + 6 months = 28 or 29 February). */
FuDay     fu_day_add_months     (FuDay day, int months);
FuDay     fu_day_add_days       (FuDay day, int days);
/* Today in the local time zone. */
FuDay     fu_day_today          (void);
/* The day as people read it on screen and in printed pages: the translated format with the
 * locale's (LC_TIME) month names, "20 Dec 2017" in English, "20 déc. 2017" in French. Files
 * keep ISO 8601. NULL for FU_DAY_NONE. Sort by the FuDay, never by this text. */
char     *fu_day_format_display (FuDay day);
/* Two days as one span, sharing what they have in common: "5–9 Sep 2016",
 * "28 Mar – 3 Apr 2017", "28 Dec 2016 – 3 Jan 2017"; one day when @last is @first or
 * FU_DAY_NONE. NULL when @first is FU_DAY_NONE. */
char     *fu_day_format_display_range (FuDay first, FuDay last);

G_END_DECLS
