/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-workshops-page.c: every workshop in one GtkListView, grouped under fiscal-year
 * headings. One store query loads the workshops; the search filters those structs in C
 * and the list model makes row objects only for what is on screen, so 6,000 workshops
 * stay smooth. The headings are rows that cannot be selected. */

#define G_LOG_DOMAIN "fu-workshops-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-feedback-sheet.h"
#include "fu-files.h"
#include "fu-file-chooser.h"
#include "fu-gui-util.h"
#include "fu-import-dialog.h"
#include "fu-list-models.h"
#include "fu-rules.h"
#include "fu-store.h"
#include "fu-workshop-detail.h"
#include "fu-workshops-page.h"

struct _FuWorkshopsPage
{
  GtkWidget           parent_instance;

  FuContext          *context;
  gulong              changed_id;
  GPtrArray          *workshops;     /* FuWorkshop*, by start date, as last loaded */
  GPtrArray          *haystacks;     /* casefolded code, title and venue of each */
  FuLazyList         *entries;       /* Entry*, what the list shows */
  GtkSingleSelection *selection;
  gint64              selected_id;
  gboolean            selecting;     /* the selection moves because the list changed */
  gboolean            stale;         /* hidden: the list is read when the page shows */
  gint64              deleted_entry; /* the last deletion's history entry, 0: none */
  gint64              deleted_id;    /* ... and the workshop it deleted */

  /* Template widgets */
  GtkWidget          *back_bar;
  GtkLabel           *count_label;
  FuWorkshopDetail   *detail;
  GtkWidget          *detail_pane;
  GtkStack           *detail_stack;
  AdwStatusPage      *empty_status;
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkSearchEntry     *search_entry;
};

G_DEFINE_FINAL_TYPE (FuWorkshopsPage, fu_workshops_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A list row; keeps the loaded workshops alive as long as a row object points at it. */
typedef struct {
  FuWorkshopsEntry  entry;
  GPtrArray        *workshops;
} Entry;

static void
entry_free (Entry *entry)
{
  g_clear_pointer (&entry->workshops, g_ptr_array_unref);
  g_free (entry);
}

static Entry *
entry_new (GPtrArray        *workshops,
           guint             fiscal_year,
           const FuWorkshop *workshop)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->entry.fiscal_year = fiscal_year;
  entry->entry.workshop = workshop;
  entry->workshops = g_ptr_array_ref (workshops);
  return entry;
}

/* ---- Helpers ----------------------------------------------------------------------------- */

static const FuWorkshopsEntry *
item_entry (gpointer item)
{
  return fu_row_item_get_row (FU_ROW_ITEM (item));
}

static gboolean
matches (const char *haystack,
         const char *needle)
{
  return needle == NULL || strstr (haystack, needle) != NULL;
}

/* The selected workshop as last loaded; NULL when none. */
static const FuWorkshop *
selected_workshop (FuWorkshopsPage *self)
{
  for (guint i = 0; self->workshops != NULL && i < self->workshops->len; i++)
    {
      const FuWorkshop *w = g_ptr_array_index (self->workshops, i);

      if (w->id == self->selected_id)
        return w;
    }
  return NULL;
}

static void
update_actions (FuWorkshopsPage *self)
{
  gboolean selected = self->context != NULL && self->selected_id != 0;
  const FuWorkshop *workshop = selected ? selected_workshop (self) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.add-participant", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.import-attendance", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.delete", selected);
  /* A workshop without the questionnaire has no replies to add up. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.export-feedback",
                                 workshop != NULL && workshop->surveyed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshops.add", self->context != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshops.undo-delete",
                                 self->deleted_entry != 0);
}

/* ---- The list ---------------------------------------------------------------------------- */

/* A workshop's whole title, which the row may cut short. Made when asked for: setting the
 * tooltip on each bind would ask the X server where the pointer is (GTK 4.8). */
static gboolean
row_query_tooltip_cb (GtkWidget   *box,
                      int          x,
                      int          y,
                      gboolean     keyboard_mode,
                      GtkTooltip  *tooltip,
                      GtkListItem *list_item)
{
  gpointer item = gtk_list_item_get_item (list_item);
  const FuWorkshop *w = item != NULL ? item_entry (item)->workshop : NULL;

  if (w == NULL || w->title == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, w->title);
  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *year = gtk_label_new (NULL);
  GtkWidget *n_year = gtk_label_new (NULL);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *code = gtk_label_new (NULL);
  GtkWidget *dates = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *venue = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);

  /* The fiscal year's heading. */
  gtk_widget_set_margin_top (heading, 9);
  gtk_label_set_xalign (GTK_LABEL (year), 0.0);
  gtk_widget_set_hexpand (year, TRUE);
  gtk_widget_add_css_class (year, "heading");
  gtk_widget_add_css_class (n_year, "dim-label");
  gtk_widget_add_css_class (n_year, "caption");
  gtk_box_append (GTK_BOX (heading), year);
  gtk_box_append (GTK_BOX (heading), n_year);

  /* A workshop: code and dates, then title and venue. */
  gtk_label_set_xalign (GTK_LABEL (code), 0.0);
  gtk_widget_set_hexpand (code, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (code), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (code, "heading");
  gtk_widget_add_css_class (dates, "caption");
  gtk_widget_add_css_class (dates, "dim-label");
  gtk_widget_add_css_class (dates, "fu-numeric");
  gtk_box_append (GTK_BOX (top), code);
  gtk_box_append (GTK_BOX (top), dates);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 30);
  gtk_label_set_width_chars (GTK_LABEL (title), 30);
  gtk_label_set_xalign (GTK_LABEL (venue), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (venue), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (venue, "caption");
  gtk_widget_add_css_class (venue, "dim-label");

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), venue);
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect_object (box, "query-tooltip", G_CALLBACK (row_query_tooltip_cb), list_item,
                           0);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             FuWorkshopsPage          *self)
{
  const FuWorkshopsEntry *entry = item_entry (gtk_list_item_get_item (list_item));
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *heading = gtk_widget_get_first_child (box);
  GtkWidget *top = gtk_widget_get_next_sibling (heading);
  GtkWidget *title = gtk_widget_get_next_sibling (top);
  GtkWidget *venue = gtk_widget_get_next_sibling (title);
  const FuWorkshop *w = entry->workshop;
  gboolean is_heading = w == NULL;

  gtk_widget_set_visible (heading, is_heading);
  gtk_widget_set_visible (top, !is_heading);
  gtk_widget_set_visible (title, !is_heading);
  gtk_list_item_set_selectable (list_item, !is_heading);
  gtk_list_item_set_activatable (list_item, !is_heading);

  if (is_heading)
    {
      g_autofree char *label = fu_fiscal_year_label (fu_context_get_rules (self->context),
                                                     entry->fiscal_year);
      g_autofree char *count = g_strdup_printf (ngettext ("%u workshop", "%u workshops",
                                                          entry->n_workshops),
                                                entry->n_workshops);

      gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (heading)), label);
      gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (heading)), count);
      gtk_widget_set_visible (venue, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  else
    {
      g_autofree char *start = fu_day_format_display (w->start_date);

      gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (top)), w->code);
      gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (top)), start);
      gtk_label_set_text (GTK_LABEL (title), w->title);
      gtk_label_set_text (GTK_LABEL (venue), w->venue != NULL ? w->venue : "");
      gtk_widget_set_visible (venue, w->venue != NULL && *w->venue != '\0');
      gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, w->code, -1);
    }
}

