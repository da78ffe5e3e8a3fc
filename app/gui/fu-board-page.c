/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-board-page.c: the follow-up board. One store query loads every follow-up that needs
 * action today into a FuLazyList, whose filter function picks the group and the filters on
 * the plain rows (no item is made for a row it hides); a sort model follows the column
 * view's headers. The sidebar's counts are taken from the same rows, for the same filters:
 * what fu_store_count_followups() says, without reading every follow-up twice. A change made
 * while the board is hidden reloads it when it is shown. The board reads in a thread, on a
 * connection of its own, while the window is drawn and answers: the first time, a spinner
 * stands for the rows until the first of them come, and the others follow in pages; after a
 * change, the rows shown stay until the new ones are read. Whatever reads the rows from
 * outside (fu_board_page_get_count...) has them read at once instead. */
#define G_LOG_DOMAIN "fu-board-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "fu-board-page-private.h"
#include "fu-day.h"
#include "fu-gui-util.h"
#include "fu-list-models.h"
#include "fu-mailto.h"
#include "fu-print-reminders.h"
#include "fu-reply-editor.h"
#include "fu-rules.h"
#include "fu-store.h"
#include "fu-window.h"

/* The sidebar's rows, in order. */
static const FuFollowupStatus groups[] = {
  FU_STATUS_TO_SEND,
  FU_STATUS_REMINDER_DUE,
  FU_STATUS_OVERDUE,
  FU_STATUS_AWAITING_REPLY,
  FU_STATUS_PLANNED,
  FU_STATUS_REPLIED,
};

G_DEFINE_FINAL_TYPE (FuBoardPage, fu_board_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (FuBoardPage *self);

/* The loads running in threads, in every board. */
static guint n_loading;

/* ---- Toasts and undo -------------------------------------------------------------------- */

/* Through the window's overlay (FuWindow), or the nearest AdwToastOverlay (tests). */
void
fu_board_page_show_toast (GtkWidget *widget,
            AdwToast  *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *overlay;

  if (FU_IS_WINDOW (root))
    {
      fu_window_add_toast (FU_WINDOW (root), toast);
      return;
    }
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }
  g_debug ("Toast without an overlay: %s", adw_toast_get_title (toast));
  g_object_unref (toast);
}

void
fu_board_page_show_error (FuBoardPage  *self,
            const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  fu_board_page_show_toast (GTK_WIDGET (self), toast);
}

/* Runs a change through the history: its toast says what it did, with Undo. */
gboolean
fu_board_page_run_command (FuBoardPage *self,
             FuCommand   *command)
{
  return fu_gui_run_command (GTK_WIDGET (self), self->context, command, NULL, NULL);
}

/* ---- Rows and filters -------------------------------------------------------------------- */

const FuFollowupRow *
fu_board_page_item_row (gpointer item)
{
  return fu_followup_item_get_row (FU_FOLLOWUP_ITEM (item));
}

gboolean
fu_board_page_filters_active (FuBoardPage *self)
{
  return self->fiscal_year != 0 || self->workshop_id != 0 || self->administration_id != 0
         || self->search != NULL;
}

/* The casefolded text that the search looks in, for rows[index] of self->rows. */
const char *
fu_board_page_search_key (FuBoardPage *self,
            guint        index)
{
  GPtrArray *rows = fu_lazy_list_get_rows (self->rows);

  if (index >= rows->len)
    return "";

  if (self->search_keys == NULL)
    {
      self->search_keys = g_ptr_array_new_full (rows->len, g_free);
      for (guint i = 0; i < rows->len; i++)
        {
          const FuFollowupRow *row = g_ptr_array_index (rows, i);
          g_autofree char *text = g_strjoin ("\n",
                                             row->participant_name ? row->participant_name : "",
                                             row->administration ? row->administration : "",
                                             row->workshop_code ? row->workshop_code : "",
                                             row->workshop_title ? row->workshop_title : "",
                                             row->email ? row->email : "",
                                             NULL);

          g_ptr_array_add (self->search_keys, g_utf8_casefold (text, -1));
        }
    }
  return g_ptr_array_index (self->search_keys, index);
}

/* What the filters (all but the group) let through. */
gboolean
fu_board_page_row_matches_filters (FuBoardPage         *self,
                     const FuFollowupRow *row)
{
  if (self->fiscal_year != 0
      && (row->workshop_start < self->year_first || row->workshop_start > self->year_last))
    return FALSE;
  if (self->workshop_id != 0 && row->workshop_id != self->workshop_id)
    return FALSE;
  if (self->administration_id != 0 && row->administration_id != self->administration_id)
    return FALSE;
  return TRUE;
}

/* The lazy list's filter: on the plain rows, so that no item is made for a row it hides. */
static gboolean
filter_func (gconstpointer data,
             guint         index,
             gpointer      user_data)
{
  FuBoardPage *self = user_data;
  const FuFollowupRow *row = data;

  if (row->status != self->group || !fu_board_page_row_matches_filters (self, row))
    return FALSE;
  if (self->search != NULL && strstr (fu_board_page_search_key (self, index), self->search) == NULL)
    return FALSE;
  return TRUE;
}

static void
refilter (FuBoardPage *self)
{
  fu_lazy_list_refilter (self->rows);
}

/* The follow-ups selected, in the view's order; the rows belong to self->rows. */
GPtrArray *
fu_board_page_selected_rows (FuBoardPage *self)
{
  g_autoptr(GtkBitset) bitset = NULL;
  GtkBitsetIter iter;
  GPtrArray *rows = g_ptr_array_new ();
  guint position;

  bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_iter_init_first (&iter, bitset, &position))
    {
      do
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                           position);

          g_ptr_array_add (rows, (gpointer) fu_board_page_item_row (item));
        }
      while (gtk_bitset_iter_next (&iter, &position));
    }
  return rows;
}

static guint
n_selected (FuBoardPage *self)
{
  g_autoptr(GtkBitset) bitset = NULL;

  bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  return (guint) gtk_bitset_get_size (bitset);
}

