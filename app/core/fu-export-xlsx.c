/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-export"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "fu-csv.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-export.h"
#include "fu-rules.h"
#include "fu-store.h"

/* The workbook is written from the CSV the same export gives, so that both hold the same
 * figures: a column is a date, a whole number, a rate or text by its name. */
typedef enum {
  CELL_TEXT,
  CELL_NUMBER,
  CELL_RATE,
  CELL_DATE,
} CellType;

typedef struct {
  lxw_workbook *workbook;
  lxw_format   *header;
  lxw_format   *date;
  lxw_format   *rate;
  lxw_format   *wrap;
} Book;

static const char * const text_columns[] = {
  "workshop_code", "workshop", "name", "administration", "email", "answered_by",
  "other_action_text", "lessons_use", "direct_effects_text", "contributed_text",
  "project_text", "fiscal_year", "position", "gender", "status", "direct_effects",
  "contributed", "project_initiated",
};

static CellType
column_type (const char *name)
{
  if (g_str_has_suffix (name, "_date") || strcmp (name, "deadline") == 0
      || strcmp (name, "last_reminder") == 0)
    return CELL_DATE;
  if (strcmp (name, "reply_rate") == 0)
    return CELL_RATE;
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    if (strcmp (name, text_columns[i]) == 0)
      return CELL_TEXT;
  return CELL_NUMBER;
}

static void
write_cell (Book          *book,
            lxw_worksheet *sheet,
            guint          row,
            guint          column,
            CellType       type,
            const char    *cell)
{
  FuDay day = FU_DAY_NONE;
  char *end = NULL;
  double number;

  if (cell[0] == '\0')
    return;
  switch (type)
    {
    case CELL_DATE:
      if (fu_day_parse_iso (cell, &day))
        {
          guint y, m, d;
          lxw_datetime when = { 0, };

          fu_day_get_ymd (day, &y, &m, &d);
          when.year = (int) y;
          when.month = (int) m;
          when.day = (int) d;
          worksheet_write_datetime (sheet, row, column, &when, book->date);
          return;
        }
      break;
    case CELL_NUMBER:
    case CELL_RATE:
      number = g_ascii_strtod (cell, &end);
      if (end != cell && *end == '\0')
        {
          worksheet_write_number (sheet, row, column, number,
                                  type == CELL_RATE ? book->rate : NULL);
          return;
        }
      break;
    case CELL_TEXT:
    default:
      break;
    }
  /* Text as text: a cell is never run as a formula in a workbook, so no guard. */
  worksheet_write_string (sheet, row, column, fu_csv_unguard (cell),
                          strchr (cell, '\n') != NULL ? book->wrap : NULL);
}

/* One sheet from our CSV text, keeping only @keep's columns (NULL: all of them): a frozen
 * header row and widths that fit. */
static gboolean
add_sheet (Book               *book,
           const char         *name,
           const GString      *csv,
           const char * const *keep,
           GError            **error)
{
  g_autoptr(FuCsvReader) reader = fu_csv_reader_new (name, csv->str, csv->len, error);
  lxw_worksheet *sheet;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (guint));
  guint row = 1;

  if (reader == NULL)
    return FALSE;
  sheet = workbook_add_worksheet (book->workbook, name);
  for (guint i = 0; i < fu_csv_reader_get_n_columns (reader); i++)
    {
      const char *header = fu_csv_reader_get_column_name (reader, i);
      int index = (int) i;

      if (keep != NULL && !g_strv_contains (keep, header))
        continue;
      g_array_append_val (columns, index);
    }
  g_array_set_size (widths, columns->len);
  for (guint c = 0; c < columns->len; c++)
    {
      const char *header = fu_csv_reader_get_column_name (reader,
                                                          (guint) g_array_index (columns, int, c));

      worksheet_write_string (sheet, 0, c, header, book->header);
      g_array_index (widths, guint, c) = (guint) strlen (header);
    }
  while (fu_csv_reader_next (reader, error))
    {
      for (guint c = 0; c < columns->len; c++)
        {
          guint index = (guint) g_array_index (columns, int, c);
          const char *header = fu_csv_reader_get_column_name (reader, index);
          const char *cell = fu_csv_reader_get_cell (reader, index);
          guint width = (guint) g_utf8_strlen (cell, -1);

          write_cell (book, sheet, row, c, column_type (header), cell);
          g_array_index (widths, guint, c) = MAX (g_array_index (widths, guint, c),
                                                   MIN (width, 60u));
        }
      row++;
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  for (guint c = 0; c < columns->len; c++)
    worksheet_set_column (sheet, c, c, g_array_index (widths, guint, c) + 2, NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  return TRUE;
}

static Book
book_new (const char *path)
{
  Book book = { NULL, };
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };

  book.workbook = workbook_new_opt (path, &options);
  if (book.workbook == NULL)
    return book;
  book.header = workbook_add_format (book.workbook);
  format_set_bold (book.header);
  book.date = workbook_add_format (book.workbook);
  format_set_num_format (book.date, "yyyy-mm-dd");
  book.rate = workbook_add_format (book.workbook);
  format_set_num_format (book.rate, "0.0");
  book.wrap = workbook_add_format (book.workbook);
  format_set_text_wrap (book.wrap);
  return book;
}