static char *
casefold_or_null (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped == '\0')
    return NULL;
  return g_utf8_casefold (stripped, -1);
}

/* Newest fiscal year first, each year's workshops by start date under its heading. */
static GPtrArray *
build_entries (FuWorkshopsPage *self,
               const char      *search)
{
  const FuRules *rules = fu_context_get_rules (self->context);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autofree char *needle = casefold_or_null (search);
  guint end = self->workshops->len;

  /* Workshops come by start date: walk the years from the last one back. */
  while (end > 0)
    {
      const FuWorkshop *last = g_ptr_array_index (self->workshops, end - 1);
      guint year = fu_fiscal_year_of (rules, last->start_date);
      guint start = end;
      Entry *heading;

      while (start > 0)
        {
          const FuWorkshop *w = g_ptr_array_index (self->workshops, start - 1);

          if (fu_fiscal_year_of (rules, w->start_date) != year)
            break;
          start--;
        }

      heading = entry_new (self->workshops, year, NULL);
      g_ptr_array_add (entries, heading);
      for (guint i = start; i < end; i++)
        if (matches (g_ptr_array_index (self->haystacks, i), needle))
          {
            g_ptr_array_add (entries, entry_new (self->workshops, year,
                                                 g_ptr_array_index (self->workshops, i)));
            heading->entry.n_workshops++;
          }
      if (heading->entry.n_workshops == 0)
        g_ptr_array_remove_index (entries, entries->len - 1);
      end = start;
    }

  return entries;
}

static guint
find_position (FuWorkshopsPage *self,
               gint64           workshop_id)
{
  GPtrArray *rows = fu_lazy_list_get_rows (self->entries);

  for (guint i = 0; i < rows->len; i++)
    {
      const Entry *entry = g_ptr_array_index (rows, i);

      if (entry->entry.workshop != NULL && entry->entry.workshop->id == workshop_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
scroll_to (FuWorkshopsPage *self,
           guint            position)
{
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              position);
}

static void
show_detail (FuWorkshopsPage *self,
             gint64           workshop_id)
{
  self->selected_id = workshop_id;
  fu_workshop_detail_set_workshop_id (self->detail, workshop_id);
  gtk_stack_set_visible_child_name (self->detail_stack, workshop_id != 0 ? "detail" : "none");
  update_actions (self);
}

static void
update_count (FuWorkshopsPage *self,
              guint            n_listed)
{
  g_autofree char *text = NULL;

  /* "%'u": grouped as the locale does, "6,000" or "6 000". */
  if (n_listed == self->workshops->len)
    text = g_strdup_printf (ngettext ("%'u workshop", "%'u workshops", n_listed), n_listed);
  else
    /* TRANSLATORS: how many workshops the search finds, of all */
    text = g_strdup_printf (ngettext ("%'u of %'u workshop", "%'u of %'u workshops",
                                      self->workshops->len),
                            n_listed, self->workshops->len);
  gtk_label_set_text (self->count_label, text);
}

/* Shows the workshops that match the search, keeping the selection where it can. */
static void
refilter (FuWorkshopsPage *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  guint position;
  guint n_listed = 0;

  if (self->context == NULL || self->workshops == NULL)
    return;

  entries = build_entries (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  for (guint i = 0; i < entries->len; i++)
    if (((Entry *) g_ptr_array_index (entries, i))->entry.workshop != NULL)
      n_listed++;

  self->selecting = TRUE;
  fu_lazy_list_set_rows (self->entries, entries);
  position = find_position (self, self->selected_id);
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;

  gtk_stack_set_visible_child_name (self->list_stack, entries->len > 0 ? "list" : "empty");
  if (self->workshops->len == 0)
    {
      adw_status_page_set_title (self->empty_status, _("No Workshops Yet"));
      adw_status_page_set_description (self->empty_status,
                                       _("Add one, or import a workshops.csv file from the "
                                         "main menu."));
    }
  else
    {
      adw_status_page_set_title (self->empty_status, _("No Matching Workshops"));
      adw_status_page_set_description (self->empty_status,
                                       _("Try a code, part of a title or a venue."));
    }
  update_count (self, n_listed);
}

/* The first workshop of the newest year, when nothing is selected yet and there is room to
 * show it beside the list. */
static void
select_default (FuWorkshopsPage *self)
{
  GPtrArray *rows = fu_lazy_list_get_rows (self->entries);

  if (self->selected_id != 0 || adw_leaflet_get_folded (self->leaflet))
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      const Entry *entry = g_ptr_array_index (rows, i);

      if (entry->entry.workshop != NULL)
        {
          fu_workshops_page_select (self, entry->entry.workshop->id);
          return;
        }
    }
}

static void
reload (FuWorkshopsPage *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *workshops;

  g_clear_pointer (&self->workshops, g_ptr_array_unref);
  g_clear_pointer (&self->haystacks, g_ptr_array_unref);

  if (self->context == NULL)
    {
      fu_lazy_list_set_rows (self->entries, NULL);
      show_detail (self, 0);
      return;
    }

  workshops = fu_store_list_workshops (fu_context_get_store (self->context), FU_DAY_NONE,
                                       FU_DAY_NONE, &error);
  if (workshops == NULL)
    {
      fu_gui_show_error_toast (GTK_WIDGET (self), error->message);
      workshops = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_workshop_free);
    }
  self->workshops = workshops;
  self->haystacks = g_ptr_array_new_full (workshops->len, g_free);
  for (guint i = 0; i < workshops->len; i++)
    {
      const FuWorkshop *w = g_ptr_array_index (workshops, i);
      g_autofree char *text = g_strjoin ("\n", w->code, w->title,
                                         w->venue != NULL ? w->venue : "", NULL);

      g_ptr_array_add (self->haystacks, g_utf8_casefold (text, -1));
    }

  /* A workshop deleted since is no longer shown. */
  if (self->selected_id != 0)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < workshops->len && !found; i++)
        found = ((FuWorkshop *) g_ptr_array_index (workshops, i))->id == self->selected_id;
      if (!found)
        show_detail (self, 0);
    }

  refilter (self);
  fu_workshop_detail_reload (self->detail);
  select_default (self);
  /* What the selected workshop allows may have changed with it (surveyed or not). */
  update_actions (self);
}