GArray *
fu_board_page_ids_of (GPtrArray *rows)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, i);

      g_array_append_val (ids, row->followup_id);
    }
  return ids;
}

/* ---- What the page shows ----------------------------------------------------------------- */

static void
update_actions (FuBoardPage *self)
{
  guint n = self->context != NULL ? n_selected (self) : 0;
  gboolean to_send = self->group == FU_STATUS_TO_SEND;
  gboolean out = self->group == FU_STATUS_REMINDER_DUE || self->group == FU_STATUS_OVERDUE
                 || self->group == FU_STATUS_AWAITING_REPLY;
  gboolean replied = self->group == FU_STATUS_REPLIED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.mark-sent", n > 0 && to_send);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.mark-reminded", n > 0 && out);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.compose-reminder", n > 0 && out);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.compose-questionnaire",
                                 n > 0 && to_send);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.close", n > 0 && !replied);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.save-questionnaire", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.record-reply", n == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.print", self->context != NULL);

  /* Only what applies to the group is offered. */
  gtk_widget_set_visible (GTK_WIDGET (self->mark_sent_button), to_send);
  gtk_widget_set_visible (GTK_WIDGET (self->mark_reminded_button), out);
  /* A split button's arrow does not follow its action: its calendar needs a selection too. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->mark_sent_button), n > 0 && to_send);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mark_reminded_button), n > 0 && out);
  gtk_widget_set_visible (GTK_WIDGET (self->compose_button), out);
  gtk_widget_set_visible (GTK_WIDGET (self->compose_questionnaire_button), to_send);

  gtk_action_bar_set_revealed (self->action_bar, n > 0);
  if (n > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u selected", "%u selected", n), n);

      gtk_label_set_label (self->selection_label, text);
    }
}

/* Whether the group has rows that the filters hide. */
static gboolean
group_has_rows (FuBoardPage *self)
{
  GPtrArray *rows = fu_lazy_list_get_rows (self->rows);

  for (guint i = 0; i < rows->len; i++)
    if (((const FuFollowupRow *) g_ptr_array_index (rows, i))->status == self->group)
      return TRUE;
  return FALSE;
}

static void
update_empty_state (FuBoardPage *self)
{
  const char *icon = NULL;
  const char *title = NULL;
  const char *description = NULL;

  /* The first load: a spinner until rows come. A reload keeps what is shown. */
  gboolean loading = self->loading != NULL && self->load_shows_pages;
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0;

  gtk_spinner_set_spinning (self->loading_spinner, loading && !any);
  if (any)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "list");
      return;
    }
  if (loading)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "loading");
      return;
    }

  switch (self->group)
    {
    case FU_STATUS_TO_SEND:
      icon = "mail-send-symbolic";
      title = _("Nothing to Send");
      description = _("No questionnaire has reached its sending date");
      break;

    case FU_STATUS_REMINDER_DUE:
      icon = "alarm-symbolic";
      title = _("No Reminders Due");
      description = _("Nobody needs a reminder today");
      break;

    case FU_STATUS_OVERDUE:
      icon = "dialog-warning-symbolic";
      title = _("Nothing Overdue");
      description = _("Every questionnaire past its deadline has been answered or closed");
      break;

    case FU_STATUS_PLANNED:
      icon = "x-office-calendar-symbolic";
      title = _("Nothing Planned Soon");
      description = _("No questionnaire is planned for the coming eight weeks");
      break;

    case FU_STATUS_REPLIED:
      icon = "mail-read-symbolic";
      title = _("No Recent Replies");
      description = _("No reply has come in the last 30 days");
      break;

    case FU_STATUS_AWAITING_REPLY:
    default:
      icon = "preferences-system-time-symbolic";
      title = _("Nothing Awaiting Reply");
      description = _("No questionnaire is out with its deadline still ahead");
      break;
    }

  if (fu_board_page_filters_active (self) && group_has_rows (self))
    {
      icon = "edit-find-symbolic";
      title = _("No Matching Follow-ups");
      description = _("Try another search, or clear the filters");
    }

  adw_status_page_set_icon_name (self->empty_page, icon);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static void
update_columns (FuBoardPage *self)
{
  gboolean sent = self->group != FU_STATUS_TO_SEND && self->group != FU_STATUS_PLANNED;
  /* In a narrow window the key columns stay: who, which workshop, by when, how late. */
  gboolean narrow = self->leaflet != NULL && adw_leaflet_get_folded (self->leaflet);

  gtk_column_view_column_set_visible (self->columns[COLUMN_ADMINISTRATION], !narrow);
  /* Long names shorten (the tooltip has them whole) rather than push the numbers out. */
  gtk_column_view_column_set_fixed_width (self->columns[COLUMN_PARTICIPANT], narrow ? 120 : -1);
  gtk_column_view_column_set_visible (self->columns[COLUMN_PLANNED], !sent);
  gtk_column_view_column_set_visible (self->columns[COLUMN_SENT], sent && !narrow);
  gtk_column_view_column_set_visible (self->columns[COLUMN_DEADLINE], sent);
  gtk_column_view_column_set_visible (self->columns[COLUMN_REMINDERS], sent);
  gtk_column_view_column_set_visible (self->columns[COLUMN_DAYS_OVERDUE],
                                      self->group == FU_STATUS_OVERDUE);
}

static GtkLabel *
count_label (FuBoardPage      *self,
             FuFollowupStatus  group)
{
  switch (group)
    {
    case FU_STATUS_TO_SEND:
      return self->to_send_count;
    case FU_STATUS_REMINDER_DUE:
      return self->reminder_due_count;
    case FU_STATUS_OVERDUE:
      return self->overdue_count;
    case FU_STATUS_AWAITING_REPLY:
      return self->awaiting_count;
    case FU_STATUS_PLANNED:
      return self->planned_count;
    case FU_STATUS_REPLIED:
      return self->replied_count;
    default:
      return NULL;
    }
}

