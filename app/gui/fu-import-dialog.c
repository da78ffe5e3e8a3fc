/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-import-dialog.c: an attendance list is checked by the importer itself, in a dry run
 * (FU_IMPORT_DRY_RUN rolls everything back), so that the preview shows exactly the
 * problems the real import would refuse, with their file, line and column. The rows are
 * listed from the file as it reads. */

#define G_LOG_DOMAIN "fu-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-csv.h"
#include "fu-error.h"
#include "fu-import.h"
#include "fu-import-detect.h"
#include "fu-import-dialog.h"
#include "fu-list-models.h"
#include "fu-window.h"

/* One data row of the file, as the preview lists it. */
typedef struct {
  guint  line;
  char  *workshop;
  char  *name;
  char  *administration;
  char  *email;
} PreviewRow;

enum {
  COLUMN_LINE,
  COLUMN_WORKSHOP,
  COLUMN_NAME,
  COLUMN_ADMINISTRATION,
  COLUMN_EMAIL,
  N_COLUMNS
};

struct _FuImportDialog
{
  AdwWindow             parent_instance;

  FuContext            *context;
  GFile                *file;
  char                 *display_name;
  GBytes               *bytes;          /* the file's contents; NULL when unreadable */
  char                 *read_error;     /* why it is unreadable */
  FuLazyList           *rows;           /* PreviewRow* */
  FuImportResult       *result;         /* of the last dry run */
  guint                 n_issues;
  gboolean              add_administrations;
  gboolean              can_import;

  /* Template widgets */
  GtkSwitch            *add_administrations_switch;
  GtkWidget            *import_button;
  AdwPreferencesGroup  *issues_group;
  GtkListBox           *issues_list;
  AdwPreferencesGroup  *rows_group;
  GtkColumnView        *rows_view;
  GtkImage             *summary_icon;
  GtkLabel             *summary_label;
  AdwWindowTitle       *window_title;
};

G_DEFINE_FINAL_TYPE (FuImportDialog, fu_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FILE,
  PROP_ADD_ADMINISTRATIONS,
  PROP_CAN_IMPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
preview_row_free (PreviewRow *row)
{
  g_free (row->workshop);
  g_free (row->name);
  g_free (row->administration);
  g_free (row->email);
  g_free (row);
}

/* ---- The rows ---------------------------------------------------------------------------- */

static const char *
cell_or_empty (FuCsvReader *reader,
               int          column)
{
  return column >= 0 ? fu_csv_reader_get_cell (reader, (guint) column) : "";
}

/* Whatever the file holds up to a syntax error (the dry run reports that one). */
static GPtrArray *
read_rows (FuImportDialog *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) preview_row_free);
  g_autoptr(FuCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length = 0;
  int workshop, name, administration, email;

  if (self->bytes == NULL)
    return rows;
  data = g_bytes_get_data (self->bytes, &length);
  reader = fu_csv_reader_new (self->display_name, data != NULL ? data : "", length, &error);
  if (reader == NULL)
    return rows;

  workshop = fu_csv_reader_find_column (reader, "workshop_code");
  name = fu_csv_reader_find_column (reader, "name");
  administration = fu_csv_reader_find_column (reader, "administration");
  email = fu_csv_reader_find_column (reader, "email");

  while (fu_csv_reader_next (reader, &error))
    {
      PreviewRow *row = g_new0 (PreviewRow, 1);

      row->line = fu_csv_reader_get_line (reader);
      row->workshop = g_strdup (cell_or_empty (reader, workshop));
      row->name = g_strdup (cell_or_empty (reader, name));
      row->administration = g_strdup (cell_or_empty (reader, administration));
      row->email = g_strdup (cell_or_empty (reader, email));
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_UINT (user_data) == COLUMN_LINE ? 1.0 : 0.0);
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
  const PreviewRow *row = fu_row_item_get_row (FU_ROW_ITEM (gtk_list_item_get_item (list_item)));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *line = NULL;

  switch (GPOINTER_TO_UINT (user_data))
    {
    case COLUMN_LINE:
      line = g_strdup_printf ("%u", row->line);
      gtk_label_set_text (label, line);
      break;
    case COLUMN_WORKSHOP:
      gtk_label_set_text (label, row->workshop);
      break;
    case COLUMN_NAME:
      gtk_label_set_text (label, row->name);
      break;
    case COLUMN_ADMINISTRATION:
      gtk_label_set_text (label, row->administration);
      break;
    case COLUMN_EMAIL:
      gtk_label_set_text (label, row->email);
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
    { N_("Line"), FALSE, 48 },
    { N_("Workshop"), FALSE, 120 },
    { N_("Name"), TRUE, 160 },
    { N_("Administration"), TRUE, 120 },
    { N_("E-mail"), TRUE, 160 },
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (self->rows_view, column);
    }
}

