/* SPDX-License-Identifier: GPL-3.0-or-later */
/* followup-cli: the command line the office's scripts call. Keep command and option names
 * stable: they are an interface. */
#define G_LOG_DOMAIN "followup-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <locale.h>
#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "fu-annual-report.h"
#include "fu-backups.h"
#include "fu-charts.h"
#include "fu-command.h"
#include "fu-context.h"
#include "fu-csv.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-export.h"
#include "fu-feedback-sheet.h"
#include "fu-questionnaire-sheet.h"
#include "fu-files.h"
#include "fu-import.h"
#include "fu-mailto.h"
#include "fu-table.h"
#include "fu-reminder-sheet.h"
#include "fu-rules.h"
#include "fu-sample.h"
#include "fu-store.h"

/* Exit codes: 0 success, 1 a user's mistake or a refused operation (with a message). */
#define EXIT_USER 1

typedef struct {
  const char *database;   /* --database, or NULL for the default */
  const char *prgname;
} Cli;

typedef int (*CommandFunc) (Cli *cli, int argc, char **argv);

typedef struct {
  const char  *name;
  const char  *args;        /* shown after the name in --help; translatable placeholders */
  const char  *summary;     /* translatable */
  CommandFunc  func;
} Command;

static int
fail (const char *format, ...) G_GNUC_PRINTF (1, 2);

static int
fail (const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("followup-cli: %s\n", message);
  return EXIT_USER;
}

static int
fail_error (const GError *error)
{
  return fail ("%s", error->message);
}

/* A --date/--as-of value, or today when none was given. */
static gboolean
parse_day_option (const char *option, const char *text, FuDay *day, GError **error)
{
  if (text == NULL)
    return fu_context_today_from_environment (day, error);
  if (!fu_day_parse_iso (text, day))
    {
      g_set_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID,
                   _("%s '%s' is not a date: write it as YYYY-MM-DD, e.g. 2017-01-31"),
                   option, text);
      return FALSE;
    }
  if (!fu_day_is_plausible (*day))
    {
      g_set_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID,
                   _("%s %s is outside %s to %s: check the year"), option, text,
                   FU_DAY_FIRST_ENTERED, FU_DAY_LAST_ENTERED);
      return FALSE;
    }
  return TRUE;
}

/* The staff name the history records: $FOLLOWUP_STAFF_NAME, else the name set in the
 * app's Preferences, else (in the store) the account's. */
static char *
staff_name (void)
{
  const char *env = g_getenv ("FOLLOWUP_STAFF_NAME");
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "staff-name"))
    return NULL;
  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "staff-name");
}

static FuStore *
open_store_full (Cli *cli, FuStoreOpenFlags flags, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *author = staff_name ();
  FuStore *store;

  path = cli->database != NULL ? g_strdup (cli->database) : fu_store_default_path ();
  store = fu_store_open_full (path, flags, error);
  if (store != NULL && fu_store_get_access (store) == FU_STORE_ACCESS_DAMAGED)
    g_printerr (_("followup-cli: warning: %s is damaged: it can be read, not changed. "
                  "Restore a backup.\n"), path);
  if (store != NULL && author != NULL && *author != '\0')
    fu_store_set_author (store, author);
  return store;
}

static FuStore *
open_store (Cli *cli, GError **error)
{
  return open_store_full (cli, FU_STORE_OPEN_NONE, error);
}

/* For a command that writes nothing: the file is not checked as a whole first, so that an
 * export or a report costs what it reads, not the size of the database. */
static FuStore *
open_store_to_read (Cli *cli, GError **error)
{
  return open_store_full (cli, FU_STORE_OPEN_READING, error);
}

/* Runs a change through the command layer, so that it is in the history and can be
 * undone. */
static gboolean
apply_command (FuStore *store, FuCommand *command, GError **error)
{
  return fu_command_apply (command, store, error);
}

/* Applies @command and prints its sentence ("Nothing changed" when it did nothing). */
static int
apply_and_say (FuStore   *store,
               FuCommand *command)
{
  g_autoptr(GError) error = NULL;

  if (!apply_command (store, command, &error))
    return fail_error (error);
  g_print ("%s\n", fu_command_get_sentence (command) != NULL ? fu_command_get_sentence (command)
                                                              : _("Nothing changed"));
  return 0;
}

/* Parses a command's options; prints its --help. Returns FALSE with a message printed on
 * a mistake; *exit_now is set when --help was handled. */
static gboolean
parse_command_options (Cli              *cli,
                       const char       *usage,
                       const char       *summary,
                       const GOptionEntry *entries,
                       int              *argc,
                       char           ***argv,
                       guint             n_positional,
                       int              *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new (usage);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = fail ("%s", error->message);
      return FALSE;
    }
  /* (*argv)[0] is the command's name. */
  if ((guint) *argc != n_positional + 1)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      *status = EXIT_USER;
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_fiscal_year_option (const char *text, guint *fiscal_year, GError **error)
{
  return fu_fiscal_year_parse (text, fiscal_year, error);
}

/* Standard output, or the whole file at once (never a partial file). */
static gboolean
write_output (const char *output, GString *text, GError **error)
{
  if (output == NULL || g_str_equal (output, "-"))
    {
      if (fwrite (text->str, 1, text->len, stdout) != text->len || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write to standard output"));
          return FALSE;
        }
      return TRUE;
    }
  if (!fu_file_write_private (output, text->str, text->len, error))
    return FALSE;
  return TRUE;
}

/* ---- init ------------------------------------------------------------------------------ */

static int
cmd_init (Cli *cli, int argc, char **argv)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) admins = NULL;
  int status = 0;

  if (!parse_command_options (cli, "", _("Create the database, or upgrade it, and say where it is."),
                              NULL, &argc, &argv, 0, &status))
    return status;
  if ((store = open_store (cli, &error)) == NULL)
    return fail_error (error);
  if ((admins = fu_store_list_administrations (store, &error)) == NULL)
    return fail_error (error);
  g_print (_("Database %s is ready (schema version %u, %u administrations).\n"),
           fu_store_get_path (store), fu_store_get_version (store), admins->len);
  return 0;
}

/* ---- import ---------------------------------------------------------------------------- */

static void
print_detected (const FuImportResult *result)
{
  if (result == NULL || result->detected == NULL)
    return;
  g_print (_("Read as: %s; header on line %u.\n"), result->detected, result->header_line);
  g_print (_("Columns:\n"));
  for (guint i = 0; i < result->columns->len; i++)
    {
      const FuImportColumn *column = g_ptr_array_index (result->columns, i);

      if (column->field != NULL)
        /* TRANSLATORS: the file's column, then our field */
        g_print (_("  %s -> %s\n"), column->header[0] != '\0' ? column->header : "\"\"",
                 column->field);
      else
        g_print (_("  %s: not imported\n"), column->header[0] != '\0' ? column->header
                                                                        : "\"\"");
    }
}

