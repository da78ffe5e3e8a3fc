/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-import-dialog.c: the import assistant. The file as it came (any encoding and
 * separator, .xlsx, .ods, a report's preamble) is checked by the importer itself in a dry
 * run (FU_IMPORT_DRY_RUN rolls everything back) on its own connection in a worker thread,
 * so that the window never freezes and the preview shows exactly what the real import
 * would do. Three steps: how the file is read, what each column is taken for, and each
 * row's outcome with the problems grouped and their fixes. Import then runs the same way,
 * as one undoable change; Cancel takes everything back. */

#define G_LOG_DOMAIN "fu-import-dialog"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "fu-command.h"
#include "fu-error.h"
#include "fu-file-chooser.h"
#include "fu-import.h"
#include "fu-gui-util.h"
#include "fu-import-dialog.h"
#include "fu-list-models.h"
#include "fu-store.h"
#include "fu-table.h"
#include "fu-window.h"

/* Rows listed in the preview; the rest are counted. */
#define MAX_LISTED_ROWS 1000
#define PROGRESS_INTERVAL_MS 100

/* The encodings offered besides the one detected: the office's PCs and its members'. */
static const struct {
  const char *encoding;
  const char *label;
} encodings[] = {
  { "UTF-8", N_("Unicode (UTF-8)") },
  { "UTF-16LE", N_("Unicode (UTF-16, little-endian)") },
  { "UTF-16BE", N_("Unicode (UTF-16, big-endian)") },
  { "WINDOWS-1252", N_("Western (Windows-1252)") },
  { "ISO-8859-15", N_("Western (ISO-8859-15)") },
  { "WINDOWS-1258", N_("Vietnamese (Windows-1258)") },
  { "TIS-620", N_("Thai (TIS-620)") },
  { "GB18030", N_("Chinese Simplified (GB18030)") },
  { "BIG5", N_("Chinese Traditional (Big5)") },
  { "SHIFT_JIS", N_("Japanese (Shift JIS)") },
  { "EUC-KR", N_("Korean (EUC-KR)") },
};

static const char separators[] = { ',', ';', '\t' };

enum {
  COLUMN_LINE,
  COLUMN_WHO,
  COLUMN_ADMINISTRATION,
  COLUMN_OUTCOME,
  N_COLUMNS
};

struct _FuImportDialog
{
  AdwWindow             parent_instance;

  FuContext            *context;
  GFile                *file;
  char                 *workshop;       /* the workshop's code, from its page; or NULL */
  FuImportKind          kind;
  char                 *display_name;
  GBytes               *bytes;          /* the file's contents; NULL when unreadable */
  char                 *read_error;     /* why it is unreadable */

  /* What staff chose; NULL or 0 where the file decides. */
  char                 *encoding;
  char                  delimiter;
  char                 *sheet;
  guint                 header_line;
  GHashTable           *columns;        /* header -> field, "" for left out */
  GHashTable           *aliases;        /* as written -> administration */
  GHashTable           *new_administrations;
  gboolean              add_administrations;

  FuImportResult       *result;         /* of the last dry run */
  GError               *error;          /* of the last dry run */
  FuLazyList           *rows;           /* FuImportRow* */
  guint                 n_issues;
  gboolean              can_import;
  gboolean              mapping_loaded; /* a saved mapping for these headers was tried */

  GCancellable         *cancellable;    /* of the job running */
  FuImportProgress      progress;
  guint                 progress_id;
  gboolean              busy;
  gboolean              again;          /* a check was asked for while one ran */
  gboolean              updating;       /* filling the rows: their signals are not choices */
  gboolean              closed;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  GtkWidget            *next_button;
  GtkWidget            *import_button;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkStack             *steps;
  GtkLabel             *detected_label;
  AdwComboRow          *kind_row;
  AdwComboRow          *workshop_row;
  GtkDropDown          *administration_row;
  GPtrArray            *administration_names; /* char*, in administration_row's order */
  char                 *administration; /* for rows that do not tell theirs, or NULL */
  AdwComboRow          *encoding_row;
  AdwComboRow          *separator_row;
  AdwComboRow          *sheet_row;
  AdwActionRow         *header_row;
  GtkSpinButton        *header_spin;
  AdwPreferencesGroup  *columns_group;
  GPtrArray            *column_rows;    /* AdwComboRow* in columns_group */
  AdwPreferencesGroup  *admins_group;
  GPtrArray            *admin_rows;     /* rows in admins_group */
  AdwPreferencesGroup  *issues_group;
  GtkListBox           *issues_list;
  AdwPreferencesGroup  *rows_group;
  GtkColumnView        *rows_view;
  GtkImage             *summary_icon;
  GtkLabel             *summary_label;
  GPtrArray            *workshop_codes; /* char*, in workshop_row's order; [0] is NULL */
};

G_DEFINE_FINAL_TYPE (FuImportDialog, fu_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FILE,
  PROP_KIND,
  PROP_WORKSHOP,
  PROP_ADD_ADMINISTRATIONS,
  PROP_CAN_IMPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Checks running in any dialog, for tests that wait for them. */
static guint n_running;

static void start_check (FuImportDialog *self);
static void show_result (FuImportDialog *self);

/* ---- Other names of administrations --------------------------------------------------------- */

/* "Use Viet Nam" is kept in the database, for the whole team and in the history: the next
 * file with "Vietnamm" maps by itself. */
static void
remember_alias (FuImportDialog *self,
                const char     *written,
                const char     *name)
{
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  FuStore *store = fu_context_get_store (self->context);
  gint64 id = 0;

  g_hash_table_replace (self->aliases, g_strdup (written), g_strdup (name));
  if (!fu_store_lookup_administration (store, name, &id, &error) || id == 0)
    return;
  command = fu_command_new_set_alias (written, id);
  if (!fu_context_run (self->context, command, &error))
    g_debug ("Could not keep “%s” as another name of %s: %s", written, name, error->message);
}

/* ---- Saved mappings ------------------------------------------------------------------------ */

/* Where the mapping chosen for a set of headers is kept: the next file from the same form
 * maps by itself. */
static char *
saved_mapping_path (const FuImportResult *result)
{
  g_autoptr(GString) headers = g_string_new (NULL);
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;

  for (guint i = 0; i < result->columns->len; i++)
    {
      const FuImportColumn *column = g_ptr_array_index (result->columns, i);

      g_string_append (headers, column->header);
      g_string_append_c (headers, '\n');
    }
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, headers->str, (gssize) headers->len);
  name = g_strdup_printf ("%s.csv", digest);
  return g_build_filename (g_get_user_data_dir (), "followup", "mappings", name, NULL);
}

static void
save_mapping_for_headers (FuImportDialog *self)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;

  if (self->result == NULL || g_hash_table_size (self->columns) == 0)
    return;
  path = saved_mapping_path (self->result);
  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    g_warning ("Could not keep the mapping in %s: %s", folder, g_strerror (errno));
  else if (!fu_import_result_save_mapping (self->result, path, &error))
    g_warning ("Could not keep the mapping: %s", error->message);
}

