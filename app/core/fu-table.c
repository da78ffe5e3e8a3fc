/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-table"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <uchardet.h>

#include "fu-csv.h"
#include "fu-error.h"
#include "fu-table.h"

/* How much of a text file the separator is sniffed from. */
#define SNIFF_BYTES (64 * 1024)
#define SNIFF_LINES 40
/* A spreadsheet row or column repeated more often than this holds nothing worth reading
 * (ODS repeats the empty cells up to the sheet's last column). */
#define MAX_REPEAT 1000

#define ODS_OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define ODS_TABLE_NS "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define ODS_TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

static const char delimiters[] = { ',', ';', '\t' };

/* ---- Rows --------------------------------------------------------------------------------- */

static FuTable *
table_new (const char    *display_name,
           FuTableFormat  format)
{
  FuTable *self = g_new0 (FuTable, 1);

  self->display_name = g_strdup (display_name);
  self->format = format;
  self->text = g_string_chunk_new (64 * 1024);
  self->cells = g_ptr_array_new ();
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (self->starts, self->cells->len);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sheets = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
fu_table_free (FuTable *self)
{
  if (self == NULL)
    return;
  g_free (self->display_name);
  g_free (self->encoding);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->text, g_string_chunk_free);
  g_clear_pointer (&self->lines, g_array_unref);
  g_free (self);
}

static gboolean
array_blank (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);

      if (cell[strspn (cell, " \t\r\n")] != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Adds a row of @n_cells texts, copied; a blank row is dropped. */
static void
table_add_cells (FuTable            *self,
                 const char * const *cells,
                 guint               n_cells,
                 guint               line)
{
  gboolean blank = TRUE;

  for (guint i = 0; i < n_cells && blank; i++)
    blank = cells[i][strspn (cells[i], " \t\r\n")] == '\0';
  if (blank)
    return;
  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (self->cells, g_string_chunk_insert (self->text, cells[i]));
  g_array_append_val (self->starts, self->cells->len);
  g_array_append_val (self->lines, line);
}

/* Adds a row of @n_cells texts given one after the other, each ended by a NUL (@length
 * bytes in all), in one copy; a blank row is dropped. */
static void
table_add_record (FuTable    *self,
                  const char *record,
                  gsize       length,
                  guint       n_cells,
                  guint       line)
{
  char *cell;
  gsize i = 0;

  while (i < length && (record[i] == '\0' || strchr (" \t\r\n", record[i]) != NULL))
    i++;
  if (i == length)
    return;
  cell = g_string_chunk_insert_len (self->text, record, (gssize) length);
  for (guint c = 0; c < n_cells; c++)
    {
      g_ptr_array_add (self->cells, cell);
      cell += strlen (cell) + 1;
    }
  g_array_append_val (self->starts, self->cells->len);
  g_array_append_val (self->lines, line);
}

/* Takes @cells (a GPtrArray of char*, freed here); blank rows are dropped. */
static void
table_add_row (FuTable   *self,
               GPtrArray *cells,
               guint      line)
{
  table_add_cells (self, (const char * const *) cells->pdata, cells->len, line);
  g_ptr_array_set_free_func (cells, g_free);
  g_ptr_array_unref (cells);
}

guint
fu_table_get_n_rows (FuTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->lines->len;
}

guint
fu_table_get_n_cells (FuTable *self,
                      guint    row)
{
  g_return_val_if_fail (self != NULL && row < self->lines->len, 0);
  return g_array_index (self->starts, guint, row + 1) - g_array_index (self->starts, guint, row);
}

const char *
fu_table_get_cell (FuTable *self,
                   guint    row,
                   guint    column)
{
  g_return_val_if_fail (self != NULL && row < self->lines->len, "");

  if (column >= fu_table_get_n_cells (self, row))
    return "";
  return g_ptr_array_index (self->cells, g_array_index (self->starts, guint, row) + column);
}

guint
fu_table_get_line (FuTable *self,
                   guint    row)
{
  g_return_val_if_fail (self != NULL && row < self->lines->len, 0);
  return g_array_index (self->lines, guint, row);
}

const char *
fu_table_delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ',':
      return _("comma");
    case ';':
      return _("semicolon");
    case '\t':
      return _("tab");
    default:
      return "?";
    }
}

gboolean
fu_table_parse_delimiter (const char *text,
                          char       *delimiter)
{
  static const struct {
    const char *name;
    char        delimiter;
  } names[] = {
    { ",", ',' }, { "comma", ',' }, { ";", ';' }, { "semicolon", ';' },
    { "\t", '\t' }, { "\\t", '\t' }, { "tab", '\t' },
  };

  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *delimiter = names[i].delimiter;
        return TRUE;
      }
  return FALSE;
}

char *
fu_table_describe (FuTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->format == FU_TABLE_TEXT)
    /* TRANSLATORS: an encoding, then the separator's name: "Windows-1252, semicolon" */
    return g_strdup_printf (_("%s, separated by %s"), self->encoding,
                            fu_table_delimiter_name (self->delimiter));
  return g_strdup_printf (_("%s, sheet “%s”"),
                          self->format == FU_TABLE_XLSX ? "Excel (.xlsx)"
                                                        : "OpenDocument (.ods)",
                          (const char *) g_ptr_array_index (self->sheets, self->sheet));
}