static int
cmd_import (Cli *cli, int argc, char **argv)
{
  gboolean add_administrations = FALSE;
  gboolean replace = FALSE;
  gboolean dry_run = FALSE;
  g_autofree char *workshop = NULL;
  g_autofree char *mapping = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *delimiter = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *save_mapping = NULL;
  g_autofree char *administration = NULL;
  int header_row = 0;
  const GOptionEntry entries[] = {
    { "workshop", 'w', 0, G_OPTION_ARG_STRING, &workshop,
      N_("The workshop every row is for (the file then needs no workshop column)"), N_("CODE") },
    { "mapping", 0, 0, G_OPTION_ARG_FILENAME, &mapping,
      N_("Map the columns as this mapping file says (CSV: column,field)"), N_("FILE") },
    { "save-mapping", 0, 0, G_OPTION_ARG_FILENAME, &save_mapping,
      N_("Write the mapping used to this file, for --mapping next time"), N_("FILE") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
      N_("Read the text in this encoding (UTF-8, UTF-16, WINDOWS-1252...)"), N_("NAME") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter,
      N_("The separator: , ; or tab"), N_("C") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet,
      N_("The workbook's sheet to read, by number or name"), N_("N|NAME") },
    { "header-row", 0, 0, G_OPTION_ARG_INT, &header_row,
      N_("The line (or row) that heads the columns"), N_("N") },
    { "administration", 0, 0, G_OPTION_ARG_STRING, &administration,
      N_("The administration of rows that neither a cell nor the e-mail's domain tells"),
      N_("NAME") },
    { "add-administrations", 0, 0, G_OPTION_ARG_NONE, &add_administrations,
      N_("Add administrations that are not known yet instead of refusing them"), NULL },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace replies that are already recorded"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file, say how it was read and what would change, without changing "
         "anything"), NULL },
    { NULL }
  };
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuImportResult) own_result = NULL;
  g_autoptr(FuCommand) command = NULL;
  FuImportOptions options = { NULL, };
  FuImportResult *result = NULL;
  FuImportKind kind;
  FuImportFlags flags = FU_IMPORT_FLAGS_NONE;
  gboolean ok;
  int status = 0;

  if (!parse_command_options (cli, _("workshops|participants|responses FILE"),
                              _("Import a CSV file (any encoding; comma, semicolon or tab), or "
                                "an .xlsx or .ods workbook: all of it, or nothing if a row is "
                                "wrong."),
                              entries, &argc, &argv, 2, &status))
    return status;
  if (!fu_import_kind_from_string (argv[1], &kind))
    return fail (_("'%s' is not something to import: say workshops, participants or responses"),
                 argv[1]);
  if (add_administrations)
    flags |= FU_IMPORT_ADD_ADMINISTRATIONS;
  if (replace)
    flags |= FU_IMPORT_REPLACE;
  if (dry_run)
    flags |= FU_IMPORT_DRY_RUN;
  if (delimiter != NULL && !fu_table_parse_delimiter (delimiter, &options.delimiter))
    return fail (_("'%s' is not a separator: say , ; or tab"), delimiter);
  if (header_row < 0)
    return fail (_("--header-row counts lines from 1"));
  options.workshop = workshop;
  options.mapping = mapping;
  options.encoding = encoding;
  options.sheet = sheet;
  options.header_row = (guint) header_row;
  options.administration = administration;

  /* The database's check for damage runs while the file is read; the import waits for it
   * before it writes. */
  if ((store = open_store_full (cli, dry_run ? FU_STORE_OPEN_NONE : FU_STORE_OPEN_CHECK_LATER,
                                &error)) == NULL)
    return fail_error (error);
  if (dry_run)
    {
      ok = fu_import_file_full (store, kind, argv[2], &options, flags, &own_result, &error);
      result = own_result;
    }
  else
    {
      command = fu_command_new_import_file (kind, argv[2], flags);
      fu_command_set_import_options (command, &options);
      ok = apply_command (store, command, &error);
      result = fu_command_get_import_result (command);
    }
  if (dry_run || (!ok && error->domain == FU_IMPORT_ERROR && result != NULL
                  && result->columns->len > 0 && result->n_issues == 0))
    print_detected (result);
  if (save_mapping != NULL && result != NULL && result->columns->len > 0)
    {
      g_autoptr(GError) save_error = NULL;

      if (!fu_import_result_save_mapping (result, save_mapping, &save_error))
        g_printerr ("%s\n", save_error->message);
    }
  if (!ok)
    {
      const char *newline = strchr (error->message, '\n');
      g_autoptr(GPtrArray) groups = NULL;

      if (result == NULL || result->issues->len == 0 || newline == NULL)
        return fail_error (error);
      /* The message's first line, then one line per kind of problem with its lines. */
      g_printerr ("%.*s\n", (int) (newline - error->message), error->message);
      groups = fu_import_result_group_issues (result);
      for (guint i = 0; i < groups->len; i++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (groups, i));
      if (result->n_issues > result->issues->len)
        g_printerr (ngettext ("(%u more problem not listed)\n", "(%u more problems not listed)\n",
                              result->n_issues - result->issues->len),
                    result->n_issues - result->issues->len);
      return EXIT_USER;
    }

  if (dry_run)
    g_print (_("Dry run: nothing was written. The file would add:\n"));
  else
    g_print (_("Imported %s: %u rows.\n"), argv[2], result->rows);
  if (result->workshops_added > 0 || kind == FU_IMPORT_WORKSHOPS)
    g_print (ngettext ("  %u workshop added\n", "  %u workshops added\n",
                       result->workshops_added), result->workshops_added);
  if (result->participants_added > 0 || kind == FU_IMPORT_PARTICIPANTS)
    g_print (ngettext ("  %u participant added\n", "  %u participants added\n",
                       result->participants_added), result->participants_added);
  if (result->attendances_added > 0 || kind == FU_IMPORT_PARTICIPANTS)
    g_print (ngettext ("  %u attendance added\n", "  %u attendances added\n",
                       result->attendances_added), result->attendances_added);
  if (result->replies_added > 0 || kind == FU_IMPORT_RESPONSES)
    g_print (ngettext ("  %u reply added\n", "  %u replies added\n",
                       result->replies_added), result->replies_added);
  if (result->replies_replaced > 0)
    g_print (ngettext ("  %u reply replaced\n", "  %u replies replaced\n",
                       result->replies_replaced), result->replies_replaced);
  if (result->administrations_added > 0)
    g_print (ngettext ("  %u administration added\n", "  %u administrations added\n",
                       result->administrations_added), result->administrations_added);
  if (result->unchanged > 0)
    g_print (ngettext ("  %u row already in the database\n",
                       "  %u rows already in the database\n",
                       result->unchanged), result->unchanged);
  return 0;
}

static gboolean
lookup_workshop_code (FuStore *store, const char *code, gint64 *id, GError **error)
{
  if (!fu_store_lookup_workshop (store, code, id, error))
    return FALSE;
  if (*id == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no workshop with code '%s'"), code);
      return FALSE;
    }
  return TRUE;
}

/* ---- export ---------------------------------------------------------------------------- */

/* The printed reminder list, the same pages the app's Print Reminder List gives. */
static int
export_reminders_pdf (Cli        *cli,
                      FuDay       as_of,
                      const char *output)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuReminderSheet) sheet = NULL;
  g_autofree char *office = NULL;
  FuFollowupQuery query = { 0 };

  if (output == NULL || g_str_equal (output, "-"))
    return fail (_("A PDF needs a file: add --output FILE, e.g. --output reminders.pdf"));
  if ((store = open_store_to_read (cli, &error)) == NULL)
    return fail_error (error);

  query.as_of = as_of;
  query.status_mask = FU_STATUS_MASK_TO_CHASE;
  if ((rows = fu_store_list_followups (store, &query, &error)) == NULL)
    return fail_error (error);
  office = fu_store_get_office_name (store);
  sheet = fu_reminder_sheet_new (rows, office, as_of);
  if (!fu_reminder_sheet_write_pdf (sheet, output, &error))
    return fail_error (error);
  g_printerr (ngettext ("Wrote %s (%u page)\n", "Wrote %s (%u pages)\n",
                        fu_reminder_sheet_get_n_pages (sheet)),
              output, fu_reminder_sheet_get_n_pages (sheet));
  return 0;
}

static int
wrote (const char *output)
{
  g_printerr (_("Wrote %s\n"), output);
  return 0;
}

