/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-date-popover.c: a calendar in a popover; see fu-date-popover.h. */
#define G_LOG_DOMAIN "fu-date-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-date-popover.h"
#include "fu-day.h"

struct _FuDatePopover
{
  GtkPopover   parent_instance;

  char        *confirm_format;
  GtkCalendar *calendar;
  GtkWidget   *confirm_button;
  GtkWidget   *late_label;
  FuDay        day;
  FuDay        latest;
  gboolean     selecting;   /* the calendar is being set, not clicked */
};

G_DEFINE_FINAL_TYPE (FuDatePopover, fu_date_popover, GTK_TYPE_POPOVER)

enum {
  SIGNAL_DAY_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static FuDay
calendar_day (FuDatePopover *self)
{
  g_autoptr(GDateTime) date_time = gtk_calendar_get_date (self->calendar);

  return fu_day_new ((guint) g_date_time_get_year (date_time),
                     (guint) g_date_time_get_month (date_time),
                     (guint) g_date_time_get_day_of_month (date_time));
}

static gboolean
may_choose (FuDatePopover *self,
            FuDay          day)
{
  return day != FU_DAY_NONE && (self->latest == FU_DAY_NONE || day <= self->latest);
}

static void
update_confirm (FuDatePopover *self)
{
  FuDay day = calendar_day (self);
  g_autofree char *shown = fu_day_format_display (day);
  g_autoptr(GString) label = NULL;

  gtk_widget_set_visible (self->late_label, !may_choose (self, day));
  if (self->confirm_button == NULL)
    return;
  label = g_string_new (self->confirm_format);
  g_string_replace (label, "%s", shown != NULL ? shown : "", 1);
  gtk_button_set_label (GTK_BUTTON (self->confirm_button), label->str);
  gtk_widget_set_sensitive (self->confirm_button, may_choose (self, day));
}

static void
select_day (FuDatePopover *self,
            FuDay          day)
{
  g_autoptr(GDateTime) date_time = NULL;
  guint year, month, mday;

  fu_day_get_ymd (day, &year, &month, &mday);
  date_time = g_date_time_new_local ((int) year, (int) month, (int) mday, 12, 0, 0);
  if (date_time == NULL)
    return;
  self->selecting = TRUE;
  gtk_calendar_select_day (self->calendar, date_time);
  self->selecting = FALSE;
  update_confirm (self);
}

static void
day_selected_cb (FuDatePopover *self)
{
  update_confirm (self);
  /* Without a confirm button, a click is the choice. */
  if (self->confirm_button == NULL && !self->selecting)
    fu_date_popover_choose (self);
}

static void
show_cb (FuDatePopover *self)
{
  FuDay day = self->day;

  if (day == FU_DAY_NONE)
    day = self->latest != FU_DAY_NONE ? self->latest : fu_day_today ();
  select_day (self, day);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
fu_date_popover_finalize (GObject *object)
{
  FuDatePopover *self = FU_DATE_POPOVER (object);

  g_free (self->confirm_format);

  G_OBJECT_CLASS (fu_date_popover_parent_class)->finalize (object);
}

static void
fu_date_popover_class_init (FuDatePopoverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fu_date_popover_finalize;

  /* The day chosen, a FuDay. */
  signals[SIGNAL_DAY_CHOSEN] =
    g_signal_new ("day-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
fu_date_popover_init (FuDatePopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  self->late_label = gtk_label_new (_("A day still to come cannot be chosen"));
  gtk_widget_add_css_class (self->late_label, "dim-label");
  gtk_widget_add_css_class (self->late_label, "caption");
  gtk_widget_set_visible (self->late_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->late_label);
  gtk_popover_set_child (GTK_POPOVER (self), box);

  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  g_signal_connect (self, "show", G_CALLBACK (show_cb), NULL);
}

static void
confirm_clicked_cb (FuDatePopover *self)
{
  fu_date_popover_choose (self);
}

FuDatePopover *
fu_date_popover_new (const char *confirm_format)
{
  FuDatePopover *self = g_object_new (FU_TYPE_DATE_POPOVER, NULL);

  if (confirm_format != NULL)
    {
      GtkWidget *box = gtk_popover_get_child (GTK_POPOVER (self));

      self->confirm_format = g_strdup (confirm_format);
      self->confirm_button = gtk_button_new_with_mnemonic ("");
      gtk_widget_add_css_class (self->confirm_button, "suggested-action");
      g_signal_connect_swapped (self->confirm_button, "clicked",
                                G_CALLBACK (confirm_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), self->confirm_button);
      gtk_popover_set_default_widget (GTK_POPOVER (self), self->confirm_button);
    }
  return self;
}

void
fu_date_popover_set_day (FuDatePopover *self,
                         FuDay          day)
{
  g_return_if_fail (FU_IS_DATE_POPOVER (self));

  self->day = day;
  if (gtk_widget_get_visible (GTK_WIDGET (self)) && day != FU_DAY_NONE)
    select_day (self, day);
}

FuDay
fu_date_popover_get_day (FuDatePopover *self)
{
  g_return_val_if_fail (FU_IS_DATE_POPOVER (self), FU_DAY_NONE);

  return calendar_day (self);
}

void
fu_date_popover_set_latest (FuDatePopover *self,
                            FuDay          latest)
{
  g_return_if_fail (FU_IS_DATE_POPOVER (self));

  self->latest = latest;
  update_confirm (self);
}

gboolean
fu_date_popover_choose (FuDatePopover *self)
{
  FuDay day;

  g_return_val_if_fail (FU_IS_DATE_POPOVER (self), FALSE);

  day = calendar_day (self);
  if (!may_choose (self, day))
    return FALSE;
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[SIGNAL_DAY_CHOSEN], 0, (guint) day);
  return TRUE;
}
