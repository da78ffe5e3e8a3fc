/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include "fu-csv.h"
#include "fu-day.h"
#include "fu-error.h"

#define UTF8_BOM "\xEF\xBB\xBF"

/* The characters that make a spreadsheet read a cell as a formula, plus the apostrophe that
 * a spreadsheet hides (so that a text starting with one survives a round trip). */
#define GUARDED_FIRST_CHARS "=+-@\t\r'"

struct _FuCsvReader
{
  char        *display_name;
  char        *data;            /* owned copy of the whole file */
  const char  *pos;             /* next byte to parse */
  const char  *end;
  const char  *bad;             /* first byte that is not UTF-8, or NULL */
  guint        line;            /* physical line of @pos, 1-based */
  char         delimiter;       /* ',' unless told otherwise */

  GPtrArray   *header;          /* trimmed names, owned */
  gboolean     header_done;

  /* The current record: its cells, each NUL-terminated, one after the other in @cells,
   * starting at the offsets in @offsets. Both are reused from record to record. */
  GString     *cells;
  GArray      *offsets;         /* gsize */
  guint        record_line;
  guint        header_line;

  GError      *failure;         /* the error that stopped the reader, repeated afterwards */
};

struct _FuCsvWriter
{
  GString     *out;
  guint        n_cells;         /* in the row being written */
  gboolean     last_empty;      /* the last cell written was empty */
  gboolean     unguarded;       /* text cells are written as they are */
};

static char *
describe_column (FuCsvReader *self,
                 guint        column)
{
  g_assert (self != NULL);

  if (self->header_done && column < self->header->len)
    {
      const char *name = g_ptr_array_index (self->header, column);

      if (name[0] != '\0')
        /* TRANSLATORS: a column's number, then its name from the header row */
        return g_strdup_printf (_("%u (%s)"), column + 1, name);
    }

  return g_strdup_printf ("%u", column + 1);
}

static void
set_cell_error (FuCsvReader *self,
                GError     **error,
                FuCsvError   code,
                guint        line,
                guint        column,
                const char  *what)
{
  g_autofree char *column_text = describe_column (self, column);

  g_assert (self != NULL);

  /* TRANSLATORS: file name, line number, column, then what is wrong */
  g_set_error (error, FU_CSV_ERROR, code, _("%s:%u: column %s: %s"),
               self->display_name, line, column_text, what);
}

/* Consumes a line end at @self->pos (CRLF, LF or a lone CR) if there is one. */
static gboolean
skip_line_end (FuCsvReader *self)
{
  g_assert (self != NULL);

  if (self->pos < self->end && *self->pos == '\r')
    {
      self->pos++;
      if (self->pos < self->end && *self->pos == '\n')
        self->pos++;
      self->line++;
      return TRUE;
    }
  if (self->pos < self->end && *self->pos == '\n')
    {
      self->pos++;
      self->line++;
      return TRUE;
    }

  return FALSE;
}

/* Skips lines holding nothing but spaces and tabs. They look empty in any editor, and a
 * record never starts with one unless it has a comma or a quote too. */
static void
skip_blank_lines (FuCsvReader *self)
{
  g_assert (self != NULL);

  while (self->pos < self->end)
    {
      const char *p = self->pos;

      while (p < self->end && (*p == ' ' || *p == '\t'))
        p++;
      if (p < self->end && *p != '\r' && *p != '\n')
        return;

      self->pos = p;
      if (!skip_line_end (self))
        return;   /* spaces at the very end of the file: nothing left to read */
    }
}

static void
append_line_break (FuCsvReader *self)
{
  g_assert (self != NULL);

  /* Inside a quoted cell the line break is kept as written. */
  if (*self->pos == '\r')
    {
      g_string_append_c (self->cells, '\r');
      self->pos++;
      if (self->pos < self->end && *self->pos == '\n')
        {
          g_string_append_c (self->cells, '\n');
          self->pos++;
        }
    }
  else
    {
      g_string_append_c (self->cells, '\n');
      self->pos++;
    }
  self->line++;
}