static int
cmd_export (Cli *cli, int argc, char **argv)
{
  g_autofree char *fiscal_year_text = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *workshop_code = NULL;
  gboolean bom = FALSE;
  const GOptionEntry entries[] = {
    { "fiscal-year", 'y', 0, G_OPTION_ARG_STRING, &fiscal_year_text,
      N_("The fiscal year (summary: required; responses: all years when not given)"),
      N_("2016/17") },
    { "workshop", 'w', 0, G_OPTION_ARG_STRING, &workshop_code,
      N_("Participants: only the attendees of this workshop"), N_("CODE") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Reminders: the day the list is for (default: today)"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom,
      N_("Start with a byte-order mark, for Excel"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("csv (default); xlsx for the summary and the replies, pdf for the reminder list "
         "(both need --output)"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  FuExportFlags flags = FU_EXPORT_FLAGS_NONE;
  const char *what;
  gboolean xlsx;
  int status = 0;

  if (!parse_command_options (cli, _("summary|responses|participants|reminders"),
                              _("Export the annual summary (Tables 1 to 5), the replies, the "
                                "participants or the reminder list as CSV (the reminder list "
                                "also as PDF)."),
                              entries, &argc, &argv, 1, &status))
    return status;
  what = argv[1];
  if (bom)
    flags |= FU_EXPORT_BOM;
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "pdf")
      && !g_str_equal (format, "xlsx"))
    return fail (_("--format %s is not a format: say csv, xlsx or pdf"), format);
  if (format != NULL && g_str_equal (format, "pdf") && !g_str_equal (what, "reminders"))
    return fail (_("Only the reminder list prints as PDF: export %s writes CSV"), what);
  xlsx = format != NULL && g_str_equal (format, "xlsx");
  if (xlsx && !g_str_equal (what, "summary") && !g_str_equal (what, "responses"))
    return fail (_("Only the summary and the replies are written as .xlsx: export %s writes "
                   "CSV"), what);
  if (xlsx && (output == NULL || g_str_equal (output, "-")))
    return fail (_("--format xlsx needs --output FILE.xlsx"));

  if (g_str_equal (what, "summary"))
    {
      guint fiscal_year;

      if (fiscal_year_text == NULL)
        return fail (_("export summary needs --fiscal-year, e.g. --fiscal-year 2016/17"));
      if (!parse_fiscal_year_option (fiscal_year_text, &fiscal_year, &error))
        return fail_error (error);
      if ((store = open_store_to_read (cli, &error)) == NULL)
        return fail_error (error);
      if (xlsx)
        return fu_export_summary_xlsx (store, fiscal_year, output, &error)
               ? wrote (output) : fail_error (error);
      if (!fu_export_summary (store, fiscal_year, flags, text, &error))
        return fail_error (error);
    }
  else if (g_str_equal (what, "responses"))
    {
      FuDay from = FU_DAY_NONE, to = FU_DAY_NONE;

      if ((store = open_store_to_read (cli, &error)) == NULL)
        return fail_error (error);
      if (fiscal_year_text != NULL)
        {
          FuRules rules;
          guint fiscal_year;

          if (!parse_fiscal_year_option (fiscal_year_text, &fiscal_year, &error))
            return fail_error (error);
          fu_store_get_rules (store, &rules);
          fu_fiscal_year_range (&rules, fiscal_year, &from, &to);
        }
      if (xlsx)
        return fu_export_responses_xlsx (store, from, to, output, &error)
               ? wrote (output) : fail_error (error);
      if (!fu_export_responses (store, from, to, flags, text, &error))
        return fail_error (error);
    }
  else if (g_str_equal (what, "participants"))
    {
      gint64 workshop_id = 0;

      if ((store = open_store_to_read (cli, &error)) == NULL)
        return fail_error (error);
      if (workshop_code != NULL && !lookup_workshop_code (store, workshop_code, &workshop_id,
                                                          &error))
        return fail_error (error);
      if (!fu_export_participants (store, workshop_id, flags, text, &error))
        return fail_error (error);
    }
  else if (g_str_equal (what, "reminders"))
    {
      FuDay as_of;

      if (!parse_day_option ("--as-of", as_of_text, &as_of, &error))
        return fail_error (error);
      if (format != NULL && g_str_equal (format, "pdf"))
        return export_reminders_pdf (cli, as_of, output);
      if ((store = open_store_to_read (cli, &error)) == NULL)
        return fail_error (error);
      if (!fu_export_reminders (store, as_of, flags, text, &error))
        return fail_error (error);
    }
  else
    {
      return fail (_("'%s' is not something to export: say summary, responses, participants "
                     "or reminders"),
                   what);
    }

  if (!write_output (output, text, &error))
    return fail_error (error);
  if (output != NULL && !g_str_equal (output, "-"))
    return wrote (output);
  return 0;
}

/* ---- followups ------------------------------------------------------------------------- */

/* Pads @text to @width characters (not bytes: names are UTF-8). */
static void
append_cell (GString *line, const char *text, guint width)
{
  glong len = g_utf8_strlen (text != NULL ? text : "", -1);

  g_string_append (line, text != NULL ? text : "");
  for (glong i = len; i < (glong) width; i++)
    g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}


/* ---- compose ---------------------------------------------------------------------------- */

static int
cmd_compose (Cli *cli, int argc, char **argv)
{
  g_autofree char *as_of_text = NULL;
  g_autofree char *workshop_code = NULL;
  const GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("The day the statuses are for (default: today)"), N_("YYYY-MM-DD") },
    { "workshop", 'w', 0, G_OPTION_ARG_STRING, &workshop_code,
      N_("Only this workshop"), N_("CODE") },
    { NULL }
  };
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) without_email = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *office = NULL;
  FuFollowupQuery query = { 0 };
  FuMailtoKind kind;
  FuRules rules;
  int status = 0;

  if (!parse_command_options (cli, _("questionnaire|reminders"),
                              _("Print the e-mails to send as mailto: links, one a line, each "
                                "short enough for a mail program: the questionnaire to those "
                                "it is to be sent to, or a reminder to those due one or "
                                "overdue."),
                              entries, &argc, &argv, 1, &status))
    return status;
  if (g_strcmp0 (argv[1], "questionnaire") == 0)
    {
      kind = FU_MAILTO_QUESTIONNAIRE;
      query.status_mask = 1u << FU_STATUS_TO_SEND;
    }
  else if (g_strcmp0 (argv[1], "reminders") == 0)
    {
      kind = FU_MAILTO_REMINDER;
      query.status_mask = (1u << FU_STATUS_REMINDER_DUE) | (1u << FU_STATUS_OVERDUE);
    }
  else
    return fail (_("'%s' is not something to compose: say questionnaire or reminders"),
                 argv[1]);
  if (!parse_day_option ("--as-of", as_of_text, &query.as_of, &error))
    return fail_error (error);
  if ((store = open_store_to_read (cli, &error)) == NULL)
    return fail_error (error);
  if (workshop_code != NULL
      && !lookup_workshop_code (store, workshop_code, &query.workshop_id, &error))
    return fail_error (error);
  if ((rows = fu_store_list_followups (store, &query, &error)) == NULL)
    return fail_error (error);

  fu_store_get_rules (store, &rules);
  office = fu_store_get_office_name (store);
  drafts = fu_mailto_build_drafts (rows, &rules, office, kind, query.as_of,
                                   FU_MAILTO_MAX_LENGTH, without_email);
  for (guint i = 0; i < drafts->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (drafts, i));
  for (guint i = 0; i < without_email->len; i++)
    g_printerr (_("No e-mail address for %s\n"), (const char *) g_ptr_array_index (without_email, i));
  return 0;
}

static int
cmd_followups (Cli *cli, int argc, char **argv)
{
  g_autofree char *as_of_text = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *workshop_code = NULL;
  const GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("The day the statuses are for (default: today)"), N_("YYYY-MM-DD") },
    { "status", 's', 0, G_OPTION_ARG_STRING, &status_text,
      N_("Only this status: planned, to-send, awaiting-reply, reminder-due, overdue, replied "
         "or closed"), N_("STATUS") },
    { "workshop", 'w', 0, G_OPTION_ARG_STRING, &workshop_code,
      N_("Only this workshop"), N_("CODE") },
    { NULL }
  };
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  FuFollowupQuery query = { 0 };
  guint counts[FU_N_STATUSES] = { 0 };
  guint widths[4] = { 4, 11, 14, 6 };
  int status = 0;

  if (!parse_command_options (cli, "",
                              _("List follow-ups with their status as of a day."),
                              entries, &argc, &argv, 0, &status))
    return status;
  if (!parse_day_option ("--as-of", as_of_text, &query.as_of, &error))
    return fail_error (error);
  if (status_text != NULL)
    {
      FuFollowupStatus wanted;

      if (!fu_followup_status_from_string (status_text, &wanted, &error))
        return fail_error (error);
      query.status_mask = 1u << wanted;
    }
  if ((store = open_store_to_read (cli, &error)) == NULL)
    return fail_error (error);
  if (workshop_code != NULL && !lookup_workshop_code (store, workshop_code, &query.workshop_id,
                                                      &error))
    return fail_error (error);
  if ((rows = fu_store_list_followups (store, &query, &error)) == NULL)
    return fail_error (error);

  for (guint i = 0; i < rows->len; i++)
    {
      FuFollowupRow *row = g_ptr_array_index (rows, i);

      widths[0] = MAX (widths[0], (guint) g_utf8_strlen (row->workshop_code, -1));
      widths[1] = MAX (widths[1], (guint) g_utf8_strlen (row->participant_name, -1));
      widths[2] = MAX (widths[2], (guint) g_utf8_strlen (row->administration, -1));
      widths[3] = MAX (widths[3], (guint) strlen (fu_followup_status_to_string (row->status)));
      counts[row->status]++;
    }

  append_cell (out, _("Code"), widths[0]);
  append_cell (out, _("Participant"), widths[1]);
  append_cell (out, _("Administration"), widths[2]);
  append_cell (out, _("Status"), widths[3]);
  append_cell (out, _("Planned"), 10);
  append_cell (out, _("Sent"), 10);
  append_cell (out, _("Deadline"), 10);
  append_cell (out, _("Reminders"), 9);
  g_string_append (out, _("Days overdue"));
  g_string_append_c (out, '\n');

  for (guint i = 0; i < rows->len; i++)
    {
      FuFollowupRow *row = g_ptr_array_index (rows, i);
      char planned[11], sent[11], deadline[11];
      char reminders[16], overdue[16];

      fu_day_format_iso (row->dates.planned, planned);
      fu_day_format_iso (row->dates.sent, sent);
      fu_day_format_iso (row->dates.deadline, deadline);
      g_snprintf (reminders, sizeof reminders, "%u", row->n_reminders);
      g_snprintf (overdue, sizeof overdue, "%u", row->days_overdue);
      append_cell (out, row->workshop_code, widths[0]);
      append_cell (out, row->participant_name, widths[1]);
      append_cell (out, row->administration, widths[2]);
      append_cell (out, fu_followup_status_to_string (row->status), widths[3]);
      append_cell (out, planned, 10);
      append_cell (out, sent, 10);
      append_cell (out, deadline, 10);
      append_cell (out, reminders, 9);
      g_string_append (out, row->days_overdue > 0 ? overdue : "");
      g_string_append_c (out, '\n');
    }

  {
    char as_of[11];

    fu_day_format_iso (query.as_of, as_of);
    g_string_append_printf (out, ngettext ("%u follow-up as of %s", "%u follow-ups as of %s",
                                           rows->len), rows->len, as_of);
    for (guint s = 0; s < FU_N_STATUSES; s++)
      if (counts[s] > 0)
        g_string_append_printf (out, ", %s %u", fu_followup_status_get_label (s), counts[s]);
    g_string_append_c (out, '\n');
  }

  if (!write_output (NULL, out, &error))
    return fail_error (error);
  return 0;
}

/* ---- mark-sent, mark-reminded ---------------------------------------------------------- */