/* ---- The rows ------------------------------------------------------------------------------ */

static const char *
outcome_text (FuImportKind    kind,
              FuImportOutcome outcome)
{
  switch (outcome)
    {
    case FU_IMPORT_ROW_NEW:
      return kind == FU_IMPORT_RESPONSES ? _("New reply") : _("New person");
    case FU_IMPORT_ROW_KNOWN:
      return kind == FU_IMPORT_RESPONSES ? _("Replaces a reply") : _("Known person");
    case FU_IMPORT_ROW_UNCHANGED:
      return _("Already there");
    case FU_IMPORT_ROW_ERROR:
    default:
      return _("Problem");
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_UINT (user_data) == COLUMN_LINE ? 1.0 : 0.0);
  /* A line number is never cut short; an ellipsized "2" would ask more room than it takes. */
  if (GPOINTER_TO_UINT (user_data) != COLUMN_LINE)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_UINT (user_data) == COLUMN_LINE)
    {
      gtk_widget_add_css_class (label, "fu-numeric");
      gtk_widget_add_css_class (label, "dim-label");
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  FuImportDialog *self = g_object_get_data (G_OBJECT (factory), "dialog");
  const FuImportRow *row = fu_row_item_get_row (FU_ROW_ITEM (gtk_list_item_get_item (list_item)));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *line = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  switch (GPOINTER_TO_UINT (user_data))
    {
    case COLUMN_LINE:
      line = g_strdup_printf ("%u", row->line);
      gtk_label_set_text (label, line);
      break;
    case COLUMN_WHO:
      gtk_label_set_text (label, row->who);
      break;
    case COLUMN_ADMINISTRATION:
      gtk_label_set_text (label, row->administration);
      break;
    case COLUMN_OUTCOME:
      gtk_label_set_text (label, outcome_text (self->kind, row->outcome));
      if (row->outcome == FU_IMPORT_ROW_ERROR)
        gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_columns (FuImportDialog *self)
{
  static const struct {
    const char *title;
    gboolean    expand;
    int         width;
  } columns[N_COLUMNS] = {
    /* TRANSLATORS: the line of the file a row is on */
    { N_("Line"), FALSE, 56 },
    { N_("Name"), TRUE, 200 },
    { N_("Administration"), TRUE, 140 },
    { N_("Outcome"), FALSE, 140 },
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "dialog", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (self->rows_view, column);
    }
}

/* ---- The file step ------------------------------------------------------------------------- */

static const char *
kind_title (FuImportKind kind)
{
  return kind == FU_IMPORT_RESPONSES ? _("Import Replies") : _("Import Attendance List");
}

static void
fill_workshops (FuImportDialog *self)
{
  g_autoptr(GPtrArray) workshops = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->workshop_codes, g_ptr_array_unref);
  self->workshop_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (labels, _("As the file says"));
  g_ptr_array_add (self->workshop_codes, NULL);

  workshops = fu_store_list_workshops (fu_context_get_store (self->context), FU_DAY_NONE,
                                       FU_DAY_NONE, NULL);
  for (guint i = 0; workshops != NULL && i < workshops->len; i++)
    {
      const FuWorkshop *workshop = g_ptr_array_index (workshops, workshops->len - 1 - i);
      g_autofree char *label = g_strdup_printf ("%s — %s", workshop->code, workshop->title);

      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->workshop_codes, g_strdup (workshop->code));
      if (g_strcmp0 (workshop->code, self->workshop) == 0)
        selected = self->workshop_codes->len - 1;
    }
  adw_combo_row_set_model (self->workshop_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->workshop_row, selected);
}