static void
set_error (GError     **error,
           const char  *display_name,
           const char  *message)
{
  g_set_error (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_FAILED, "%s: %s", display_name, message);
}

/* ---- Text: encoding ------------------------------------------------------------------------ */

/* UTF-16 without a byte-order mark: ASCII text has a NUL in every other byte. */
static const char *
guess_utf16 (const guint8 *data,
             gsize         length)
{
  gsize n = MIN (length, 512) & ~(gsize) 1;
  guint even = 0, odd = 0;

  if (n < 4)
    return NULL;
  for (gsize i = 0; i < n; i += 2)
    {
      even += data[i] == 0;
      odd += data[i + 1] == 0;
    }
  if (odd * 10 >= n / 2 * 7 && even == 0)
    return "UTF-16LE";
  if (even * 10 >= n / 2 * 7 && odd == 0)
    return "UTF-16BE";
  return NULL;
}

static gboolean
has_nul (const char *data,
         gsize       length)
{
  return memchr (data, '\0', length) != NULL;
}

static const char * const trusted_encodings[] = {
  "WINDOWS-1252", "ISO-8859-15", "WINDOWS-1258", "TIS-620", "WINDOWS-874", "ISO-8859-11",
  "GB18030", "GB2312", "GBK", "BIG5", "BIG5-HKSCS", "SHIFT_JIS", "EUC-JP", "ISO-2022-JP",
  "EUC-KR", "UHC", "CP949", "WINDOWS-1251", "KOI8-R", "EUC-TW", NULL,
};

/* The encoding of a text without a byte-order mark that is not UTF-8. */
static char *
detect_8bit (const char *data,
             gsize       length)
{
  uchardet_t detector = uchardet_new ();
  const char *name;
  char *result = NULL;

  if (uchardet_handle_data (detector, data, MIN (length, (gsize) 1024 * 1024)) == 0)
    {
      uchardet_data_end (detector);
      name = uchardet_get_charset (detector);
      /* uchardet says ASCII for text it cannot tell apart; the office's PCs write
       * Windows-1252 then. */
      if (name != NULL && name[0] != '\0' && g_ascii_strcasecmp (name, "ASCII") != 0
          && g_ascii_strncasecmp (name, "UTF-8", 5) != 0)
        result = g_ascii_strup (name, -1);
      /* On a short list a few accented letters say little: uchardet's guess is taken only
       * for the encodings the office's files come in (the members' scripts); anything else
       * (a Mac or a Nordic code page for "José") is Windows-1252, which Excel on the
       * office's PCs writes. Latin-1 is Windows-1252 too, which has letters (œ, €, ’) where
       * Latin-1 has control codes. */
      if (result != NULL && !g_strv_contains (trusted_encodings, result))
        g_clear_pointer (&result, g_free);
    }
  uchardet_delete (detector);
  return result != NULL ? result : g_strdup ("WINDOWS-1252");
}