static GtkListBoxRow *
group_row (FuBoardPage      *self,
           FuFollowupStatus  group)
{
  switch (group)
    {
    case FU_STATUS_TO_SEND:
      return self->to_send_row;
    case FU_STATUS_REMINDER_DUE:
      return self->reminder_due_row;
    case FU_STATUS_OVERDUE:
      return self->overdue_row;
    case FU_STATUS_AWAITING_REPLY:
      return self->awaiting_row;
    case FU_STATUS_PLANNED:
      return self->planned_row;
    case FU_STATUS_REPLIED:
      return self->replied_row;
    default:
      return NULL;
    }
}

static void
update_counts (FuBoardPage *self)
{
  GPtrArray *rows = fu_lazy_list_get_rows (self->rows);

  /* The rows are every follow-up of the board's groups as of today (with the store's own
   * status for each): those the filters let through are what fu_store_count_followups()
   * counts for the same query, and a second walk of all the follow-ups would cost about as
   * much as loading them. */
  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0; i < rows->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, i);

      if (fu_board_page_row_matches_filters (self, row))
        self->counts[row->status]++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      GtkLabel *label = count_label (self, groups[i]);
      /* Grouped as the locale does ("1,234"). While the first load runs, the counts so far
       * grow with "…" after them (nothing before the first rows): the progress of the load. */
      gboolean counting = self->loading != NULL && self->load_shows_pages;
      guint count = self->counts[groups[i]];
      g_autofree char *text = !counting ? g_strdup_printf ("%'u", count)
                              : count > 0 ? g_strdup_printf ("%'u…", count)
                              : g_strdup ("");
      /* TRANSLATORS: a group of the board and how many it has of the rows read so far */
      g_autofree char *name = g_strdup_printf (counting ? _("%s: %u so far") : "%s: %u",
                                               fu_followup_status_get_label (groups[i]),
                                               count);

      gtk_label_set_label (label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (group_row (self, groups[i])),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

/* ---- Dropdowns ---------------------------------------------------------------------------- */

/* The widths of a dropdown's labels: in characters, and at least as wide as a text. */
typedef struct {
  int   max_chars;
  int   min_chars;
  char *least;
} LabelWidth;

static void
label_width_free (LabelWidth *width)
{
  g_free (width->least);
  g_free (width);
}

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  const LabelWidth *width = user_data;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), width->max_chars);
  /* An ellipsized label's minimum is "…": in the popup, which is only as wide as its rows'
   * minimum, the width asked for is also the least ("2016-NII — WC…" otherwise); on the
   * button, the least is what "All Administrations" needs in the user's language. */
  if (width->min_chars > 0)
    gtk_label_set_width_chars (GTK_LABEL (label), width->min_chars);
  if (width->least != NULL)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, width->least);
      int least_width;

      pango_layout_get_pixel_size (layout, &least_width, NULL);
      gtk_widget_set_size_request (label, least_width, -1);
    }
  /* The tooltip (the whole text, which may be cut short) is made when asked for: setting it
   * on each bind would ask the X server where the pointer is (GTK 4.8). */
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (fu_gui_label_query_tooltip_cb), NULL);
  gtk_list_item_set_child (list_item, label);
}

static void
label_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (string));
}

/* Labels at most @max_chars wide, and at least @min_chars (0: no least) or as wide as @least
 * (NULL: no least). */
static GtkListItemFactory *
label_factory (int         max_chars,
               int         min_chars,
               const char *least)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  LabelWidth *width = g_new0 (LabelWidth, 1);

  width->max_chars = max_chars;
  width->min_chars = min_chars;
  width->least = g_strdup (least);
  g_object_set_data_full (G_OBJECT (factory), "fu-label-width", width,
                          (GDestroyNotify) label_width_free);
  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), width);
  g_signal_connect (factory, "bind", G_CALLBACK (label_bind_cb), NULL);
  return factory;
}

/* @all is the first entry ("All Years"): the button never cuts it short. */
static void
setup_dropdown (GtkDropDown *dropdown,
                int          button_chars,
                int          list_chars,
                const char  *all)
{
  int all_chars = (int) g_utf8_strlen (all, -1) + 1;
  g_autoptr(GtkListItemFactory) factory = label_factory (MAX (button_chars, all_chars), 0, all);
  g_autoptr(GtkListItemFactory) list_factory = label_factory (list_chars, list_chars, NULL);
  g_autoptr(GtkExpression) expression = NULL;

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
}

/* Replaces a dropdown's strings and selects @position, without running the handlers. */
static void
set_dropdown_strings (FuBoardPage *self,
                      GtkDropDown *dropdown,
                      GStrv        strings,
                      guint        position)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *) strings);

  self->updating = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, position);
  self->updating = FALSE;
}

static void
set_fiscal_year (FuBoardPage *self,
                 guint        fiscal_year)
{
  self->fiscal_year = fiscal_year;
  if (fiscal_year != 0 && self->context != NULL)
    fu_fiscal_year_range (fu_context_get_rules (self->context), fiscal_year,
                          &self->year_first, &self->year_last);
  else
    self->year_first = self->year_last = FU_DAY_NONE;
}