/* ---- Callbacks --------------------------------------------------------------------------- */

/* Reads what changed while the page was hidden, before anything shows or reads it. */
static void
ensure_loaded (FuWorkshopsPage *self)
{
  if (!self->stale)
    return;
  self->stale = FALSE;
  reload (self);
}

static void
context_changed_cb (FuWorkshopsPage *self,
                    FuChangeSet     *changes)
{
  /* The list and the detail show workshops, their attendees and follow-ups. */
  if (!fu_change_set_touches_any (changes, FU_RECORD_MASK_PEOPLE_AND_FOLLOWUPS
                                            | FU_RECORD_BIT (FU_RECORD_SETTINGS)))
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->stale = TRUE;
}

static void
selection_changed_cb (FuWorkshopsPage *self,
                      GParamSpec      *pspec,
                      GtkSingleSelection *selection)
{
  gpointer item = gtk_single_selection_get_selected_item (selection);
  const FuWorkshopsEntry *entry;

  /* Refiltering selects by itself; the search decides what to show. */
  if (self->selecting || item == NULL)
    return;
  entry = item_entry (item);
  if (entry->workshop != NULL && entry->workshop->id != self->selected_id)
    show_detail (self, entry->workshop->id);
}

static void
list_activate_cb (FuWorkshopsPage *self,
                  guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

/* Escape in the search entry: show everything again. */
static void
stop_search_cb (FuWorkshopsPage *self,
                GtkSearchEntry  *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
search_changed_cb (FuWorkshopsPage *self,
                   GtkSearchEntry  *entry)
{
  refilter (self);
  if (gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    {
      scroll_to (self, gtk_single_selection_get_selected (self->selection));
      return;
    }
  /* The workshop shown is no longer listed: the first match takes its place, or none. */
  if (self->selected_id != 0)
    {
      show_detail (self, 0);
      select_default (self);
    }
}

static void
folded_changed_cb (FuWorkshopsPage *self,
                   GParamSpec      *pspec,
                   AdwLeaflet      *leaflet)
{
  select_default (self);
}

/* ---- workshops.add ----------------------------------------------------------------------- */

typedef struct {
  FuWorkshopsPage *page;
  AdwEntryRow     *code;
  AdwEntryRow     *title;
  AdwComboRow     *kind;
  AdwEntryRow     *start;
  AdwEntryRow     *end;
} AddWorkshopForm;

static void
add_workshop_form_free (AddWorkshopForm *form)
{
  g_clear_object (&form->page);
  g_free (form);
}

static AdwEntryRow *
form_entry_row (GtkListBox *list,
                const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  fu_gui_entry_row_activates_default (ADW_ENTRY_ROW (row));
  gtk_list_box_append (list, row);
  return ADW_ENTRY_ROW (row);
}

static GtkListBox *
form_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return GTK_LIST_BOX (list);
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Marks what is wrong and says whether the form can be sent. */
static gboolean
check_workshop_form (AddWorkshopForm *form)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = g_strstrip (g_strdup (row_text (form->code)));
  FuDay start = FU_DAY_NONE;
  FuDay end = FU_DAY_NONE;
  gboolean start_ok = fu_day_parse_typed (row_text (form->start), &start);
  gboolean end_ok = blank (row_text (form->end)) || fu_day_parse_typed (row_text (form->end),
                                                                        &end);
  gint64 taken = 0;

  if (*code != '\0'
      && !fu_store_lookup_workshop (fu_context_get_store (form->page->context), code, &taken,
                                    &error))
    g_warning ("Could not look up a workshop code: %s", error->message);

  fu_gui_mark_error (GTK_WIDGET (form->code), taken != 0);
  fu_gui_mark_error (GTK_WIDGET (form->start), !start_ok && !blank (row_text (form->start)));
  fu_gui_mark_error (GTK_WIDGET (form->end),
                     !end_ok || (end != FU_DAY_NONE && start_ok && end < start));

  return *code != '\0' && taken == 0 && !blank (row_text (form->title)) && start_ok && end_ok
         && (end == FU_DAY_NONE || end >= start);
}

static void
workshop_form_changed_cb (AdwMessageDialog *dialog)
{
  AddWorkshopForm *form = g_object_get_data (G_OBJECT (dialog), "fu-form");

  adw_message_dialog_set_response_enabled (dialog, "add", check_workshop_form (form));
}

static void show_add_workshop_form (FuWorkshopsPage *self, AddWorkshopForm *typed,
                                    const char *problem);

static void
add_workshop_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  AddWorkshopForm *form = g_object_get_data (G_OBJECT (dialog), "fu-form");
  FuWorkshopsPage *self = form->page;
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(FuWorkshop) workshop = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0 || self->context == NULL || !check_workshop_form (form))
    return;

  workshop = fu_workshop_new ();
  workshop->code = g_strstrip (g_strdup (row_text (form->code)));
  workshop->title = g_strstrip (g_strdup (row_text (form->title)));
  workshop->kind = (FuWorkshopKind) adw_combo_row_get_selected (form->kind);
  fu_day_parse_typed (row_text (form->start), &workshop->start_date);
  if (!fu_day_parse_typed (row_text (form->end), &workshop->end_date))
    workshop->end_date = workshop->start_date;

  command = fu_command_new_add_workshop (workshop);
  if (!fu_gui_run_command (GTK_WIDGET (self), self->context, command, NULL, &error))
    {
      /* Refused (a team database out of reach, say): what was typed is not lost, the form
       * comes back with it and says why. */
      show_add_workshop_form (self, form, error->message);
      return;
    }

  /* Empty the search so that the new workshop is in the list. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  fu_workshops_page_select (self, fu_command_get_new_id (command));
}

/* The New Workshop form; filled in as @typed was when given (a form that was refused), with
 * @problem said above it. */
static void
show_add_workshop_form (FuWorkshopsPage *self,
                        AddWorkshopForm *typed,
                        const char      *problem)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *body = NULL;
  AddWorkshopForm *form;
  GtkListBox *list;
  GtkWidget *dialog;

  if (problem != NULL)
    /* TRANSLATORS: %s says why it (a workshop, a participant) could not be added */
    body = g_strdup_printf (_("It could not be added: %s\n\nWhat you typed is kept."),
                            problem);
  dialog = adw_message_dialog_new (fu_gui_parent_window (GTK_WIDGET (self)), _("New Workshop"),
                                   body != NULL ? body
                                   : _("Everything else can be filled in afterwards."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);

  form = g_new0 (AddWorkshopForm, 1);
  form->page = g_object_ref (self);
  list = form_list ();
  form->code = form_entry_row (list, _("C_ode, e.g. 2018-NII"));
  form->title = form_entry_row (list, _("_Title"));
  form->kind = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->kind), _("_Kind"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (form->kind), TRUE);
  for (guint i = 0; i < FU_N_WORKSHOP_KINDS; i++)
    gtk_string_list_append (kinds, fu_workshop_kind_get_label ((FuWorkshopKind) i));
  adw_combo_row_set_model (form->kind, G_LIST_MODEL (kinds));
  gtk_list_box_append (list, GTK_WIDGET (form->kind));
  form->start = form_entry_row (list, _("_Start Date"));
  form->end = form_entry_row (list, _("_End Date, if Not the Same Day"));
  fu_gui_add_date_picker (form->start, FALSE);
  fu_gui_add_date_picker (form->end, FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "fu-form", form,
                          (GDestroyNotify) add_workshop_form_free);

  g_signal_connect_swapped (form->code, "changed", G_CALLBACK (workshop_form_changed_cb), dialog);
  g_signal_connect_swapped (form->title, "changed", G_CALLBACK (workshop_form_changed_cb),
                            dialog);
  g_signal_connect_swapped (form->start, "changed", G_CALLBACK (workshop_form_changed_cb),
                            dialog);
  g_signal_connect_swapped (form->end, "changed", G_CALLBACK (workshop_form_changed_cb), dialog);

  if (typed != NULL)
    {
      AdwEntryRow *rows[][2] = {
        { form->code, typed->code }, { form->title, typed->title },
        { form->start, typed->start }, { form->end, typed->end },
      };

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        gtk_editable_set_text (GTK_EDITABLE (rows[i][0]), row_text (rows[i][1]));
      adw_combo_row_set_selected (form->kind, adw_combo_row_get_selected (typed->kind));
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add",
                                               check_workshop_form (form));
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (list));
  g_signal_connect (dialog, "response", G_CALLBACK (add_workshop_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_workshop_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FuWorkshopsPage *self = FU_WORKSHOPS_PAGE (widget);

  if (self->context != NULL)
    show_add_workshop_form (self, NULL, NULL);
}

/* ---- workshop.add-participant ------------------------------------------------------------ */

typedef struct {
  FuWorkshopsPage *page;
  gint64           workshop_id;
  GArray          *admin_ids;
  AdwEntryRow     *name;
  GtkDropDown     *administration;
  AdwEntryRow     *email;
  AdwEntryRow     *position;
} AddParticipantForm;

static void
add_participant_form_free (AddParticipantForm *form)
{
  g_clear_object (&form->page);
  g_clear_pointer (&form->admin_ids, g_array_unref);
  g_free (form);
}

static gboolean
check_participant_form (AddParticipantForm *form)
{
  const char *email = row_text (form->email);
  gboolean email_ok = blank (email) || (strchr (email, '@') != NULL && strchr (email, ' ') == NULL);

  fu_gui_mark_error (GTK_WIDGET (form->email), !email_ok);
  return !blank (row_text (form->name)) && email_ok
         && gtk_drop_down_get_selected (form->administration) < form->admin_ids->len;
}

static void
participant_form_changed_cb (AdwMessageDialog *dialog)
{
  AddParticipantForm *form = g_object_get_data (G_OBJECT (dialog), "fu-form");

  adw_message_dialog_set_response_enabled (dialog, "add", check_participant_form (form));
}

static void show_add_participant_form (FuWorkshopsPage *self, gint64 workshop_id,
                                       const FuParticipant *typed, const char *problem);

/* Adds @person (their id set when they are someone known) to the form's workshop. */
static void
add_person (AddParticipantForm *form,
            FuParticipant      *person)
{
  FuWorkshopsPage *self = form->page;
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(FuWorkshop) workshop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  FuStore *store = fu_context_get_store (self->context);

  workshop = fu_store_get_workshop (store, form->workshop_id, NULL);
  if (person->id != 0 && workshop != NULL)
    {
      g_autoptr(FuParticipant) known = fu_store_get_participant (store, person->id, NULL);

      /* TRANSLATORS: the person was already known from another workshop */
      message = g_strdup_printf (_("Added %s, already known from another workshop, to %s"),
                                 known != NULL ? known->name : person->name, workshop->code);
    }
  command = fu_command_new_add_participant (person, form->workshop_id);
  if (!fu_gui_run_command (GTK_WIDGET (self), self->context, command, message, &error))
    /* Refused: the form comes back with what was typed, and says why. */
    show_add_participant_form (self, form->workshop_id, person, error->message);
}

typedef struct {
  AddParticipantForm *form;     /* owned */
  FuParticipant      *person;
  gint64              known_id;
} AlikeChoice;

static void
alike_choice_free (AlikeChoice *choice)
{
  add_participant_form_free (choice->form);
  fu_participant_free (choice->person);
  g_free (choice);
}

static void
alike_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   AlikeChoice      *choice)
{
  if (choice->form->page->context == NULL)
    return;
  if (g_strcmp0 (response, "existing") == 0)
    {
      choice->person->id = choice->known_id;
      add_person (choice->form, choice->person);
    }
  else if (g_strcmp0 (response, "new") == 0)
    add_person (choice->form, choice->person);
}