/* The text as UTF-8, NUL-terminated, in @out; the encoding it was in, in @self. */
static gboolean
decode_text (FuTable     *self,
             const char  *data,
             gsize        length,
             char       **owned,
             const char  *encoding,
             char       **out,
             gsize       *out_length,
             GError     **error)
{
  const guint8 *bytes = (const guint8 *) data;
  g_autofree char *chosen = NULL;
  g_autoptr(GError) convert_error = NULL;
  gsize skip = 0;

  if (length >= 3 && memcmp (bytes, "\xEF\xBB\xBF", 3) == 0)
    chosen = g_strdup ("UTF-8"), skip = 3;
  else if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    chosen = g_strdup ("UTF-16LE"), skip = 2;
  else if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    chosen = g_strdup ("UTF-16BE"), skip = 2;
  self->bom = skip > 0;

  if (encoding != NULL && encoding[0] != '\0')
    {
      g_free (chosen);
      chosen = g_ascii_strup (encoding, -1);
      /* A byte-order mark of another encoding than the one asked for is text. */
      if (!(g_str_has_prefix (chosen, "UTF-16") && skip == 2)
          && !(strcmp (chosen, "UTF-8") == 0 && skip == 3))
        skip = 0;
    }
  else if (chosen == NULL)
    {
      const char *utf16 = guess_utf16 (bytes, length);

      if (utf16 != NULL)
        chosen = g_strdup (utf16);
      else if (has_nul (data, length))
        {
          set_error (error, self->display_name,
                     _("this is not a text file or a spreadsheet: import a CSV file, or an "
                       ".xlsx or .ods workbook"));
          return FALSE;
        }
      else if (g_utf8_validate_len (data, length, NULL))
        chosen = g_strdup ("UTF-8");
      else
        chosen = detect_8bit (data, length);
    }

  data += skip;
  length -= skip;
  if (strcmp (chosen, "UTF-8") == 0)
    {
      const char *end = NULL;

      if (!g_utf8_validate_len (data, length, &end))
        {
          const char *utf16 = guess_utf16 (bytes, length);

          set_error (error, self->display_name,
                     utf16 != NULL
                     ? _("this file is UTF-16 (“Unicode text”), not UTF-8: choose UTF-16 as "
                         "the encoding, or let it be detected")
                     : _("the text is not valid UTF-8: choose its encoding (Windows-1252 "
                         "for most files saved by Excel)"));
          return FALSE;
        }
      /* The caller's own copy (a NUL after it) is used as it is, not copied again. */
      if (owned != NULL && *owned != NULL)
        {
          if (skip > 0)
            memmove (*owned, *owned + skip, length + 1);
          *out = g_steal_pointer (owned);
        }
      else
        *out = g_strndup (data, length);
      *out_length = length;
    }
  else
    {
      gsize read = 0;

      *out = g_convert (data, length, "UTF-8", chosen, &read, out_length, &convert_error);
      if (*out == NULL)
        {
          g_autofree char *message = NULL;

          if (g_error_matches (convert_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
            message = g_strdup_printf (_("unknown encoding “%s”"), chosen);
          else
            {
              g_autofree char *where = g_strdup_printf ("%" G_GSIZE_FORMAT, read + skip);

              message = g_strdup_printf (_("the text is not valid %s (at byte %s): choose "
                                           "another encoding"), chosen, where);
            }
          set_error (error, self->display_name, message);
          return FALSE;
        }
      if (has_nul (*out, *out_length))
        {
          g_clear_pointer (out, g_free);
          set_error (error, self->display_name,
                     _("this is not a text file or a spreadsheet: import a CSV file, or an "
                       ".xlsx or .ods workbook"));
          return FALSE;
        }
    }

  self->encoding = g_steal_pointer (&chosen);
  return TRUE;
}

/* ---- Text: separator ----------------------------------------------------------------------- */

/* How many times @delimiter separates cells on each of the first lines (outside quotes). */
static void
count_delimiters (const char *text,
                  gsize       length,
                  char        delimiter,
                  guint      *counts,
                  guint      *n_lines)
{
  gboolean quoted = FALSE;
  guint count = 0;

  *n_lines = 0;
  for (gsize i = 0; i < MIN (length, (gsize) SNIFF_BYTES) && *n_lines < SNIFF_LINES; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == delimiter)
        count++;
      else if (!quoted && c == '\n')
        {
          counts[(*n_lines)++] = count;
          count = 0;
        }
    }
  if (*n_lines < SNIFF_LINES && count > 0)
    counts[(*n_lines)++] = count;
}

/* The separator that splits the most lines into the same number of cells. */
static char
sniff_delimiter (const char *text,
                 gsize       length)
{
  char best = ',';
  guint best_score = 0;

  for (guint d = 0; d < G_N_ELEMENTS (delimiters); d++)
    {
      guint counts[SNIFF_LINES];
      guint n_lines = 0;
      guint score = 0;

      count_delimiters (text, length, delimiters[d], counts, &n_lines);
      for (guint i = 0; i < n_lines; i++)
        {
          guint same = 0;

          if (counts[i] == 0)
            continue;
          for (guint j = 0; j < n_lines; j++)
            same += counts[j] == counts[i];
          /* Lines that agree, weighted by how many cells they make. */
          score = MAX (score, same * 100 + MIN (counts[i], 99u));
        }
      if (score > best_score)
        {
          best_score = score;
          best = delimiters[d];
        }
    }
  return best;
}

/* Room for the rows of @text, at about a line each, and for their cells as many as the
 * first line's: a big file's arrays are not copied over and over as they grow. */
static void
table_reserve (FuTable    *self,
               const char *text,
               gsize       length)
{
  const char *end = text + length;
  const char *first_end = memchr (text, '\n', length);
  guint n_lines = 1;
  guint n_cells = 1;

  if (self->cells->len != 0 || first_end == NULL)
    return;
  for (const char *p = first_end; p != NULL && p < end; p = memchr (p + 1, '\n', end - p - 1))
    n_lines++;
  for (const char *p = text; p < first_end; p++)
    n_cells += *p == self->delimiter;
  g_ptr_array_unref (self->cells);
  self->cells = g_ptr_array_sized_new (MIN ((gsize) n_lines * n_cells, G_MAXUINT / 2));
  g_array_unref (self->lines);
  self->lines = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_lines);
  g_array_unref (self->starts);
  self->starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_lines + 1);
  g_array_append_val (self->starts, self->cells->len);
}

