/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An accessibility audit of every window a person opens: every control on screen has an
 * accessible name (what a screen reader says), buttons in dialogs and action bars have
 * mnemonics, and no two mnemonics of one dialog share a key. GTK 4.8 cannot read an
 * accessible label back, so the audit knows the names it can see: label text, tooltips, row
 * titles, labels pointing at the control (labelled-by), and the <accessibility> labels the
 * .ui files give by id. */
#define G_LOG_DOMAIN "test-display-a11y"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-display-util.h"
#include "fu-import-dialog.h"
#include "fu-participants-page.h"
#include "fu-preferences-window.h"
#include "fu-reply-editor.h"
#include "fu-store.h"
#include "fu-window.h"
#include "fu-workshops-page.h"

typedef struct {
  char      *dir;
  FuStore   *store;
  FuContext *context;
  FuWindow  *window;
} Fixture;

/* "Template:id" for each object that a template's .ui file names with <accessibility> (label
 * or labelled-by): ids repeat from one file to the next, so the template says which. */
static GHashTable *ui_named_ids;

/* ---- What the .ui files name ------------------------------------------------------------- */

typedef struct {
  GPtrArray *ids;         /* the id of each open <object>/<template>, "" when none */
  char      *template;    /* the class of the file's <template> */
  gboolean   in_a11y;
} UiParse;

static void
ui_start (GMarkupParseContext  *context,
          const char           *element,
          const char          **names,
          const char          **values,
          gpointer              user_data,
          GError              **error)
{
  UiParse *parse = user_data;
  const char *id = "";
  const char *name = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "id"))
        id = values[i];
      if (g_str_equal (names[i], "name"))
        name = values[i];
      if (g_str_equal (element, "template") && g_str_equal (names[i], "class"))
        {
          g_free (parse->template);
          parse->template = g_strdup (values[i]);
        }
    }
  if (g_str_equal (element, "object") || g_str_equal (element, "template"))
    g_ptr_array_add (parse->ids, g_strdup (id));
  else if (g_str_equal (element, "accessibility"))
    parse->in_a11y = TRUE;
  else if (parse->in_a11y && parse->ids->len > 0
           && ((g_str_equal (element, "property") && g_strcmp0 (name, "label") == 0)
               || (g_str_equal (element, "relation") && g_strcmp0 (name, "labelled-by") == 0)))
    g_hash_table_add (ui_named_ids,
                      g_strdup_printf ("%s:%s", parse->template != NULL ? parse->template : "",
                                       (char *) g_ptr_array_index (parse->ids,
                                                                   parse->ids->len - 1)));
}

static void
ui_end (GMarkupParseContext  *context,
        const char           *element,
        gpointer              user_data,
        GError              **error)
{
  UiParse *parse = user_data;

  if (g_str_equal (element, "object") || g_str_equal (element, "template"))
    g_ptr_array_remove_index (parse->ids, parse->ids->len - 1);
  else if (g_str_equal (element, "accessibility"))
    parse->in_a11y = FALSE;
}

static void
load_ui_named_ids (void)
{
  static const GMarkupParser parser = { ui_start, ui_end, NULL, NULL, NULL };
  g_auto(GStrv) files = NULL;
  g_autoptr(GError) error = NULL;

  ui_named_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  files = g_resources_enumerate_children ("/org/rocbap/FollowUp/", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/org/rocbap/FollowUp/", files[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GMarkupParseContext) context = NULL;
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      UiParse parse = { ids, NULL, FALSE };
      gsize size;
      const char *text;

      if (!g_str_has_suffix (files[i], ".ui"))
        continue;
      bytes = g_resources_lookup_data (path, 0, &error);
      g_assert_no_error (error);
      text = g_bytes_get_data (bytes, &size);
      context = g_markup_parse_context_new (&parser, 0, &parse, NULL);
      g_markup_parse_context_parse (context, text, size, &error);
      g_assert_no_error (error);
      g_free (parse.template);
    }
  g_assert_cmpuint (g_hash_table_size (ui_named_ids), >, 0);
}

/* ---- The audit --------------------------------------------------------------------------- */