static void
fill_administrations (FuImportDialog *self)
{
  g_autoptr(GPtrArray) admins = fu_store_list_administrations (fu_context_get_store (self->context),
                                                               NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_pointer (&self->administration_names, g_ptr_array_unref);
  self->administration_names = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (labels, _("None: each row says"));
  g_ptr_array_add (self->administration_names, NULL);
  for (guint i = 0; admins != NULL && i < admins->len; i++)
    {
      const FuAdministration *admin = g_ptr_array_index (admins, i);

      gtk_string_list_append (labels, admin->name);
      g_ptr_array_add (self->administration_names, g_strdup (admin->name));
    }
  fu_gui_drop_down_set_strings (self->administration_row, labels);
  gtk_drop_down_set_selected (self->administration_row, 0);
}

/* The rows of the file step, from what the last run read. */
static void
show_detected (FuImportDialog *self)
{
  const FuImportResult *result = self->result;
  g_autoptr(GtkStringList) encoding_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) separator_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sheet_labels = gtk_string_list_new (NULL);
  gboolean text = result != NULL && result->encoding != NULL;
  gboolean workbook = result != NULL && result->sheets != NULL;
  g_autofree char *detected_encoding = NULL;
  g_autofree char *detected_separator = NULL;
  guint selected = 0;

  self->updating = TRUE;

  if (result != NULL && result->detected != NULL)
    {
      g_autofree char *text_label =
        g_strdup_printf (_("Read as %s. The table starts on line %u."), result->detected,
                         result->header_line);

      gtk_label_set_text (self->detected_label, text_label);
    }
  else
    gtk_label_set_text (self->detected_label, self->error != NULL ? self->error->message : "");

  /* Encoding: the one used, first when detected, then the usual ones. */
  detected_encoding = g_strdup_printf (_("Detected: %s"),
                                       text ? result->encoding : _("unknown"));
  gtk_string_list_append (encoding_labels, detected_encoding);
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      gtk_string_list_append (encoding_labels, _(encodings[i].label));
      if (g_strcmp0 (self->encoding, encodings[i].encoding) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encoding_labels));
  adw_combo_row_set_selected (self->encoding_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row), !workbook);

  selected = 0;
  detected_separator = g_strdup_printf (_("Detected: %s"),
                                        text ? fu_table_delimiter_name (result->delimiter)
                                             : _("unknown"));
  gtk_string_list_append (separator_labels, detected_separator);
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_autofree char *label = g_strdup (fu_table_delimiter_name (separators[i]));

      label[0] = g_ascii_toupper (label[0]);
      gtk_string_list_append (separator_labels, label);
      if (self->delimiter == separators[i])
        selected = i + 1;
    }
  adw_combo_row_set_model (self->separator_row, G_LIST_MODEL (separator_labels));
  adw_combo_row_set_selected (self->separator_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->separator_row), !workbook);

  if (workbook)
    {
      for (guint i = 0; result->sheets[i] != NULL; i++)
        gtk_string_list_append (sheet_labels, result->sheets[i]);
      adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (sheet_labels));
      adw_combo_row_set_selected (self->sheet_row, result->sheet);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), workbook);

  if (result != NULL && result->header_line > 0)
    gtk_spin_button_set_value (self->header_spin, result->header_line);
  gtk_widget_set_visible (GTK_WIDGET (self->header_row), result != NULL);

  self->updating = FALSE;
}

static void
option_changed_cb (FuImportDialog *self)
{
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  guint separator = adw_combo_row_get_selected (self->separator_row);
  guint workshop = adw_combo_row_get_selected (self->workshop_row);
  guint administration = gtk_drop_down_get_selected (self->administration_row);
  FuImportKind kind = adw_combo_row_get_selected (self->kind_row) == 1 ? FU_IMPORT_RESPONSES
                                                                       : FU_IMPORT_PARTICIPANTS;

  if (self->updating || self->context == NULL)
    return;

  g_clear_pointer (&self->encoding, g_free);
  if (encoding > 0 && encoding <= G_N_ELEMENTS (encodings))
    self->encoding = g_strdup (encodings[encoding - 1].encoding);
  self->delimiter = separator > 0 && separator <= G_N_ELEMENTS (separators)
                    ? separators[separator - 1] : '\0';
  if (gtk_widget_get_visible (GTK_WIDGET (self->sheet_row)) && self->result != NULL
      && self->result->sheets != NULL
      && adw_combo_row_get_selected (self->sheet_row) != self->result->sheet)
    {
      g_free (self->sheet);
      self->sheet = g_strdup_printf ("%u", adw_combo_row_get_selected (self->sheet_row) + 1);
      self->header_line = 0;   /* another sheet has its own header */
    }
  else if (self->result != NULL
           && (guint) gtk_spin_button_get_value_as_int (self->header_spin)
              != self->result->header_line)
    self->header_line = (guint) gtk_spin_button_get_value_as_int (self->header_spin);

  g_free (self->administration);
  self->administration = self->administration_names != NULL
                         && administration < self->administration_names->len
                         ? g_strdup (g_ptr_array_index (self->administration_names,
                                                        administration))
                         : NULL;
  g_free (self->workshop);
  self->workshop = self->workshop_codes != NULL && workshop < self->workshop_codes->len
                   ? g_strdup (g_ptr_array_index (self->workshop_codes, workshop)) : NULL;
  if (kind != self->kind)
    {
      self->kind = kind;
      g_hash_table_remove_all (self->columns);
      adw_window_title_set_title (self->window_title, kind_title (kind));
    }
  start_check (self);
}