static void
add_participant_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             gpointer          user_data)
{
  AddParticipantForm *form = g_object_get_data (G_OBJECT (dialog), "fu-form");
  FuWorkshopsPage *self = form->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuParticipant) person = NULL;
  g_autoptr(GPtrArray) alike = NULL;
  FuStore *store;

  if (g_strcmp0 (response, "add") != 0 || self->context == NULL
      || !check_participant_form (form))
    return;
  store = fu_context_get_store (self->context);

  person = fu_participant_new ();
  person->name = g_strstrip (g_strdup (row_text (form->name)));
  person->administration_id = g_array_index (form->admin_ids, gint64,
                                             gtk_drop_down_get_selected (form->administration));
  person->email = g_strstrip (g_strdup (row_text (form->email)));
  person->position = g_strstrip (g_strdup (row_text (form->position)));

  /* Someone known by e-mail, or by name and administration, is not added twice. */
  if (!fu_store_lookup_participant (store, person->email, person->name,
                                    person->administration_id, &person->id, &error)
      || (person->id == 0
          && (alike = fu_store_find_people_alike (store, person->name,
                                                  person->administration_id, &error)) == NULL))
    {
      fu_gui_show_error_toast (GTK_WIDGET (self), error->message);
      return;
    }

  /* Someone of the same administration with a name alike: ask before making a second
   * record of one person. */
  if (person->id == 0 && alike->len > 0)
    {
      const FuParticipantOverview *known = g_ptr_array_index (alike, 0);
      g_autofree char *heading = g_strdup_printf (_("Is This %s?"), known->name);
      g_autofree char *body = NULL;
      g_autofree char *existing = g_strdup_printf (_("Add _%s"), known->name);
      AlikeChoice *choice = g_new0 (AlikeChoice, 1);
      AdwMessageDialog *ask;

      if (known->email != NULL)
        /* TRANSLATORS: a known person, their administration and e-mail, how many workshops */
        body = g_strdup_printf (ngettext ("%s of %s (%s) is already known from %u workshop. "
                                          "Add them, or a new person?",
                                          "%s of %s (%s) is already known from %u workshops. "
                                          "Add them, or a new person?", known->n_attendances),
                                known->name, known->administration, known->email,
                                known->n_attendances);
      else
        body = g_strdup_printf (ngettext ("%s of %s is already known from %u workshop. Add "
                                          "them, or a new person?",
                                          "%s of %s is already known from %u workshops. Add "
                                          "them, or a new person?", known->n_attendances),
                                known->name, known->administration, known->n_attendances);
      ask = ADW_MESSAGE_DIALOG (adw_message_dialog_new (fu_gui_parent_window (GTK_WIDGET (self)),
                                                        heading, body));
      adw_message_dialog_add_responses (ask,
                                        "cancel", _("_Cancel"),
                                        "new", _("Add a _New Person"),
                                        "existing", existing,
                                        NULL);
      adw_message_dialog_set_response_appearance (ask, "existing", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ask, "existing");
      adw_message_dialog_set_close_response (ask, "cancel");
      /* The first dialog goes: the choice keeps the form. */
      choice->form = g_object_steal_data (G_OBJECT (dialog), "fu-form");
      choice->person = g_steal_pointer (&person);
      choice->known_id = known->participant_id;
      g_signal_connect_data (ask, "response", G_CALLBACK (alike_response_cb), choice,
                             (GClosureNotify) (void (*) (void)) alike_choice_free, 0);
      gtk_window_present (GTK_WINDOW (ask));
      return;
    }
  add_person (form, person);
}