static gboolean
read_text (FuTable               *self,
           const char            *data,
           gsize                  length,
           char                 **owned,
           const FuTableOptions  *options,
           GError               **error)
{
  g_autofree char *text = NULL;
  g_autoptr(FuCsvReader) reader = NULL;
  g_autoptr(GError) csv_error = NULL;
  gsize text_length = 0;

  if (!decode_text (self, data, length, owned, options != NULL ? options->encoding : NULL, &text,
                    &text_length, error))
    return FALSE;

  /* Excel's own hint on a first line of its own: "sep=;". */
  if (text_length >= 5 && g_ascii_strncasecmp (text, "sep=", 4) == 0
      && (text[5] == '\r' || text[5] == '\n' || text_length == 5))
    {
      char hinted = text[4];
      gsize skip = 5;

      while (skip < text_length && (text[skip] == '\r' || text[skip] == '\n') && skip < 7)
        skip++;
      memmove (text, text + skip, text_length - skip + 1);
      text_length -= skip;
      self->sniffed = hinted;
      self->hint_lines = 1;
    }
  else
    self->sniffed = sniff_delimiter (text, text_length);
  self->delimiter = options != NULL && options->delimiter != '\0'
                    ? options->delimiter : self->sniffed;

  self->text_length = text_length;
  table_reserve (self, text, text_length);
  reader = fu_csv_reader_new_take (self->display_name, g_steal_pointer (&text), text_length,
                                   self->delimiter, &csv_error);
  if (reader != NULL)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();

      for (guint i = 0; i < fu_csv_reader_get_n_columns (reader); i++)
        g_ptr_array_add (cells, (gpointer) fu_csv_reader_get_column_name (reader, i));
      table_add_cells (self, (const char * const *) cells->pdata, cells->len,
                       fu_csv_reader_get_header_line (reader) + self->hint_lines);

      while (fu_csv_reader_next (reader, &csv_error))
        {
          gsize record_length;
          const char *record = fu_csv_reader_get_record (reader, &record_length);

          table_add_record (self, record, record_length, fu_csv_reader_get_n_cells (reader),
                            fu_csv_reader_get_line (reader) + self->hint_lines);
        }
    }

  if (csv_error != NULL)
    {
      char sniffed = self->sniffed;

      if (g_error_matches (csv_error, FU_CSV_ERROR, FU_CSV_ERROR_EMPTY))
        set_error (error, self->display_name, _("the file is empty"));
      else if (sniffed != self->delimiter)
        g_set_error (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_FAILED,
                     /* TRANSLATORS: the reader's message, then the separator's name */
                     _("%s (this looks like a file separated by %s: choose that separator)"),
                     csv_error->message, fu_table_delimiter_name (sniffed));
      else
        g_set_error_literal (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_FAILED,
                             csv_error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- Workbooks ------------------------------------------------------------------------------ */

static GBytes *
zip_member (GsfInfile  *zip,
            const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GsfInput *input = NULL;
  GsfInfile *dir = g_object_ref (zip);
  gsf_off_t size;
  const guint8 *bytes;
  GBytes *result = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      GsfInput *child = gsf_infile_child_by_name (dir, parts[i]);

      g_object_unref (dir);
      if (child == NULL)
        return NULL;
      if (parts[i + 1] == NULL)
        {
          input = child;
          break;
        }
      if (!GSF_IS_INFILE (child))
        {
          g_object_unref (child);
          return NULL;
        }
      dir = GSF_INFILE (child);
    }
  if (input == NULL)
    return NULL;

  size = gsf_input_size (input);
  bytes = size >= 0 && size <= G_MAXINT ? gsf_input_read (input, (size_t) size, NULL) : NULL;
  if (bytes != NULL || size == 0)
    result = g_bytes_new (bytes, (gsize) size);
  g_object_unref (input);
  return result;
}

static gboolean
zip_has_member (GsfInfile  *zip,
                const char *path)
{
  g_autoptr(GBytes) bytes = zip_member (zip, path);

  return bytes != NULL;
}

static xmlDoc *
parse_xml (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size > G_MAXINT)
    return NULL;
  return xmlReadMemory (data, (int) size, NULL, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_HUGE);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST name);
}

static xmlNode *
first_child (xmlNode    *node,
             const char *name)
{
  for (xmlNode *child = node != NULL ? node->children : NULL; child != NULL; child = child->next)
    if (is_element (child, name))
      return child;
  return NULL;
}

/* An attribute whatever its namespace prefix; NULL when absent. */
static char *
attribute (xmlNode    *node,
           const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (xmlStrEqual (attr->name, BAD_CAST name))
      {
        xmlChar *value = xmlNodeGetContent ((xmlNode *) attr);
        char *copy = g_strdup ((const char *) value);

        xmlFree (value);
        return copy;
      }
  return NULL;
}

static guint
attribute_uint (xmlNode    *node,
                const char *name,
                guint       fallback)
{
  g_autofree char *text = attribute (node, name);
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &value, NULL))
    return fallback;
  return (guint) value;
}

/* The text of every @name element below @node, in order (a shared string's runs). */
static void
collect_text (xmlNode    *node,
              const char *name,
              GString    *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      /* Phonetic guides (Japanese furigana) are not the cell's text. */
      if (is_element (child, "rPh"))
        continue;
      if (is_element (child, name))
        {
          xmlChar *text = xmlNodeGetContent (child);

          g_string_append (out, (const char *) text);
          xmlFree (text);
        }
      else
        collect_text (child, name, out);
    }
}