typedef struct {
  GPtrArray  *failures;       /* "path: what is wrong" */
  GHashTable *labelled;       /* widgets a label points at (its mnemonic widget) */
  GHashTable *mnemonics;      /* keyval -> the control of the first label using it */
  gboolean    in_dialog;      /* a window other than the main one */
  guint       n_checked;
} Audit;

static char *
widget_path (GtkWidget *widget)
{
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = GTK_IS_BUILDABLE (w) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w))
                                            : NULL;
      g_autofree char *part = id != NULL ? g_strdup_printf ("%s#%s", G_OBJECT_TYPE_NAME (w), id)
                                         : g_strdup (G_OBJECT_TYPE_NAME (w));

      g_string_prepend (path, part);
      if (gtk_widget_get_parent (w) != NULL)
        g_string_prepend (path, " > ");
    }
  return g_string_free (path, FALSE);
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      return TRUE;
  return FALSE;
}

/* Whether a visible label with text lies below @widget: GTK names buttons by their content. */
static gboolean
has_label_below (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child) || GTK_IS_POPOVER (child))
        continue;
      if (GTK_IS_LABEL (child) && has_text (gtk_label_get_text (GTK_LABEL (child))))
        return TRUE;
      if (has_label_below (child))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_tooltip (GtkWidget *widget)
{
  return has_text (gtk_widget_get_tooltip_text (widget));
}

static gboolean
named_in_ui (GtkWidget *widget)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  if (id == NULL)
    return FALSE;
  /* The template whose .ui made @widget is one of its ancestors (or the widget itself). */
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autofree char *key = g_strdup_printf ("%s:%s", G_OBJECT_TYPE_NAME (w), id);

      if (g_hash_table_contains (ui_named_ids, key))
        return TRUE;
    }
  return FALSE;
}

/* The preferences row @widget belongs to, as its editable text or its activatable widget. */
static AdwPreferencesRow *
parent_row (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

  if (row == NULL)
    return NULL;
  if (ADW_IS_ENTRY_ROW (row) && GTK_IS_TEXT (widget))
    return ADW_PREFERENCES_ROW (row);
  if (ADW_IS_ACTION_ROW (row)
      && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == widget)
    return ADW_PREFERENCES_ROW (row);
  return NULL;
}

static gboolean
is_interactive (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    {
      /* The entry around it is the control a person sees (and the one checked). */
      GtkWidget *parent = gtk_widget_get_parent (widget);

      return !(GTK_IS_ENTRY (parent) || GTK_IS_SEARCH_ENTRY (parent)
               || GTK_IS_SPIN_BUTTON (parent) || GTK_IS_PASSWORD_ENTRY (parent));
    }
  if (ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget))
    return TRUE;
  if (ADW_IS_ACTION_ROW (widget))
    return adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget)) != NULL;
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget)
         || GTK_IS_SWITCH (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget)
         || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget)
         || GTK_IS_COLUMN_VIEW (widget);
}

static gboolean
has_name (Audit     *audit,
          GtkWidget *widget)
{
  AdwPreferencesRow *row;

  if (has_tooltip (widget) || named_in_ui (widget)
      || g_hash_table_contains (audit->labelled, widget))
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget))
    return has_text (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  /* Allowed: the text of an entry row and the switch or button a row activates are named by
   * their row's title (libadwaita labels them with it). */
  row = parent_row (widget);
  if (row != NULL)
    return has_text (adw_preferences_row_get_title (row));
  /* Buttons and check buttons are named by the text they show. */
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
    return has_label_below (widget);
  return FALSE;
}