/* ---- The columns step ---------------------------------------------------------------------- */

static void
column_changed_cb (AdwComboRow    *row,
                   GParamSpec     *pspec,
                   FuImportDialog *self)
{
  const char * const *fields = fu_import_list_fields (self->kind);
  const char *header = g_object_get_data (G_OBJECT (row), "header");
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating)
    return;
  g_hash_table_replace (self->columns, g_strdup (header),
                        g_strdup (selected == 0 ? "" : fields[selected - 1]));
  start_check (self);
}

static void
show_columns (FuImportDialog *self)
{
  const char * const *fields = fu_import_list_fields (self->kind);

  self->updating = TRUE;
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint i = 0; self->result != NULL && i < self->result->columns->len; i++)
    {
      const FuImportColumn *column = g_ptr_array_index (self->result->columns, i);
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *title = NULL;
      guint selected = 0;

      gtk_string_list_append (labels, _("Not imported"));
      for (guint f = 0; fields[f] != NULL; f++)
        {
          g_autofree char *label = fu_import_describe_field (fields[f]);

          gtk_string_list_append (labels, label);
          if (g_strcmp0 (column->field, fields[f]) == 0)
            selected = f + 1;
        }
      title = column->header[0] != '\0' ? g_strdup (column->header)
                                        : g_strdup_printf (_("Column %u (no name)"), i + 1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      /* Cut here rather than ellipsized by the row: an ellipsized "8" asks more room than
       * it takes, which GTK 4.8 warns about. */
      if (g_utf8_strlen (column->sample, -1) > 90)
        {
          g_autofree char *start = g_utf8_substring (column->sample, 0, 89);
          g_autofree char *cut = g_strconcat (start, "…", NULL);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cut);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), column->sample);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data_full (G_OBJECT (row), "header", g_strdup (column->header), g_free);
      if (selected == 0)
        gtk_widget_add_css_class (row, "dim-label");
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_changed_cb), self);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
  self->updating = FALSE;
}

/* ---- The rows step ------------------------------------------------------------------------- */

static void
add_issue_row (FuImportDialog *self,
               const char     *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (icon, "error");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->issues_list, row);
}

static void
use_suggestion_cb (GtkButton      *button,
                   FuImportDialog *self)
{
  const char *written = g_object_get_data (G_OBJECT (button), "written");
  const char *name = g_object_get_data (G_OBJECT (button), "name");

  remember_alias (self, written, name);
  start_check (self);
}

static void
add_new_cb (GtkButton      *button,
            FuImportDialog *self)
{
  const char *written = g_object_get_data (G_OBJECT (button), "written");

  g_hash_table_add (self->new_administrations, g_strdup (written));
  start_check (self);
}

/* One row per administration nobody knows, with what can be done about it. */
static void
show_unknown_administrations (FuImportDialog *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->admin_rows->len; i++)
    adw_preferences_group_remove (self->admins_group, g_ptr_array_index (self->admin_rows, i));
  g_ptr_array_set_size (self->admin_rows, 0);

  for (guint i = 0; self->result != NULL && i < self->result->issues->len; i++)
    {
      const FuImportIssue *issue = g_ptr_array_index (self->result->issues, i);
      GtkWidget *row;
      GtkWidget *button;
      g_autofree char *title = NULL;
      guint lines = 0;

      if (issue->unknown_administration == NULL
          || g_hash_table_contains (seen, issue->unknown_administration))
        continue;
      g_hash_table_add (seen, issue->unknown_administration);
      for (guint j = i; j < self->result->issues->len; j++)
        {
          const FuImportIssue *other = g_ptr_array_index (self->result->issues, j);

          lines += g_strcmp0 (other->unknown_administration, issue->unknown_administration) == 0;
        }

      row = adw_action_row_new ();
      title = g_strdup_printf (ngettext ("“%s”, on %u line", "“%s”, on %u lines", lines),
                               issue->unknown_administration, lines);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (issue->suggestion != NULL)
        {
          g_autofree char *subtitle = g_strdup_printf (_("Did you mean %s?"), issue->suggestion);
          g_autofree char *label = g_strdup_printf (_("Use %s"), issue->suggestion);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          button = gtk_button_new_with_label (label);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "suggested-action");
          g_object_set_data_full (G_OBJECT (button), "written",
                                  g_strdup (issue->unknown_administration), g_free);
          g_object_set_data_full (G_OBJECT (button), "name", g_strdup (issue->suggestion),
                                  g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (use_suggestion_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      button = gtk_button_new_with_label (_("Add as New"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Add it to the administrations: an observer or "
                                             "a partner agency"));
      g_object_set_data_full (G_OBJECT (button), "written",
                              g_strdup (issue->unknown_administration), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (add_new_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->admins_group, row);
      g_ptr_array_add (self->admin_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->admins_group), self->admin_rows->len > 0);
}

static char *
ready_summary (FuImportDialog       *self,
               const FuImportResult *result)
{
  GString *text = g_string_new (NULL);

  if (self->kind == FU_IMPORT_RESPONSES)
    {
      g_autofree char *replies = g_strdup_printf (ngettext ("%u reply", "%u replies",
                                                            result->replies_added),
                                                  result->replies_added);

      /* TRANSLATORS: "Ready to add 12 replies." */
      g_string_append_printf (text, _("Ready to add %s."), replies);
    }
  else
    {
      g_autofree char *attendances = g_strdup_printf (ngettext ("%u attendance",
                                                                "%u attendances",
                                                                result->attendances_added),
                                                      result->attendances_added);
      g_autofree char *people = g_strdup_printf (ngettext ("%u new participant",
                                                           "%u new participants",
                                                           result->participants_added),
                                                 result->participants_added);

      /* TRANSLATORS: "Ready to add 23 attendances and 20 new participants." */
      g_string_append_printf (text, _("Ready to add %s and %s."), attendances, people);
    }
  if (result->administrations_added > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u administration is new and will be added.",
                                              "%u administrations are new and will be added.",
                                              result->administrations_added),
                              result->administrations_added);
    }
  if (result->unchanged > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u row is in the database already.",
                                              "%u rows are in the database already.",
                                              result->unchanged),
                              result->unchanged);
    }
  return g_string_free (text, FALSE);
}