/* Which sheet of @names @wanted means: a 1-based number or a name; the first by default. */
static gboolean
choose_sheet (FuTable     *self,
              const char  *wanted,
              GError     **error)
{
  guint64 number = 0;

  if (self->sheets->len == 0)
    {
      set_error (error, self->display_name, _("the workbook has no sheet"));
      return FALSE;
    }
  self->sheet = 0;
  if (wanted == NULL || wanted[0] == '\0')
    return TRUE;

  for (guint i = 0; i < self->sheets->len; i++)
    if (g_utf8_collate (g_ptr_array_index (self->sheets, i), wanted) == 0)
      {
        self->sheet = i;
        return TRUE;
      }
  if (g_ascii_string_to_unsigned (wanted, 10, 1, self->sheets->len, &number, NULL))
    {
      self->sheet = (guint) number - 1;
      return TRUE;
    }

  {
    g_autoptr(GString) names = g_string_new (NULL);
    g_autofree char *message = NULL;

    for (guint i = 0; i < self->sheets->len; i++)
      g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                              (const char *) g_ptr_array_index (self->sheets, i));
    message = g_strdup_printf (_("no sheet “%s”: the sheets are %s"), wanted, names->str);
    set_error (error, self->display_name, message);
  }
  return FALSE;
}

/* "1.0" is "1"; other numbers as short as they stay exact. */
static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (value) < 1e15 && value == floor (value))
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  return g_strdup (buffer);
}

/* A spreadsheet's day number as a date ("2017-06-12"), with the time when there is one. */
static char *
format_serial_date (double   serial,
                    gboolean date1904)
{
  g_autoptr(GDateTime) base = NULL;
  g_autoptr(GDateTime) moment = NULL;
  double days = floor (serial);
  gint64 seconds = (gint64) llround ((serial - days) * 86400.0);

  /* Day 0 is 31 December 1899 (1900 system, with Lotus's 29 February 1900), or 1 January
   * 1904. */
  base = date1904 ? g_date_time_new_utc (1904, 1, 1, 0, 0, 0)
                  : g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
  if (base == NULL || days < 0 || days > 2958465)
    return format_number (serial);
  moment = g_date_time_add_seconds (base, days * 86400.0 + (double) seconds);
  if (moment == NULL)
    return format_number (serial);
  if (seconds == 0)
    return g_date_time_format (moment, "%Y-%m-%d");
  return g_date_time_format (moment, "%Y-%m-%d %H:%M:%S");
}

/* Number formats 14 to 22 and 45 to 47 are Excel's built-in dates and times; a custom
 * format is a date when it has d, m or y outside quotes and brackets. */
static gboolean
format_code_is_date (const char *code)
{
  gboolean quoted = FALSE;
  gboolean bracket = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '[')
        bracket = TRUE;
      else if (!quoted && *p == ']')
        bracket = FALSE;
      else if (!quoted && !bracket && *p == '\\')
        p += p[1] != '\0';
      else if (!quoted && !bracket && strchr ("dDmMyYhHsS", *p) != NULL)
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  GPtrArray *shared;      /* char* */
  GArray    *date_styles; /* gboolean per cellXfs index */
  gboolean   date1904;
} XlsxContext;

static void
xlsx_read_styles (GsfInfile   *zip,
                  XlsxContext *context)
{
  g_autoptr(GBytes) bytes = zip_member (zip, "xl/styles.xml");
  g_autoptr(GHashTable) custom = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  xmlDoc *doc;
  xmlNode *root;
  xmlNode *node;

  if (bytes == NULL || (doc = parse_xml (bytes)) == NULL)
    return;
  root = xmlDocGetRootElement (doc);

  node = first_child (root, "numFmts");
  for (xmlNode *fmt = node != NULL ? node->children : NULL; fmt != NULL; fmt = fmt->next)
    if (is_element (fmt, "numFmt"))
      g_hash_table_insert (custom, GUINT_TO_POINTER (attribute_uint (fmt, "numFmtId", 0)),
                           attribute (fmt, "formatCode"));

  node = first_child (root, "cellXfs");
  for (xmlNode *xf = node != NULL ? node->children : NULL; xf != NULL; xf = xf->next)
    if (is_element (xf, "xf"))
      {
        guint id = attribute_uint (xf, "numFmtId", 0);
        const char *code = g_hash_table_lookup (custom, GUINT_TO_POINTER (id));
        gboolean date = code != NULL ? format_code_is_date (code)
                                     : (id >= 14 && id <= 22) || (id >= 45 && id <= 47);

        g_array_append_val (context->date_styles, date);
      }
  xmlFreeDoc (doc);
}

static void
xlsx_read_shared (GsfInfile   *zip,
                  XlsxContext *context)
{
  g_autoptr(GBytes) bytes = zip_member (zip, "xl/sharedStrings.xml");
  xmlDoc *doc;

  if (bytes == NULL || (doc = parse_xml (bytes)) == NULL)
    return;
  for (xmlNode *si = xmlDocGetRootElement (doc)->children; si != NULL; si = si->next)
    if (is_element (si, "si"))
      {
        GString *text = g_string_new (NULL);

        collect_text (si, "t", text);
        g_ptr_array_add (context->shared, g_string_free (text, FALSE));
      }
  xmlFreeDoc (doc);
}

