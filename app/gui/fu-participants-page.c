/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-participants-page.c: everyone who attended a workshop, loaded by one store query
 * (fu_store_list_participant_overview) into a lazy list model: the table makes a row
 * object only for what it shows, so 40,000 people with 150,000 attendances scroll
 * smoothly. The table is declared in the template: column view, sort model bound to its
 * sorter, filter model searched from the entry. The page loads when it is shown, and a
 * change made while it is hidden reloads it when it is shown again. */

#define G_LOG_DOMAIN "fu-participants-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-gui-util.h"
#include "fu-list-models.h"
#include "fu-participant-detail.h"
#include "fu-participants-page.h"
#include "fu-store.h"

/* ---- FuParticipantItem: a row of the table, with properties the template binds -------- */

#define FU_TYPE_PARTICIPANT_ITEM (fu_participant_item_get_type ())
G_DECLARE_FINAL_TYPE (FuParticipantItem, fu_participant_item, FU, PARTICIPANT_ITEM, FuRowItem)

struct _FuParticipantItem
{
  FuRowItem  parent_instance;

  char      *haystack;   /* casefolded name, administration and e-mail, made when searched */
};

G_DEFINE_FINAL_TYPE (FuParticipantItem, fu_participant_item, FU_TYPE_ROW_ITEM)

enum {
  ITEM_PROP_0,
  ITEM_PROP_NAME,
  ITEM_PROP_ADMINISTRATION,
  ITEM_PROP_EMAIL,
  ITEM_PROP_ATTENDANCES,
  ITEM_PROP_ATTENDANCES_TEXT,
  ITEM_PROP_REPLIES,
  ITEM_PROP_REPLIES_TEXT,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static const FuParticipantOverview *
item_row (gpointer item)
{
  return fu_row_item_get_row (FU_ROW_ITEM (item));
}

static const char *
item_haystack (FuParticipantItem *self)
{
  if (self->haystack == NULL)
    {
      const FuParticipantOverview *row = item_row (self);
      g_autofree char *text = g_strjoin ("\n", row->name, row->administration,
                                         row->email != NULL ? row->email : "", NULL);

      self->haystack = g_utf8_casefold (text, -1);
    }
  return self->haystack;
}

static void
fu_participant_item_finalize (GObject *object)
{
  FuParticipantItem *self = FU_PARTICIPANT_ITEM (object);

  g_clear_pointer (&self->haystack, g_free);

  G_OBJECT_CLASS (fu_participant_item_parent_class)->finalize (object);
}

static void
fu_participant_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  const FuParticipantOverview *row = item_row (object);