static void
set_can_import (FuImportDialog *self,
                gboolean        can_import)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", can_import && !self->busy);
  if (self->can_import == can_import)
    return;
  self->can_import = can_import;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_IMPORT]);
}

static void
show_result (FuImportDialog *self)
{
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) listed_rows = NULL;
  guint listed = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->issues_list))) != NULL)
    gtk_list_box_remove (self->issues_list, child);
  self->n_issues = 0;

  if (self->result != NULL)
    {
      groups = fu_import_result_group_issues (self->result);
      for (guint i = 0; i < groups->len; i++)
        add_issue_row (self, g_ptr_array_index (groups, i));
      listed = self->result->issues->len;
      self->n_issues = self->result->n_issues;
    }
  /* A failure that is not about rows (the file or the database): say it as it is. */
  if (listed == 0 && self->error != NULL
      && !g_error_matches (self->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      add_issue_row (self, self->error->message);
      self->n_issues = MAX (self->n_issues, 1);
      listed = 1;
    }
  if (self->n_issues > listed)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more problem",
                                                         "And %u more problems",
                                                         self->n_issues - listed),
                                               self->n_issues - listed);

      add_issue_row (self, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->issues_group), self->n_issues > 0);
  show_unknown_administrations (self);

  if (self->n_issues > 0)
    summary = g_strdup_printf (ngettext ("%u problem: nothing will be imported until it is "
                                         "fixed, here or in the file.",
                                         "%u problems: nothing will be imported until they "
                                         "are fixed, here or in the file.",
                                         self->n_issues),
                               self->n_issues);
  else if (self->result == NULL || self->result->rows == 0)
    summary = g_strdup (_("The file has no rows to import."));
  else
    summary = ready_summary (self, self->result);
  gtk_label_set_text (self->summary_label, summary);
  gtk_image_set_from_icon_name (self->summary_icon,
                                self->n_issues > 0 ? "dialog-error-symbolic"
                                                   : "emblem-ok-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon),
                               self->n_issues > 0 ? "success" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon),
                            self->n_issues > 0 ? "error" : "success");

  /* The rows, up to MAX_LISTED_ROWS: a preview, not the whole of a long file. */
  listed_rows = g_ptr_array_new ();
  for (guint i = 0; self->result != NULL && i < self->result->row_outcomes->len
                    && i < MAX_LISTED_ROWS; i++)
    g_ptr_array_add (listed_rows, g_ptr_array_index (self->result->row_outcomes, i));
  fu_lazy_list_set_rows (self->rows, listed_rows);
  {
    guint n = self->result != NULL ? self->result->rows : 0;
    g_autofree char *title = g_strdup_printf (ngettext ("%u Row in the File",
                                                        "%u Rows in the File", n), n);

    adw_preferences_group_set_title (self->rows_group, title);
    gtk_widget_set_visible (GTK_WIDGET (self->rows_group), listed_rows->len > 0);
  }

  show_detected (self);
  show_columns (self);
  set_can_import (self, self->n_issues == 0 && self->result != NULL && self->result->rows > 0);
}

/* ---- Running off the main thread ----------------------------------------------------------- */

typedef struct {
  FuContext       *context;     /* where a real import is recorded, even after Cancel */
  char            *database;
  FuImportKind     kind;
  char            *display_name;
  GBytes          *bytes;
  FuImportOptions *options;
  FuImportFlags    flags;
  FuCommand       *command;     /* the real import; NULL for a dry run */
  FuImportResult  *result;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->context);
  g_free (job->database);
  g_free (job->display_name);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->options, fu_import_options_free);
  g_clear_object (&job->command);
  g_clear_pointer (&job->result, fu_import_result_free);
  g_free (job);
}

/* On its own connection: the window's goes on answering the pages meanwhile. */
static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(FuStore) store = NULL;
  GError *error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (job->bytes, &length);

  if (job->command != NULL)
    {
      if (!fu_command_apply_at (job->command, job->database, &error))
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      return;
    }
  store = fu_store_open (job->database, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!fu_import_data_full (store, job->kind, job->display_name, data != NULL ? data : "",
                            length, job->options, job->flags | FU_IMPORT_DRY_RUN, &job->result,
                            &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
progress_cb (gpointer user_data)
{
  FuImportDialog *self = user_data;
  gint done = g_atomic_int_get (&self->progress.done);
  gint total = g_atomic_int_get (&self->progress.total);
  g_autofree char *text = NULL;

  if (total > 0)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) done / total));
      text = g_strdup_printf (_("%d of %d rows"), done, total);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  else
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_progress_bar_set_text (self->progress_bar, _("Reading the file…"));
    }
  return G_SOURCE_CONTINUE;
}

