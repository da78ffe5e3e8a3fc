/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-date-popover.h: a calendar in a popover, for every date the app asks for. Either each
 * click on a day chooses it (beside a date entry), or a button under the calendar confirms
 * the day, its label saying what will happen ("Mark Sent on 20 Dec 2017"). Days after
 * @latest cannot be chosen: a questionnaire is not sent tomorrow. */
#pragma once

#include <gtk/gtk.h>

#include "fu-types.h"

G_BEGIN_DECLS

#define FU_TYPE_DATE_POPOVER (fu_date_popover_get_type ())
G_DECLARE_FINAL_TYPE (FuDatePopover, fu_date_popover, FU, DATE_POPOVER, GtkPopover)

/* @confirm_format: NULL to choose on a click, else a translated label with one %s for the
 * day ("Mark _Sent on %s"). */
FuDatePopover *fu_date_popover_new        (const char *confirm_format);
/* The day shown when the popover opens (FU_DAY_NONE: @latest, or today). */
void           fu_date_popover_set_day    (FuDatePopover *self, FuDay day);
FuDay          fu_date_popover_get_day    (FuDatePopover *self);
/* The last day that may be chosen, FU_DAY_NONE for no limit. */
void           fu_date_popover_set_latest (FuDatePopover *self, FuDay latest);
/* Chooses the day shown, as the confirm button (or a click) does: emits "day-chosen" and
 * closes, when the day may be chosen. Returns whether it was. */
gboolean       fu_date_popover_choose     (FuDatePopover *self);

G_END_DECLS