/* A text button in a dialog or an action bar: its label has a mnemonic. */
static void
check_mnemonic (Audit     *audit,
                GtkWidget *widget)
{
  const char *label;

  if (!GTK_IS_BUTTON (widget) || GTK_IS_TOGGLE_BUTTON (widget))
    return;
  label = gtk_button_get_label (GTK_BUTTON (widget));
  if (!has_text (label) || gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    return;
  if (!audit->in_dialog && gtk_widget_get_ancestor (widget, GTK_TYPE_ACTION_BAR) == NULL)
    return;
  if (!gtk_button_get_use_underline (GTK_BUTTON (widget)) || strchr (label, '_') == NULL)
    {
      g_autofree char *path = widget_path (widget);

      g_ptr_array_add (audit->failures,
                       g_strdup_printf ("%s: button \"%s\" has no mnemonic", path, label));
    }
}

static void
collect_labelled (Audit     *audit,
                  GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_mnemonic_widget (GTK_LABEL (widget)) != NULL
      && has_text (gtk_label_get_text (GTK_LABEL (widget))))
    {
      GtkWidget *target = gtk_label_get_mnemonic_widget (GTK_LABEL (widget));

      g_hash_table_add (audit->labelled, target);
      /* A label for an entry names the text inside it too. */
      if (GTK_IS_ENTRY (target) || GTK_IS_SPIN_BUTTON (target))
        for (GtkWidget *c = gtk_widget_get_first_child (target); c != NULL;
             c = gtk_widget_get_next_sibling (c))
          g_hash_table_add (audit->labelled, c);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labelled (audit, child);
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)))
    collect_labelled (audit, GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget))));
}

static void
check_mnemonic_collision (Audit     *audit,
                          GtkWidget *widget)
{
  guint keyval;
  GtkWidget *owner;
  GtkWidget *first;

  /* Only labels on screen together can collide (not two pages of one stack). */
  if (!audit->in_dialog || !GTK_IS_LABEL (widget) || !gtk_widget_get_mapped (widget)
      || !gtk_label_get_use_underline (GTK_LABEL (widget)))
    return;
  keyval = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
  if (keyval == GDK_KEY_VoidSymbol)
    return;
  /* What the key activates: an entry row's title and placeholder label the same text. */
  owner = gtk_label_get_mnemonic_widget (GTK_LABEL (widget));
  if (owner == NULL)
    owner = widget;
  first = g_hash_table_lookup (audit->mnemonics, GUINT_TO_POINTER (keyval));
  if (first != NULL && first != owner)
    {
      g_autofree char *path = widget_path (widget);
      g_autofree char *first_path = widget_path (first);

      g_ptr_array_add (audit->failures,
                       g_strdup_printf ("%s: mnemonic Alt+%s of \"%s\" is also used by %s", path,
                                        gdk_keyval_name (keyval),
                                        gtk_label_get_label (GTK_LABEL (widget)), first_path));
    }
  else if (first == NULL)
    g_hash_table_insert (audit->mnemonics, GUINT_TO_POINTER (keyval), owner);
}

static void
walk (Audit     *audit,
      GtkWidget *widget,
      gboolean   force)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  /* A stack shows one page, a squeezer one alternative, a folded leaflet one pane: a person
   * reaches the others (a view switcher, a narrower window, navigating), so they are audited
   * too. Only what is visible at all counts. */
  if (!force && (!gtk_widget_get_visible (widget)
                 || (!gtk_widget_get_child_visible (widget)
                     && !(GTK_IS_STACK (parent) || ADW_IS_LEAFLET (parent)
                          || ADW_IS_SQUEEZER (parent)))))
    return;
  /* A preferences window without search keeps its search entry on a page never shown. */
  if (GTK_IS_SEARCH_ENTRY (widget) && !gtk_widget_get_mapped (widget))
    {
      GtkWidget *prefs = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_WINDOW);

      if (prefs != NULL
          && !adw_preferences_window_get_search_enabled (ADW_PREFERENCES_WINDOW (prefs)))
        return;
    }
  /* GTK's window buttons are named by GTK itself (accessible labels we cannot read). */
  if (GTK_IS_WINDOW_CONTROLS (widget))
    return;
  if (is_interactive (widget))
    {
      audit->n_checked++;
      if (g_getenv ("FU_A11Y_VERBOSE") != NULL)
        {
          g_autofree char *path = widget_path (widget);

          g_test_message ("checked %s", path);
        }
      if (!has_name (audit, widget))
        {
          g_autofree char *path = widget_path (widget);

          g_ptr_array_add (audit->failures, g_strdup_printf ("%s: no accessible name", path));
        }
      check_mnemonic (audit, widget);
    }
  check_mnemonic_collision (audit, widget);
  /* GTK's own composites name their parts (the spin button's Increase and Decrease, the
   * calendar's arrows) with accessible labels we cannot read: the audit checks the spin
   * button as a whole and leaves the calendar, a date grid, to GTK. */
  if (GTK_IS_SPIN_BUTTON (widget) || GTK_IS_CALENDAR (widget))
    return;

  /* A menu button or a drop-down is checked as a whole: the toggle inside is its own. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if ((GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget)
           || ADW_IS_SPLIT_BUTTON (widget)) && GTK_IS_TOGGLE_BUTTON (child))
        continue;
      if (GTK_IS_POPOVER (child))
        continue;
      walk (audit, child, FALSE);
    }
  /* The menus a person opens from here: their items are checked as if open. */
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)))
    walk (audit, GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget))), TRUE);
}

