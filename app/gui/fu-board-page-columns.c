/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-board-page-columns.c: the board's table: one label per cell, made and bound
 * without SQL or tooltips (those come when asked for), and the sorting of each column. */
#define G_LOG_DOMAIN "fu-board-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-board-page-private.h"
#include "fu-day.h"
#include "fu-gui-util.h"
#include "fu-mailto.h"
#include "fu-print-reminders.h"
#include "fu-reply-editor.h"
#include "fu-rules.h"
#include "fu-store.h"
#include "fu-window.h"

/* ---- Columns ----------------------------------------------------------------------------- */

static gboolean
column_is_numeric (Column column)
{
  return column == COLUMN_REMINDERS || column == COLUMN_DAYS_OVERDUE;
}

/* What a cell's tooltip says of @row, or NULL for none. */
static char *
cell_tooltip (const FuFollowupRow *row,
              Column               column)
{
  g_autofree char *day = NULL;

  switch (column)
    {
    case COLUMN_PARTICIPANT:
      return g_strdup (row->email != NULL ? row->email : _("No e-mail address"));

    case COLUMN_WORKSHOP:
      return g_strdup (row->workshop_title);

    case COLUMN_REMINDERS:
      if (row->dates.last_reminder == FU_DAY_NONE)
        return NULL;
      day = fu_day_format_display (row->dates.last_reminder);
      return g_strdup_printf (_("Last reminder sent on %s"), day);

    case COLUMN_ADMINISTRATION:
    case COLUMN_PLANNED:
    case COLUMN_SENT:
    case COLUMN_DEADLINE:
    case COLUMN_DAYS_OVERDUE:
    case N_COLUMNS:
    default:
      return NULL;
    }
}

/* The tooltip is made from the row bound when the pointer rests on the cell: setting it on
 * each bind would ask the X server where the pointer is (GTK 4.8), for every cell that
 * scrolls into view. */
static gboolean
cell_query_tooltip_cb (GtkWidget   *label,
                       int          x,
                       int          y,
                       gboolean     keyboard_mode,
                       GtkTooltip  *tooltip,
                       GtkListItem *list_item)
{
  gpointer item = gtk_list_item_get_item (list_item);
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "fu-column"));
  g_autofree char *text = NULL;

  if (item == NULL)
    return FALSE;
  text = cell_tooltip (fu_board_page_item_row (item), column);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  if (column == COLUMN_PARTICIPANT || column == COLUMN_WORKSHOP || column == COLUMN_REMINDERS)
    {
      g_object_set_data (G_OBJECT (label), "fu-column", GUINT_TO_POINTER (column));
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect_object (label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb),
                               list_item, 0);
    }

  /* Names give way to dates and numbers, which are useless cut short. */
  if (column == COLUMN_PARTICIPANT || column == COLUMN_ADMINISTRATION)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), column == COLUMN_PARTICIPANT ? 18 : 14);
    }
  if (column_is_numeric (column) || column >= COLUMN_PLANNED)
    gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), column_is_numeric (column) ? 1.0f : 0.0f);
  gtk_list_item_set_child (list_item, label);
}