static void
rebuild_years (FuBoardPage *self)
{
  const FuRules *rules = fu_context_get_rules (self->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strings = NULL;
  guint position = 0;

  years = fu_store_list_fiscal_years (fu_context_get_store (self->context), rules, TRUE,
                                      &error);
  if (years == NULL)
    {
      g_warning ("Could not list the fiscal years: %s", error->message);
      years = g_array_new (FALSE, FALSE, sizeof (guint));
    }

  g_array_set_size (self->years, 0);
  g_array_append_val (self->years, (guint) { 0 });
  g_strv_builder_add (builder, _("All Years"));

  /* Newest first: this year's work is what the office looks for. */
  for (guint i = years->len; i > 0; i--)
    {
      guint year = g_array_index (years, guint, i - 1);
      g_autofree char *label = fu_fiscal_year_label (rules, year);

      if (year == self->fiscal_year)
        position = self->years->len;
      g_array_append_val (self->years, year);
      g_strv_builder_add (builder, label);
    }

  strings = g_strv_builder_end (builder);
  set_dropdown_strings (self, self->year_dropdown, strings, position);
  set_fiscal_year (self, g_array_index (self->years, guint, position));
}

static void
rebuild_workshops (FuBoardPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) workshops = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strings = NULL;
  guint position = 0;

  workshops = fu_store_list_workshops (fu_context_get_store (self->context), self->year_first,
                                       self->year_last, &error);
  if (workshops == NULL)
    {
      g_warning ("Could not list the workshops: %s", error->message);
      workshops = g_ptr_array_new ();
    }

  g_array_set_size (self->workshop_ids, 0);
  g_array_append_val (self->workshop_ids, (gint64) { 0 });
  g_strv_builder_add (builder, _("All Workshops"));

  for (guint i = 0; i < workshops->len; i++)
    {
      const FuWorkshop *workshop = g_ptr_array_index (workshops, i);
      g_autofree char *label = NULL;

      if (!workshop->surveyed)
        continue;
      if (workshop->id == self->workshop_id)
        position = self->workshop_ids->len;
      g_array_append_val (self->workshop_ids, workshop->id);
      /* TRANSLATORS: a workshop in a list: its code and its title */
      label = g_strdup_printf (_("%s — %s"), workshop->code, workshop->title);
      g_strv_builder_add (builder, label);
    }

  strings = g_strv_builder_end (builder);
  set_dropdown_strings (self, self->workshop_dropdown, strings, position);
  self->workshop_id = g_array_index (self->workshop_ids, gint64, position);
}

static void
rebuild_administrations (FuBoardPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) administrations = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strings = NULL;
  guint position = 0;

  administrations = fu_store_list_administrations (fu_context_get_store (self->context),
                                                   &error);
  if (administrations == NULL)
    {
      g_warning ("Could not list the administrations: %s", error->message);
      administrations = g_ptr_array_new ();
    }

  g_array_set_size (self->administration_ids, 0);
  g_array_append_val (self->administration_ids, (gint64) { 0 });
  g_strv_builder_add (builder, _("All Administrations"));

  for (guint i = 0; i < administrations->len; i++)
    {
      const FuAdministration *administration = g_ptr_array_index (administrations, i);

      if (administration->id == self->administration_id)
        position = self->administration_ids->len;
      g_array_append_val (self->administration_ids, administration->id);
      g_strv_builder_add (builder, administration->name);
    }

  strings = g_strv_builder_end (builder);
  set_dropdown_strings (self, self->administration_dropdown, strings, position);
  self->administration_id = g_array_index (self->administration_ids, gint64, position);
}

/* ---- Loading ----------------------------------------------------------------------------- */

static void
select_group_row (FuBoardPage *self)
{
  GtkListBoxRow *row = group_row (self, self->group);

  if (gtk_list_box_get_selected_row (self->group_list) != row)
    gtk_list_box_select_row (self->group_list, row);
}

static void
show_group (FuBoardPage      *self,
            FuFollowupStatus  group)
{
  if (self->group == group)
    return;

  self->group = group;
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  update_columns (self);
  select_group_row (self);
  refilter (self);
  update_empty_state (self);
  update_actions (self);
}

/* The follow-ups selected, as ids. */
static GHashTable *
selected_ids (FuBoardPage *self)
{
  g_autoptr(GPtrArray) rows = fu_board_page_selected_rows (self);
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, i);

      g_hash_table_add (ids, g_memdup2 (&row->followup_id, sizeof row->followup_id));
    }
  return ids;
}

/* Selects again the follow-ups of @ids that are shown. */
static void
reselect (FuBoardPage *self,
          GHashTable  *ids)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GtkBitset) wanted = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) current = NULL;

  if (g_hash_table_size (ids) == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_hash_table_contains (ids, &fu_board_page_item_row (item)->followup_id))
        gtk_bitset_add (wanted, i);
    }
  current = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (!gtk_bitset_equals (current, wanted))
    gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), wanted, wanted);
}

/* Reads the follow-ups again; @changes (NULL: anything may have changed) says whether the
 * filters' lists need it too. */
static void
board_query (FuBoardPage     *self,
             FuFollowupQuery *query)
{
  memset (query, 0, sizeof *query);
  query->as_of = fu_context_get_today (self->context);
  query->status_mask = BOARD_STATUS_MASK;
  query->planned_until = fu_day_add_days (query->as_of, BOARD_PLANNED_DAYS);
  query->replied_since = fu_day_add_days (query->as_of, -BOARD_REPLIED_DAYS);
}

/* No longer waiting for the window's next frame (see arm_frame_wait()). */
static void
disarm_frame_wait (FuBoardPage *self)
{
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->frame_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
  g_clear_handle_id (&self->frame_timeout_id, g_source_remove);
  self->frame_painted = FALSE;
}

static void
stop_loading (FuBoardPage *self)
{
  disarm_frame_wait (self);
  if (self->loading == NULL)
    return;
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->load_changes, fu_change_set_unref);
  g_clear_error (&self->load_error);
  self->load_ended = FALSE;
  n_loading--;
}

static void show_rows (FuBoardPage *self, FuChangeSet *changes, GPtrArray *rows,
                       const GError *error);

static void
reload_changed (FuBoardPage *self,
                FuChangeSet *changes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  /* What a load in a thread would bring is older than what is read now. */
  stop_loading (self);
  if (self->context != NULL)
    {
      FuFollowupQuery query;

      board_query (self, &query);
      rows = fu_store_list_followups (fu_context_get_store (self->context), &query, &error);
    }
  show_rows (self, changes, rows, error);
}

/* The loads in a thread: the follow-ups read on a connection of the load's own, and given
 * to the page in pages as they come, the first a screenful: GTK 4.8's list view makes a row
 * for each item it is given before it has a height (up to 200), so a first page of 200 cost
 * 175 rows of widgets made and measured for the 25 shown. */
#define LOAD_FIRST_PAGE 30
#define LOAD_PAGE 5000
/* After the first page, the view is given a step of rows a frame until it has the most it
 * makes widgets for (200 in GTK 4.8's list view, whatever is shown): given all at once, the
 * office's 3,000 rows made 170 rows of widgets and measured them in one go, and the window
 * did not answer for 120 ms. */