static gboolean
parse_quoted_cell (FuCsvReader *self,
                   guint        column,
                   GError     **error)
{
  guint open_line = self->line;

  g_assert (self != NULL);
  g_assert (*self->pos == '"');

  self->pos++;

  for (;;)
    {
      const char *p = self->pos;

      while (p < self->end && *p != '"' && *p != '\r' && *p != '\n' && p != self->bad)
        p++;
      g_string_append_len (self->cells, self->pos, p - self->pos);
      self->pos = p;

      if (p == self->end)
        {
          set_cell_error (self, error, FU_CSV_ERROR_SYNTAX, open_line, column,
                          _("unterminated quoted cell: the closing quote is missing"));
          return FALSE;
        }
      if (p == self->bad)
        {
          set_cell_error (self, error, FU_CSV_ERROR_ENCODING, self->line, column,
                          _("the text is not valid UTF-8"));
          return FALSE;
        }
      if (*p == '"')
        {
          if (p + 1 < self->end && p[1] == '"')
            {
              g_string_append_c (self->cells, '"');
              self->pos = p + 2;
              continue;
            }
          self->pos = p + 1;
          break;
        }
      append_line_break (self);
    }

  if (self->pos < self->end && *self->pos != self->delimiter && *self->pos != '\r'
      && *self->pos != '\n')
    {
      if (self->pos == self->bad)
        set_cell_error (self, error, FU_CSV_ERROR_ENCODING, self->line, column,
                        _("the text is not valid UTF-8"));
      else
        set_cell_error (self, error, FU_CSV_ERROR_SYNTAX, self->line, column,
                        _("text after the closing quote; a quote inside a quoted cell "
                          "must be doubled (\"\")"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_plain_cell (FuCsvReader *self,
                  guint        column,
                  GError     **error)
{
  const char *p = self->pos;

  g_assert (self != NULL);

  while (p < self->end && *p != self->delimiter && *p != '\r' && *p != '\n' && *p != '"'
         && p != self->bad)
    p++;
  g_string_append_len (self->cells, self->pos, p - self->pos);
  self->pos = p;

  if (p == self->bad)
    {
      set_cell_error (self, error, FU_CSV_ERROR_ENCODING, self->line, column,
                      _("the text is not valid UTF-8"));
      return FALSE;
    }
  if (p < self->end && *p == '"')
    {
      set_cell_error (self, error, FU_CSV_ERROR_SYNTAX, self->line, column,
                      _("a quote inside a cell that does not start with one; put the whole "
                        "cell in quotes and double the quote inside (\"\")"));
      return FALSE;
    }

  return TRUE;
}

/* Reads the next record into @self->cells. FALSE at the end of the data (no error) or on an
 * error. */
static gboolean
parse_record (FuCsvReader *self,
              GError     **error)
{
  guint column = 0;

  g_assert (self != NULL);

  g_string_truncate (self->cells, 0);
  g_array_set_size (self->offsets, 0);

  skip_blank_lines (self);
  if (self->pos >= self->end)
    return FALSE;

  self->record_line = self->line;

  for (;;)
    {
      gsize offset = self->cells->len;
      gboolean ok;

      g_array_append_val (self->offsets, offset);

      if (self->pos < self->end && *self->pos == '"')
        ok = parse_quoted_cell (self, column, error);
      else
        ok = parse_plain_cell (self, column, error);
      if (!ok)
        return FALSE;

      g_string_append_c (self->cells, '\0');

      if (self->pos < self->end && *self->pos == self->delimiter)
        {
          self->pos++;
          column++;
          continue;
        }

      /* At a line end or the end of the data. */
      skip_line_end (self);
      return TRUE;
    }
}

static gboolean
reader_next (FuCsvReader *self,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_assert (self != NULL);

  if (self->failure != NULL)
    {
      g_set_error_literal (error, self->failure->domain, self->failure->code,
                           self->failure->message);
      return FALSE;
    }

  if (parse_record (self, &local_error))
    return TRUE;

  /* Forget a half-read record so that get_cell() never shows part of it. */
  g_string_truncate (self->cells, 0);
  g_array_set_size (self->offsets, 0);

  if (local_error != NULL)
    {
      self->failure = g_error_copy (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return FALSE;
}

FuCsvReader *
fu_csv_reader_new_take (const char *display_name,
                        char       *data,
                        gsize       length,
                        char        delimiter,
                        GError    **error)
{
  g_autoptr(FuCsvReader) self = g_new0 (FuCsvReader, 1);
  g_autoptr(GError) local_error = NULL;
  const char *text;
  const char *valid_end = NULL;

  self->display_name = g_strdup (display_name);
  self->data = data;
  self->pos = data;
  self->end = data + length;
  self->line = 1;
  self->delimiter = delimiter;
  self->header = g_ptr_array_new_with_free_func (g_free);
  self->cells = g_string_sized_new (256);
  self->offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 32);

  if (length >= strlen (UTF8_BOM) && memcmp (data, UTF8_BOM, strlen (UTF8_BOM)) == 0)
    self->pos += strlen (UTF8_BOM);

  /* Check the whole text once; the parser then only compares its position against the
   * first bad byte, to tell on which line and in which cell it is. A NUL byte counts as
   * bad too: no text file holds one, and cells are C strings. */
  text = self->pos;
  if (!g_utf8_validate_len (text, self->end - text, &valid_end))
    self->bad = valid_end;

  if (!parse_record (self, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, FU_CSV_ERROR, FU_CSV_ERROR_EMPTY,
                     _("%s: the file is empty: the first line must name the columns"),
                     self->display_name);
      return NULL;
    }

  for (guint i = 0; i < self->offsets->len; i++)
    {
      const char *name = self->cells->str + g_array_index (self->offsets, gsize, i);

      g_ptr_array_add (self->header, g_strstrip (g_strdup (name)));
    }
  self->header_done = TRUE;
  self->header_line = self->record_line;

  /* Report bad text now rather than halfway through an import: read on up to it to tell
   * its line and column. */
  if (self->bad != NULL)
    {
      while (reader_next (self, &local_error))
        ;
      if (local_error == NULL)   /* cannot happen: the parser always reaches the bad byte */
        g_set_error (&local_error, FU_CSV_ERROR, FU_CSV_ERROR_ENCODING,
                     _("%s: the text is not valid UTF-8"), self->display_name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_string_truncate (self->cells, 0);
  g_array_set_size (self->offsets, 0);
  self->record_line = 0;

  return g_steal_pointer (&self);
}

FuCsvReader *
fu_csv_reader_new (const char *display_name,
                   const char *data,
                   gsize       length,
                   GError    **error)
{
  return fu_csv_reader_new_with_delimiter (display_name, data, length, ',', error);
}

FuCsvReader *
fu_csv_reader_new_with_delimiter (const char *display_name,
                                  const char *data,
                                  gsize       length,
                                  char        delimiter,
                                  GError    **error)
{
  char *copy;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (delimiter != '"' && delimiter != '\r' && delimiter != '\n', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = g_malloc (length + 1);
  if (length > 0)
    memcpy (copy, data, length);
  copy[length] = '\0';

  return fu_csv_reader_new_take (display_name, copy, length, delimiter, error);
}

FuCsvReader *
fu_csv_reader_new_from_file (const char *path,
                             GError    **error)
{
  g_autofree char *display_name = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* GLib's message names the file and says why it could not be read. */
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  display_name = g_path_get_basename (path);

  return fu_csv_reader_new_take (display_name, contents, length, ',', error);
}

void
fu_csv_reader_free (FuCsvReader *self)
{
  if (self == NULL)
    return;

  g_free (self->display_name);
  g_free (self->data);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  if (self->cells != NULL)
    g_string_free (self->cells, TRUE);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_error (&self->failure);
  g_free (self);
}

guint
fu_csv_reader_get_header_line (FuCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->header_line;
}

const char *
fu_csv_reader_get_display_name (FuCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

guint
fu_csv_reader_get_n_columns (FuCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->header->len;
}

const char *
fu_csv_reader_get_column_name (FuCsvReader *self,
                               guint        column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->header->len, NULL);

  return g_ptr_array_index (self->header, column);
}

int
fu_csv_reader_find_column (FuCsvReader *self,
                           const char  *name)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < self->header->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->header, i), name) == 0)
        return (int) i;
    }

  return -1;
}

gboolean
fu_csv_reader_next (FuCsvReader *self,
                    GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return reader_next (self, error);
}

guint
fu_csv_reader_get_line (FuCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

guint
fu_csv_reader_get_n_cells (FuCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->offsets->len;
}

const char *
fu_csv_reader_get_cell (FuCsvReader *self,
                        guint        column)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (column >= self->offsets->len)
    return "";

  return self->cells->str + g_array_index (self->offsets, gsize, column);
}

const char *
fu_csv_reader_get_record (FuCsvReader *self,
                          gsize       *length)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (length != NULL, NULL);

  *length = self->cells->len;
  return self->cells->str;
}

FuCsvWriter *
fu_csv_writer_new (GString  *out,
                   gboolean  bom)
{
  FuCsvWriter *self;

  g_return_val_if_fail (out != NULL, NULL);

  self = g_new0 (FuCsvWriter, 1);
  self->out = out;
  if (bom)
    g_string_append (out, UTF8_BOM);

  return self;
}

void
fu_csv_writer_free (FuCsvWriter *self)
{
  g_free (self);
}

static void
writer_start_cell (FuCsvWriter *self)
{
  g_assert (self != NULL);

  if (self->n_cells > 0)
    g_string_append_c (self->out, ',');
  self->n_cells++;
}

void
fu_csv_writer_set_guarded (FuCsvWriter *self,
                           gboolean     guarded)
{
  g_return_if_fail (self != NULL);

  self->unguarded = !guarded;
}

void
fu_csv_writer_add (FuCsvWriter *self,
                   const char  *text)
{
  gboolean guard;
  gboolean quote;
  gsize len;

  g_return_if_fail (self != NULL);

  if (text == NULL)
    text = "";
  len = strlen (text);

  writer_start_cell (self);
  self->last_empty = (len == 0);

  guard = (!self->unguarded && text[0] != '\0'
           && strchr (GUARDED_FIRST_CHARS, text[0]) != NULL);
  quote = (strpbrk (text, ",\"\r\n") != NULL ||
           text[0] == ' ' ||
           (len > 0 && text[len - 1] == ' '));

  if (quote)
    g_string_append_c (self->out, '"');
  if (guard)
    g_string_append_c (self->out, '\'');

  if (quote)
    {
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (self->out, '"');
          g_string_append_c (self->out, *p);
        }
      g_string_append_c (self->out, '"');
    }
  else
    {
      g_string_append_len (self->out, text, len);
    }
}

void
fu_csv_writer_add_uint (FuCsvWriter *self,
                        guint64      value)
{
  g_return_if_fail (self != NULL);

  writer_start_cell (self);
  self->last_empty = FALSE;
  g_string_append_printf (self->out, "%" G_GUINT64_FORMAT, value);
}

void
fu_csv_writer_add_int (FuCsvWriter *self,
                       gint64       value)
{
  g_return_if_fail (self != NULL);

  /* A negative number is a number to a spreadsheet, not a formula: no guard. */
  writer_start_cell (self);
  self->last_empty = FALSE;
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
fu_csv_writer_add_day (FuCsvWriter *self,
                       FuDay        day)
{
  char buf[11];

  g_return_if_fail (self != NULL);

  writer_start_cell (self);
  if (day == FU_DAY_NONE)
    {
      self->last_empty = TRUE;
      return;
    }

  fu_day_format_iso (day, buf);
  self->last_empty = (buf[0] == '\0');
  g_string_append (self->out, buf);
}

void
fu_csv_writer_end_row (FuCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  /* A row of one empty cell would be a blank line, which readers skip: quote it. */
  if (self->n_cells == 1 && self->last_empty)
    g_string_append (self->out, "\"\"");

  g_string_append (self->out, "\r\n");
  self->n_cells = 0;
  self->last_empty = FALSE;
}

void
fu_csv_writer_add_row (FuCsvWriter *self,
                       const char  *first,
                       ...)
{
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    fu_csv_writer_add (self, text);
  va_end (args);

  fu_csv_writer_end_row (self);
}

const char *
fu_csv_unguard (const char *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell[0] == '\'' && cell[1] != '\0' && strchr (GUARDED_FIRST_CHARS, cell[1]) != NULL)
    return cell + 1;

  return cell;
}

gboolean
fu_csv_parse_answer (const char *cell,
                     FuAnswer   *answer)
{
  static const struct {
    const char *word;
    FuAnswer    answer;
  } words[] = {
    { "yes", FU_ANSWER_YES }, { "y", FU_ANSWER_YES }, { "true", FU_ANSWER_YES },
    { "1", FU_ANSWER_YES },
    { "no", FU_ANSWER_NO }, { "n", FU_ANSWER_NO }, { "false", FU_ANSWER_NO },
    { "0", FU_ANSWER_NO },
    { "oui", FU_ANSWER_YES }, { "o", FU_ANSWER_YES }, { "non", FU_ANSWER_NO },
  };
  const char *start = cell;
  const char *stop;
  gsize len;

  g_return_val_if_fail (cell != NULL, FALSE);

  while (g_ascii_isspace (*start))
    start++;
  stop = start + strlen (start);
  while (stop > start && g_ascii_isspace (stop[-1]))
    stop--;
  len = stop - start;

  if (len == 0)
    {
      if (answer != NULL)
        *answer = FU_ANSWER_UNANSWERED;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (strlen (words[i].word) == len && g_ascii_strncasecmp (start, words[i].word, len) == 0)
        {
          if (answer != NULL)
            *answer = words[i].answer;
          return TRUE;
        }
    }

  return FALSE;
}