  switch (prop_id)
    {
    case ITEM_PROP_NAME:
      g_value_set_string (value, row->name);
      break;

    case ITEM_PROP_ADMINISTRATION:
      g_value_set_string (value, row->administration);
      break;

    case ITEM_PROP_EMAIL:
      g_value_set_string (value, row->email != NULL ? row->email : "");
      break;

    case ITEM_PROP_ATTENDANCES:
      g_value_set_uint (value, row->n_attendances);
      break;

    case ITEM_PROP_ATTENDANCES_TEXT:
      g_value_take_string (value, g_strdup_printf ("%u", row->n_attendances));
      break;

    case ITEM_PROP_REPLIES:
      g_value_set_uint (value, row->n_replies);
      break;

    case ITEM_PROP_REPLIES_TEXT:
      g_value_take_string (value, g_strdup_printf ("%u", row->n_replies));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_participant_item_class_init (FuParticipantItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fu_participant_item_finalize;
  object_class->get_property = fu_participant_item_get_property;

  item_properties[ITEM_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_ADMINISTRATION] =
    g_param_spec_string ("administration", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_ATTENDANCES] =
    g_param_spec_uint ("attendances", NULL, NULL, 0, G_MAXUINT, 0, flags);
  item_properties[ITEM_PROP_ATTENDANCES_TEXT] =
    g_param_spec_string ("attendances-text", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_REPLIES] =
    g_param_spec_uint ("replies", NULL, NULL, 0, G_MAXUINT, 0, flags);
  item_properties[ITEM_PROP_REPLIES_TEXT] =
    g_param_spec_string ("replies-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
fu_participant_item_init (FuParticipantItem *self)
{
}

/* ---- FuParticipantsPage ------------------------------------------------------------------ */

struct _FuParticipantsPage
{
  GtkWidget             parent_instance;

  FuContext            *context;
  gulong                changed_id;
  FuLazyList           *people;        /* FuParticipantItem of FuParticipantOverview */
  GtkCustomFilter      *filter;
  char                 *needle;        /* casefolded search, NULL when none */
  gint64                shown_id;      /* the detail's participant */
  gboolean              reloading;
  gboolean              stale;         /* not loaded since the last change: load when shown */
  GCancellable         *loading;       /* the people being read in a thread */

  /* Template widgets */
  GtkColumnView        *column_view;
  GtkLabel             *count_label;
  FuParticipantDetail  *detail;
  GtkWidget            *detail_pane;
  GtkStack             *detail_stack;
  GtkFilterListModel   *filter_model;
  AdwLeaflet           *leaflet;
  GtkSearchEntry       *search_entry;
  GtkMultiSelection    *selection;
  GtkSortListModel     *sort_model;
  GtkWidget            *table_pane;
  GtkScrolledWindow    *table_scroller;
  GtkStack             *table_stack;
};

G_DEFINE_FINAL_TYPE (FuParticipantsPage, fu_participants_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Helpers ----------------------------------------------------------------------------- */

/* The ids of the selected rows, in table order. */
static GArray *
selected_ids (FuParticipantsPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (
                                    GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    do
      {
        g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model),
                                                         position);

        if (item != NULL)
          g_array_append_val (ids, item_row (item)->participant_id);
      }
    while (gtk_bitset_iter_next (&iter, &position));
  return ids;
}

static void
update_actions (FuParticipantsPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (
                                    GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.merge",
                                 self->context != NULL && gtk_bitset_get_size (selected) == 2);
}

static void
update_count (FuParticipantsPage *self)
{
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  guint listed = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  g_autofree char *text = NULL;

  /* Read for the first time: nothing to count yet. */
  if (self->loading != NULL && all == 0)
    {
      gtk_label_set_text (self->count_label, _("Reading the participants…"));
      gtk_stack_set_visible_child_name (self->table_stack, "table");
      return;
    }

  /* "%'u": grouped as the locale does, "40,000" or "40 000". */
  if (listed == all)
    text = g_strdup_printf (ngettext ("%'u participant", "%'u participants", all), all);
  else
    /* TRANSLATORS: how many people the search finds, of all */
    text = g_strdup_printf (ngettext ("%'u of %'u participant", "%'u of %'u participants", all),
                            listed, all);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->table_stack, listed > 0 || all == 0 ? "table"
                                                                             : "empty");
}

static void
show_detail (FuParticipantsPage *self,
             gint64              participant_id)
{
  self->shown_id = participant_id;
  fu_participant_detail_set_participant_id (self->detail, participant_id);
  gtk_stack_set_visible_child_name (self->detail_stack, participant_id != 0 ? "detail" : "none");
}

static guint
find_position (FuParticipantsPage *self,
               gint64              participant_id)
{
  GListModel *model = G_LIST_MODEL (self->sort_model);
  GtkSorter *sorter = gtk_sort_list_model_get_sorter (self->sort_model);
  guint n = g_list_model_get_n_items (model);

  /* Neither searched nor sorted: the rows are the table, no need to make their items. */
  if (gtk_filter_list_model_get_filter (self->filter_model) == NULL
      && (sorter == NULL || gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE))
    {
      GPtrArray *rows = fu_lazy_list_get_rows (self->people);

      for (guint i = 0; i < rows->len; i++)
        if (((FuParticipantOverview *) g_ptr_array_index (rows, i))->participant_id
            == participant_id)
          return i;
      return GTK_INVALID_LIST_POSITION;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item_row (item)->participant_id == participant_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The column view scrolls through the list view inside it (GTK 4.8 has no API for it). */
static void
scroll_to (FuParticipantsPage *self,
           guint               position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
stop_loading (FuParticipantsPage *self)
{
  if (self->loading == NULL)
    return;
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
}

/* Shows @people (NULL: none, for @error). */
static void
show_people (FuParticipantsPage *self,
             GPtrArray          *people,
             const GError       *error)
{
  guint position = GTK_INVALID_LIST_POSITION;

  self->stale = FALSE;
  if (people == NULL && error != NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      fu_gui_show_toast (GTK_WIDGET (self), toast);
    }

  self->reloading = TRUE;
  /* The people who show the same keep their rows: the list keeps its place. */
  fu_lazy_list_update_rows (self->people, people, fu_participant_overview_equal);
  if (self->shown_id != 0)
    position = find_position (self, self->shown_id);
  if (position != GTK_INVALID_LIST_POSITION)
    {
      if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position,
                                           TRUE);
          scroll_to (self, position);
        }
    }
  else
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  self->reloading = FALSE;

  /* Still there (maybe hidden by the search), or merged away. */
  if (self->shown_id != 0 && self->context != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; people != NULL && i < people->len && !found; i++)
        found = ((FuParticipantOverview *) g_ptr_array_index (people, i))->participant_id
                == self->shown_id;
      if (!found)
        show_detail (self, 0);
    }
  fu_participant_detail_reload (self->detail);
  update_count (self);
  update_actions (self);
}

/* Reads the people here and now (what reads the rows from outside needs them). */
static void
reload (FuParticipantsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;

  stop_loading (self);
  if (self->context != NULL)
    people = fu_store_list_participant_overview (fu_context_get_store (self->context), &error);
  show_people (self, people, error);
}

static gpointer
read_people (FuStore  *reader,
             gpointer  user_data,
             GError  **error)
{
  return fu_store_list_participant_overview (reader, error);
}

static void
people_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  FuParticipantsPage *self = FU_PARTICIPANTS_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = fu_gui_read_finish (result, &error);

  /* Stopped: a newer read, one made in place, or the page went away. */
  if (g_task_get_cancellable (G_TASK (result)) != self->loading)
    return;
  g_clear_object (&self->loading);
  show_people (self, people, error);
}

/* Reads the people in a thread (40,000 at WCO scale: half a second), keeping what the
 * table shows until they come; in place when the store has no second connection. A read
 * already running is stopped. */
static void
start_loading (FuParticipantsPage *self)
{
  if (self->context == NULL)
    return;
  stop_loading (self);
  self->loading = g_cancellable_new ();
  if (!fu_gui_read_in_thread (self, fu_context_get_store (self->context), read_people,
                              (GDestroyNotify) g_ptr_array_unref, self->loading,
                              people_read_cb, NULL))
    {
      reload (self);
      return;
    }
  self->stale = TRUE;
  update_count (self);
}

/* ---- Search ------------------------------------------------------------------------------ */

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  FuParticipantsPage *self = user_data;

  return self->needle == NULL
         || strstr (item_haystack (FU_PARTICIPANT_ITEM (item)), self->needle) != NULL;
}

static void
set_search (FuParticipantsPage *self,
            const char         *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *needle = *stripped != '\0' ? g_utf8_casefold (stripped, -1) : NULL;
  g_autofree char *old = g_steal_pointer (&self->needle);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (old, needle) == 0)
    {
      self->needle = g_steal_pointer (&needle);
      return;
    }
  self->needle = g_steal_pointer (&needle);
  /* Back to the top first: the rows below may be about to go. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->table_scroller), 0.0);

  /* No search: no filter at all, so that nothing is made for the rows off screen. */
  if (self->needle == NULL)
    {
      gtk_filter_list_model_set_filter (self->filter_model, NULL);
    }
  else
    {
      if (old != NULL && strstr (self->needle, old) != NULL)
        change = GTK_FILTER_CHANGE_MORE_STRICT;
      else if (old != NULL && strstr (old, self->needle) != NULL)
        change = GTK_FILTER_CHANGE_LESS_STRICT;
      if (gtk_filter_list_model_get_filter (self->filter_model) == NULL)
        gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
      else
        gtk_filter_changed (GTK_FILTER (self->filter), change);
    }
  update_count (self);
}