#define SHOW_STEP 50
#define SHOW_STEPPED 200

typedef struct {
  FuStore         *reader;
  FuFollowupQuery  query;
  GMainContext    *context;
  FuBoardPage     *page;     /* a reference, for the pages sent to the main thread */
  GCancellable    *cancellable;
} Load;

typedef struct {
  FuBoardPage  *page;
  GCancellable *cancellable;
  GPtrArray    *rows;
} LoadPage;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_clear_object (&load->reader);
  g_clear_object (&load->page);
  g_clear_object (&load->cancellable);
  g_main_context_unref (load->context);
  g_free (load);
}

static void show_so_far (FuBoardPage *self);
static void end_load (FuBoardPage *self);
static void load_step (FuBoardPage *self);

static gboolean
load_page_cb (gpointer data)
{
  LoadPage *page = data;

  /* Only for the load still running; a reload shows its rows once all have come, and the
   * first load once the window has drawn its first frame. */
  if (page->page->loading != page->cancellable)
    return G_SOURCE_REMOVE;
  g_ptr_array_extend_and_steal (page->page->load_rows, g_steal_pointer (&page->rows));
  if (page->page->load_shows_pages && page->page->frame_id == 0)
    show_so_far (page->page);
  return G_SOURCE_REMOVE;
}

static void
load_page_free (gpointer data)
{
  LoadPage *page = data;

  g_object_unref (page->page);
  g_object_unref (page->cancellable);
  g_clear_pointer (&page->rows, g_ptr_array_unref);
  g_free (page);
}

/* In the thread: a page read goes to the main thread. */
static gboolean
load_page (GPtrArray *rows,
           gpointer   data)
{
  Load *load = data;
  LoadPage *page;
  GSource *source;

  if (g_cancellable_is_cancelled (load->cancellable))
    {
      g_ptr_array_unref (rows);
      return FALSE;
    }
  page = g_new0 (LoadPage, 1);
  page->page = g_object_ref (load->page);
  page->cancellable = g_object_ref (load->cancellable);
  page->rows = rows;
  /* Not below the frame clock's: a spinner drawn with a slow renderer (GL on llvmpipe) would
   * keep the main loop busy and the pages would never come. The window draws while the
   * thread reads the next one. The task's end comes at the same priority, after every page
   * (sources of one priority run in the order they were added). */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, load_page_cb, page, load_page_free);
  g_source_attach (source, load->context);
  g_source_unref (source);
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Load *load = data;
  GError *error = NULL;
  gboolean ok = fu_store_list_followups_paged (load->reader, &load->query, LOAD_FIRST_PAGE,
                                               LOAD_PAGE, load_page, load, &error);

  /* The connection closes in this thread, which used it. */
  g_clear_object (&load->reader);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  FuBoardPage *self = FU_BOARD_PAGE (source);
  GError *error = NULL;

  /* Stopped: a newer load, a synchronous one, or the page went away. */
  if (g_task_get_cancellable (G_TASK (result)) != self->loading)
    return;
  /* Every page came before this (the same context, in order): the rows are whole. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    self->load_error = error;
  self->load_ended = TRUE;
  if (self->frame_id == 0)
    load_step (self);
}

#ifdef __GLIBC__
/* Process-wide, as glibc's heap is. */
static guint trim_id;

static gboolean
trim_cb (gpointer data)
{
  trim_id = 0;
  malloc_trim (0);
  return G_SOURCE_REMOVE;
}
#endif

/* The end of a load whose pages have all come: what it read is shown. */
static void
end_load (FuBoardPage *self)
{
  g_autoptr(GError) error = g_steal_pointer (&self->load_error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuChangeSet) changes = g_steal_pointer (&self->load_changes);

  g_clear_object (&self->loading);
  n_loading--;
  self->load_ended = FALSE;
  if (error == NULL)
    rows = g_steal_pointer (&self->load_rows);
  show_rows (self, changes, rows, error);
#ifdef __GLIBC__
  /* The thread's SQLite page cache and the rows a reload replaced are free now, but glibc
   * keeps the pages of a thread's arena: give them back, in a moment of their own (10 to
   * 30 ms at WCO size) once the window has answered. */
  if (trim_id == 0)
    trim_id = g_idle_add_full (G_PRIORITY_LOW, trim_cb, NULL, NULL);
#endif
}

/* What is next for a load, once the window has drawn (or the load ended while it needed no
 * frame): a first load shows its first screenful before anything more; then its end, or
 * the rows come since. */
static void
load_step (FuBoardPage *self)
{
  if (self->loading == NULL)
    return;
  if (self->load_shows_pages
      && self->shown_len < MIN (self->load_rows->len, SHOW_STEPPED)
      && (self->shown_len > 0 || !self->load_ended
          || self->load_rows->len > LOAD_FIRST_PAGE))
    show_so_far (self);
  else if (self->load_ended)
    end_load (self);
  else if (self->load_shows_pages && self->load_rows->len > self->shown_len)
    show_so_far (self);
}

/* The window has drawn a frame (or is taking too long to): what came meanwhile is shown. */
static void
frame_drawn (FuBoardPage *self)
{
  disarm_frame_wait (self);
  load_step (self);
}

static gboolean
frame_timeout_cb (gpointer data)
{
  FuBoardPage *self = data;

  self->frame_timeout_id = 0;
  frame_drawn (self);
  return G_SOURCE_REMOVE;
}

/* The frame is drawn: the next step comes in a moment of its own, not in the frame's, so
 * that the window answers between the two. */
static void
frame_painted_cb (FuBoardPage *self)
{
  if (self->frame_painted)
    return;
  self->frame_painted = TRUE;
  g_clear_handle_id (&self->frame_timeout_id, g_source_remove);
  self->frame_timeout_id = g_idle_add_full (G_PRIORITY_DEFAULT, frame_timeout_cb, self, NULL);
}