/* Audits @window (the main one when !@dialog) and adds its failures to @failures. */
static void
audit_window (GtkWidget  *window,
              gboolean    dialog,
              const char *where,
              GPtrArray  *failures)
{
  g_autoptr(GHashTable) labelled = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) mnemonics = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  Audit audit = { found, labelled, mnemonics, dialog, 0 };

  fu_display_iterate ();
  collect_labelled (&audit, window);
  walk (&audit, window, FALSE);
  g_assert_cmpuint (audit.n_checked, >, 0);
  g_test_message ("%s: %u controls checked", where, audit.n_checked);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (failures, g_strdup_printf ("[%s] %s", where,
                                                (char *) g_ptr_array_index (found, i)));
}

static void
assert_no_failures (GPtrArray *failures)
{
  if (failures->len == 0)
    return;
  for (guint i = 0; i < failures->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (failures, i));
  g_test_fail_printf ("%u accessibility problems, the first: %s", failures->len,
                      (char *) g_ptr_array_index (failures, 0));
}

/* ---- Fixture ----------------------------------------------------------------------------- */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  gboolean sample = GPOINTER_TO_INT (data);

  f->store = fu_display_open_store ("fu-a11y-XXXXXX", sample, &f->dir, NULL);
  f->context = fu_display_context_new (f->store, fu_day_new (2018, 1, 15));
  f->window = fu_display_open_window (f->context, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fu_display_close (&f->context, &f->store, &f->dir);
}

/* The message dialog on screen is audited, then answered @response. */
static void
audit_message_dialog (const char *where,
                      const char *response,
                      GPtrArray  *failures)
{
  AdwMessageDialog *dialog = fu_display_find_message_dialog ();

  g_assert_nonnull (dialog);
  audit_window (GTK_WIDGET (dialog), TRUE, where, failures);
  adw_message_dialog_response (dialog, response);
  fu_display_iterate ();
}

/* ---- Tests ------------------------------------------------------------------------------- */

static const char * const pages[] = { "followups", "workshops", "participants", "reports" };

/* Every page of the main window, on the sample or on an empty database. */
static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      fu_window_show_page (f->window, pages[i]);
      audit_window (GTK_WIDGET (f->window), FALSE, pages[i], failures);
    }
  assert_no_failures (failures);
}

/* A workshop's detail and a person's history, and the dialogs that add a workshop and add
 * a participant. */