/* ---- The dry run ------------------------------------------------------------------------- */

static FuImportFlags
import_flags (FuImportDialog *self)
{
  return self->add_administrations ? FU_IMPORT_ADD_ADMINISTRATIONS : FU_IMPORT_FLAGS_NONE;
}

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
clear_issues (FuImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->issues_list))) != NULL)
    gtk_list_box_remove (self->issues_list, child);
}

static char *
ready_summary (const FuImportResult *result)
{
  g_autofree char *attendances = NULL;
  g_autofree char *people = NULL;
  GString *text = g_string_new (NULL);

  attendances = g_strdup_printf (ngettext ("%u attendance", "%u attendances",
                                           result->attendances_added),
                                 result->attendances_added);
  people = g_strdup_printf (ngettext ("%u new participant", "%u new participants",
                                      result->participants_added),
                            result->participants_added);
  /* TRANSLATORS: "Ready to add 23 attendances and 20 new participants." */
  g_string_append_printf (text, _("Ready to add %s and %s."), attendances, people);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", can_import);
  if (self->can_import == can_import)
    return;
  self->can_import = can_import;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_IMPORT]);
}

/* Shows what the last run found: @error is its failure, if any. */
static void
show_result (FuImportDialog *self,
             const GError   *error)
{
  g_autofree char *summary = NULL;
  guint listed = 0;

  clear_issues (self);
  self->n_issues = 0;

  if (self->result != NULL)
    {
      for (guint i = 0; i < self->result->issues->len; i++)
        {
          g_autofree char *text = fu_import_issue_to_string (g_ptr_array_index (
                                                               self->result->issues, i));

          add_issue_row (self, text);
          listed++;
        }
      self->n_issues = self->result->n_issues;
    }
  /* A failure that is not about rows (the file or the database): say it as it is. */
  if (listed == 0 && error != NULL)
    {
      add_issue_row (self, error->message);
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
  if (self->n_issues > 0)
    summary = g_strdup_printf (ngettext ("%u problem: nothing will be imported until it is "
                                         "fixed in the file.",
                                         "%u problems: nothing will be imported until they "
                                         "are fixed in the file.",
                                         self->n_issues),
                               self->n_issues);
  else if (self->result == NULL || self->result->rows == 0)
    summary = g_strdup (_("The file has no rows to import."));
  else
    summary = ready_summary (self->result);
  gtk_label_set_text (self->summary_label, summary);
  gtk_image_set_from_icon_name (self->summary_icon,
                                self->n_issues > 0 ? "dialog-error-symbolic"
                                                   : "emblem-ok-symbolic");
  if (self->n_issues > 0)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), "success");
    }

  set_can_import (self, self->n_issues == 0 && self->result != NULL && self->result->rows > 0);
}

static void
dry_run (FuImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length = 0;

  g_clear_pointer (&self->result, fu_import_result_free);
  if (self->context == NULL)
    return;
  if (self->bytes == NULL)
    {
      g_set_error_literal (&error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_FAILED,
                           self->read_error != NULL ? self->read_error
                                                    : _("The file could not be read"));
      show_result (self, error);
      return;
    }

  data = g_bytes_get_data (self->bytes, &length);
  fu_import_data (fu_context_get_store (self->context), FU_IMPORT_PARTICIPANTS,
                  self->display_name, data != NULL ? data : "", length,
                  import_flags (self) | FU_IMPORT_DRY_RUN, &self->result, &error);
  show_result (self, error);
}