/* "BC12" -> 54 (0-based column); -1 without letters. */
static int
column_of_reference (const char *reference)
{
  int column = 0;
  const char *p;

  for (p = reference; g_ascii_isalpha (*p); p++)
    column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  return p == reference || column > 16384 ? -1 : column - 1;
}

static char *
xlsx_cell_text (xmlNode     *cell,
                XlsxContext *context)
{
  g_autofree char *type = attribute (cell, "t");
  xmlNode *v = first_child (cell, "v");
  g_autofree char *value = NULL;

  if (g_strcmp0 (type, "inlineStr") == 0)
    {
      GString *text = g_string_new (NULL);

      collect_text (cell, "t", text);
      return g_string_free (text, FALSE);
    }
  if (v == NULL)
    return g_strdup ("");
  {
    xmlChar *content = xmlNodeGetContent (v);

    value = g_strdup ((const char *) content);
    xmlFree (content);
  }

  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 index = 0;

      if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &index, NULL)
          && index < context->shared->len)
        return g_strdup (g_ptr_array_index (context->shared, index));
      return g_strdup ("");
    }
  if (g_strcmp0 (type, "b") == 0)
    return g_strdup (g_strcmp0 (value, "1") == 0 ? "TRUE" : "FALSE");
  if (type == NULL || g_strcmp0 (type, "n") == 0)
    {
      char *end = NULL;
      double number = g_ascii_strtod (value, &end);
      guint style = attribute_uint (cell, "s", 0);

      if (end == value || *end != '\0')
        return g_steal_pointer (&value);
      if (style < context->date_styles->len
          && g_array_index (context->date_styles, gboolean, style))
        return format_serial_date (number, context->date1904);
      return format_number (number);
    }
  /* "str" (a formula's text), "e" (an error such as #N/A), "d" (an ISO date) */
  return g_steal_pointer (&value);
}

static void
xlsx_read_sheet (FuTable     *self,
                 xmlDoc      *doc,
                 XlsxContext *context)
{
  xmlNode *data = first_child (xmlDocGetRootElement (doc), "sheetData");
  guint next_row = 1;

  for (xmlNode *row = data != NULL ? data->children : NULL; row != NULL; row = row->next)
    {
      GPtrArray *cells;
      guint number;

      if (!is_element (row, "row"))
        continue;
      number = attribute_uint (row, "r", next_row);
      next_row = number + 1;
      cells = g_ptr_array_new ();
      for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
        {
          g_autofree char *reference = NULL;
          int column;

          if (!is_element (cell, "c"))
            continue;
          reference = attribute (cell, "r");
          column = reference != NULL ? column_of_reference (reference) : (int) cells->len;
          if (column < 0)
            column = (int) cells->len;
          while (cells->len < (guint) column)
            g_ptr_array_add (cells, g_strdup (""));
          if (cells->len == (guint) column)
            g_ptr_array_add (cells, xlsx_cell_text (cell, context));
        }
      table_add_row (self, cells, number);
    }
}

static gboolean
read_xlsx (FuTable               *self,
           GsfInfile             *zip,
           const FuTableOptions  *options,
           GError               **error)
{
  g_autoptr(GBytes) workbook = zip_member (zip, "xl/workbook.xml");
  g_autoptr(GBytes) rels = zip_member (zip, "xl/_rels/workbook.xml.rels");
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          g_free);
  g_autoptr(GBytes) sheet_bytes = NULL;
  g_autofree char *target = NULL;
  XlsxContext context = { 0, };
  xmlDoc *doc;
  xmlNode *node;
  const char *id;
  gboolean ok = FALSE;

  if (workbook == NULL || (doc = parse_xml (workbook)) == NULL)
    {
      set_error (error, self->display_name, _("the workbook is damaged: xl/workbook.xml is "
                                              "missing or unreadable"));
      return FALSE;
    }
  node = xmlDocGetRootElement (doc);
  {
    xmlNode *pr = first_child (node, "workbookPr");
    g_autofree char *date1904 = pr != NULL ? attribute (pr, "date1904") : NULL;

    context.date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
  }
  node = first_child (node, "sheets");
  for (xmlNode *sheet = node != NULL ? node->children : NULL; sheet != NULL;
       sheet = sheet->next)
    if (is_element (sheet, "sheet"))
      {
        char *name = attribute (sheet, "name");

        g_ptr_array_add (self->sheets, name != NULL ? name : g_strdup (""));
        g_ptr_array_add (ids, attribute (sheet, "id"));
      }
  xmlFreeDoc (doc);

  if (rels != NULL && (doc = parse_xml (rels)) != NULL)
    {
      for (xmlNode *rel = xmlDocGetRootElement (doc)->children; rel != NULL; rel = rel->next)
        if (is_element (rel, "Relationship"))
          {
            char *rel_id = attribute (rel, "Id");
            char *rel_target = attribute (rel, "Target");

            if (rel_id != NULL && rel_target != NULL)
              g_hash_table_insert (targets, rel_id, rel_target);
            else
              g_free (rel_id), g_free (rel_target);
          }
      xmlFreeDoc (doc);
    }

  if (!choose_sheet (self, options != NULL ? options->sheet : NULL, error))
    return FALSE;

  id = g_ptr_array_index (ids, self->sheet);
  if (id != NULL && g_hash_table_lookup (targets, id) != NULL)
    {
      const char *found = g_hash_table_lookup (targets, id);

      target = found[0] == '/' ? g_strdup (found + 1) : g_strconcat ("xl/", found, NULL);
    }
  else
    target = g_strdup_printf ("xl/worksheets/sheet%u.xml", self->sheet + 1);

  context.shared = g_ptr_array_new_with_free_func (g_free);
  context.date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
  xlsx_read_styles (zip, &context);
  xlsx_read_shared (zip, &context);

  sheet_bytes = zip_member (zip, target);
  if (sheet_bytes != NULL && (doc = parse_xml (sheet_bytes)) != NULL)
    {
      xlsx_read_sheet (self, doc, &context);
      xmlFreeDoc (doc);
      ok = TRUE;
    }
  else
    set_error (error, self->display_name, _("the workbook is damaged: a sheet is missing or "
                                            "unreadable"));

  g_ptr_array_unref (context.shared);
  g_array_unref (context.date_styles);
  return ok;
}

