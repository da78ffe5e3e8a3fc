/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-workshop-detail.c: a workshop's fields, each saved when the person presses Enter or
 * leaves it (with a toast that offers Undo), its follow-up schedule, and its attendees in
 * a sortable table. The workshop.* actions (add a participant, import, the feedback sheet,
 * delete) belong to the workshops page around it, which knows which workshop is selected. */

#define G_LOG_DOMAIN "fu-workshop-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-error.h"
#include "fu-day.h"
#include "fu-gui-util.h"
#include "fu-history-group.h"
#include "fu-list-models.h"
#include "fu-rules.h"
#include "fu-store.h"
#include "fu-workshop-detail.h"

/* The fields typed as text, in the order of entry_rows[]. */
typedef enum {
  FIELD_CODE,
  FIELD_TITLE,
  FIELD_START,
  FIELD_END,
  FIELD_VENUE,
  FIELD_CO_ORGANIZER,
  FIELD_NOTES,
  FIELD_PLANNED,
  FIELD_DEADLINE,
  N_ENTRY_FIELDS,
  FIELD_KIND = N_ENTRY_FIELDS,
  FIELD_HOST,
  FIELD_SURVEYED,
  N_FIELDS
} Field;

enum {
  COLUMN_NAME,
  COLUMN_ADMINISTRATION,
  COLUMN_EMAIL,
  COLUMN_STATUS,
  COLUMN_REPLY,
  N_COLUMNS
};

struct _FuWorkshopDetail
{
  GtkWidget             parent_instance;

  FuContext            *context;
  gint64                workshop_id;
  FuWorkshop           *workshop;        /* as last read or saved; NULL when none */
  gint64                version;         /* its version then (fu_store_row_version) */
  GArray               *host_ids;        /* gint64 per host_row position; 0 = none */
  FuLazyList           *attendees;
  FuHistoryGroup       *changes_group;
  GtkSortListModel     *sorted_attendees;
  AdwEntryRow          *entry_rows[N_ENTRY_FIELDS];
  gboolean              loading;         /* filling the fields: not an edit */

  /* Template widgets */
  GtkColumnView        *attendees_view;
  AdwPreferencesGroup  *attendees_group;
  GtkStack             *attendees_stack;
  AdwEntryRow          *co_organizer_row;
  AdwEntryRow          *code_row;
  AdwEntryRow          *deadline_row;
  AdwEntryRow          *end_row;
  GtkLabel             *heading_label;
  GtkDropDown          *host_row;
  AdwComboRow          *kind_row;
  AdwEntryRow          *notes_row;
  AdwEntryRow          *planned_row;
  AdwPreferencesGroup  *schedule_group;
  GtkScrolledWindow    *scrolled_window;
  AdwEntryRow          *start_row;
  GtkLabel             *summary_label;
  GtkSwitch            *surveyed_switch;
  AdwEntryRow          *title_row;
  AdwEntryRow          *venue_row;
};