static void
set_busy (FuImportDialog *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (busy)
    {
      g_atomic_int_set (&self->progress.done, 0);
      g_atomic_int_set (&self->progress.total, 0);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      self->progress_id = g_timeout_add (PROGRESS_INTERVAL_MS, progress_cb, self);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", self->can_import && !busy);
}

static FuImportOptions *
job_options (FuImportDialog *self)
{
  FuImportOptions options = { NULL, };

  options.workshop = self->workshop;
  options.administration = self->administration;
  options.encoding = self->encoding;
  options.delimiter = self->delimiter;
  options.sheet = self->sheet;
  options.header_row = self->header_line;
  options.columns = self->columns;
  options.aliases = self->aliases;
  options.new_administrations = self->new_administrations;
  options.cancellable = self->cancellable;
  options.progress = &self->progress;
  return fu_import_options_copy (&options);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;

  n_running--;
  g_task_propagate_boolean (G_TASK (res), &error);
  if (self->closed)
    return;
  set_busy (self, FALSE);
  if (self->again)
    {
      self->again = FALSE;
      start_check (self);
      return;
    }

  g_clear_pointer (&self->result, fu_import_result_free);
  g_clear_error (&self->error);
  self->result = g_steal_pointer (&job->result);
  self->error = g_steal_pointer (&error);

  /* The same form as last time: the columns as staff mapped them then. */
  if (!self->mapping_loaded && self->result != NULL && self->result->columns->len > 0)
    {
      g_autofree char *path = saved_mapping_path (self->result);

      self->mapping_loaded = TRUE;
      if (g_hash_table_size (self->columns) == 0 && g_file_test (path, G_FILE_TEST_EXISTS)
          && fu_import_read_mapping (path, self->columns, NULL))
        {
          start_check (self);
          return;
        }
    }
  show_result (self);
}

static void
start_check (FuImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->context == NULL || self->closed)
    return;
  if (self->busy)
    {
      self->again = TRUE;
      g_cancellable_cancel (self->cancellable);
      return;
    }
  if (self->bytes == NULL)
    {
      g_clear_pointer (&self->result, fu_import_result_free);
      g_clear_error (&self->error);
      g_set_error_literal (&self->error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_FAILED,
                           self->read_error != NULL ? self->read_error
                                                    : _("The file could not be read"));
      show_result (self);
      return;
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  job = g_new0 (Job, 1);
  job->database = g_strdup (fu_store_get_path (fu_context_get_store (self->context)));
  job->kind = self->kind;
  job->display_name = g_strdup (self->display_name);
  job->bytes = g_bytes_ref (self->bytes);
  job->options = job_options (self);
  job->flags = self->add_administrations ? FU_IMPORT_ADD_ADMINISTRATIONS : FU_IMPORT_FLAGS_NONE;

  set_busy (self, TRUE);
  n_running++;
  task = g_task_new (self, self->cancellable, check_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

/* ---- Importing ----------------------------------------------------------------------------- */

/* The import is one change: the window's toast offers to undo it. */
static void
show_window_change (FuImportDialog *self,
                    const char     *message,
                    gint64          entry_id)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (FU_IS_WINDOW (parent))
    fu_window_show_change (FU_WINDOW (parent), message, entry_id);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const FuImportResult *result;
  gboolean ok;

  n_running--;
  ok = g_task_propagate_boolean (G_TASK (res), &error);
  if (!ok)
    {
      if (self->closed)
        return;
      set_busy (self, FALSE);
      /* Cancelled, or the database changed since the preview: nothing was written. */
      g_clear_pointer (&self->result, fu_import_result_free);
      g_clear_error (&self->error);
      self->result = fu_command_steal_import_result (job->command);
      self->error = g_steal_pointer (&error);
      show_result (self);
      return;
    }

  /* Written: the undo stack and the pages learn of it, even if the dialog went. */
  fu_context_add_applied (job->context, job->command);
  save_mapping_for_headers (self);
  result = fu_command_get_import_result (job->command);
  if (self->kind == FU_IMPORT_RESPONSES)
    message = g_strdup_printf (ngettext ("Imported %u reply from %s",
                                         "Imported %u replies from %s",
                                         result->replies_added + result->replies_replaced),
                               result->replies_added + result->replies_replaced,
                               self->display_name);
  else if (self->workshop != NULL)
    /* TRANSLATORS: "Imported 21 participants into 2016-NII" */
    message = g_strdup_printf (ngettext ("Imported %u participant into %s",
                                         "Imported %u participants into %s",
                                         result->attendances_added),
                               result->attendances_added, self->workshop);
  else
    /* TRANSLATORS: "Imported 40 attendances from participants.csv" */
    message = g_strdup_printf (ngettext ("Imported %u attendance from %s",
                                         "Imported %u attendances from %s",
                                         result->attendances_added),
                               result->attendances_added, self->display_name);
  show_window_change (self, message, fu_command_get_entry_id (job->command));
  if (!self->closed)
    {
      set_busy (self, FALSE);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (!self->can_import || self->busy || self->bytes == NULL || self->context == NULL)
    return;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  job = g_new0 (Job, 1);
  job->context = g_object_ref (self->context);
  job->database = g_strdup (fu_store_get_path (fu_context_get_store (self->context)));
  job->options = job_options (self);
  job->command = fu_command_new_import_data (self->kind, self->display_name, self->bytes,
                                             self->add_administrations
                                             ? FU_IMPORT_ADD_ADMINISTRATIONS
                                             : FU_IMPORT_FLAGS_NONE);
  fu_command_set_import_options (job->command, job->options);
  job->bytes = g_bytes_ref (self->bytes);

  set_busy (self, TRUE);
  n_running++;
  task = g_task_new (self, self->cancellable, import_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

/* ---- Steps --------------------------------------------------------------------------------- */

static const char * const step_names[] = { "file", "columns", "rows" };

static guint
current_step (FuImportDialog *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->steps);

  for (guint i = 0; i < G_N_ELEMENTS (step_names); i++)
    if (g_strcmp0 (name, step_names[i]) == 0)
      return i;
  return 0;
}

static void
step_changed_cb (FuImportDialog *self)
{
  static const char * const titles[] = {
    N_("Step 1 of 3: The File"), N_("Step 2 of 3: Columns"), N_("Step 3 of 3: Rows"),
  };
  guint step = current_step (self);
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf ("%s — %s", self->display_name != NULL ? self->display_name : "",
                              _(titles[step]));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_visible (self->back_button, step > 0);
  gtk_widget_set_visible (self->next_button, step + 1 < G_N_ELEMENTS (step_names));
  gtk_widget_set_visible (self->import_button, step + 1 == G_N_ELEMENTS (step_names));
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 step + 1 == G_N_ELEMENTS (step_names) ? self->import_button
                                                                        : self->next_button);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (widget);
  guint step = current_step (self);

  if (step + 1 < G_N_ELEMENTS (step_names))
    gtk_stack_set_visible_child_name (self->steps, step_names[step + 1]);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (widget);
  guint step = current_step (self);

  if (step > 0)
    gtk_stack_set_visible_child_name (self->steps, step_names[step - 1]);
}

static void
save_mapping_chosen_cb (GFile    *file,
                        gpointer  user_data)
{
  g_autoptr(FuImportDialog) self = user_data;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (file == NULL || self->result == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL || !fu_import_result_save_mapping (self->result, path, &error))
    add_issue_row (self, error != NULL ? error->message : _("Could not save the mapping"));
}

static void
save_mapping_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (widget);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (self->result == NULL)
    return;
  base = g_strdup (self->display_name);
  if (strrchr (base, '.') != NULL)
    *strrchr (base, '.') = '\0';
  /* TRANSLATORS: a file name: the imported file's, then this */
  name = g_strdup_printf (_("%s mapping.csv"), base);
  fu_file_chooser_save (GTK_WINDOW (self), _("Save Mapping"), _("_Save"), FU_FILE_KIND_CSV,
                        name, save_mapping_chosen_cb, g_object_ref (self));
}

static void
open_mapping_chosen_cb (GFile    *file,
                        gpointer  user_data)
{
  g_autoptr(FuImportDialog) self = user_data;
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) columns = NULL;
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    return;
  path = g_file_get_path (file);
  columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (path == NULL || !fu_import_read_mapping (path, columns, &error))
    {
      add_issue_row (self, error != NULL ? error->message : _("Could not read the mapping"));
      gtk_widget_set_visible (GTK_WIDGET (self->issues_group), TRUE);
      return;
    }
  g_hash_table_remove_all (self->columns);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, columns);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_replace (self->columns, g_strdup (key), g_strdup (value));
  }
  start_check (self);
}