static int
mark_workshop (Cli *cli, int argc, char **argv, gboolean reminder)
{
  g_autofree char *date_text = NULL;
  const GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day it was sent (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 workshop_id = 0;
  g_autoptr(FuCommand) command = NULL;
  guint n_changed = 0;
  FuDay date;
  char date_iso[11];
  int status = 0;

  if (!parse_command_options (cli, _("WORKSHOP_CODE"),
                              reminder
                                ? _("Record a reminder sent to the workshop's participants who "
                                    "have not replied.")
                                : _("Record the workshop's questionnaires as sent."),
                              entries, &argc, &argv, 1, &status))
    return status;
  if (!parse_day_option ("--date", date_text, &date, &error))
    return fail_error (error);
  if ((store = open_store (cli, &error)) == NULL)
    return fail_error (error);
  if (!lookup_workshop_code (store, argv[1], &workshop_id, &error))
    return fail_error (error);

  command = reminder ? fu_command_new_mark_reminded (workshop_id, date)
                    : fu_command_new_mark_sent (workshop_id, date);
  if (!apply_command (store, command, &error))
    return fail_error (error);
  n_changed = fu_command_get_n_changed (command);

  fu_day_format_iso (date, date_iso);
  if (reminder)
    g_print (ngettext ("Recorded a reminder on %s to %u participant of %s.\n",
                       "Recorded a reminder on %s to %u participants of %s.\n", n_changed),
             date_iso, n_changed, argv[1]);
  else
    g_print (ngettext ("Recorded %u questionnaire of %s as sent on %s.\n",
                       "Recorded %u questionnaires of %s as sent on %s.\n", n_changed),
             n_changed, argv[1], date_iso);
  return 0;
}

static int
cmd_mark_sent (Cli *cli, int argc, char **argv)
{
  return mark_workshop (cli, argc, argv, FALSE);
}

static int
cmd_mark_reminded (Cli *cli, int argc, char **argv)
{
  return mark_workshop (cli, argc, argv, TRUE);
}

/* ---- stats ----------------------------------------------------------------------------- */

static char *
format_rate (guint part, guint whole)
{
  if (whole == 0)
    return g_strdup ("–");
  /* TRANSLATORS: a percentage, "57%" */
  return g_strdup_printf (_("%u%%"), fu_percent (part, whole));
}

static void
print_year_summary (FuStore *store, const FuRules *rules, guint fiscal_year, GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) inhouse = NULL;
  g_autoptr(FuSummaryRow) total = NULL;
  g_autofree char *label = fu_fiscal_year_label (rules, fiscal_year);
  g_autofree char *rate = NULL;
  g_autofree char *de = NULL;
  g_autofree char *con = NULL;
  g_autofree char *proj = NULL;
  FuDay from, to;

  fu_fiscal_year_range (rules, fiscal_year, &from, &to);
  if ((rows = fu_store_summary (store, from, to, &total, error)) == NULL)
    return;
  rate = format_rate (total->replies, total->participants);
  de = format_rate (total->direct_effects_yes, total->replies);
  con = format_rate (total->contributed_yes, total->replies);
  proj = format_rate (total->project_yes, total->replies);
  g_print (_("%s: %u surveyed workshops, %u participants, %u replies (%s)\n"),
           label, rows->len, total->participants, total->replies, rate);
  g_print (_("  direct effects realized: %u (%s), not realized: %u\n"),
           total->direct_effects_yes, de, total->direct_effects_no);
  g_print (_("  contributed to efficiency: %u (%s), did not: %u\n"),
           total->contributed_yes, con, total->contributed_no);
  g_print (_("  modernization projects initiated: %u (%s), not initiated: %u\n"),
           total->project_yes, proj, total->project_no);
  g_print (_("  colleagues who learned from shared materials: %u\n"),
           total->colleagues_learned);

  if ((inhouse = fu_store_inhouse_administrations (store, from, to, error)) == NULL)
    return;
  if (inhouse->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      guint n_workshops = 0;

      for (guint i = 0; i < inhouse->len; i++)
        {
          FuInhouseRow *row = g_ptr_array_index (inhouse, i);

          g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", row->name);
          n_workshops += row->inhouse_workshops;
        }
      g_print (ngettext ("  %u administration organized %u in-house workshops: %s\n",
                         "  %u administrations organized %u in-house workshops: %s\n",
                         inhouse->len),
               inhouse->len, n_workshops, names->str);
    }
}

static int
cmd_stats (Cli *cli, int argc, char **argv)
{
  g_autofree char *fiscal_year_text = NULL;
  const GOptionEntry entries[] = {
    { "fiscal-year", 'y', 0, G_OPTION_ARG_STRING, &fiscal_year_text,
      N_("Summarize this fiscal year (default: every year, in short)"), N_("2016/17") },
    { NULL }
  };
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) trend = NULL;
  g_autoptr(GPtrArray) workshops = NULL;
  FuFollowupQuery query = { 0 };
  guint counts[FU_N_STATUSES] = { 0 };
  FuRules rules;
  char today_iso[11];
  guint label_width = 0;
  int status = 0;

  if (!parse_command_options (cli, "", _("Say what the database holds and what needs doing."),
                              entries, &argc, &argv, 0, &status))
    return status;
  if (!fu_context_today_from_environment (&query.as_of, &error))
    return fail_error (error);
  if ((store = open_store_to_read (cli, &error)) == NULL)
    return fail_error (error);
  fu_store_get_rules (store, &rules);

  if (fiscal_year_text != NULL)
    {
      guint fiscal_year;

      if (!parse_fiscal_year_option (fiscal_year_text, &fiscal_year, &error))
        return fail_error (error);
      print_year_summary (store, &rules, fiscal_year, &error);
      if (error != NULL)
        return fail_error (error);
      return 0;
    }

  if ((workshops = fu_store_list_workshops (store, FU_DAY_NONE, FU_DAY_NONE, &error)) == NULL)
    return fail_error (error);
  if (!fu_store_count_followups (store, &query, counts, &error))
    return fail_error (error);
  if ((trend = fu_store_reply_rate_trend (store, &error)) == NULL)
    return fail_error (error);

  g_print (_("Database: %s\n"), fu_store_get_path (store));
  g_print (ngettext ("%u workshop\n", "%u workshops\n", workshops->len), workshops->len);
  fu_day_format_iso (query.as_of, today_iso);
  g_print (_("Follow-ups as of %s:\n"), today_iso);
  /* One column of labels, as wide as the longest in the user's language. */
  for (guint s = 0; s < FU_N_STATUSES; s++)
    label_width = MAX (label_width, (guint) g_utf8_strlen (fu_followup_status_get_label (s), -1));
  for (guint s = 0; s < FU_N_STATUSES; s++)
    {
      g_autoptr(GString) line = g_string_new ("  ");

      append_cell (line, fu_followup_status_get_label (s), label_width);
      g_print ("%s%u\n", line->str, counts[s]);
    }

  if (trend->len > 0)
    g_print (_("Reply rate by fiscal year:\n"));
  for (guint i = 0; i < trend->len; i++)
    {
      FuTrendPoint *point = &g_array_index (trend, FuTrendPoint, i);
      g_autofree char *label = fu_fiscal_year_label (&rules, point->fiscal_year);
      g_autofree char *rate = NULL;

      if (point->entered && point->participants == 0)
        {
          rate = fu_rate_format_tenths (fu_trend_point_rate_tenths (point), TRUE);
          /* TRANSLATORS: a year before the database entered as a rate: "28.0%" */
          g_print (_("  %s: %s%% (entered)\n"), label, rate);
          continue;
        }
      rate = format_rate (point->replies, point->participants);
      if (point->entered)
        g_print (_("  %s: %u of %u replied (%s, entered)\n"), label, point->replies,
                 point->participants, rate);
      else
        g_print (_("  %s: %u workshops, %u of %u replied (%s)\n"), label, point->workshops,
                 point->replies, point->participants, rate);
    }
  if (fu_store_is_empty (store))
    g_print (_("The database is empty: 'followup-cli sample' loads the FY2016/17 sample, "
               "'followup-cli import' reads CSV files.\n"));
  return 0;
}

/* ---- sample ---------------------------------------------------------------------------- */

static int
cmd_sample (Cli *cli, int argc, char **argv)
{
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!parse_command_options (cli, "",
                              _("Load the FY2016/17 sample: the 13 workshops of the Good Practice "
                                "Report No. 17, their participants and replies."),
                              NULL, &argc, &argv, 0, &status))
    return status;
  if ((store = open_store (cli, &error)) == NULL)
    return fail_error (error);
  command = fu_command_new_load_sample ();
  if (!apply_command (store, command, &error))
    return fail_error (error);
  g_print (_("Loaded the FY2016/17 sample into %s.\n"), fu_store_get_path (store));
  return 0;
}

/* ---- chart ----------------------------------------------------------------------------- */

static int
cmd_chart (Cli *cli, int argc, char **argv)
{
  g_autofree char *fiscal_year_text = NULL;
  g_autofree char *output = NULL;
  int width = 800;
  int height = 0;
  const GOptionEntry entries[] = {
    { "fiscal-year", 'y', 0, G_OPTION_ARG_STRING, &fiscal_year_text,
      N_("The fiscal year to chart (required, but for reply-rate: every year when not given)"),
      N_("2016/17") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write; its extension chooses the format (required)"),
      N_("FILE.png|FILE.svg|FILE.pdf") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width,
      N_("Width in pixels (PNG, SVG) or points (PDF); default 800"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height,
      N_("Height; default: as tall as the chart needs for its rows to stay legible"), N_("H") },
    { NULL }
  };
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuChart) chart = NULL;
  g_autoptr(GString) kinds = g_string_new (NULL);
  g_autofree char *summary = NULL;
  FuChartKind kind;
  FuChartFormat format;
  guint fiscal_year = 0;
  int status = 0;

  for (guint k = 0; k < FU_N_CHART_KINDS; k++)
    g_string_append_printf (kinds, "%s%s", k > 0 ? ", " : "", fu_chart_kind_to_string (k));
  summary = g_strdup_printf (_("Draw one of the annual report's charts as PNG, SVG or PDF.\n"
                               "KIND: %s."), kinds->str);
  if (!parse_command_options (cli, _("KIND"), summary, entries, &argc, &argv, 1, &status))
    return status;
  if (!fu_chart_kind_from_string (argv[1], &kind, &error))
    return fail_error (error);
  if (fiscal_year_text == NULL && kind != FU_CHART_KIND_REPLY_RATE)
    return fail (_("chart %s needs --fiscal-year, e.g. --fiscal-year 2016/17"), argv[1]);
  if (output == NULL || g_str_equal (output, "-"))
    return fail (_("A chart needs a file: add --output FILE, e.g. --output chart.png"));
  if (!fu_chart_format_from_path (output, &format, &error))
    return fail_error (error);
  if (fiscal_year_text != NULL && !parse_fiscal_year_option (fiscal_year_text, &fiscal_year,
                                                             &error))
    return fail_error (error);
  if ((store = open_store_to_read (cli, &error)) == NULL)
    return fail_error (error);
  if ((chart = fu_charts_build (store, kind, fiscal_year, &error)) == NULL)
    return fail_error (error);
  if (!fu_chart_write (chart, output, format, width, height, &error))
    return fail_error (error);
  g_printerr (_("Wrote %s\n"), output);
  if (fu_chart_is_empty (chart) && fu_chart_get_empty_message (chart) != NULL)
    g_printerr ("%s\n", fu_chart_get_empty_message (chart));
  return 0;
}