/* Until the window's next frame is drawn, pages are kept, not shown. At most 200 ms: a window
 * that does not draw (minimized) still gets its rows. */
static void
arm_frame_wait (FuBoardPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->frame_id != 0 || clock == NULL)
    return;
  /* The clock connected to is the one left: the page may be realized again meanwhile. */
  self->frame_clock = g_object_ref (clock);
  self->frame_id = g_signal_connect_swapped (clock, "after-paint",
                                             G_CALLBACK (frame_painted_cb), self);
  self->frame_timeout_id = g_timeout_add (200, frame_timeout_cb, self);
}

/* The first time there is something to do, open the first group that has it: after "Load
 * Sample Data" an empty "To Send" would hide the 105 overdue. While the rows still come, the
 * choice is only for now. */
static void
open_first_group (FuBoardPage *self,
                  gboolean     final)
{
  if (self->group_chosen)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      if (self->counts[groups[i]] > 0)
        {
          self->group_chosen = final;
          show_group (self, groups[i]);
          break;
        }
    }
}

static void arm_frame_wait (FuBoardPage *self);

/* The first load's rows read so far are shown; then the pages that come wait for the frame
 * that draws them: one step of work per frame, and never a frame held back by pages. */
static void
show_so_far (FuBoardPage *self)
{
  g_autoptr(GPtrArray) so_far = NULL;

  /* First a screenful, as the first page is: more rows, given to the list before it has a
   * height, would all be made into widgets (see LOAD_FIRST_PAGE). */
  if (self->shown_len == 0)
    self->shown_len = MIN (self->load_rows->len, LOAD_FIRST_PAGE);
  else if (self->shown_len < SHOW_STEPPED)
    self->shown_len = MIN (self->load_rows->len, self->shown_len + SHOW_STEP);
  else
    self->shown_len = self->load_rows->len;
  /* The list shows the rows that load_rows keeps: kept while they are shown, even if this
   * load is stopped. */
  if (self->view_owner != self->load_rows)
    {
      g_clear_pointer (&self->view_owner, g_ptr_array_unref);
      self->view_owner = g_ptr_array_ref (self->load_rows);
    }
  so_far = g_ptr_array_copy (self->load_rows, NULL, NULL);
  g_ptr_array_set_free_func (so_far, NULL);
  g_ptr_array_set_size (so_far, self->shown_len);
  g_clear_pointer (&self->search_keys, g_ptr_array_unref);
  fu_lazy_list_update_rows (self->rows, so_far, fu_followup_row_equal);
  update_counts (self);
  open_first_group (self, FALSE);
  update_empty_state (self);
  update_actions (self);
  arm_frame_wait (self);
}

/* Reads the follow-ups in a thread, or here when the store has no second connection. The
 * first time (@show_pages), rows show as they come; a reload after @changes (NULL: anything
 * may have changed) keeps the rows shown until the new ones are all read, then shows them
 * in their place. A load already running is stopped: the new one reads everything again. */
static void
start_loading (FuBoardPage *self,
               gboolean     show_pages,
               FuChangeSet *changes)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(FuStore) reader = NULL;
  Load *load;

  if (self->context == NULL)
    return;
  if (self->loading != NULL)
    {
      stop_loading (self);
      changes = NULL;
    }
  reader = fu_store_open_reader (fu_context_get_store (self->context), NULL);
  if (reader == NULL)
    {
      reload_changed (self, changes);
      return;
    }

  self->stale = TRUE;
  self->load_shows_pages = show_pages;
  g_clear_pointer (&self->load_changes, fu_change_set_unref);
  if (changes != NULL)
    self->load_changes = fu_change_set_ref (changes);
  load = g_new0 (Load, 1);
  load->reader = g_steal_pointer (&reader);
  board_query (self, &load->query);
  self->loading = g_cancellable_new ();
  n_loading++;
  load->context = g_main_context_ref_thread_default ();
  load->page = g_object_ref (self);
  load->cancellable = g_object_ref (self->loading);
  g_clear_pointer (&self->load_rows, g_ptr_array_unref);
  self->load_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_followup_row_free);
  task = g_task_new (self, self->loading, load_done_cb, NULL);
  g_task_set_source_tag (task, start_loading);
  g_task_set_task_data (task, load, load_free);
  g_task_run_in_thread (task, load_thread);

  /* The first load shows nothing before the window's first frame: rows read sooner would
   * hold it back. */
  self->shown_len = 0;
  if (show_pages)
    arm_frame_wait (self);

  update_counts (self);
  update_empty_state (self);
  update_actions (self);
}

/* Whether the keyboard focus is in the table. */
static gboolean
focus_in_table (FuBoardPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == GTK_WIDGET (self->column_view)
                           || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)));
}

static void
rebuild_filters (FuBoardPage *self)
{
  g_clear_handle_id (&self->filters_id, g_source_remove);
  rebuild_years (self);
  rebuild_workshops (self);
  rebuild_administrations (self);
}

static gboolean
rebuild_filters_cb (gpointer data)
{
  FuBoardPage *self = data;

  self->filters_id = 0;
  if (self->context != NULL)
    rebuild_filters (self);
  return G_SOURCE_REMOVE;
}

/* Shows @rows (NULL: none, for @error), read after @changes (NULL: anything may have
 * changed). */