static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) workshops = NULL;
  g_autoptr(GError) error = NULL;
  FuWorkshopsPage *workshops_page;
  FuParticipantsPage *participants_page;
  gint64 person = 0;

  fu_window_show_page (f->window, "workshops");
  workshops_page = FU_WORKSHOPS_PAGE (fu_display_page (f->window, "workshops"));
  workshops = fu_store_list_workshops (f->store, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (workshops->len, >, 0);
  g_assert_true (fu_workshops_page_select (
    workshops_page, ((FuWorkshop *) g_ptr_array_index (workshops, 0))->id));
  audit_window (GTK_WIDGET (f->window), FALSE, "workshop detail", failures);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (workshops_page),
                                             "workshop.add-participant", NULL));
  fu_display_iterate ();
  audit_message_dialog ("add participant", "cancel", failures);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-workshop", NULL));
  fu_display_iterate ();
  audit_message_dialog ("add workshop", "cancel", failures);

  fu_window_show_page (f->window, "participants");
  participants_page = FU_PARTICIPANTS_PAGE (fu_display_page (f->window, "participants"));
  /* Someone of the sample, with the workshops they attended. */
  fu_store_lookup_participant (f->store, "priya.menon@customs-in.example", NULL, 0, &person,
                               &error);
  g_assert_no_error (error);
  g_assert_cmpint (person, >, 0);
  fu_participants_page_select (participants_page, &person, 1);
  fu_display_iterate ();
  g_assert_cmpint (fu_participants_page_get_shown (participants_page), ==, person);
  audit_window (GTK_WIDGET (f->window), FALSE, "participant history", failures);
  assert_no_failures (failures);
}

/* The reply editor, the preferences and the attendance list preview. */
static void
test_dialogs (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) list = NULL;
  g_autofree char *list_path = g_build_filename (f->dir, "attendance.csv", NULL);
  FuFollowupQuery query = { 0 };
  GtkWidget *window;

  query.as_of = fu_day_new (2018, 1, 15);
  rows = fu_store_list_followups (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 0);
  window = GTK_WIDGET (fu_reply_editor_new (
    GTK_WINDOW (f->window), f->context,
    ((FuFollowupRow *) g_ptr_array_index (rows, 0))->followup_id));
  gtk_window_present (GTK_WINDOW (window));
  audit_window (window, TRUE, "reply editor", failures);
  gtk_window_destroy (GTK_WINDOW (window));

  window = GTK_WIDGET (fu_preferences_window_new (f->context));
  gtk_window_present (GTK_WINDOW (window));
  audit_window (window, TRUE, "preferences", failures);
  gtk_window_destroy (GTK_WINDOW (window));

  /* One good row and one with a problem: the list of issues shows too. */
  g_assert_true (g_file_set_contents (list_path,
                                      "workshop_code,name,administration,email\n"
                                      "2016-NII,Carla Diaz,Japan,carla@customs-jp.example\n"
                                      "2016-NII,Dan Lee,Japan,dan@\n", -1, NULL));
  list = g_file_new_for_path (list_path);
  window = GTK_WIDGET (fu_import_dialog_new (GTK_WINDOW (f->window), f->context, list));
  gtk_window_present (GTK_WINDOW (window));
  audit_window (window, TRUE, "import preview", failures);
  gtk_window_destroy (GTK_WINDOW (window));
  fu_display_iterate ();
  assert_no_failures (failures);
}

/* The audit itself finds what it should: an icon-only button, an unlabelled entry, and two
 * buttons sharing a mnemonic in a dialog. */
static void
test_audit_catches (void)
{
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new_with_mnemonic ("_Name");
  GtkWidget *named = gtk_entry_new ();

  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_box_append (GTK_BOX (box), gtk_button_new_from_icon_name ("edit-delete-symbolic"));
  gtk_box_append (GTK_BOX (box), gtk_entry_new ());
  gtk_box_append (GTK_BOX (box), label);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), named);
  gtk_box_append (GTK_BOX (box), named);
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_mnemonic ("_Next"));
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Save"));
  gtk_window_present (GTK_WINDOW (window));
  audit_window (window, TRUE, "test", failures);
  for (guint i = 0; i < failures->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (failures, i));
  /* The icon button, the bare entry, Save without a mnemonic, _Next against _Name. */
  g_assert_cmpuint (failures->len, ==, 4);
  gtk_window_destroy (GTK_WINDOW (window));
  fu_display_iterate ();
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  load_ui_named_ids ();

  g_test_add_func ("/display/a11y/audit-catches", test_audit_catches);
  g_test_add ("/display/a11y/pages", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_pages, fixture_teardown);
  g_test_add ("/display/a11y/pages-empty", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_pages, fixture_teardown);
  g_test_add ("/display/a11y/details", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_details, fixture_teardown);
  g_test_add ("/display/a11y/dialogs", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_dialogs, fixture_teardown);
  return g_test_run ();
}