/* In the user's locale ("20 Dec 2017"); the columns sort by the day itself. */
static void
set_day (GtkLabel *label,
         FuDay     day)
{
  g_autofree char *text = fu_day_format_display (day);

  gtk_label_set_label (label, text != NULL ? text : "");
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  const FuFollowupRow *row = fu_board_page_item_row (gtk_list_item_get_item (list_item));
  g_autofree char *text = NULL;

  /* No tooltip here: cell_query_tooltip_cb() makes it when asked. */
  switch (column)
    {
    case COLUMN_PARTICIPANT:
      gtk_label_set_label (label, row->participant_name);
      break;

    case COLUMN_ADMINISTRATION:
      gtk_label_set_label (label, row->administration);
      break;

    case COLUMN_WORKSHOP:
      gtk_label_set_label (label, row->workshop_code);
      break;

    case COLUMN_PLANNED:
      set_day (label, row->dates.planned);
      break;

    case COLUMN_SENT:
      set_day (label, row->dates.sent);
      break;

    case COLUMN_DEADLINE:
      set_day (label, row->dates.deadline);
      break;

    case COLUMN_REMINDERS:
      text = g_strdup_printf ("%u", row->n_reminders);
      gtk_label_set_label (label, text);
      break;

    case COLUMN_DAYS_OVERDUE:
      text = g_strdup_printf ("%u", row->days_overdue);
      gtk_label_set_label (label, text);
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static int
compare_text (const char *a,
              const char *b)
{
  return g_ascii_strcasecmp (a != NULL ? a : "", b != NULL ? b : "");
}

#define CMP(a, b) (((a) > (b)) - ((a) < (b)))

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  const FuFollowupRow *row_a = fu_board_page_item_row ((gpointer) a);
  const FuFollowupRow *row_b = fu_board_page_item_row ((gpointer) b);
  int result = 0;

  switch (column)
    {
    case COLUMN_PARTICIPANT:
      result = compare_text (row_a->participant_name, row_b->participant_name);
      break;

    case COLUMN_ADMINISTRATION:
      result = compare_text (row_a->administration, row_b->administration);
      break;

    case COLUMN_WORKSHOP:
      result = CMP (row_a->workshop_start, row_b->workshop_start);
      if (result == 0)
        result = g_strcmp0 (row_a->workshop_code, row_b->workshop_code);
      break;

    case COLUMN_PLANNED:
      result = CMP (row_a->dates.planned, row_b->dates.planned);
      break;

    case COLUMN_SENT:
      result = CMP (row_a->dates.sent, row_b->dates.sent);
      break;

    case COLUMN_DEADLINE:
      result = CMP (row_a->dates.deadline, row_b->dates.deadline);
      break;

    case COLUMN_REMINDERS:
      result = CMP (row_a->n_reminders, row_b->n_reminders);
      break;

    case COLUMN_DAYS_OVERDUE:
      result = CMP (row_a->days_overdue, row_b->days_overdue);
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  /* Ties keep the store's order (workshop, administration, name). */
  if (result == 0)
    result = CMP (fu_row_item_get_index ((FuRowItem *) a),
                  fu_row_item_get_index ((FuRowItem *) b));
  return result;
}

void
fu_board_page_add_columns (FuBoardPage *self)
{
  const struct {
    const char *title;
    gboolean    expand;
  } info[N_COLUMNS] = {
    [COLUMN_PARTICIPANT] = { N_("Participant"), TRUE },
    [COLUMN_ADMINISTRATION] = { N_("Administration"), TRUE },
    [COLUMN_WORKSHOP] = { N_("Workshop"), FALSE },
    [COLUMN_PLANNED] = { N_("Planned"), FALSE },
    [COLUMN_SENT] = { N_("Sent"), FALSE },
    [COLUMN_DEADLINE] = { N_("Deadline"), FALSE },
    [COLUMN_REMINDERS] = { N_("Reminders"), FALSE },
    [COLUMN_DAYS_OVERDUE] = { N_("Days Overdue"), FALSE },
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkCustomSorter *sorter;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (i));
      self->columns[i] = gtk_column_view_column_new (_(info[i].title), factory);
      gtk_column_view_column_set_expand (self->columns[i], info[i].expand);
      gtk_column_view_column_set_resizable (self->columns[i], TRUE);
      sorter = gtk_custom_sorter_new (compare_rows, GUINT_TO_POINTER (i), NULL);
      gtk_column_view_column_set_sorter (self->columns[i], GTK_SORTER (sorter));
      g_object_unref (sorter);
      gtk_column_view_append_column (self->column_view, self->columns[i]);
      g_object_unref (self->columns[i]);
    }
}