/* The Add Participant form for @workshop_id; filled in as @typed was when given (a form that
 * was refused), with @problem said first. */
static void
show_add_participant_form (FuWorkshopsPage     *self,
                           gint64               workshop_id,
                           const FuParticipant *typed,
                           const char          *problem)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) admins = NULL;
  g_autoptr(FuWorkshop) workshop = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *body = NULL;
  AddParticipantForm *form;
  GtkListBox *list;
  GtkWidget *dialog;
  FuStore *store;

  store = fu_context_get_store (self->context);
  workshop = fu_store_get_workshop (store, workshop_id, &error);
  if (workshop == NULL)
    {
      fu_gui_show_error_toast (GTK_WIDGET (self), error->message);
      return;
    }
  admins = fu_store_list_administrations (store, &error);
  if (admins == NULL)
    {
      fu_gui_show_error_toast (GTK_WIDGET (self), error->message);
      return;
    }

  if (problem != NULL)
    /* TRANSLATORS: %s says why it (a workshop, a participant) could not be added */
    body = g_strdup_printf (_("It could not be added: %s\n\nWhat you typed is kept."),
                            problem);
  else
    /* TRANSLATORS: %s is a workshop's code */
    body = g_strdup_printf (_("Someone already known (by e-mail, or by name and administration) "
                              "is added as they are; anyone else becomes a new participant of "
                              "%s."), workshop->code);
  dialog = adw_message_dialog_new (fu_gui_parent_window (GTK_WIDGET (self)),
                                   _("Add Participant"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);

  form = g_new0 (AddParticipantForm, 1);
  form->page = g_object_ref (self);
  form->workshop_id = workshop->id;
  form->admin_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < admins->len; i++)
    {
      const FuAdministration *admin = g_ptr_array_index (admins, i);

      gtk_string_list_append (names, admin->name);
      g_array_append_val (form->admin_ids, admin->id);
    }

  list = form_list ();
  form->name = form_entry_row (list, _("_Name"));
  {
    GtkWidget *row = adw_action_row_new ();

    /* Searchable, and no administration until one is chosen. */
    form->administration = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
    fu_gui_drop_down_set_strings (form->administration, names);
    gtk_drop_down_set_enable_search (form->administration, TRUE);
    gtk_drop_down_set_selected (form->administration, GTK_INVALID_LIST_POSITION);
    gtk_widget_set_valign (GTK_WIDGET (form->administration), GTK_ALIGN_CENTER);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("A_dministration"));
    adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (form->administration));
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row),
                                           GTK_WIDGET (form->administration));
    gtk_accessible_update_relation (GTK_ACCESSIBLE (form->administration),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
    gtk_list_box_append (list, row);
  }
  form->email = form_entry_row (list, _("_E-mail"));
  form->position = form_entry_row (list, _("_Position"));
  g_object_set_data_full (G_OBJECT (dialog), "fu-form", form,
                          (GDestroyNotify) add_participant_form_free);

  g_signal_connect_swapped (form->name, "changed", G_CALLBACK (participant_form_changed_cb),
                            dialog);
  g_signal_connect_swapped (form->email, "changed", G_CALLBACK (participant_form_changed_cb),
                            dialog);
  g_signal_connect_swapped (form->administration, "notify::selected",
                            G_CALLBACK (participant_form_changed_cb), dialog);

  if (typed != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (form->name), typed->name != NULL ? typed->name : "");
      gtk_editable_set_text (GTK_EDITABLE (form->email), typed->email != NULL ? typed->email
                                                                              : "");
      gtk_editable_set_text (GTK_EDITABLE (form->position), typed->position != NULL
                                                            ? typed->position : "");
      for (guint i = 0; i < form->admin_ids->len; i++)
        if (g_array_index (form->admin_ids, gint64, i) == typed->administration_id)
          gtk_drop_down_set_selected (form->administration, i);
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (list));
  g_signal_connect (dialog, "response", G_CALLBACK (add_participant_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_participant_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FuWorkshopsPage *self = FU_WORKSHOPS_PAGE (widget);

  if (self->context != NULL && self->selected_id != 0)
    show_add_participant_form (self, self->selected_id, NULL, NULL);
}

/* ---- workshop.import-attendance ---------------------------------------------------------- */

/* An attendance list for the workshop shown: the file needs no workshop column. */
static void
import_for_selected (FuWorkshopsPage *self,
                     GFile           *file)
{
  g_autoptr(FuWorkshop) workshop = NULL;
  FuImportDialog *dialog;

  if (self->selected_id != 0)
    workshop = fu_store_get_workshop (fu_context_get_store (self->context), self->selected_id,
                                      NULL);
  dialog = fu_import_dialog_new_for (fu_gui_parent_window (GTK_WIDGET (self)), self->context,
                                     file, FU_IMPORT_PARTICIPANTS,
                                     workshop != NULL ? workshop->code : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A list dropped on the page is for the workshop shown. */
static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         FuWorkshopsPage *self)
{
  if (self->context == NULL || !G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;
  import_for_selected (self, g_value_get_object (value));
  return TRUE;
}

static void
import_file_chosen_cb (GFile    *file,
                       gpointer  user_data)
{
  g_autoptr(FuWorkshopsPage) self = user_data;

  if (file == NULL || self->context == NULL)
    return;
  import_for_selected (self, file);
}

static void
import_attendance_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  FuWorkshopsPage *self = FU_WORKSHOPS_PAGE (widget);

  if (self->context == NULL)
    return;
  fu_file_chooser_open (fu_gui_parent_window (GTK_WIDGET (self)),
                        _("Import Attendance List"), _("_Open"), FU_FILE_KIND_TABLE,
                        import_file_chosen_cb, g_object_ref (self));
}

/* ---- workshop.export-feedback ----------------------------------------------------------- */

typedef struct {
  FuWorkshopsPage *page;
  gint64           workshop_id;
} FeedbackData;

static void
feedback_data_free (FeedbackData *data)
{
  g_clear_object (&data->page);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeedbackData, feedback_data_free)

static gboolean
write_feedback_sheet (FuWorkshopsPage *self,
                      gint64           workshop_id,
                      GFile           *file)
{
  g_autoptr(FuFeedbackSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *message = NULL;
  g_autofree char *lower = NULL;

  lower = g_ascii_strdown (basename, -1);
  sheet = fu_feedback_sheet_new (fu_context_get_store (self->context), workshop_id, &error);
  if (sheet != NULL)
    {
      fu_feedback_sheet_set_date (sheet, fu_context_get_today (self->context));
      if (g_str_has_suffix (lower, ".csv"))
        {
          g_autoptr(GString) text = g_string_new (NULL);

          /* With a byte-order mark, as the annual summary: it goes to a spreadsheet. */
          fu_feedback_sheet_write_csv (sheet, text, TRUE);
          fu_gfile_write_private (file, text->str, text->len, &error);
        }
      else if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("a PDF can only be saved on this computer or a mounted drive"));
      else
        fu_feedback_sheet_write_pdf (sheet, path, &error);
    }

  if (error != NULL)
    {
      /* TRANSLATORS: "Could not save feedback-2016-NII.pdf: <why>" */
      message = g_strdup_printf (_("Could not save %s: %s"), basename, error->message);
      fu_gui_show_error_toast (GTK_WIDGET (self), message);
      return FALSE;
    }

  if (fu_feedback_sheet_shows_answers (sheet))
    /* TRANSLATORS: %s is a file name */
    message = g_strdup_printf (_("Saved %s"), basename);
  else
    /* TRANSLATORS: %s is a file name */
    message = g_strdup_printf (ngettext ("Saved %s with the reply rate only: the answers of "
                                         "fewer than %u reply are not broken down",
                                         "Saved %s with the reply rate only: the answers of "
                                         "fewer than %u replies are not broken down",
                                         FU_FEEDBACK_SHEET_MIN_REPLIES),
                               basename, FU_FEEDBACK_SHEET_MIN_REPLIES);
  fu_gui_show_toast (GTK_WIDGET (self), adw_toast_new (message));
  return TRUE;
}

static void
feedback_file_chosen_cb (GFile    *file,
                         gpointer  user_data)
{
  g_autoptr(FeedbackData) data = user_data;

  if (file != NULL && data->page->context != NULL)
    write_feedback_sheet (data->page, data->workshop_id, file);
}

static void
export_feedback_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FuWorkshopsPage *self = FU_WORKSHOPS_PAGE (widget);
  const FuWorkshop *workshop = selected_workshop (self);
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  FeedbackData *data;

  if (self->context == NULL || workshop == NULL)
    return;

  /* A code is a file name's part: nothing that would make it a folder. */
  code = g_strdelimit (g_strdup (workshop->code), "/\\", '-');
  /* TRANSLATORS: the suggested file name; %s is a workshop's code such as "2016-NII" */
  name = g_strdup_printf (_("feedback-%s.pdf"), code);

  data = g_new0 (FeedbackData, 1);
  data->page = g_object_ref (self);
  data->workshop_id = workshop->id;
  fu_file_chooser_save (fu_gui_parent_window (GTK_WIDGET (self)),
                        _("Save Feedback Sheet"), _("_Save"), FU_FILE_KIND_FEEDBACK, name,
                        feedback_file_chosen_cb, data);
}

/* ---- workshop.delete and Undo ------------------------------------------------------------ */

/* Undoes the last deletion, as the toast's Undo and Ctrl+Z do, and shows the workshop. */
static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FuWorkshopsPage *self = FU_WORKSHOPS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  gint64 entry = self->deleted_entry;
  gint64 id = self->deleted_id;

  if (entry == 0 || self->context == NULL)
    return;
  self->deleted_entry = 0;
  update_actions (self);
  if (!fu_history_undo_entry (fu_context_get_history (self->context), entry, &sentence, &error))
    {
      fu_gui_show_error_toast (GTK_WIDGET (self), error->message);
      return;
    }
  fu_workshops_page_select (self, id);
  fu_gui_show_toast (GTK_WIDGET (self), adw_toast_new (sentence));
}