G_DEFINE_FINAL_TYPE (FuWorkshopDetail, fu_workshop_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_WORKSHOP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Helpers ----------------------------------------------------------------------------- */

static void
set_entry_day (AdwEntryRow *row,
               FuDay        day)
{
  char buf[11];

  fu_day_format_iso (day, buf);
  fu_gui_set_entry_text (row, buf);
}

static const char *
status_text (const FuAttendanceRow *row)
{
  if (!row->surveyed)
    return _("Not surveyed");
  return fu_followup_status_get_label (row->status);
}

/* What the toast says once a field is saved. */
static char *
saved_message (Field       field,
               const char *code)
{
  switch (field)
    {
    case FIELD_CODE:
      return g_strdup_printf (_("Changed the code to %s"), code);
    case FIELD_TITLE:
      return g_strdup_printf (_("Changed the title of %s"), code);
    case FIELD_START:
      return g_strdup_printf (_("Changed the start date of %s"), code);
    case FIELD_END:
      return g_strdup_printf (_("Changed the end date of %s"), code);
    case FIELD_VENUE:
      return g_strdup_printf (_("Changed the venue of %s"), code);
    case FIELD_CO_ORGANIZER:
      return g_strdup_printf (_("Changed the co-organizer of %s"), code);
    case FIELD_NOTES:
      return g_strdup_printf (_("Changed the notes of %s"), code);
    case FIELD_PLANNED:
      return g_strdup_printf (_("Changed the questionnaire date of %s"), code);
    case FIELD_DEADLINE:
      return g_strdup_printf (_("Changed the reply deadline of %s"), code);
    case FIELD_KIND:
      return g_strdup_printf (_("Changed the kind of %s"), code);
    case FIELD_HOST:
      return g_strdup_printf (_("Changed the host administration of %s"), code);
    case FIELD_SURVEYED:
      return g_strdup_printf (_("Changed whether %s is surveyed"), code);
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* ---- The attendees table ---------------------------------------------------------------- */

static const FuAttendanceRow *
item_row (gpointer item)
{
  return fu_row_item_get_row (FU_ROW_ITEM (item));
}

static char *
cell_text (const FuAttendanceRow *row,
           guint                  column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (row->participant_name);
    case COLUMN_ADMINISTRATION:
      return g_strdup (row->administration);
    case COLUMN_EMAIL:
      return g_strdup (row->email != NULL ? row->email : "");
    case COLUMN_STATUS:
      return g_strdup (status_text (row));
    case COLUMN_REPLY:
      /* In the user's locale; the column sorts by the day itself. */
      return fu_day_format_display (row->dates.received);
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_REPLY)
    gtk_widget_add_css_class (label, "fu-numeric");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (fu_gui_label_query_tooltip_cb), NULL);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  const FuAttendanceRow *row = item_row (gtk_list_item_get_item (list_item));
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (row, column);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
}

static int
compare_text (const char *a,
              const char *b)
{
  return g_utf8_collate (a != NULL ? a : "", b != NULL ? b : "");
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const FuAttendanceRow *ra = item_row ((gpointer) a);
  const FuAttendanceRow *rb = item_row ((gpointer) b);
  int order;

  switch (GPOINTER_TO_UINT (user_data))
    {
    case COLUMN_NAME:
      order = compare_text (ra->participant_name, rb->participant_name);
      break;
    case COLUMN_ADMINISTRATION:
      order = compare_text (ra->administration, rb->administration);
      break;
    case COLUMN_EMAIL:
      order = compare_text (ra->email, rb->email);
      break;
    case COLUMN_STATUS:
      order = (ra->surveyed ? (int) ra->status : -1) - (rb->surveyed ? (int) rb->status : -1);
      break;
    case COLUMN_REPLY:
      order = (ra->dates.received > rb->dates.received) - (ra->dates.received < rb->dates.received);
      break;
    default:
      g_assert_not_reached ();
    }
  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* @text's width in pixels in @widget's font, bold for a column's title. */
static int
text_width (GtkWidget  *widget,
            const char *text,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  if (bold)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* What the narrow columns may hold in the user's language: their title, every status, the
 * longest day ("28 sept. 2017" in French), so that none is cut short. */
static int
least_width (GtkWidget  *widget,
             guint       column,
             const char *title)
{
  /* The header's padding and its sort arrow; a cell's padding. */
  int width = text_width (widget, title, TRUE) + 32;

  if (column == COLUMN_STATUS)
    {
      width = MAX (width, text_width (widget, _("Not surveyed"), FALSE) + 16);
      for (guint s = 0; s < FU_N_STATUSES; s++)
        width = MAX (width, text_width (widget, fu_followup_status_get_label (s), FALSE) + 16);
    }
  else if (column == COLUMN_REPLY)
    {
      for (guint month = 1; month <= 12; month++)
        {
          g_autofree char *day = fu_day_format_display (fu_day_new (2017, month, 28));

          width = MAX (width, text_width (widget, day, FALSE) + 16);
        }
    }
  return width;
}

static void
add_columns (FuWorkshopDetail *self)
{
  static const struct {
    const char *title;
    gboolean    expand;
    int         width;
  } columns[N_COLUMNS] = {
    { N_("Name"), TRUE, 160 },
    { N_("Administration"), TRUE, 120 },
    { N_("E-mail"), TRUE, 160 },
    { N_("Status"), FALSE, 110 },
    /* TRANSLATORS: the column of the day each attendee's reply came */
    { N_("Reply Date"), FALSE, 96 },
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkSorter *sorter;
      int width;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      width = columns[i].width;
      if (!columns[i].expand)
        width = MAX (width, least_width (GTK_WIDGET (self->attendees_view), i,
                                         _(columns[i].title)));
      gtk_column_view_column_set_fixed_width (column, width);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows_cb, GUINT_TO_POINTER (i), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_append_column (self->attendees_view, column);
    }
}

/* ---- Loading ----------------------------------------------------------------------------- */

static void
load_hosts (FuWorkshopDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) admins = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (self->host_ids, 0);
  gtk_string_list_append (names, _("None"));
  g_array_append_val (self->host_ids, none);

  admins = fu_store_list_administrations (fu_context_get_store (self->context), &error);
  if (admins == NULL)
    g_warning ("Could not list the administrations: %s", error->message);
  for (guint i = 0; admins != NULL && i < admins->len; i++)
    {
      const FuAdministration *admin = g_ptr_array_index (admins, i);

      gtk_string_list_append (names, admin->name);
      g_array_append_val (self->host_ids, admin->id);
    }
  fu_gui_drop_down_set_strings (self->host_row, names);
}

static guint
host_position (FuWorkshopDetail *self,
               gint64            id)
{
  for (guint i = 0; i < self->host_ids->len; i++)
    if (g_array_index (self->host_ids, gint64, i) == id)
      return i;
  return 0;
}

static void
update_summary (FuWorkshopDetail *self,
                GPtrArray        *attendees)
{
  const FuRules *rules = fu_context_get_rules (self->context);
  const FuWorkshop *w = self->workshop;
  g_autoptr(GHashTable) admins = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *year = fu_fiscal_year_label (rules, fu_fiscal_year_of (rules, w->start_date));
  g_autofree char *dates = fu_day_format_display_range (w->start_date, w->end_date);
  g_autofree char *planned = NULL;
  g_autofree char *description = NULL;
  g_autofree char *attendance = NULL;
  guint replies = 0;


  gtk_label_set_text (self->heading_label, w->title);

  /* TRANSLATORS: a workshop's summary line: its dates ("5–9 Sep 2016"), its fiscal year
   * ("FY2016/17") and its code; the venue may follow as " · Bangkok, Thailand" */
  g_string_append_printf (summary, _("%s · %s · %s"), dates != NULL ? dates : "", year, w->code);
  if (w->venue != NULL && *w->venue != '\0')
    g_string_append_printf (summary, " · %s", w->venue);
  gtk_label_set_text (self->summary_label, summary->str);

  planned = fu_day_format_display (fu_schedule_planned_date (rules, w->end_date,
                                                             w->planned_override));
  if (!w->surveyed)
    description = g_strdup (_("Not surveyed: no questionnaire is sent for this workshop."));
  else if (w->deadline_override != FU_DAY_NONE)
    description = g_strdup_printf (_("The questionnaire goes out on %s; replies are due by the "
                                     "deadline below."),
                                   planned);
  else
    description = g_strdup_printf (ngettext ("The questionnaire goes out on %s; replies are due "
                                             "%u day after it is sent.",
                                             "The questionnaire goes out on %s; replies are due "
                                             "%u days after it is sent.",
                                             rules->reply_days),
                                   planned, rules->reply_days);
  adw_preferences_group_set_description (self->schedule_group, description);

  for (guint i = 0; i < attendees->len; i++)
    {
      FuAttendanceRow *row = g_ptr_array_index (attendees, i);

      g_hash_table_add (admins, &row->administration_id);
      if (row->surveyed && row->dates.received != FU_DAY_NONE)
        replies++;
    }
  if (attendees->len > 0)
    {
      g_autofree char *people = g_strdup_printf (ngettext ("%u attendee", "%u attendees",
                                                           attendees->len),
                                                 attendees->len);
      guint n_admins = g_hash_table_size (admins);
      g_autofree char *from = g_strdup_printf (ngettext ("from %u administration",
                                                         "from %u administrations", n_admins),
                                               n_admins);
      g_autofree char *answered = g_strdup_printf (ngettext ("%u reply", "%u replies", replies),
                                                   replies);

      /* TRANSLATORS: "23 attendees", "from 20 administrations", "14 replies" */
      if (w->surveyed)
        attendance = g_strdup_printf (_("%s %s, %s"), people, from, answered);
      else
        attendance = g_strdup_printf (_("%s %s"), people, from);
    }
  adw_preferences_group_set_description (self->attendees_group, attendance);
}

static void
clear (FuWorkshopDetail *self)
{
  g_clear_pointer (&self->workshop, fu_workshop_free);
  fu_lazy_list_set_rows (self->attendees, NULL);
}

static void
load (FuWorkshopDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  FuStore *store;
  FuWorkshop *w;

  fu_history_group_load (self->changes_group, self->context, self->workshop_id, 0);
  if (self->context == NULL || self->workshop_id == 0)
    {
      clear (self);
      return;
    }
  store = fu_context_get_store (self->context);

  g_clear_pointer (&self->workshop, fu_workshop_free);
  self->version = fu_store_row_version (store, FU_RECORD_WORKSHOP, self->workshop_id, NULL);
  self->workshop = fu_store_get_workshop (store, self->workshop_id, &error);
  if (self->workshop == NULL)
    {
      g_debug ("Workshop %" G_GINT64_FORMAT " is gone: %s", self->workshop_id, error->message);
      clear (self);
      return;
    }
  w = self->workshop;

  self->loading = TRUE;
  load_hosts (self);
  fu_gui_set_entry_text (self->code_row, w->code);
  fu_gui_set_entry_text (self->title_row, w->title);
  set_entry_day (self->start_row, w->start_date);
  set_entry_day (self->end_row, w->end_date);
  fu_gui_set_entry_text (self->venue_row, w->venue);
  fu_gui_set_entry_text (self->co_organizer_row, w->co_organizer);
  fu_gui_set_entry_text (self->notes_row, w->notes);
  set_entry_day (self->planned_row, w->planned_override);
  set_entry_day (self->deadline_row, w->deadline_override);
  adw_combo_row_set_selected (self->kind_row, (guint) w->kind);
  gtk_drop_down_set_selected (self->host_row, host_position (self, w->host_administration_id));
  gtk_switch_set_active (self->surveyed_switch, w->surveyed);
  self->loading = FALSE;

  attendees = fu_store_list_workshop_attendees (store, self->workshop_id,
                                                fu_context_get_today (self->context), &error);
  if (attendees == NULL)
    {
      fu_gui_show_error_toast (GTK_WIDGET (self), error->message);
      attendees = g_ptr_array_new ();
    }
  fu_lazy_list_set_rows (self->attendees, attendees);
  gtk_stack_set_visible_child_name (self->attendees_stack, attendees->len > 0 ? "table" : "empty");
  update_summary (self, attendees);
}

/* ---- Saving ------------------------------------------------------------------------------ */

static void show_conflict (FuWorkshopDetail *self, FuWorkshop *changed, Field field,
                           const GError *error);

/* Saves @changed (a copy of the workshop with one field changed), says so with Undo. The
 * workshop as it was read (its version) is what the change is based on: when a colleague
 * changed it since, nothing is written and the conflict is explained. */
static gboolean
save_based_on (FuWorkshopDetail *self,
               FuWorkshop       *changed,
               Field             field,
               GtkWidget        *row,
               gint64            version)
{
  g_autoptr(FuCommand) command = fu_command_new_edit_workshop (changed);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = saved_message (field, changed->code);

  fu_command_set_based_on (command, version);
  if (!fu_gui_run_command (GTK_WIDGET (self), self->context, command, message, &error))
    {
      if (g_error_matches (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT))
        {
          show_conflict (self, changed, field, error);
          return FALSE;
        }
      if (row != NULL)
        gtk_widget_add_css_class (row, "error");
      fu_gui_show_error_toast (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  if (row != NULL)
    gtk_widget_remove_css_class (row, "error");

  if (fu_command_get_entry_id (command) != 0)
    self->version = fu_command_get_entry_id (command);
  g_clear_pointer (&self->workshop, fu_workshop_free);
  self->workshop = fu_workshop_copy (changed);
  return TRUE;
}

static gboolean
save (FuWorkshopDetail *self,
      FuWorkshop       *changed,
      Field             field,
      GtkWidget        *row)
{
  return save_based_on (self, changed, field, row, self->version);
}

/* ---- A colleague's change ------------------------------------------------------------- */

typedef struct {
  FuWorkshopDetail *self;
  FuWorkshop       *mine;
  Field             field;
} Conflict;

static void
conflict_answered (gboolean overwrite,
                   gpointer user_data)
{
  Conflict *conflict = user_data;
  FuWorkshopDetail *self = conflict->self;

  if (overwrite)
    {
      /* Mine over theirs, on purpose now: based on the version the colleague made. */
      gint64 current = fu_store_row_version (fu_context_get_store (self->context),
                                             FU_RECORD_WORKSHOP, conflict->mine->id, NULL);

      save_based_on (self, conflict->mine, conflict->field, NULL, current);
    }
  /* Theirs: shown as it is now, my change dropped. */
  load (self);
  g_object_unref (conflict->self);
  fu_workshop_free (conflict->mine);
  g_free (conflict);
}

static void
show_conflict (FuWorkshopDetail *self,
               FuWorkshop       *changed,
               Field             field,
               const GError     *error)
{
  Conflict *conflict = g_new0 (Conflict, 1);

  conflict->self = g_object_ref (self);
  conflict->mine = fu_workshop_copy (changed);
  conflict->field = field;
  fu_gui_ask_conflict (GTK_WIDGET (self), error, conflict_answered, conflict);
}

/* FALSE, with the row marked and a toast saying how to write it, when @text is not a day. */
static gboolean
parse_day (FuWorkshopDetail *self,
           AdwEntryRow      *row,
           const char       *text,
           gboolean          required,
           FuDay            *day)
{
  g_autofree char *message = NULL;

  *day = FU_DAY_NONE;
  if (*text == '\0' && !required)
    return TRUE;
  if (*text != '\0' && fu_day_parse_typed (text, day))
    return TRUE;

  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  if (*text == '\0')
    message = g_strdup (_("A workshop needs a start date: type it or choose it in the "
                          "calendar"));
  else
    message = g_strdup_printf (_("'%s' is not a date: write it as 2016-09-05 or as your system "
                                 "writes dates, with the year in full, or choose it in the "
                                 "calendar"), text);
  fu_gui_show_error_toast (GTK_WIDGET (self), message);
  return FALSE;
}

static gboolean
replace_text (char       **field,
              const char  *text)
{
  const char *old = *field != NULL ? *field : "";

  if (g_strcmp0 (old, text) == 0)
    return FALSE;
  g_free (*field);
  *field = *text != '\0' ? g_strdup (text) : NULL;
  return TRUE;
}

static void
commit_entry (FuWorkshopDetail *self,
              Field             field)
{
  AdwEntryRow *row = self->entry_rows[field];
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(FuWorkshop) changed = NULL;
  gboolean differs = FALSE;
  FuDay day;

  if (self->loading || self->workshop == NULL || self->context == NULL)
    return;

  changed = fu_workshop_copy (self->workshop);
  switch (field)
    {
    case FIELD_CODE:
      differs = replace_text (&changed->code, text);
      break;
    case FIELD_TITLE:
      differs = replace_text (&changed->title, text);
      break;
    case FIELD_VENUE:
      differs = replace_text (&changed->venue, text);
      break;
    case FIELD_CO_ORGANIZER:
      differs = replace_text (&changed->co_organizer, text);
      break;
    case FIELD_NOTES:
      differs = replace_text (&changed->notes, text);
      break;
    case FIELD_START:
    case FIELD_END:
    case FIELD_PLANNED:
    case FIELD_DEADLINE:
      if (!parse_day (self, row, text, field == FIELD_START, &day))
        return;
      if (field == FIELD_START)
        {
          differs = changed->start_date != day;
          changed->start_date = day;
        }
      else if (field == FIELD_END)
        {
          /* Left empty: the workshop lasts one day. */
          if (day == FU_DAY_NONE)
            day = changed->start_date;
          differs = changed->end_date != day;
          changed->end_date = day;
        }
      else if (field == FIELD_PLANNED)
        {
          differs = changed->planned_override != day;
          changed->planned_override = day;
        }
      else
        {
          differs = changed->deadline_override != day;
          changed->deadline_override = day;
        }
      break;
    case FIELD_KIND:
    case FIELD_HOST:
    case FIELD_SURVEYED:
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  if (!differs)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return;
    }
  save (self, changed, field, GTK_WIDGET (row));
}

static Field
entry_field (FuWorkshopDetail *self,
             GtkWidget        *row)
{
  for (guint i = 0; i < N_ENTRY_FIELDS; i++)
    if (GTK_WIDGET (self->entry_rows[i]) == row)
      return (Field) i;
  g_assert_not_reached ();
}

/* ---- Callbacks --------------------------------------------------------------------------- */

static void
entry_activated_cb (FuWorkshopDetail *self,
                    AdwEntryRow      *row)
{
  commit_entry (self, entry_field (self, GTK_WIDGET (row)));
}

static void
entry_focus_leave_cb (GtkEventControllerFocus *controller,
                      FuWorkshopDetail        *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  commit_entry (self, entry_field (self, row));
}

static void
combo_selected_cb (FuWorkshopDetail *self,
                   GParamSpec       *pspec,
                   AdwComboRow      *row)
{
  g_autoptr(FuWorkshop) changed = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->loading || self->workshop == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  changed = fu_workshop_copy (self->workshop);
  if ((FuWorkshopKind) selected == changed->kind)
    return;
  changed->kind = (FuWorkshopKind) selected;
  save (self, changed, FIELD_KIND, NULL);
}

static void
host_selected_cb (FuWorkshopDetail *self,
                  GParamSpec       *pspec,
                  GtkDropDown      *row)
{
  g_autoptr(FuWorkshop) changed = NULL;
  guint selected = gtk_drop_down_get_selected (row);
  gint64 id;

  if (self->loading || self->workshop == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  id = selected < self->host_ids->len ? g_array_index (self->host_ids, gint64, selected) : 0;
  if (id == self->workshop->host_administration_id)
    return;
  changed = fu_workshop_copy (self->workshop);
  changed->host_administration_id = id;
  save (self, changed, FIELD_HOST, NULL);
}

static void
surveyed_active_cb (FuWorkshopDetail *self,
                    GParamSpec       *pspec,
                    GtkSwitch        *widget)
{
  g_autoptr(FuWorkshop) changed = NULL;
  gboolean active = gtk_switch_get_active (widget);

  if (self->loading || self->workshop == NULL || active == self->workshop->surveyed)
    return;

  changed = fu_workshop_copy (self->workshop);
  changed->surveyed = active;
  save (self, changed, FIELD_SURVEYED, NULL);
}

/* ---- Overrides --------------------------------------------------------------------------- */

static void
fu_workshop_detail_dispose (GObject *object)
{
  FuWorkshopDetail *self = FU_WORKSHOP_DETAIL (object);

  /* Focus leaving the fields as they go is not an edit. */
  self->loading = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), FU_TYPE_WORKSHOP_DETAIL);
  g_clear_object (&self->sorted_attendees);
  g_clear_object (&self->attendees);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (fu_workshop_detail_parent_class)->dispose (object);
}

static void
fu_workshop_detail_finalize (GObject *object)
{
  FuWorkshopDetail *self = FU_WORKSHOP_DETAIL (object);

  g_clear_pointer (&self->workshop, fu_workshop_free);
  g_clear_pointer (&self->host_ids, g_array_unref);

  G_OBJECT_CLASS (fu_workshop_detail_parent_class)->finalize (object);
}

static void
fu_workshop_detail_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FuWorkshopDetail *self = FU_WORKSHOP_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_WORKSHOP_ID:
      g_value_set_int64 (value, self->workshop_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_workshop_detail_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FuWorkshopDetail *self = FU_WORKSHOP_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      fu_workshop_detail_set_context (self, g_value_get_object (value));
      break;

    case PROP_WORKSHOP_ID:
      fu_workshop_detail_set_workshop_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_workshop_detail_class_init (FuWorkshopDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fu_workshop_detail_dispose;
  object_class->finalize = fu_workshop_detail_finalize;
  object_class->get_property = fu_workshop_detail_get_property;
  object_class->set_property = fu_workshop_detail_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         FU_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_WORKSHOP_ID] =
    g_param_spec_int64 ("workshop-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FU_TYPE_HISTORY_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rocbap/FollowUp/fu-workshop-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, attendees_group);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, attendees_stack);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, attendees_view);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, changes_group);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, co_organizer_row);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, code_row);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, end_row);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, heading_label);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, host_row);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, notes_row);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, planned_row);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, schedule_group);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, start_row);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, surveyed_switch);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, title_row);
  gtk_widget_class_bind_template_child (widget_class, FuWorkshopDetail, venue_row);
  /* Not used here, but tests find it by name. */
  gtk_widget_class_bind_template_child_full (widget_class, "feedback_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, combo_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, host_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, surveyed_active_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fu_workshop_detail_init (FuWorkshopDetail *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkNoSelection *selection;
  GtkSorter *sorter;

  /* Not an edit: the combo rows get their models and first values. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->host_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < FU_N_WORKSHOP_KINDS; i++)
    gtk_string_list_append (kinds, fu_workshop_kind_get_label ((FuWorkshopKind) i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  self->entry_rows[FIELD_CODE] = self->code_row;
  self->entry_rows[FIELD_TITLE] = self->title_row;
  self->entry_rows[FIELD_START] = self->start_row;
  self->entry_rows[FIELD_END] = self->end_row;
  self->entry_rows[FIELD_VENUE] = self->venue_row;
  self->entry_rows[FIELD_CO_ORGANIZER] = self->co_organizer_row;
  self->entry_rows[FIELD_NOTES] = self->notes_row;
  self->entry_rows[FIELD_PLANNED] = self->planned_row;
  /* Every date has its calendar; a day chosen saves as Enter does. */
  fu_gui_add_date_picker (self->start_row, TRUE);
  fu_gui_add_date_picker (self->end_row, TRUE);
  fu_gui_add_date_picker (self->planned_row, TRUE);
  fu_gui_add_date_picker (self->deadline_row, TRUE);
  self->entry_rows[FIELD_DEADLINE] = self->deadline_row;
  for (guint i = 0; i < N_ENTRY_FIELDS; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self->entry_rows[i]), focus);
      g_signal_connect (self->entry_rows[i], "changed", G_CALLBACK (fu_gui_clear_error_cb), NULL);
    }

  add_columns (self);
  self->attendees = fu_lazy_list_new (FU_TYPE_ROW_ITEM, NULL);
  sorter = gtk_column_view_get_sorter (self->attendees_view);
  self->sorted_attendees = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->attendees)),
                                                    g_object_ref (sorter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted_attendees)));
  gtk_column_view_set_model (self->attendees_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  self->loading = FALSE;
}