static void
show_rows (FuBoardPage  *self,
           FuChangeSet  *changes,
           GPtrArray    *rows,
           const GError *error)
{
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GHashTable) selected = NULL;
  gboolean had_focus;

  self->stale = FALSE;
  g_clear_pointer (&self->search_keys, g_ptr_array_unref);

  if (self->context == NULL)
    {
      fu_lazy_list_set_rows (self->rows, NULL);
      update_counts (self);
      update_empty_state (self);
      update_actions (self);
      return;
    }

  /* The filters' lists change with the workshops and administrations only. In a moment
   * of their own after the rows (30 to 40 ms at WCO size): the window answers between the
   * two. */
  if ((changes == NULL || fu_change_set_touches (changes, FU_RECORD_WORKSHOP)
       || fu_change_set_touches (changes, FU_RECORD_ADMINISTRATION)
       || fu_change_set_touches (changes, FU_RECORD_SETTINGS))
      && self->filters_id == 0)
    self->filters_id = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_filters_cb, self, NULL);

  if (rows == NULL)
    {
      if (error != NULL)
        fu_board_page_show_error (self, error);
      rows = none = g_ptr_array_new ();
    }

  /* The rows that show the same keep their place, item and selection: the view keeps its
   * scroll position, and what was selected among the rows that changed is selected again. */
  selected = selected_ids (self);
  had_focus = focus_in_table (self);
  fu_lazy_list_update_rows (self->rows, rows, fu_followup_row_equal);
  /* The keyboard stays in the table when the row it was on went (replied, sent...). */
  if (had_focus && !focus_in_table (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  /* Rows a stopped load was showing go now that the list no longer shows them. */
  g_clear_pointer (&self->load_rows, g_ptr_array_unref);
  g_clear_pointer (&self->view_owner, g_ptr_array_unref);
  reselect (self, selected);
  update_counts (self);
  open_first_group (self, TRUE);

  update_empty_state (self);
  update_actions (self);
}

static void
reload (FuBoardPage *self)
{
  reload_changed (self, NULL);
}

/* Before anything reads the rows from outside: a change made while hidden is loaded, and
 * a load running in a thread is done here instead. */
static void
ensure_loaded (FuBoardPage *self)
{
  if (self->stale)
    reload (self);
}

static void
filters_changed (FuBoardPage *self)
{
  update_counts (self);
  refilter (self);
  update_empty_state (self);
  update_actions (self);
}

/* ---- Callbacks --------------------------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FuBoardPage *self = FU_BOARD_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
context_changed_cb (FuBoardPage *self,
                    FuChangeSet *changes)
{
  /* What the board shows comes from these; a change to nothing else leaves it alone. */
  if (!fu_change_set_touches_any (changes, FU_RECORD_MASK_PEOPLE_AND_FOLLOWUPS
                                              | FU_RECORD_BIT (FU_RECORD_SETTINGS)))
    return;

  /* Hidden (another page is shown), the board reloads when it is shown again: a change made
   * elsewhere does not read every follow-up for nothing, and ten changes read them once. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_loading (self, FALSE, changes);
  else
    self->stale = TRUE;
}

static void
selection_changed_cb (FuBoardPage       *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *model)
{
  update_actions (self);
}

static void
filter_items_changed_cb (FuBoardPage *self,
                         guint        position,
                         guint        removed,
                         guint        added,
                         GListModel  *model)
{
  update_empty_state (self);
  update_actions (self);
}

static void
group_row_selected_cb (FuBoardPage   *self,
                       GtkListBoxRow *row,
                       GtkListBox    *list)
{
  int index;

  if (row == NULL)
    return;
  index = gtk_list_box_row_get_index (row);
  if (index < 0 || (guint) index >= G_N_ELEMENTS (groups))
    return;
  /* The list selecting its first row by itself before the rows have come is no choice:
   * the first load opens the first group with something to do. */
  if (self->stale && groups[index] == self->group)
    return;
  self->group_chosen = TRUE;
  show_group (self, groups[index]);
}

static void
group_row_activated_cb (FuBoardPage   *self,
                        GtkListBoxRow *row,
                        GtkListBox    *list)
{
  group_row_selected_cb (self, row, list);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
back_clicked_cb (FuBoardPage *self,
                 GtkButton   *button)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "groups");
}

static void
leaflet_folded_cb (FuBoardPage *self,
                   GParamSpec  *pspec,
                   AdwLeaflet  *leaflet)
{
  gboolean folded = adw_leaflet_get_folded (leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), folded);
  /* The search keeps room to type in, with a placeholder that fits. */
  g_object_set (self->search_entry, "placeholder-text",
                folded ? _("Search")
                       : _("Search participants, administrations, workshops"), NULL);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->search_entry), folded ? 6 : -1);
  /* The action bar's buttons say what the count would; printing stays in its menu. */
  gtk_widget_set_visible (GTK_WIDGET (self->selection_label), !folded);
  gtk_widget_set_visible (self->print_button, !folded);
  if (self->columns[COLUMN_ADMINISTRATION] != NULL)
    update_columns (self);
}

static void
year_selected_cb (FuBoardPage *self,
                  GParamSpec  *pspec,
                  GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->context == NULL || position >= self->years->len)
    return;
  set_fiscal_year (self, g_array_index (self->years, guint, position));
  /* The workshop chooser offers the year's workshops. */
  rebuild_workshops (self);
  filters_changed (self);
}

static void
filter_selected_cb (FuBoardPage *self,
                    GParamSpec  *pspec,
                    GtkDropDown *dropdown)
{
  guint workshop = gtk_drop_down_get_selected (self->workshop_dropdown);
  guint administration = gtk_drop_down_get_selected (self->administration_dropdown);

  if (self->updating || self->context == NULL)
    return;
  self->workshop_id = workshop < self->workshop_ids->len
                      ? g_array_index (self->workshop_ids, gint64, workshop) : 0;
  self->administration_id = administration < self->administration_ids->len
                            ? g_array_index (self->administration_ids, gint64, administration)
                            : 0;
  filters_changed (self);
}

static void
search_changed_cb (FuBoardPage    *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_utf8_casefold (stripped, -1);
  refilter (self);
  update_empty_state (self);
  update_actions (self);
}

static void
stop_search_cb (FuBoardPage    *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
column_view_activate_cb (FuBoardPage   *self,
                         guint          position,
                         GtkColumnView *view)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL && self->context != NULL)
    fu_board_page_open_reply_editor (self, fu_board_page_item_row (item)->followup_id);
}

/* ---- Overrides --------------------------------------------------------------------------- */