static void
load_file (FuImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *rows_title = NULL;
  gsize length = 0;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->read_error, g_free);
  g_clear_pointer (&self->display_name, g_free);
  if (self->file == NULL)
    return;

  self->display_name = g_file_get_basename (self->file);
  adw_window_title_set_subtitle (self->window_title, self->display_name);
  /* Attendance lists are a few hundred lines: reading them at once is fine. */
  if (g_file_load_contents (self->file, NULL, &contents, &length, NULL, &error))
    self->bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  else
    self->read_error = g_strdup_printf (_("Could not read %s: %s"), self->display_name,
                                        error->message);

  rows = read_rows (self);
  fu_lazy_list_set_rows (self->rows, rows);
  rows_title = g_strdup_printf (ngettext ("%u Row in the File", "%u Rows in the File", rows->len),
                                rows->len);
  adw_preferences_group_set_title (self->rows_group, rows_title);
  gtk_widget_set_visible (GTK_WIDGET (self->rows_group), rows->len > 0);
}

/* ---- Actions and callbacks --------------------------------------------------------------- */

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
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (widget);
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *workshop_code = NULL;
  const FuImportResult *result;
  const char *data;
  gsize length = 0;

  if (!self->can_import || self->bytes == NULL || self->context == NULL)
    return;

  g_clear_pointer (&self->result, fu_import_result_free);
  data = g_bytes_get_data (self->bytes, &length);
  command = fu_command_new_import_data (FU_IMPORT_PARTICIPANTS, self->display_name, self->bytes,
                                        import_flags (self));
  if (!fu_context_run (self->context, command, &error))
    {
      /* The database changed since the preview: show why, and import nothing. */
      self->result = fu_command_steal_import_result (command);
      show_result (self, error);
      return;
    }
  self->result = fu_command_steal_import_result (command);
  result = self->result;

  /* A list is usually one workshop's: say which. */
  workshop_code = fu_import_detect_workshop (data != NULL ? data : "", length);
  if (workshop_code != NULL)
    /* TRANSLATORS: "Imported 21 participants into 2016-NII" */
    message = g_strdup_printf (ngettext ("Imported %u participant into %s",
                                         "Imported %u participants into %s",
                                         result->attendances_added),
                               result->attendances_added, workshop_code);
  else
    /* TRANSLATORS: "Imported 40 attendances from participants.csv" */
    message = g_strdup_printf (ngettext ("Imported %u attendance from %s",
                                         "Imported %u attendances from %s",
                                         result->attendances_added),
                               result->attendances_added, self->display_name);
  show_window_change (self, message, fu_command_get_entry_id (command));
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_administrations_cb (FuImportDialog *self,
                        GParamSpec     *pspec,
                        GtkSwitch      *widget)
{
  fu_import_dialog_set_add_administrations (self, gtk_switch_get_active (widget));
}

/* ---- Overrides --------------------------------------------------------------------------- */

static void
fu_import_dialog_constructed (GObject *object)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (fu_import_dialog_parent_class)->constructed (object);

  load_file (self);
  dry_run (self);
}

static void
fu_import_dialog_dispose (GObject *object)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FU_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->rows);
  g_clear_object (&self->file);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (fu_import_dialog_parent_class)->dispose (object);
}

static void
fu_import_dialog_finalize (GObject *object)
{
  FuImportDialog *self = FU_IMPORT_DIALOG (object);

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->read_error, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->result, fu_import_result_free);

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

  object_class->constructed = fu_import_dialog_constructed;
  object_class->dispose = fu_import_dialog_dispose;
  object_class->finalize = fu_import_dialog_finalize;
  object_class->get_property = fu_import_dialog_get_property;
  object_class->set_property = fu_import_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         FU_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
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
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, add_administrations_switch);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, issues_group);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, issues_list);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, rows_group);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, rows_view);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FuImportDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, add_administrations_cb);

  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "import.run", NULL);
}

static void
fu_import_dialog_init (FuImportDialog *self)
{
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  add_columns (self);
  self->rows = fu_lazy_list_new (FU_TYPE_ROW_ITEM, NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->rows_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
}

/* ---- Public API -------------------------------------------------------------------------- */

FuImportDialog *
fu_import_dialog_new (GtkWindow *parent,
                      FuContext *context,
                      GFile     *file)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FU_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (FU_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "context", context,
                       "file", file,
                       NULL);
}

guint
fu_import_dialog_get_n_rows (FuImportDialog *self)
{
  g_return_val_if_fail (FU_IS_IMPORT_DIALOG (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
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
  gtk_switch_set_active (self->add_administrations_switch, add);
  /* During construction the file is not read yet: constructed() runs the first pass. */
  if (self->file != NULL && self->display_name != NULL)
    dry_run (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADD_ADMINISTRATIONS]);
}