/* Writes the workbook beside @path and moves it in place: a file is whole or not there. */
static gboolean
write_book (const char  *path,
            gboolean   (*fill) (Book *book, gpointer data, GError **error),
            gpointer     data,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, name, NULL);
  lxw_error status;
  Book book;
  int fd;

  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Could not write %s: %s"), path, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  book = book_new (tmp);
  if (book.workbook == NULL)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s"), path);
      return FALSE;
    }
  if (!fill (&book, data, error))
    {
      workbook_close (book.workbook);
      g_unlink (tmp);
      return FALSE;
    }
  status = workbook_close (book.workbook);
  if (status != LXW_NO_ERROR)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path,
                   lxw_strerror (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  FuStore *store;
  guint    fiscal_year;
  FuDay    from;
  FuDay    to;
} Job;

static gboolean
fill_summary (Book     *book,
              gpointer  data,
              GError  **error)
{
  const Job *job = data;
  static const char * const table1[] = {
    "workshop_code", "workshop", "start_date", "end_date", "administrations", "participants",
    "replies", "reply_rate", NULL,
  };
  static const char * const table2[] = {
    "workshop_code", "workshop", "replies", "shared_materials", "submitted_report",
    "made_recommendations", "inhouse_workshop", "developed_manuals", "other_action",
    "colleagues_learned", NULL,
  };
  static const char * const table3[] = {
    "workshop_code", "workshop", "replies", "direct_effects_yes", "direct_effects_no", NULL,
  };
  static const char * const table4[] = {
    "workshop_code", "workshop", "replies", "contributed_yes", "contributed_no", NULL,
  };
  static const char * const table5[] = {
    "workshop_code", "workshop", "replies", "project_yes", "project_no", NULL,
  };
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GString) trend_csv = g_string_new (NULL);
  g_autoptr(GArray) trend = NULL;
  g_autoptr(FuCsvWriter) writer = NULL;
  FuRules rules;

  if (!fu_export_summary (job->store, job->fiscal_year, FU_EXPORT_FLAGS_NONE, csv, error)
      || !add_sheet (book, "Summary", csv, NULL, error)
      || !add_sheet (book, "Table 1", csv, table1, error)
      || !add_sheet (book, "Table 2", csv, table2, error)
      || !add_sheet (book, "Table 3", csv, table3, error)
      || !add_sheet (book, "Table 4", csv, table4, error)
      || !add_sheet (book, "Table 5", csv, table5, error))
    return FALSE;

  /* The reply-rate trend across fiscal years, with the same rounding. */
  trend = fu_store_reply_rate_trend (job->store, error);
  if (trend == NULL)
    return FALSE;
  fu_store_get_rules (job->store, &rules);
  writer = fu_csv_writer_new (trend_csv, FALSE);
  fu_csv_writer_add_row (writer, "fiscal_year", "workshops", "participants", "replies",
                         "reply_rate", "entered_totals", NULL);
  for (guint i = 0; i < trend->len; i++)
    {
      const FuTrendPoint *point = &g_array_index (trend, FuTrendPoint, i);
      g_autofree char *label = fu_fiscal_year_label (&rules, point->fiscal_year);
      g_autofree char *rate = fu_rate_format_tenths (fu_trend_point_rate_tenths (point), FALSE);

      fu_csv_writer_add (writer, label);
      /* An entered year's unknown totals stay empty rather than 0. */
      if (point->entered)
        fu_csv_writer_add (writer, "");
      else
        fu_csv_writer_add_uint (writer, point->workshops);
      if (point->entered && point->participants == 0)
        {
          fu_csv_writer_add (writer, "");
          fu_csv_writer_add (writer, "");
        }
      else
        {
          fu_csv_writer_add_uint (writer, point->participants);
          fu_csv_writer_add_uint (writer, point->replies);
        }
      fu_csv_writer_add (writer, rate);
      fu_csv_writer_add (writer, point->entered ? "yes" : "no");
      fu_csv_writer_end_row (writer);
    }
  return add_sheet (book, "Trend", trend_csv, NULL, error);
}

static gboolean
fill_responses (Book     *book,
                gpointer  data,
                GError  **error)
{
  const Job *job = data;
  g_autoptr(GString) csv = g_string_new (NULL);

  return fu_export_responses (job->store, job->from, job->to, FU_EXPORT_FLAGS_NONE, csv,
                              error)
         && add_sheet (book, "Replies", csv, NULL, error);
}

gboolean
fu_export_summary_xlsx (FuStore     *store,
                        guint        fiscal_year,
                        const char  *path,
                        GError     **error)
{
  Job job = { store, fiscal_year, FU_DAY_NONE, FU_DAY_NONE };

  g_return_val_if_fail (FU_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return write_book (path, fill_summary, &job, error);
}

gboolean
fu_export_responses_xlsx (FuStore     *store,
                          FuDay        from,
                          FuDay        to,
                          const char  *path,
                          GError     **error)
{
  Job job = { store, 0, from, to };

  g_return_val_if_fail (FU_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return write_book (path, fill_responses, &job, error);
}