static void
open_mapping_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (widget);

  fu_file_chooser_open (GTK_WINDOW (self), _("Open Mapping"), _("_Open"), FU_FILE_KIND_CSV,
                        open_mapping_chosen_cb, g_object_ref (self));
}

/* ---- Overrides ----------------------------------------------------------------------------- */

static void
load_file (FuImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->read_error, g_free);
  g_clear_pointer (&self->display_name, g_free);
  if (self->file == NULL)
    return;

  self->display_name = g_file_get_basename (self->file);
  self->bytes = g_file_load_bytes (self->file, NULL, NULL, &error);
  if (self->bytes == NULL)
    self->read_error = g_strdup_printf (_("Could not read %s: %s"), self->display_name,
                                        error->message);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (window);

  /* Cancel takes back whatever runs: a cancelled import writes nothing. */
  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  return FALSE;
}

static void
fu_import_dialog_constructed (GObject *object)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (fu_import_dialog_parent_class)->constructed (object);

  load_file (self);
  self->updating = TRUE;
  adw_combo_row_set_selected (self->kind_row, self->kind == FU_IMPORT_RESPONSES ? 1 : 0);
  if (self->context != NULL)
    {
      fill_workshops (self);
      fill_administrations (self);
    }
  self->updating = FALSE;
  adw_window_title_set_title (self->window_title, kind_title (self->kind));
  /* From a workshop's page: that workshop's list, straight to its rows. */
  gtk_stack_set_visible_child_name (self->steps, self->workshop != NULL ? "rows" : "file");
  step_changed_cb (self);
  start_check (self);
}

static void
fu_import_dialog_dispose (GObject *object)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (object);

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), FU_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->rows);
  g_clear_object (&self->file);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (fu_import_dialog_parent_class)->dispose (object);
}