/* ---- report and feedback --------------------------------------------------------------- */

static int
cmd_report (Cli *cli, int argc, char **argv)
{
  g_autofree char *fiscal_year_text = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "fiscal-year", 'y', 0, G_OPTION_ARG_STRING, &fiscal_year_text,
      N_("The fiscal year to report on (required)"), N_("2016/17") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF file to write (required)"), N_("FILE.pdf") },
    { NULL }
  };
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuAnnualReport) report = NULL;
  guint fiscal_year;
  int status = 0;

  if (!parse_command_options (cli, "",
                              _("Write the year's Good Practice Report as PDF: Tables 1 to 5, "
                                "the charts and the participants' own words."),
                              entries, &argc, &argv, 0, &status))
    return status;
  if (fiscal_year_text == NULL)
    return fail (_("report needs --fiscal-year, e.g. --fiscal-year 2016/17"));
  if (output == NULL || g_str_equal (output, "-"))
    return fail (_("A PDF needs a file: add --output FILE, e.g. --output report.pdf"));
  if (!parse_fiscal_year_option (fiscal_year_text, &fiscal_year, &error))
    return fail_error (error);
  if ((store = open_store_to_read (cli, &error)) == NULL)
    return fail_error (error);
  if ((report = fu_annual_report_new (store, fiscal_year, &error)) == NULL)
    return fail_error (error);
  if (!fu_annual_report_save_pdf (report, output, &error))
    return fail_error (error);
  g_printerr (ngettext ("Wrote %s (%u page)\n", "Wrote %s (%u pages)\n",
                        fu_annual_report_get_n_pages (report)),
              output, fu_annual_report_get_n_pages (report));
  return 0;
}

static int
cmd_feedback (Cli *cli, int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  gboolean bom = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write: FILE.pdf, or FILE.csv (standard output when not given: CSV)"),
      N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("pdf or csv (default: from the file's extension)"), N_("FORMAT") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom,
      N_("CSV: start with a byte-order mark, for Excel"), NULL },
    { NULL }
  };
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuFeedbackSheet) sheet = NULL;
  gboolean pdf;
  gint64 workshop_id = 0;
  int status = 0;

  if (!parse_command_options (cli, _("WORKSHOP_CODE"),
                              _("Write a workshop's feedback sheet, the aggregated table of its "
                                "replies for every participant: PDF or CSV, counts only."),
                              entries, &argc, &argv, 1, &status))
    return status;
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "pdf"))
    return fail (_("--format %s is not a format: say csv or pdf"), format);
  if (format != NULL)
    pdf = g_str_equal (format, "pdf");
  else if (output != NULL && g_str_has_suffix (output, ".pdf"))
    pdf = TRUE;
  else if (output == NULL || g_str_equal (output, "-") || g_str_has_suffix (output, ".csv"))
    pdf = FALSE;
  else
    return fail (_("Say which format %s should be: name it .pdf or .csv, or add --format"),
                 output);
  if (pdf && (output == NULL || g_str_equal (output, "-")))
    return fail (_("A PDF needs a file: add --output FILE, e.g. --output feedback.pdf"));

  if ((store = open_store_to_read (cli, &error)) == NULL)
    return fail_error (error);
  if (!lookup_workshop_code (store, argv[1], &workshop_id, &error))
    return fail_error (error);
  if ((sheet = fu_feedback_sheet_new (store, workshop_id, &error)) == NULL)
    return fail_error (error);

  if (pdf)
    {
      if (!fu_feedback_sheet_write_pdf (sheet, output, &error))
        return fail_error (error);
    }
  else
    {
      g_autoptr(GString) text = g_string_new (NULL);

      fu_feedback_sheet_write_csv (sheet, text, bom);
      if (!write_output (output, text, &error))
        return fail_error (error);
    }
  if (output != NULL && !g_str_equal (output, "-"))
    g_printerr (_("Wrote %s\n"), output);
  if (!fu_feedback_sheet_shows_answers (sheet))
    g_printerr (ngettext ("Fewer than %u reply: the sheet gives the reply rate only.\n",
                          "Fewer than %u replies: the sheet gives the reply rate only.\n",
                          FU_FEEDBACK_SHEET_MIN_REPLIES),
                FU_FEEDBACK_SHEET_MIN_REPLIES);
  return 0;
}

/* ---- history, undo ----------------------------------------------------------------------- */

static char *
format_entry_time (gint64 at, const char *format)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (at);

  return g_date_time_format (time, format);
}

static int
cmd_history (Cli *cli, int argc, char **argv)
{
  int limit = 0;
  g_autofree char *workshop_code = NULL;
  g_autofree char *email = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  gboolean bom = FALSE;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit,
      N_("Only the N newest entries"), N_("N") },
    { "workshop", 'w', 0, G_OPTION_ARG_STRING, &workshop_code,
      N_("Only the changes to this workshop and its participants' follow-ups"), N_("CODE") },
    { "participant", 'p', 0, G_OPTION_ARG_STRING, &email,
      N_("Only the changes to the participant with this e-mail address"), N_("EMAIL") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("text (default) or csv"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom,
      N_("CSV: start with a byte-order mark, for Excel"), NULL },
    { NULL }
  };
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  FuAuditQuery query = { 0 };
  gboolean csv;
  int status = 0;

  if (!parse_command_options (cli, "",
                              _("List the changes made to the database, newest first: when (UTC), "
                                "who, and what."),
                              entries, &argc, &argv, 0, &status))
    return status;
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "csv"))
    return fail (_("--format %s is not a format: say text or csv"), format);
  if (limit < 0)
    return fail (_("--limit must be a positive number"));
  csv = format != NULL && g_str_equal (format, "csv");

  if ((store = open_store_to_read (cli, &error)) == NULL)
    return fail_error (error);
  query.limit = (guint) limit;
  if (workshop_code != NULL
      && !lookup_workshop_code (store, workshop_code, &query.workshop_id, &error))
    return fail_error (error);
  if (email != NULL)
    {
      if (!fu_store_lookup_participant (store, email, NULL, 0, &query.participant_id, &error))
        return fail_error (error);
      if (query.participant_id == 0)
        return fail (_("There is no participant with the e-mail address '%s'"), email);
    }
  if ((list = fu_store_list_audit_entries (store, &query, &error)) == NULL)
    return fail_error (error);

  if (csv)
    {
      g_autoptr(FuCsvWriter) writer = fu_csv_writer_new (out, bom);
      static const char * const columns[] = {
        "id", "time", "author", "kind", "sentence", "undoes", "undone_by", "changes", NULL
      };

      for (guint i = 0; columns[i] != NULL; i++)
        fu_csv_writer_add (writer, columns[i]);
      fu_csv_writer_end_row (writer);
      for (guint i = 0; i < list->len; i++)
        {
          const FuAuditEntry *entry = g_ptr_array_index (list, i);
          g_autofree char *time = format_entry_time (entry->at, "%Y-%m-%dT%H:%M:%SZ");
          g_autofree char *sentence = fu_audit_entry_describe (entry);

          fu_csv_writer_add_int (writer, (int) entry->id);
          fu_csv_writer_add (writer, time);
          fu_csv_writer_add (writer, entry->author);
          fu_csv_writer_add (writer, entry->kind);
          fu_csv_writer_add (writer, sentence);
          if (entry->undoes > 0)
            fu_csv_writer_add_int (writer, (int) entry->undoes);
          else
            fu_csv_writer_add (writer, "");
          if (entry->undone_by > 0)
            fu_csv_writer_add_int (writer, (int) entry->undone_by);
          else
            fu_csv_writer_add (writer, "");
          fu_csv_writer_add_uint (writer, entry->n_changes);
          fu_csv_writer_end_row (writer);
        }
    }
  else
    {
      for (guint i = 0; i < list->len; i++)
        {
          const FuAuditEntry *entry = g_ptr_array_index (list, i);
          g_autofree char *time = format_entry_time (entry->at, "%Y-%m-%d %H:%M:%S UTC");
          g_autofree char *sentence = fu_audit_entry_describe (entry);

          g_string_append_printf (out, "%s  %s  %s%s\n", time, entry->author, sentence,
                                  entry->undone_by > 0 ? _(" (undone)") : "");
        }
    }

  if (!write_output (output, out, &error))
    return fail_error (error);
  return 0;
}