static void
fu_board_page_dispose (GObject *object)
{
  FuBoardPage *self = FU_BOARD_PAGE (object);

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, self->context);
  g_clear_object (&self->context);
  stop_loading (self);
  g_clear_handle_id (&self->filters_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), FU_TYPE_BOARD_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->load_rows, g_ptr_array_unref);
  g_clear_pointer (&self->view_owner, g_ptr_array_unref);
  g_clear_pointer (&self->load_changes, fu_change_set_unref);

  G_OBJECT_CLASS (fu_board_page_parent_class)->dispose (object);
}

static void
fu_board_page_map (GtkWidget *widget)
{
  FuBoardPage *self = FU_BOARD_PAGE (widget);

  /* Changed while hidden, or shown for the first time: the rows are read in a thread while
   * the window is drawn (the first time, they show as they come). */
  if (self->stale && self->loading == NULL)
    start_loading (self, !self->shown, NULL);
  self->shown = TRUE;

  GTK_WIDGET_CLASS (fu_board_page_parent_class)->map (widget);
}

static void
fu_board_page_finalize (GObject *object)
{
  FuBoardPage *self = FU_BOARD_PAGE (object);

  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->workshop_ids, g_array_unref);
  g_clear_pointer (&self->administration_ids, g_array_unref);
  g_clear_pointer (&self->search_keys, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (fu_board_page_parent_class)->finalize (object);
}

static void
fu_board_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FuBoardPage *self = FU_BOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_board_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FuBoardPage *self = FU_BOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      fu_board_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_board_page_class_init (FuBoardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fu_board_page_dispose;
  object_class->finalize = fu_board_page_finalize;
  object_class->get_property = fu_board_page_get_property;
  object_class->set_property = fu_board_page_set_property;
  widget_class->map = fu_board_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         FU_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rocbap/FollowUp/fu-board-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, action_bar);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, administration_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, awaiting_count);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, awaiting_row);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, planned_count);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, planned_row);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, replied_count);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, replied_row);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, compose_button);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, compose_questionnaire_button);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, group_list);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, mark_reminded_button);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, mark_sent_button);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, overdue_count);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, overdue_row);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, reminder_due_count);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, reminder_due_row);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, to_send_count);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, to_send_row);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, workshop_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FuBoardPage, year_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_selected_cb);

  fu_board_page_install_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "board.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "board.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "board.search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (FU_TYPE_FOLLOWUP_ITEM);
}

static void
fu_board_page_init (FuBoardPage *self)
{
  self->group = FU_STATUS_TO_SEND;
  self->years = g_array_new (FALSE, FALSE, sizeof (guint));
  self->workshop_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->administration_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  fu_board_page_add_date_popovers (self);

  setup_dropdown (self->year_dropdown, 12, 20, _("All Years"));
  setup_dropdown (self->workshop_dropdown, 18, 48, _("All Workshops"));
  setup_dropdown (self->administration_dropdown, 20, 40, _("All Administrations"));
  /* What they say until the lists are read with the rows. */
  {
    const char *years[] = { _("All Years"), NULL };
    const char *workshops[] = { _("All Workshops"), NULL };
    const char *administrations[] = { _("All Administrations"), NULL };

    set_dropdown_strings (self, self->year_dropdown, (GStrv) years, 0);
    set_dropdown_strings (self, self->workshop_dropdown, (GStrv) workshops, 0);
    set_dropdown_strings (self, self->administration_dropdown, (GStrv) administrations, 0);
  }

  fu_board_page_add_columns (self);

  /* lazy rows filtered (group, filters, search) → sort (the headers) → selection */
  self->rows = fu_lazy_list_new (FU_TYPE_FOLLOWUP_ITEM, NULL);
  fu_lazy_list_set_filter_func (self->rows, filter_func, self, NULL);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                              g_object_ref (gtk_column_view_get_sorter (
                                                self->column_view)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rows, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  update_columns (self);
  select_group_row (self);
  update_counts (self);
  update_empty_state (self);
  update_actions (self);
}

/* ---- Public API -------------------------------------------------------------------------- */

FuContext *
fu_board_page_get_context (FuBoardPage *self)
{
  g_return_val_if_fail (FU_IS_BOARD_PAGE (self), NULL);

  return self->context;
}

void
fu_board_page_set_context (FuBoardPage *self,
                           FuContext   *context)
{
  g_return_if_fail (FU_IS_BOARD_PAGE (self));
  g_return_if_fail (context == NULL || FU_IS_CONTEXT (context));

  if (!fu_gui_swap_context (&self->context, &self->changed_id, context,
                            G_CALLBACK (context_changed_cb), self))
    return;

  self->fiscal_year = 0;
  self->year_first = self->year_last = FU_DAY_NONE;
  self->workshop_id = 0;
  self->administration_id = 0;
  self->group_chosen = FALSE;
  self->shown = FALSE;
  stop_loading (self);
  /* Read when the board is first shown (at once if it is): the window may open elsewhere. */
  if (context != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else
    reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

FuFollowupStatus
fu_board_page_get_group (FuBoardPage *self)
{
  g_return_val_if_fail (FU_IS_BOARD_PAGE (self), FU_STATUS_TO_SEND);

  ensure_loaded (self);
  return self->group;
}

void
fu_board_page_set_group (FuBoardPage      *self,
                         FuFollowupStatus  group)
{
  g_return_if_fail (FU_IS_BOARD_PAGE (self));
  g_return_if_fail ((BOARD_STATUS_MASK & (1u << group)) != 0);

  ensure_loaded (self);
  self->group_chosen = TRUE;
  show_group (self, group);
}

guint
fu_board_page_get_count (FuBoardPage      *self,
                         FuFollowupStatus  group)
{
  g_return_val_if_fail (FU_IS_BOARD_PAGE (self), 0);
  g_return_val_if_fail (group < FU_N_STATUSES, 0);

  ensure_loaded (self);
  return self->counts[group];
}

GtkSelectionModel *
fu_board_page_get_selection (FuBoardPage *self)
{
  g_return_val_if_fail (FU_IS_BOARD_PAGE (self), NULL);

  ensure_loaded (self);
  return GTK_SELECTION_MODEL (self->selection);
}

guint
fu_board_page_count_loading (void)
{
  return n_loading;
}