/* ---- Public API -------------------------------------------------------------------------- */

FuContext *
fu_workshop_detail_get_context (FuWorkshopDetail *self)
{
  g_return_val_if_fail (FU_IS_WORKSHOP_DETAIL (self), NULL);

  return self->context;
}

void
fu_workshop_detail_set_context (FuWorkshopDetail *self,
                                FuContext        *context)
{
  g_return_if_fail (FU_IS_WORKSHOP_DETAIL (self));
  g_return_if_fail (context == NULL || FU_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

gint64
fu_workshop_detail_get_workshop_id (FuWorkshopDetail *self)
{
  g_return_val_if_fail (FU_IS_WORKSHOP_DETAIL (self), 0);

  return self->workshop_id;
}

void
fu_workshop_detail_set_workshop_id (FuWorkshopDetail *self,
                                    gint64            workshop_id)
{
  g_return_if_fail (FU_IS_WORKSHOP_DETAIL (self));

  if (self->workshop_id == workshop_id)
    return;
  self->workshop_id = workshop_id;
  load (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0.0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOP_ID]);
}

void
fu_workshop_detail_reload (FuWorkshopDetail *self)
{
  g_return_if_fail (FU_IS_WORKSHOP_DETAIL (self));

  load (self);
}

GListModel *
fu_workshop_detail_get_attendees (FuWorkshopDetail *self)
{
  g_return_val_if_fail (FU_IS_WORKSHOP_DETAIL (self), NULL);

  return G_LIST_MODEL (self->sorted_attendees);
}