static int
cmd_undo (Cli *cli, int argc, char **argv)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuCommand) command = NULL;
  gint64 entry_id;
  int status = 0;

  if (!parse_command_options (cli, "",
                              _("Undo the most recent change not undone yet, and say what it was."),
                              NULL, &argc, &argv, 0, &status))
    return status;
  if ((store = open_store (cli, &error)) == NULL)
    return fail_error (error);
  entry_id = fu_store_audit_last_undoable (store, &error);
  if (error != NULL)
    return fail_error (error);
  if (entry_id == 0)
    return fail (_("There is nothing to undo in %s"), fu_store_get_path (store));

  command = fu_command_new_revert (entry_id);
  return apply_and_say (store, command);
}

/* ---- Backups ----------------------------------------------------------------------------- */

static int
cmd_backup (Cli *cli, int argc, char **argv)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *made = NULL;
  int status = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the backup to this file instead of the backups folder"), N_("FILE") },
    { NULL }
  };

  if (!parse_command_options (cli, "",
                              _("Back up the database now, with SQLite's online backup, "
                                "checked, into its backups folder or FILE."),
                              entries, &argc, &argv, 0, &status))
    return status;
  if ((store = open_store (cli, &error)) == NULL)
    return fail_error (error);
  if (output != NULL ? !fu_store_backup_to (store, output, &error)
                     : !fu_backups_make (store, &made, &error))
    return fail_error (error);
  g_print (_("Backed up %s to %s\n"), fu_store_get_path (store), output != NULL ? output : made);
  return 0;
}

static int
cmd_backups (Cli *cli, int argc, char **argv)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *folder = NULL;
  int status = 0;

  if (!parse_command_options (cli, "",
                              _("List the backups of the database, newest first: when, size, "
                                "workshops, participants, replies and file."),
                              NULL, &argc, &argv, 0, &status))
    return status;
  if ((store = open_store_to_read (cli, &error)) == NULL)
    return fail_error (error);
  if ((backups = fu_backups_list (store, &error)) == NULL)
    return fail_error (error);
  folder = fu_backups_folder (store);
  if (backups->len == 0)
    {
      g_print (_("No backups in %s\n"), folder != NULL ? folder : "-");
      return 0;
    }
  g_print ("%-19s  %10s  %9s  %12s  %7s  %s\n", _("Made"), _("Size"), _("Workshops"),
           _("Participants"), _("Replies"), _("File"));
  for (guint i = 0; i < backups->len; i++)
    {
      FuBackup *backup = backups->pdata[i];
      g_autofree char *when = g_date_time_format (backup->time, "%Y-%m-%d %H:%M:%S");
      g_autofree char *size = g_format_size (backup->size);

      g_print ("%-19s  %10s  %9" G_GINT64_FORMAT "  %12" G_GINT64_FORMAT "  %7" G_GINT64_FORMAT
               "  %s\n", when, size, backup->info.n_workshops, backup->info.n_participants,
               backup->info.n_replies, backup->path);
    }
  return 0;
}

static void
say_table (const char *table,
           gpointer    user_data)
{
  if (GPOINTER_TO_INT (user_data))
    g_printerr (_("Copying %s…\n"), table);
}

static int
cmd_copy (Cli *cli, int argc, char **argv)
{
  g_autoptr(FuStore) from = NULL;
  g_autoptr(FuStore) to = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_location = NULL;
  g_autofree char *to_location = NULL;
  g_autofree char *author = staff_name ();
  gboolean verbose = FALSE;
  int status = 0;
  const GOptionEntry entries[] = {
    /* TRANSLATORS: LOCATION is a file or a team database's address */
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_location, N_("The database to copy"),
      N_("LOCATION") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_location,
      N_("The new database: a file that does not exist yet, or an empty team database"),
      N_("LOCATION") },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("Say which table is being copied"),
      NULL },
    { NULL }
  };

  if (!parse_command_options (cli, "",
                              _("Copy a whole database, history included, into a new one: "
                                "a file into a team database (postgresql://…) or back. The "
                                "copy is read from one moment of the source and written in "
                                "one transaction: it is all there, or nothing is."),
                              entries, &argc, &argv, 0, &status))
    return status;
  if (from_location == NULL || to_location == NULL)
    return fail (_("copy needs --from and --to, e.g. --from office.db "
                   "--to postgresql:///followup?host=/var/run/postgresql"));
  if (g_str_equal (from_location, to_location))
    return fail (_("copy needs two different databases"));

  from = fu_store_open (from_location, &error);
  if (from == NULL)
    return fail_error (error);
  to = fu_store_open (to_location, &error);
  if (to == NULL)
    return fail_error (error);
  if (author != NULL && *author != '\0')
    fu_store_set_author (to, author);
  if (!fu_store_copy (from, to, say_table, GINT_TO_POINTER (verbose), &error))
    return fail_error (error);
  g_print (_("Copied %s to %s\n"), from_location, to_location);
  return 0;
}

static int
cmd_restore (Cli *cli, int argc, char **argv)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuCommand) command = NULL;
  int status = 0;

  if (!parse_command_options (cli, _("FILE"),
                              _("Make the database what the backup FILE holds. The present state "
                                "is backed up first, and the restore can be undone."),
                              NULL, &argc, &argv, 1, &status))
    return status;
  store = open_store (cli, &error);
  if ((store != NULL && fu_store_get_access (store) == FU_STORE_ACCESS_DAMAGED)
      || g_error_matches (error, FU_STORE_ERROR, FU_STORE_ERROR_DAMAGED))
    {
      g_autofree char *path = cli->database != NULL ? g_strdup (cli->database)
                                                    : fu_store_default_path ();
      g_autofree char *aside = NULL;

      /* A damaged file cannot take the restore as a change: the backup takes its place. */
      g_clear_object (&store);
      g_clear_error (&error);
      if (!fu_backups_replace_damaged (path, argv[1], &aside, &error))
        return fail_error (error);
      g_print (_("Replaced the damaged %s with the backup %s; the damaged file is kept as %s\n"),
               path, argv[1], aside);
      return 0;
    }
  if (store == NULL)
    return fail_error (error);
  command = fu_command_new_restore (argv[1]);
  if (!apply_command (store, command, &error))
    return fail_error (error);
  g_print ("%s\n", fu_command_get_sentence (command) != NULL ? fu_command_get_sentence (command)
                                                              : _("Nothing to restore: the "
                                                                  "database is as the backup"));
  return 0;
}

/* ---- Personal data ----------------------------------------------------------------------- */

/* The participant with the e-mail address, or 0 with a message printed. */
static gint64
lookup_person (FuStore *store, const char *email, int *status)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!fu_store_lookup_participant (store, email, NULL, 0, &id, &error))
    *status = error != NULL ? fail_error (error)
                            : fail (_("There is no participant with the e-mail address '%s'"),
                                    email);
  else if (id == 0)
    *status = fail (_("There is no participant with the e-mail address '%s'"), email);
  return id;
}

static int
cmd_do_not_contact (Cli *cli, int argc, char **argv)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuCommand) command = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *date_text = NULL;
  gboolean clear = FALSE;
  FuDay date = FU_DAY_NONE;
  gint64 id;
  int status = 0;
  const GOptionEntry entries[] = {
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason,
      N_("Why: the person's request, a bounce..."), N_("TEXT") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day of the request (default: today)"), N_("YYYY-MM-DD") },
    { "clear", 0, 0, G_OPTION_ARG_NONE, &clear,
      N_("The person may be contacted again"), NULL },
    { NULL }
  };

  if (!parse_command_options (cli, _("EMAIL"),
                              _("Mark a person \"do not contact\": no questionnaire, no reminder; "
                                "their open follow-ups close. They still count as participants."),
                              entries, &argc, &argv, 1, &status))
    return status;
  if (!clear && !parse_day_option ("--date", date_text, &date, &error))
    return fail_error (error);
  if (reason != NULL && !fu_text_is_single_line (reason))
    return fail (_("--reason holds a control character or a line break: write it on one line"));
  if ((store = open_store (cli, &error)) == NULL)
    return fail_error (error);
  if ((id = lookup_person (store, argv[1], &status)) == 0)
    return status;
  command = fu_command_new_set_no_contact (id, clear ? FU_DAY_NONE : date, reason);
  return apply_and_say (store, command);
}