static void
fu_import_dialog_finalize (GObject *object)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (object);

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->read_error, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->workshop, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->sheet, g_free);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_clear_pointer (&self->aliases, g_hash_table_unref);
  g_clear_pointer (&self->new_administrations, g_hash_table_unref);
  g_clear_pointer (&self->result, fu_import_result_free);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->admin_rows, g_ptr_array_unref);
  g_clear_pointer (&self->workshop_codes, g_ptr_array_unref);
  g_clear_pointer (&self->administration_names, g_ptr_array_unref);
  g_clear_pointer (&self->administration, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (fu_import_dialog_parent_class)->finalize (object);
}

static void
fu_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_WORKSHOP:
      g_value_set_string (value, self->workshop);
      break;
    case PROP_ADD_ADMINISTRATIONS:
      g_value_set_boolean (value, self->add_administrations);
      break;
    case PROP_CAN_IMPORT:
      g_value_set_boolean (value, self->can_import);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_import_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = (FuImportKind) g_value_get_int (value);
      break;
    case PROP_WORKSHOP:
      g_free (self->workshop);
      self->workshop = g_value_dup_string (value);
      break;
    case PROP_ADD_ADMINISTRATIONS:
      fu_import_dialog_set_add_administrations (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_import_dialog_class_init (FuImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = fu_import_dialog_constructed;
  object_class->dispose = fu_import_dialog_dispose;
  object_class->finalize = fu_import_dialog_finalize;
  object_class->get_property = fu_import_dialog_get_property;
  object_class->set_property = fu_import_dialog_set_property;
  window_class->close_request = close_request_cb;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         FU_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      FU_IMPORT_PARTICIPANTS, FU_IMPORT_RESPONSES, FU_IMPORT_PARTICIPANTS,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WORKSHOP] =
    g_param_spec_string ("workshop", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ADD_ADMINISTRATIONS] =
    g_param_spec_boolean ("add-administrations", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_CAN_IMPORT] =
    g_param_spec_boolean ("can-import", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rocbap/FollowUp/fu-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, steps);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, detected_label);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, workshop_row);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, administration_row);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, separator_row);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, header_row);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, header_spin);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, admins_group);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, issues_group);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, issues_list);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, rows_group);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, rows_view);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_changed_cb);

  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.save-mapping", NULL,
                                   save_mapping_action);
  gtk_widget_class_install_action (widget_class, "import.open-mapping", NULL,
                                   open_mapping_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "import.run", NULL);
}

static void
fu_import_dialog_init (FuImportDialog *self)
{
  GtkNoSelection *selection;

  self->kind = FU_IMPORT_PARTICIPANTS;
  self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->new_administrations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->column_rows = g_ptr_array_new ();
  self->admin_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  add_columns (self);
  self->rows = fu_lazy_list_new (FU_TYPE_ROW_ITEM, NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->rows_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->admins_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->issues_group), FALSE);
}

/* ---- Public API ---------------------------------------------------------------------------- */

FuImportDialog *
fu_import_dialog_new (GtkWindow *parent,
                      FuContext *context,
                      GFile     *file)
{
  return fu_import_dialog_new_for (parent, context, file, FU_IMPORT_PARTICIPANTS, NULL);
}

FuImportDialog *
fu_import_dialog_new_for (GtkWindow    *parent,
                          FuContext    *context,
                          GFile        *file,
                          FuImportKind  kind,
                          const char   *workshop)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FU_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (kind == FU_IMPORT_PARTICIPANTS || kind == FU_IMPORT_RESPONSES, NULL);

  return g_object_new (FU_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "context", context,
                       "file", file,
                       "kind", (int) kind,
                       "workshop", workshop,
                       NULL);
}

guint
fu_import_dialog_get_n_rows (FuImportDialog *self)
{
  g_return_val_if_fail (FU_IS_IMPORT_DIALOG (self), 0);

  return self->result != NULL ? self->result->rows : 0;
}

guint
fu_import_dialog_get_n_issues (FuImportDialog *self)
{
  g_return_val_if_fail (FU_IS_IMPORT_DIALOG (self), 0);

  return self->n_issues;
}

gboolean
fu_import_dialog_get_can_import (FuImportDialog *self)
{
  g_return_val_if_fail (FU_IS_IMPORT_DIALOG (self), FALSE);

  return self->can_import;
}

gboolean
fu_import_dialog_get_add_administrations (FuImportDialog *self)
{
  g_return_val_if_fail (FU_IS_IMPORT_DIALOG (self), FALSE);

  return self->add_administrations;
}

void
fu_import_dialog_set_add_administrations (FuImportDialog *self,
                                          gboolean        add)
{
  g_return_if_fail (FU_IS_IMPORT_DIALOG (self));

  add = !!add;
  if (self->add_administrations == add)
    return;
  self->add_administrations = add;
  /* During construction the file is not read yet: constructed() runs the first pass. */
  if (self->file != NULL && self->display_name != NULL)
    start_check (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADD_ADMINISTRATIONS]);
}

gboolean
fu_import_dialog_get_busy (FuImportDialog *self)
{
  g_return_val_if_fail (FU_IS_IMPORT_DIALOG (self), FALSE);

  return self->busy;
}

guint
fu_import_dialog_count_running (void)
{
  return n_running;
}