/* The text of an ODS cell: its paragraphs one per line, with its spaces, tabs and breaks. */
static void
ods_collect_text (xmlNode *node,
                  GString *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) child->content);
      else if (is_element (child, "s"))
        {
          guint n = attribute_uint (child, "c", 1);

          for (guint i = 0; i < MIN (n, (guint) MAX_REPEAT); i++)
            g_string_append_c (out, ' ');
        }
      else if (is_element (child, "tab"))
        g_string_append_c (out, '\t');
      else if (is_element (child, "line-break"))
        g_string_append_c (out, '\n');
      else if (is_element (child, "annotation"))
        continue;   /* a comment on the cell, not its text */
      else if (child->type == XML_ELEMENT_NODE)
        ods_collect_text (child, out);
    }
}

static char *
ods_cell_text (xmlNode *cell)
{
  g_autofree char *type = attribute (cell, "value-type");
  GString *text;

  if (g_strcmp0 (type, "float") == 0 || g_strcmp0 (type, "percentage") == 0
      || g_strcmp0 (type, "currency") == 0)
    {
      g_autofree char *value = attribute (cell, "value");
      char *end = NULL;
      double number = value != NULL ? g_ascii_strtod (value, &end) : 0;

      if (value != NULL && end != value && *end == '\0')
        return format_number (number);
    }
  else if (g_strcmp0 (type, "date") == 0)
    {
      g_autofree char *value = attribute (cell, "date-value");

      if (value != NULL)
        {
          char *t = strchr (value, 'T');

          /* "2017-06-12" or "2017-06-12T10:15:32": midnight is the date alone. */
          if (t != NULL && (strcmp (t, "T00:00:00") == 0 || g_str_has_prefix (t, "T00:00:00.")))
            *t = '\0';
          else if (t != NULL)
            *t = ' ';
          return g_steal_pointer (&value);
        }
    }
  else if (g_strcmp0 (type, "boolean") == 0)
    {
      g_autofree char *value = attribute (cell, "boolean-value");

      if (value != NULL)
        return g_strdup (g_strcmp0 (value, "true") == 0 ? "TRUE" : "FALSE");
    }

  text = g_string_new (NULL);
  for (xmlNode *child = cell->children; child != NULL; child = child->next)
    if (is_element (child, "p") || is_element (child, "h"))
      {
        if (text->len > 0)
          g_string_append_c (text, '\n');
        ods_collect_text (child, text);
      }
  return g_string_free (text, FALSE);
}

static void
ods_read_rows (FuTable *self,
               xmlNode *parent,
               guint   *row_number)
{
  for (xmlNode *row = parent->children; row != NULL; row = row->next)
    {
      GPtrArray *cells;
      guint repeat;

      if (is_element (row, "table-header-rows") || is_element (row, "table-rows")
          || is_element (row, "table-row-group"))
        {
          ods_read_rows (self, row, row_number);
          continue;
        }
      if (!is_element (row, "table-row"))
        continue;

      repeat = attribute_uint (row, "number-rows-repeated", 1);
      cells = g_ptr_array_new ();
      for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
        {
          guint columns;
          g_autofree char *text = NULL;

          if (!is_element (cell, "table-cell") && !is_element (cell, "covered-table-cell"))
            continue;
          columns = attribute_uint (cell, "number-columns-repeated", 1);
          text = ods_cell_text (cell);
          if (text[0] == '\0' && columns > MAX_REPEAT)
            columns = 1;   /* the empty rest of the row */
          for (guint i = 0; i < MIN (columns, (guint) MAX_REPEAT); i++)
            g_ptr_array_add (cells, g_strdup (text));
        }

      if (array_blank (cells))
        {
          g_ptr_array_set_free_func (cells, g_free);
          g_ptr_array_unref (cells);
          *row_number += repeat;
          continue;
        }
      for (guint i = 1; i < MIN (repeat, (guint) MAX_REPEAT); i++)
        {
          GPtrArray *copy = g_ptr_array_new ();

          for (guint j = 0; j < cells->len; j++)
            g_ptr_array_add (copy, g_strdup (g_ptr_array_index (cells, j)));
          table_add_row (self, copy, *row_number);
          (*row_number)++;
        }
      table_add_row (self, cells, *row_number);
      (*row_number)++;
    }
}