static int
cmd_questionnaire (Cli *cli, int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *deadline_text = NULL;
  g_autofree char *as_of_text = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF to write (default: questionnaire-CODE.pdf)"), N_("FILE") },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline_text,
      N_("The day to reply by (default: the day it is sent plus the days to reply)"),
      N_("YYYY-MM-DD") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("The day it is sent (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuQuestionnaireSheet) sheet = NULL;
  g_autofree char *path = NULL;
  FuRules rules;
  FuDay as_of = FU_DAY_NONE;
  FuDay deadline = FU_DAY_NONE;
  gint64 workshop_id = 0;
  int status = 0;

  if (!parse_command_options (cli, _("WORKSHOP_CODE"),
                              _("Write a workshop's follow-up questionnaire as a PDF to attach "
                                "to the invitation, with the day to reply by."),
                              entries, &argc, &argv, 1, &status))
    return status;
  if (deadline_text != NULL && as_of_text != NULL)
    return fail (_("Give either --deadline or --as-of, not both"));
  if (deadline_text != NULL && !fu_day_parse_iso (deadline_text, &deadline))
    return fail (_("--deadline \"%s\" is not a day: write it as YYYY-MM-DD"), deadline_text);
  if (!parse_day_option ("--as-of", as_of_text, &as_of, &error))
    return fail_error (error);

  if ((store = open_store_to_read (cli, &error)) == NULL)
    return fail_error (error);
  if (!lookup_workshop_code (store, argv[1], &workshop_id, &error))
    return fail_error (error);
  fu_store_get_rules (store, &rules);
  if (deadline == FU_DAY_NONE)
    deadline = fu_day_add_days (as_of, (int) rules.reply_days);
  if ((sheet = fu_questionnaire_sheet_new (store, workshop_id, deadline, &error)) == NULL)
    return fail_error (error);
  path = output != NULL ? g_strdup (output) : fu_questionnaire_sheet_dup_file_name (sheet);
  if (!fu_questionnaire_sheet_write_pdf (sheet, path, &error))
    return fail_error (error);
  g_printerr (_("Wrote %s\n"), path);
  return 0;
}

/* ---- administrations ------------------------------------------------------------------- */

static gint64
lookup_administration_or_fail (FuStore *store, const char *name, int *status)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!fu_store_lookup_administration (store, name, &id, &error))
    *status = fail_error (error);
  else if (id == 0)
    *status = fail (_("There is no administration named “%s”: `followup-cli administrations` "
                      "lists them"), name);
  return id;
}

static int
cmd_administrations (Cli *cli, int argc, char **argv)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) admins = NULL;
  g_autoptr(GPtrArray) aliases = NULL;
  int status = 0;
  const GOptionEntry entries[] = { { NULL } };

  if (!parse_command_options (cli, "",
                              _("List the administrations: name, short name, member or "
                                "observer, and the other names imports take for them."),
                              entries, &argc, &argv, 0, &status))
    return status;
  if ((store = open_store_to_read (cli, &error)) == NULL
      || (admins = fu_store_list_administrations (store, &error)) == NULL
      || (aliases = fu_store_list_aliases (store, &error)) == NULL)
    return fail_error (error);
  for (guint i = 0; i < admins->len; i++)
    {
      const FuAdministration *admin = g_ptr_array_index (admins, i);
      g_autoptr(GString) line = g_string_new (admin->name);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      if (admin->short_name != NULL)
        g_string_append_printf (line, " (%s)", admin->short_name);
      g_string_append_printf (line, "\t%s", admin->member ? _("member")
                                             : admin->observer ? _("observer")
                                             : _("not a member"));
      for (guint j = 0; j < aliases->len; j++)
        {
          const FuAlias *alias = g_ptr_array_index (aliases, j);

          if (alias->administration_id == admin->id)
            g_ptr_array_add (names, alias->alias);
        }
      if (names->len > 0)
        {
          g_ptr_array_add (names, NULL);
          g_autofree char *joined = g_strjoinv (", ", (char **) names->pdata);
          g_string_append_printf (line, "\t%s", joined);
        }
      g_print ("%s\n", line->str);
    }
  return 0;
}

static int
cmd_alias (Cli *cli, int argc, char **argv)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuCommand) command = NULL;
  gboolean forget = FALSE;
  gint64 id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "forget", 0, 0, G_OPTION_ARG_NONE, &forget, N_("Forget the other name"), NULL },
    { NULL }
  };

  /* One name to forget, or a name and its administration. */
  for (int i = 1; i < argc; i++)
    forget |= g_strcmp0 (argv[i], "--forget") == 0;
  if (!parse_command_options (cli, _("OTHER_NAME [ADMINISTRATION]"),
                              _("Record another name of an administration, as files write it "
                                "(\"Vietnam\" for Viet Nam): imports and lookups take it."),
                              entries, &argc, &argv, forget ? 1 : 2, &status))
    return status;
  if ((store = open_store (cli, &error)) == NULL)
    return fail_error (error);
  if (!forget && (id = lookup_administration_or_fail (store, argv[2], &status)) == 0)
    return status;
  command = fu_command_new_set_alias (argv[1], forget ? 0 : id);
  return apply_and_say (store, command);
}

static int
cmd_merge_administrations (Cli *cli, int argc, char **argv)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuCommand) command = NULL;
  gint64 remove_id, keep_id;
  int status = 0;
  const GOptionEntry entries[] = { { NULL } };

  if (!parse_command_options (cli, _("REMOVE KEEP"),
                              _("Merge administration REMOVE into KEEP: its participants and "
                                "workshops move to KEEP, and its names become KEEP's other "
                                "names."),
                              entries, &argc, &argv, 2, &status))
    return status;
  if ((store = open_store (cli, &error)) == NULL)
    return fail_error (error);
  if ((remove_id = lookup_administration_or_fail (store, argv[1], &status)) == 0
      || (keep_id = lookup_administration_or_fail (store, argv[2], &status)) == 0)
    return status;
  command = fu_command_new_merge_administrations (keep_id, remove_id);
  return apply_and_say (store, command);
}

/* "28", "28%", "47.5 %", "47,5": a rate in tenths of a percent. */
static gboolean
parse_rate_option (const char *text,
                   guint      *tenths,
                   GError    **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;
  gsize length = strlen (copy);

  if (length > 0 && copy[length - 1] == '%')
    copy[--length] = '\0';
  g_strstrip (copy);
  g_strdelimit (copy, ",", '.');
  value = g_ascii_strtod (copy, &end);
  if (*copy == '\0' || end == NULL || *end != '\0' || !(value > 0.0) || value > 100.0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--rate \"%s\" is not a reply rate: give a percentage from 0.1 to 100, "
                     "such as 28 or 47.5"), text);
      return FALSE;
    }
  *tenths = (guint) (value * 10.0 + 0.5);
  return TRUE;
}

static int
cmd_earlier_year (Cli *cli, int argc, char **argv)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuCommand) command = NULL;
  g_autofree char *rate_text = NULL;
  g_autofree char *label = NULL;
  FuEarlierYear year = { 0, 0, 0, 0, -1 };
  FuRules rules;
  gint participants = -1;
  gint replies = -1;
  gint inhouse = -1;
  gboolean remove = FALSE;
  int status = 0;
  const GOptionEntry entries[] = {
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove,
      N_("Take the year's entered totals out"), NULL },
    { "participants", 'p', 0, G_OPTION_ARG_INT, &participants,
      N_("How many participants were surveyed that year"), N_("N") },
    { "replies", 'r', 0, G_OPTION_ARG_INT, &replies, N_("How many of them replied"), N_("N") },
    { "rate", 0, 0, G_OPTION_ARG_STRING, &rate_text,
      N_("The reply rate, when only it is known"), N_("PERCENT") },
    { "inhouse", 0, 0, G_OPTION_ARG_INT, &inhouse,
      N_("How many administrations organized in-house workshops"), N_("N") },
    { NULL }
  };

  if (!parse_command_options (cli, _("FISCAL_YEAR"),
                              _("Enter a year before the database: its participants and replies, "
                                "or just its reply rate. The trend chart and the annual report "
                                "show it as entered totals."),
                              entries, &argc, &argv, 1, &status))
    return status;
  if (!parse_fiscal_year_option (argv[1], &year.fiscal_year, &error))
    return fail_error (error);
  if (remove && (rate_text != NULL || participants >= 0 || replies >= 0 || inhouse >= 0))
    return fail (_("--remove takes no other option"));
  if (!remove && rate_text != NULL && (participants >= 0 || replies >= 0))
    return fail (_("Give either --rate or --participants and --replies, not both"));
  if (!remove && rate_text == NULL && (participants <= 0 || replies < 0))
    return fail (_("Give --participants N and --replies N (or --rate PERCENT)"));
  if (rate_text != NULL && !parse_rate_option (rate_text, &year.rate_tenths, &error))
    return fail_error (error);
  year.participants = participants > 0 ? (guint) participants : 0;
  year.replies = replies > 0 ? (guint) replies : 0;
  year.inhouse = inhouse;
  if ((store = open_store (cli, &error)) == NULL)
    return fail_error (error);
  fu_store_get_rules (store, &rules);
  label = fu_fiscal_year_label (&rules, year.fiscal_year);
  command = fu_command_new_set_earlier_year (&year, label);
  return apply_and_say (store, command);
}

static int
cmd_person (Cli *cli, int argc, char **argv)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *json = NULL;
  gint64 id;
  int status = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (0600) instead of standard output"), N_("FILE.json") },
    { NULL }
  };

  if (!parse_command_options (cli, _("EMAIL"),
                              _("Everything stored about a person, as JSON: their record, "
                                "attendances, follow-ups, reminders, replies and history."),
                              entries, &argc, &argv, 1, &status))
    return status;
  if ((store = open_store_to_read (cli, &error)) == NULL)
    return fail_error (error);
  if ((id = lookup_person (store, argv[1], &status)) == 0)
    return status;
  if ((json = fu_store_export_person (store, id, &error)) == NULL)
    return fail_error (error);
  if (output == NULL)
    {
      g_print ("%s\n", json);
      return 0;
    }
  if (!fu_file_write_private (output, json, strlen (json), &error))
    return fail_error (error);
  g_printerr (_("Wrote %s\n"), output);
  return 0;
}