/* ---- Callbacks --------------------------------------------------------------------------- */

/* Loads what changed while the page was hidden, before anything shows or reads the rows. */
static void
ensure_loaded (FuParticipantsPage *self)
{
  if (self->stale)
    reload (self);
}

static void
context_changed_cb (FuParticipantsPage *self,
                    FuChangeSet        *changes)
{
  if (!fu_change_set_touches_any (changes, FU_RECORD_MASK_PEOPLE_AND_FOLLOWUPS))
    return;

  /* Hidden, nobody sees the table: reading 40,000 people after every change made on another
   * page would be wasted. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_loading (self);
  else
    self->stale = TRUE;
}

/* Escape in the search entry: show everything again. */
static void
stop_search_cb (FuParticipantsPage *self,
                GtkSearchEntry     *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
search_changed_cb (FuParticipantsPage *self,
                   GtkSearchEntry     *entry)
{
  set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
selection_changed_cb (FuParticipantsPage *self,
                      guint               position,
                      guint               n_items,
                      GtkSelectionModel  *selection)
{
  g_autoptr(GArray) ids = NULL;

  if (self->reloading)
    return;
  update_actions (self);
  ids = selected_ids (self);
  if (ids->len == 0)
    return;
  if (g_array_index (ids, gint64, 0) != self->shown_id)
    show_detail (self, g_array_index (ids, gint64, 0));
  if (ids->len == 1 && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
activate_cb (FuParticipantsPage *self,
             guint               position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (item == NULL)
    return;
  show_detail (self, item_row (item)->participant_id);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

/* ---- participants.merge ------------------------------------------------------------------ */

typedef struct {
  FuParticipantsPage *page;
  gint64              ids[2];
  GtkCheckButton     *keep[2];
} MergeForm;

static void
merge_form_free (MergeForm *form)
{
  g_clear_object (&form->page);
  g_free (form);
}

static void
merge_failed (FuParticipantsPage *self,
              const char         *message)
{
  GtkWidget *dialog = adw_message_dialog_new (fu_gui_parent_window (GTK_WIDGET (self)),
                                              _("Could Not Merge"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  MergeForm *form = g_object_get_data (G_OBJECT (dialog), "fu-form");
  FuParticipantsPage *self = form->page;
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuParticipant) kept = NULL;
  g_autofree char *message = NULL;
  FuStore *store;
  guint keep;

  if (g_strcmp0 (response, "merge") != 0 || self->context == NULL)
    return;
  store = fu_context_get_store (self->context);
  keep = gtk_check_button_get_active (form->keep[0]) ? 0 : 1;

  kept = fu_store_get_participant (store, form->ids[keep], NULL);
  message = g_strdup_printf (_("Merged the two records of %s"),
                             kept != NULL ? kept->name : "");
  command = fu_command_new_merge_participants (form->ids[keep], form->ids[1 - keep]);
  self->shown_id = form->ids[keep];
  if (!fu_gui_run_command (GTK_WIDGET (self), self->context, command, message, &error))
    merge_failed (self, error->message);
}

static GtkWidget *
merge_row (const FuParticipantOverview *person,
           GtkCheckButton              *check)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *counts = NULL;
  g_autofree char *subtitle = NULL;

  counts = g_strdup_printf (ngettext ("%u workshop", "%u workshops", person->n_attendances),
                            person->n_attendances);
  subtitle = g_strdup_printf ("%s · %s · %s", person->administration,
                              person->email != NULL ? person->email : _("no e-mail"), counts);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), person->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (check));
  return row;
}

static const FuParticipantOverview *
find_person (FuParticipantsPage *self,
             gint64              id)
{
  GPtrArray *rows = fu_lazy_list_get_rows (self->people);

  for (guint i = 0; i < rows->len; i++)
    {
      const FuParticipantOverview *person = g_ptr_array_index (rows, i);

      if (person->participant_id == id)
        return person;
    }
  return NULL;
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FuParticipantsPage *self = FU_PARTICIPANTS_PAGE (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  const FuParticipantOverview *people[2];
  GtkWidget *dialog;
  GtkWidget *list;
  MergeForm *form;
  guint keep;

  if (self->context == NULL || ids->len != 2)
    return;
  for (guint i = 0; i < 2; i++)
    {
      people[i] = find_person (self, g_array_index (ids, gint64, i));
      if (people[i] == NULL)
        return;
    }

  dialog = adw_message_dialog_new (fu_gui_parent_window (GTK_WIDGET (self)),
                                   _("Merge Two Records?"),
                                   _("Choose the record to keep. The other one's workshops, "
                                     "follow-ups and replies move to it, it fills in what the "
                                     "kept one lacks, and it is deleted. This cannot be "
                                     "undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  /* Keep the record with more history by default, then the one with an e-mail. */
  if (people[0]->n_attendances != people[1]->n_attendances)
    keep = people[0]->n_attendances > people[1]->n_attendances ? 0 : 1;
  else
    keep = people[0]->email == NULL && people[1]->email != NULL ? 1 : 0;

  form = g_new0 (MergeForm, 1);
  form->page = g_object_ref (self);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < 2; i++)
    {
      form->ids[i] = people[i]->participant_id;
      form->keep[i] = GTK_CHECK_BUTTON (gtk_check_button_new ());
      gtk_widget_set_valign (GTK_WIDGET (form->keep[i]), GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (form->keep[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Keep this record"), -1);
      if (i == 1)
        gtk_check_button_set_group (form->keep[1], form->keep[0]);
      gtk_list_box_append (GTK_LIST_BOX (list), merge_row (people[i], form->keep[i]));
    }
  gtk_check_button_set_active (form->keep[keep], TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "fu-form", form, (GDestroyNotify) merge_form_free);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_signal_connect (dialog, "response", G_CALLBACK (merge_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Small actions ----------------------------------------------------------------------- */

static void
show_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FuParticipantsPage *self = FU_PARTICIPANTS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->table_pane);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FuParticipantsPage *self = FU_PARTICIPANTS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->table_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- Overrides --------------------------------------------------------------------------- */

static void
fu_participants_page_map (GtkWidget *widget)
{
  FuParticipantsPage *self = FU_PARTICIPANTS_PAGE (widget);

  /* Changed while hidden, or shown for the first time: read in a thread. */
  if (self->stale && self->loading == NULL)
    start_loading (self);

  GTK_WIDGET_CLASS (fu_participants_page_parent_class)->map (widget);
}

static void
fu_participants_page_dispose (GObject *object)
{
  FuParticipantsPage *self = FU_PARTICIPANTS_PAGE (object);

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, self->context);
  stop_loading (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FU_TYPE_PARTICIPANTS_PAGE);
  g_clear_object (&self->filter);
  g_clear_object (&self->people);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (fu_participants_page_parent_class)->dispose (object);
}

static void
fu_participants_page_finalize (GObject *object)
{
  FuParticipantsPage *self = FU_PARTICIPANTS_PAGE (object);

  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (fu_participants_page_parent_class)->finalize (object);
}

static void
fu_participants_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FuParticipantsPage *self = FU_PARTICIPANTS_PAGE (object);

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
fu_participants_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  FuParticipantsPage *self = FU_PARTICIPANTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      fu_participants_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_participants_page_class_init (FuParticipantsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fu_participants_page_dispose;
  object_class->finalize = fu_participants_page_finalize;
  object_class->get_property = fu_participants_page_get_property;
  object_class->set_property = fu_participants_page_set_property;
  widget_class->map = fu_participants_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         FU_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template names both in its expressions and its children. */
  g_type_ensure (FU_TYPE_PARTICIPANT_ITEM);
  g_type_ensure (FU_TYPE_PARTICIPANT_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rocbap/FollowUp/fu-participants-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FuParticipantsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantsPage, detail);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantsPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantsPage, table_pane);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantsPage, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantsPage, table_stack);
  /* Not used here, but tests find them by name. */
  gtk_widget_class_bind_template_child_full (widget_class, "attendances_column", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "merge_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "name_column", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);

  gtk_widget_class_install_action (widget_class, "participants.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "participants.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "participants.show-table", NULL,
                                   show_table_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "participants.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "participants.merge", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fu_participants_page_init (FuParticipantsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->people = fu_lazy_list_new (FU_TYPE_PARTICIPANT_ITEM, NULL);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->people));
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  update_count (self);
  update_actions (self);
}

/* ---- Public API -------------------------------------------------------------------------- */

FuContext *
fu_participants_page_get_context (FuParticipantsPage *self)
{
  g_return_val_if_fail (FU_IS_PARTICIPANTS_PAGE (self), NULL);

  return self->context;
}

void
fu_participants_page_set_context (FuParticipantsPage *self,
                                  FuContext          *context)
{
  g_return_if_fail (FU_IS_PARTICIPANTS_PAGE (self));
  g_return_if_fail (context == NULL || FU_IS_CONTEXT (context));

  if (!fu_gui_swap_context (&self->context, &self->changed_id, context,
                            G_CALLBACK (context_changed_cb), self))
    return;

  fu_participant_detail_set_context (self->detail, context);
  stop_loading (self);
  show_detail (self, 0);
  /* A window opens on another page: the people are read when this one is first shown. */
  if (context != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

GListModel *
fu_participants_page_get_model (FuParticipantsPage *self)
{
  g_return_val_if_fail (FU_IS_PARTICIPANTS_PAGE (self), NULL);

  ensure_loaded (self);
  return G_LIST_MODEL (self->sort_model);
}

void
fu_participants_page_select (FuParticipantsPage *self,
                             const gint64       *participant_ids,
                             guint               n_ids)
{
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;

  g_return_if_fail (FU_IS_PARTICIPANTS_PAGE (self));
  g_return_if_fail (participant_ids != NULL || n_ids == 0);

  ensure_loaded (self);
  for (guint i = 0; i < n_ids; i++)
    {
      guint position = find_position (self, participant_ids[i]);

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_bitset_add (selected, position);
    }
  mask = gtk_bitset_new_range (0, g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)));
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
  if (!gtk_bitset_is_empty (selected))
    scroll_to (self, gtk_bitset_get_minimum (selected));
}

gint64
fu_participants_page_get_shown (FuParticipantsPage *self)
{
  g_return_val_if_fail (FU_IS_PARTICIPANTS_PAGE (self), 0);

  ensure_loaded (self);
  return self->shown_id;
}