static gboolean
read_ods (FuTable               *self,
          GsfInfile             *zip,
          const FuTableOptions  *options,
          GError               **error)
{
  g_autoptr(GBytes) content = zip_member (zip, "content.xml");
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  xmlDoc *doc;
  xmlNode *body;
  xmlNode *spreadsheet;
  guint row_number = 1;

  if (content == NULL || (doc = parse_xml (content)) == NULL)
    {
      set_error (error, self->display_name, _("the workbook is damaged: content.xml is "
                                              "missing or unreadable"));
      return FALSE;
    }
  body = first_child (xmlDocGetRootElement (doc), "body");
  spreadsheet = first_child (body, "spreadsheet");
  for (xmlNode *table = spreadsheet != NULL ? spreadsheet->children : NULL; table != NULL;
       table = table->next)
    if (is_element (table, "table"))
      {
        char *name = attribute (table, "name");

        g_ptr_array_add (self->sheets, name != NULL ? name : g_strdup (""));
        g_ptr_array_add (tables, table);
      }

  if (spreadsheet == NULL)
    {
      xmlFreeDoc (doc);
      set_error (error, self->display_name,
                 _("this OpenDocument file is not a spreadsheet: save it from Calc as .ods"));
      return FALSE;
    }
  if (!choose_sheet (self, options != NULL ? options->sheet : NULL, error))
    {
      xmlFreeDoc (doc);
      return FALSE;
    }
  ods_read_rows (self, g_ptr_array_index (tables, self->sheet), &row_number);
  xmlFreeDoc (doc);
  return TRUE;
}

static gboolean
read_workbook (FuTable               *self,
               const char            *data,
               gsize                  length,
               const FuTableOptions  *options,
               GError               **error)
{
  GsfInput *input = gsf_input_memory_new ((const guint8 *) data, (gsf_off_t) length, FALSE);
  GsfInfile *zip = NULL;
  g_autoptr(GError) zip_error = NULL;
  gboolean ok;

  zip = gsf_infile_zip_new (input, &zip_error);
  g_object_unref (input);
  if (zip == NULL)
    {
      set_error (error, self->display_name,
                 _("the file looks like a workbook but is damaged: open it in your "
                   "spreadsheet and save it again"));
      return FALSE;
    }

  if (zip_has_member (zip, "xl/workbook.xml"))
    {
      self->format = FU_TABLE_XLSX;
      ok = read_xlsx (self, zip, options, error);
    }
  else if (zip_has_member (zip, "content.xml"))
    {
      self->format = FU_TABLE_ODS;
      ok = read_ods (self, zip, options, error);
    }
  else
    {
      set_error (error, self->display_name,
                 _("this is a ZIP archive, not a workbook: import a CSV file, or an .xlsx or "
                   ".ods workbook"));
      ok = FALSE;
    }
  g_object_unref (zip);
  return ok;
}

/* ---- The file ----------------------------------------------------------------------------- */

/* @owned, when not NULL, is @data itself (with a NUL after it), to use rather than copy. */
static FuTable *
table_read (const char            *display_name,
            const char            *data,
            gsize                  length,
            char                 **owned,
            const FuTableOptions  *options,
            GError               **error)
{
  g_autoptr(FuTable) self = NULL;
  gboolean ok;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = table_new (display_name, FU_TABLE_TEXT);

  if (length == 0)
    {
      set_error (error, display_name, _("the file is empty"));
      return NULL;
    }
  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    ok = read_workbook (self, data, length, options, error);
  else if (length >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    {
      set_error (error, display_name,
                 _("this is an old Excel workbook (.xls): save it as .xlsx or as CSV"));
      ok = FALSE;
    }
  else if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    {
      set_error (error, display_name,
                 _("this is a PDF document: import the list as CSV, .xlsx or .ods"));
      ok = FALSE;
    }
  else
    ok = read_text (self, data, length, owned, options, error);

  if (!ok)
    return NULL;
  if (self->lines->len == 0)
    {
      set_error (error, display_name,
                 self->format == FU_TABLE_TEXT ? _("the file is empty")
                                               : _("the sheet is empty"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

FuTable *
fu_table_read (const char            *display_name,
               const char            *data,
               gsize                  length,
               const FuTableOptions  *options,
               GError               **error)
{
  return table_read (display_name, data, length, NULL, options, error);
}

FuTable *
fu_table_read_take (const char            *display_name,
                    char                  *data,
                    gsize                  length,
                    const FuTableOptions  *options,
                    GError               **error)
{
  g_autofree char *owned = data;

  return table_read (display_name, data, length, &owned, options, error);
}