static void
delete_workshop (FuWorkshopsPage *self,
                 gint64           id)
{
  g_autoptr(FuCommand) command = fu_command_new_delete_workshop (id);

  if (!fu_gui_run_command (GTK_WIDGET (self), self->context, command, NULL, NULL))
    return;
  /* Undone with the same ids: the workshop comes back as it was. */
  self->deleted_entry = fu_command_get_entry_id (command);
  self->deleted_id = id;
  update_actions (self);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    FuWorkshopsPage  *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "fu-workshop-id");

  if (g_strcmp0 (response, "delete") == 0 && self->context != NULL)
    delete_workshop (self, *id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FuWorkshopsPage *self = FU_WORKSHOPS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshop) workshop = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  FuStore *store = fu_context_get_store (self->context);
  g_autofree char *heading = NULL;
  g_autofree char *people = NULL;
  g_autofree char *replies = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint n_attendances;
  guint n_replies;

  if (self->context == NULL || self->selected_id == 0)
    return;

  /* What would go with it. */
  workshop = fu_store_get_workshop (store, self->selected_id, &error);
  attendees = workshop != NULL
              ? fu_store_list_workshop_attendees (store, self->selected_id,
                                                  fu_context_get_today (self->context), &error)
              : NULL;
  if (attendees == NULL)
    {
      fu_gui_show_error_toast (GTK_WIDGET (self), error->message);
      return;
    }
  n_attendances = attendees->len;
  n_replies = 0;
  for (guint i = 0; i < attendees->len; i++)
    if (((FuAttendanceRow *) g_ptr_array_index (attendees, i))->status == FU_STATUS_REPLIED)
      n_replies++;

  heading = g_strdup_printf (_("Delete %s?"), workshop->code);
  people = g_strdup_printf (ngettext ("%u attendee", "%u attendees", n_attendances),
                            n_attendances);
  replies = g_strdup_printf (ngettext ("%u reply", "%u replies", n_replies), n_replies);
  /* TRANSLATORS: "23 attendees", "14 replies" */
  body = g_strdup_printf (_("The workshop goes with its %s, their follow-ups and reminders, and "
                            "%s. Undo (Ctrl+Z) brings them all back."),
                          people, replies);

  dialog = adw_message_dialog_new (fu_gui_parent_window (GTK_WIDGET (self)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "fu-workshop-id",
                          g_memdup2 (&self->selected_id, sizeof self->selected_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Small actions ----------------------------------------------------------------------- */

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FuWorkshopsPage *self = FU_WORKSHOPS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FuWorkshopsPage *self = FU_WORKSHOPS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- Overrides --------------------------------------------------------------------------- */

static void
fu_workshops_page_dispose (GObject *object)
{
  FuWorkshopsPage *self = FU_WORKSHOPS_PAGE (object);

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), FU_TYPE_WORKSHOPS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->entries);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (fu_workshops_page_parent_class)->dispose (object);
}

static void
fu_workshops_page_finalize (GObject *object)
{
  FuWorkshopsPage *self = FU_WORKSHOPS_PAGE (object);

  g_clear_pointer (&self->workshops, g_ptr_array_unref);
  g_clear_pointer (&self->haystacks, g_ptr_array_unref);

  G_OBJECT_CLASS (fu_workshops_page_parent_class)->finalize (object);
}

static void
fu_workshops_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FuWorkshopsPage *self = FU_WORKSHOPS_PAGE (object);

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
fu_workshops_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FuWorkshopsPage *self = FU_WORKSHOPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      fu_workshops_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_workshops_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (fu_workshops_page_parent_class)->map (widget);
  ensure_loaded (FU_WORKSHOPS_PAGE (widget));
}