static int
cmd_anonymize (Cli *cli, int argc, char **argv)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *before_text = NULL;
  gboolean remove_answers = FALSE;
  gboolean before_given = FALSE;
  int status = 0;
  const GOptionEntry entries[] = {
    { "before", 'b', 0, G_OPTION_ARG_STRING, &before_text,
      N_("Everyone whose last workshop ended before this day"), N_("YYYY-MM-DD") },
    { "remove-answers", 0, 0, G_OPTION_ARG_NONE, &remove_answers,
      N_("Remove their free-text answers too (the counts stay)"), NULL },
    { NULL }
  };

  /* EMAIL, or --before and no EMAIL. */
  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "--before") || g_str_equal (argv[i], "-b"))
      before_given = TRUE;
  if (!parse_command_options (cli, _("[EMAIL]"),
                              _("Anonymize one person (EMAIL) or everyone whose last workshop "
                                "ended before --before: the name becomes \"Anonymized "
                                "participant N\", the e-mail address, position and gender go, "
                                "in the history too. The year's tables do not change. Older "
                                "backups keep the data until retention removes them."),
                              entries, &argc, &argv, before_given ? 0 : 1, &status))
    return status;
  if ((store = open_store (cli, &error)) == NULL)
    return fail_error (error);
  if (before_text != NULL)
    {
      FuDay before = FU_DAY_NONE;

      if (argc > 1)
        return fail (_("Give either EMAIL or --before, not both"));
      if (!parse_day_option ("--before", before_text, &before, &error))
        return fail_error (error);
      if ((ids = fu_store_list_participants_before (store, before, &error)) == NULL)
        return fail_error (error);
    }
  else
    {
      gint64 id = lookup_person (store, argv[1], &status);

      if (id == 0)
        return status;
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (ids, id);
    }
  if (ids->len == 0)
    {
      g_print (_("Nobody to anonymize\n"));
      return 0;
    }
  command = fu_command_new_anonymize ((const gint64 *) ids->data, ids->len, remove_answers);
  if (!apply_command (store, command, &error))
    return fail_error (error);
  g_print ("%s\n", fu_command_get_sentence (command));
  g_print (_("Backups made before now still hold their data until retention removes them "
             "(at most 12 months).\n"));
  return 0;
}

/* ---- main ------------------------------------------------------------------------------ */

static const Command commands[] = {
  { "init", "", N_("Create or upgrade the database"), cmd_init },
  { "import", N_("workshops|participants|responses FILE"), N_("Import a CSV file"), cmd_import },
  { "export", N_("summary|responses|participants|reminders"), N_("Export CSV"), cmd_export },
  { "followups", "", N_("List follow-ups and their status"), cmd_followups },
  { "compose", "", N_("Print the questionnaire's or the reminders' e-mails as mailto: links"),
    cmd_compose },
  { "mark-sent", N_("WORKSHOP_CODE"), N_("Record questionnaires as sent"), cmd_mark_sent },
  { "mark-reminded", N_("WORKSHOP_CODE"), N_("Record a reminder sent"), cmd_mark_reminded },
  { "stats", "", N_("Summarize the database"), cmd_stats },
  { "administrations", "", N_("List the administrations and their other names"),
    cmd_administrations },
  { "alias", N_("OTHER_NAME ADMINISTRATION | --forget OTHER_NAME"),
    N_("Record another name of an administration"), cmd_alias },
  { "merge-administrations", N_("REMOVE KEEP"), N_("Merge one administration into another"),
    cmd_merge_administrations },
  /* TRANSLATORS: only FISCAL_YEAR and N are placeholders; the options stay as they are */
  { "earlier-year", N_("FISCAL_YEAR --participants N --replies N | --rate PERCENT"),
    N_("Enter a year before the database"), cmd_earlier_year },
  { "sample", "", N_("Load the FY2016/17 sample data"), cmd_sample },
  { "history", "", N_("List the changes made, newest first"), cmd_history },
  { "undo", "", N_("Undo the most recent change"), cmd_undo },
  { "backup", N_("[--output FILE]"), N_("Back up the database now"), cmd_backup },
  { "backups", "", N_("List the database's backups"), cmd_backups },
  { "restore", N_("FILE"), N_("Restore a backup"), cmd_restore },
  { "copy", N_("--from LOCATION --to LOCATION"),
    N_("Copy a whole database into a new one, file or team database"), cmd_copy },
  { "do-not-contact", N_("EMAIL [--reason TEXT]"), N_("Mark a person \"do not contact\""),
    cmd_do_not_contact },
  { "person", N_("EMAIL [--output FILE.json]"), N_("Everything stored about a person"),
    cmd_person },
  { "anonymize", N_("EMAIL|--before DATE"), N_("Anonymize people"), cmd_anonymize },
  /* TRANSLATORS: only KIND, Y and FILE are placeholders; the options stay as they are */
  { "chart", N_("KIND --fiscal-year Y --output FILE"), N_("Draw a chart as PNG, SVG or PDF"),
    cmd_chart },
  { "report", N_("--fiscal-year Y --output FILE.pdf"), N_("Write the annual report as PDF"),
    cmd_report },
  { "questionnaire", N_("WORKSHOP_CODE [--output FILE.pdf] [--deadline D]"),
    N_("Write a workshop's questionnaire as PDF"), cmd_questionnaire },
  { "feedback", N_("WORKSHOP_CODE --output FILE.pdf|FILE.csv"),
    N_("Write a workshop's feedback sheet"), cmd_feedback },
};

/* "import workshops|participants|responses FILE": a command and its translated arguments. */
static char *
command_synopsis (const Command *command)
{
  /* _("") would be the catalogue's header. */
  const char *args = *command->args != '\0' ? _(command->args) : "";

  return g_strdup_printf ("%s %s", command->name, args);
}

static void
print_usage (FILE *to)
{
  guint width = 0;

  fprintf (to, "%s", _("Usage:\n  followup-cli [--database PATH] COMMAND [OPTIONS...]\n\n"));
  fprintf (to, "%s", _("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = command_synopsis (&commands[i]);

      width = MAX (width, (guint) g_utf8_strlen (left, -1));
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = command_synopsis (&commands[i]);
      g_autoptr(GString) line = g_string_new ("  ");

      /* Padded by characters, not bytes: translations are not ASCII. */
      append_cell (line, left, width);
      fprintf (to, "%s%s\n", line->str, _(commands[i].summary));
    }
  fprintf (to, "%s", _("\nOptions:\n"
                       "  --database PATH   the database file (default: $FOLLOWUP_DATABASE, or\n"
                       "                    ~/.local/share/followup/followup.db)\n"
                       "  --version         print the version\n"
                       "  --help            this help; COMMAND --help for a command's options\n"));
}

#ifdef __GLIBC__
/* Address space the heap takes at once: more than an import of 100,000 rows uses (about
 * 110 MB). Pages never touched cost nothing. */
#define HEAP_RESERVE (256 * 1024 * 1024)
#define HUGE_PAGE (2 * 1024 * 1024)

/* A command runs once and ends, so its memory is set up for a large import:
 * - memory it frees is kept for what it does next, not given back and asked for again;
 * - its large blocks (the file, its rows, SQLite's pages) come from the heap rather than
 *   being mapped afresh (32 MB is the largest threshold glibc takes);
 * - the heap grows once by HEAP_RESERVE, and the kernel is asked to back it with huge pages
 *   where it does so on request (transparent_hugepage "madvise", Debian's default).
 * An import of 100,000 rows then faults its memory in 2 MB at a time instead of 4 kB: that
 * was a fifth of its time. Where the heap cannot grow so, or the kernel declines, memory
 * comes as before. */
static void
set_up_heap (void)
{
  char *start;
  char *end;
  void * volatile block;   /* volatile: the compiler may not drop the malloc () */

  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 2 * HEAP_RESERVE);
  mallopt (M_TOP_PAD, HEAP_RESERVE);
  start = sbrk (0);
  block = malloc (HUGE_PAGE);   /* more than the heap has free: it grows, by the pad */
  end = sbrk (0);
  free (block);
  mallopt (M_TOP_PAD, 32 * 1024 * 1024);
  if (start == (char *) -1 || end == (char *) -1 || end <= start)
    return;
  start = (char *) (((guintptr) start + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1));
  if (end > start)
    madvise (start, (gsize) (end - start), MADV_HUGEPAGE);
}
#endif

int
main (int argc, char **argv)
{
  Cli cli = { 0 };
  const char *localedir;
  int i;

#ifdef __GLIBC__
  set_up_heap ();
#endif
  setlocale (LC_ALL, "");
  /* FOLLOWUP_LOCALEDIR points at a build's po/ directory: tests and uninstalled runs. */
  localedir = g_getenv ("FOLLOWUP_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("followup-cli");

  /* Global options come before the command. */
  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_usage (stdout);
          return 0;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("followup-cli %s\n", PACKAGE_VERSION);
          return 0;
        }
      else if (g_str_equal (arg, "--database"))
        {
          if (i + 1 >= argc)
            return fail (_("--database needs a file name"));
          cli.database = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--database="))
        {
          cli.database = arg + strlen ("--database=");
        }
      else if (arg[0] == '-')
        {
          return fail (_("Unknown option '%s' (see followup-cli --help)"), arg);
        }
      else
        {
          break;
        }
    }

  if (i >= argc)
    {
      print_usage (stderr);
      return EXIT_USER;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      if (g_str_equal (argv[i], commands[c].name))
        {
          g_autofree char *prgname = g_strdup_printf ("followup-cli %s", commands[c].name);

          g_set_prgname (prgname);
          return commands[c].func (&cli, argc - i, argv + i);
        }
    }
  return fail (_("'%s' is not a command (see followup-cli --help)"), argv[i]);
}