static void
fu_workshops_page_class_init (FuWorkshopsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fu_workshops_page_dispose;
  object_class->finalize = fu_workshops_page_finalize;
  object_class->get_property = fu_workshops_page_get_property;
  object_class->set_property = fu_workshops_page_set_property;
  widget_class->map = fu_workshops_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         FU_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FU_TYPE_WORKSHOP_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rocbap/FollowUp/fu-workshops-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopsPage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopsPage, detail);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopsPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopsPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopsPage, search_entry);
  /* Not used here, but tests find it by name. */
  gtk_widget_class_bind_template_child_full (widget_class, "list_scroller", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "workshops.add", NULL, add_workshop_action);
  gtk_widget_class_install_action (widget_class, "workshops.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "workshops.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "workshops.undo-delete", NULL,
                                   undo_delete_action);
  gtk_widget_class_install_action (widget_class, "workshop.add-participant", NULL,
                                   add_participant_action);
  gtk_widget_class_install_action (widget_class, "workshop.import-attendance", NULL,
                                   import_attendance_action);
  gtk_widget_class_install_action (widget_class, "workshop.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "workshop.export-feedback", NULL,
                                   export_feedback_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "workshops.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "workshops.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "workshop.delete", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fu_workshops_page_init (FuWorkshopsPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  {
    GtkDropTarget *target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

    g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }

  self->entries = fu_lazy_list_new (FU_TYPE_ROW_ITEM, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  update_actions (self);
}

/* ---- Public API -------------------------------------------------------------------------- */

FuContext *
fu_workshops_page_get_context (FuWorkshopsPage *self)
{
  g_return_val_if_fail (FU_IS_WORKSHOPS_PAGE (self), NULL);

  return self->context;
}

void
fu_workshops_page_set_context (FuWorkshopsPage *self,
                               FuContext       *context)
{
  g_return_if_fail (FU_IS_WORKSHOPS_PAGE (self));
  g_return_if_fail (context == NULL || FU_IS_CONTEXT (context));

  if (!fu_gui_swap_context (&self->context, &self->changed_id, context,
                            G_CALLBACK (context_changed_cb), self))
    return;

  self->selected_id = 0;
  fu_workshop_detail_set_context (self->detail, context);
  /* A window opens on another page: the workshops are read when this one is first shown. */
  if (context != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else
    {
      self->stale = FALSE;
      reload (self);
    }
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

GListModel *
fu_workshops_page_get_entries (FuWorkshopsPage *self)
{
  g_return_val_if_fail (FU_IS_WORKSHOPS_PAGE (self), NULL);

  ensure_loaded (self);
  return G_LIST_MODEL (self->entries);
}

gint64
fu_workshops_page_get_selected (FuWorkshopsPage *self)
{
  g_return_val_if_fail (FU_IS_WORKSHOPS_PAGE (self), 0);

  ensure_loaded (self);
  return self->selected_id;
}

gboolean
fu_workshops_page_select (FuWorkshopsPage *self,
                          gint64           workshop_id)
{
  guint position;

  g_return_val_if_fail (FU_IS_WORKSHOPS_PAGE (self), FALSE);

  ensure_loaded (self);
  position = find_position (self, workshop_id);
  if (position == GTK_INVALID_LIST_POSITION
      && *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    {
      /* Hidden by the search: show everything again. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      refilter (self);
      position = find_position (self, workshop_id);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  show_detail (self, workshop_id);
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
  scroll_to (self, position);
  return TRUE;
}

gboolean
fu_workshops_page_export_feedback (FuWorkshopsPage *self,
                                   GFile           *file)
{
  g_return_val_if_fail (FU_IS_WORKSHOPS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->context == NULL || self->selected_id == 0)
    return FALSE;
  return write_feedback_sheet (self, self->selected_id, file);
}
