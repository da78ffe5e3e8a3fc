/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "fu-csv.h"
#include "fu-day.h"
#include "fu-error.h"

#define BOM "\xEF\xBB\xBF"

static FuCsvReader *
open_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  FuCsvReader *reader = fu_csv_reader_new ("t.csv", text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

/* Reads the next record and checks its line and its cells (NULL-terminated). */
static void
expect_record (FuCsvReader *reader,
               guint        line,
               ...)
{
  g_autoptr(GError) error = NULL;
  const char *cell;
  guint n = 0;
  va_list args;

  g_assert_true (fu_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fu_csv_reader_get_line (reader), ==, line);

  va_start (args, line);
  while ((cell = va_arg (args, const char *)) != NULL)
    {
      g_assert_cmpstr (fu_csv_reader_get_cell (reader, n), ==, cell);
      n++;
    }
  va_end (args);

  g_assert_cmpuint (fu_csv_reader_get_n_cells (reader), ==, n);
}

static void
expect_end (FuCsvReader *reader)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (fu_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

/* Opening @text must fail with @code and exactly @message. */
static void
expect_open_error (const char *text,
                   gsize       length,
                   FuCsvError  code,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuCsvReader) reader = fu_csv_reader_new ("t.csv", text, length, &error);

  g_assert_null (reader);
  g_assert_error (error, FU_CSV_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

/* Reading the records of @text must fail with @code and exactly @message after
 * @n_good records. */
static void
expect_next_error (const char *text,
                   guint       n_good,
                   FuCsvError  code,
                   const char *message)
{
  g_autoptr(FuCsvReader) reader = open_text (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;

  for (guint i = 0; i < n_good; i++)
    {
      g_assert_true (fu_csv_reader_next (reader, &error));
      g_assert_no_error (error);
    }

  g_assert_false (fu_csv_reader_next (reader, &error));
  g_assert_error (error, FU_CSV_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (fu_csv_reader_get_n_cells (reader), ==, 0);

  /* The reader stays stopped at the error. */
  g_assert_false (fu_csv_reader_next (reader, &again));
  g_assert_error (again, FU_CSV_ERROR, (int) code);
}

static void
test_bom (void)
{
  g_autoptr(FuCsvReader) reader = open_text (BOM "code,title\r\nW1,Risk\r\n");

  g_assert_cmpuint (fu_csv_reader_get_n_columns (reader), ==, 2);
  /* The mark is not part of the first column's name. */
  g_assert_cmpstr (fu_csv_reader_get_column_name (reader, 0), ==, "code");
  g_assert_cmpint (fu_csv_reader_find_column (reader, "code"), ==, 0);
  expect_record (reader, 2, "W1", "Risk", NULL);
  expect_end (reader);
}

static void
test_line_ends (void)
{
  const char *texts[] = {
    "a,b\r\n1,2\r\n3,4\r\n",
    "a,b\n1,2\n3,4\n",
    "a,b\r1,2\r3,4\r",
    "a,b\r\n1,2\n3,4",
    "a,b\r1,2\r\n3,4\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(FuCsvReader) reader = open_text (texts[i]);

      g_assert_cmpuint (fu_csv_reader_get_n_columns (reader), ==, 2);
      g_assert_cmpstr (fu_csv_reader_get_column_name (reader, 1), ==, "b");
      expect_record (reader, 2, "1", "2", NULL);
      expect_record (reader, 3, "3", "4", NULL);
      expect_end (reader);
    }
}

static void
test_quoted (void)
{
  g_autoptr(FuCsvReader) reader =
    open_text ("name,note,n\r\n"
               "\"Doe, Jane\",\"She said \"\"yes\"\"\",1\r\n"
               "\"Two\r\nlines\",\"three\nlines\rhere\",2\r\n"
               "\"\",\"\"\"\",3\r\n"
               "last,\"a,\r\n\r\nb\",4\r\n"
               "end,,5");

  expect_record (reader, 2, "Doe, Jane", "She said \"yes\"", "1", NULL);
  /* Line breaks inside quotes are kept as written and counted: the record starts on 3,
   * the next one on 7. */
  expect_record (reader, 3, "Two\r\nlines", "three\nlines\rhere", "2", NULL);
  expect_record (reader, 7, "", "\"", "3", NULL);
  expect_record (reader, 8, "last", "a,\r\n\r\nb", "4", NULL);
  expect_record (reader, 11, "end", "", "5", NULL);
  expect_end (reader);
}

static void
test_blank_lines (void)
{
  g_autoptr(FuCsvReader) reader =
    open_text ("\r\n\na,b\r\n\r\n1,2\n   \n\t\r\n3,4\r\n\"\"\r\n,\r\n\r\n\r\n");

  /* Blank lines before the header are skipped too; lines keep their numbers. */
  g_assert_cmpstr (fu_csv_reader_get_column_name (reader, 0), ==, "a");
  expect_record (reader, 5, "1", "2", NULL);
  expect_record (reader, 8, "3", "4", NULL);
  /* One empty quoted cell is a record, not a blank line; so is a lone comma. */
  expect_record (reader, 9, "", NULL);
  expect_record (reader, 10, "", "", NULL);
  expect_end (reader);

  g_clear_pointer (&reader, fu_csv_reader_free);

  /* A line of spaces holding a quote is not blank: the quote is in an unquoted cell. */
  expect_next_error ("a\n \"x\"\n", 0, FU_CSV_ERROR_SYNTAX,
                     "t.csv:2: column 1 (a): a quote inside a cell that does not start "
                     "with one; put the whole cell in quotes and double the quote inside "
                     "(\"\")");
}

static void
test_short_rows (void)
{
  g_autoptr(FuCsvReader) reader = open_text ("a,b,c\n1\n1,2\n1,2,3,4\n1,,\n");

  expect_record (reader, 2, "1", NULL);
  /* Cells past the end of a short record read as empty. */
  g_assert_cmpstr (fu_csv_reader_get_cell (reader, 1), ==, "");
  g_assert_cmpstr (fu_csv_reader_get_cell (reader, 2), ==, "");
  g_assert_cmpstr (fu_csv_reader_get_cell (reader, 99), ==, "");
  expect_record (reader, 3, "1", "2", NULL);
  expect_record (reader, 4, "1", "2", "3", "4", NULL);
  expect_record (reader, 5, "1", "", "", NULL);
  expect_end (reader);
}

static void
test_header (void)
{
  g_autoptr(FuCsvReader) reader =
    open_text (" code ,\ttitle,\" kind \",code,\"\"\nW1,T, K ,W2,x\n");

  g_assert_cmpstr (fu_csv_reader_get_display_name (reader), ==, "t.csv");
  g_assert_cmpuint (fu_csv_reader_get_n_columns (reader), ==, 5);
  g_assert_cmpstr (fu_csv_reader_get_column_name (reader, 0), ==, "code");
  g_assert_cmpstr (fu_csv_reader_get_column_name (reader, 1), ==, "title");
  g_assert_cmpstr (fu_csv_reader_get_column_name (reader, 2), ==, "kind");
  g_assert_cmpstr (fu_csv_reader_get_column_name (reader, 4), ==, "");
  /* A repeated name finds the first column; the importer reports the repetition. */
  g_assert_cmpint (fu_csv_reader_find_column (reader, "code"), ==, 0);
  g_assert_cmpint (fu_csv_reader_find_column (reader, "kind"), ==, 2);
  g_assert_cmpint (fu_csv_reader_find_column (reader, "venue"), ==, -1);
  g_assert_cmpint (fu_csv_reader_find_column (reader, "Code"), ==, -1);

  /* Before the first record there are no cells. */
  g_assert_cmpuint (fu_csv_reader_get_n_cells (reader), ==, 0);
  /* Cells are not trimmed. */
  expect_record (reader, 2, "W1", "T", " K ", "W2", "x", NULL);
  expect_end (reader);
}

static void
test_invalid_utf8 (void)
{
  const char latin1[] = "name,email\r\nAna,ana@x.org\r\nBob,b\xf6\x62@x.org\r\n";
  const char quoted[] = "a,b\n1,\"x\ny\xfez\"\n";
  const char header[] = "a,\xc3(\n1,2\n";
  const char truncated[] = "a\n\n\"x\ny\"\n\xe2\x82";
  const char extra[] = "a\n1,2,\xff\n";
  const char after_quote[] = "a,b\n1,\"x\"\xff\n";
  const char nul[] = "a,b\n1,x\0y\n";
  const char utf16[] = "\xff\xfe" "a\0,\0b\0";

  expect_open_error (latin1, sizeof latin1 - 1, FU_CSV_ERROR_ENCODING,
                     "t.csv:3: column 2 (email): the text is not valid UTF-8");
  /* The line of the bad byte, not of the record it is in. */
  expect_open_error (quoted, sizeof quoted - 1, FU_CSV_ERROR_ENCODING,
                     "t.csv:3: column 2 (b): the text is not valid UTF-8");
  expect_open_error (header, sizeof header - 1, FU_CSV_ERROR_ENCODING,
                     "t.csv:1: column 2: the text is not valid UTF-8");
  expect_open_error (truncated, sizeof truncated - 1, FU_CSV_ERROR_ENCODING,
                     "t.csv:5: column 1 (a): the text is not valid UTF-8");
  expect_open_error (extra, sizeof extra - 1, FU_CSV_ERROR_ENCODING,
                     "t.csv:2: column 3: the text is not valid UTF-8");
  expect_open_error (after_quote, sizeof after_quote - 1, FU_CSV_ERROR_ENCODING,
                     "t.csv:2: column 2 (b): the text is not valid UTF-8");
  expect_open_error (nul, sizeof nul - 1, FU_CSV_ERROR_ENCODING,
                     "t.csv:2: column 2 (b): the text is not valid UTF-8");
  expect_open_error (utf16, sizeof utf16 - 1, FU_CSV_ERROR_ENCODING,
                     "t.csv:1: column 1: the text is not valid UTF-8");
}

static void
test_unterminated (void)
{
  expect_next_error ("a,b\n1,2\r\n3,\"open\nmore\r\nstuff\n", 1, FU_CSV_ERROR_SYNTAX,
                     "t.csv:3: column 2 (b): unterminated quoted cell: the closing quote is "
                     "missing");
  /* A doubled quote at the end does not close the cell. */
  expect_next_error ("a\n\n\"x\"\"", 0, FU_CSV_ERROR_SYNTAX,
                     "t.csv:3: column 1 (a): unterminated quoted cell: the closing quote is "
                     "missing");
  expect_open_error ("a,\"b\n", 5, FU_CSV_ERROR_SYNTAX,
                     "t.csv:1: column 2: unterminated quoted cell: the closing quote is "
                     "missing");
}

#define AFTER_QUOTE(line, column) \
  "t.csv:" line ": column " column ": text after the closing quote; a quote inside a quoted " \
  "cell must be doubled (\"\")"

static void
test_after_quote (void)
{
  const char *first = AFTER_QUOTE ("2", "1 (a)");
  const char *spaced = AFTER_QUOTE ("3", "2 (b)");
  const char *multi = AFTER_QUOTE ("4", "2 (b)");

  expect_next_error ("a,b\n\"ab\"c,d\n", 0, FU_CSV_ERROR_SYNTAX, first);
  expect_next_error ("a,b\n1,2\n3,\"x\" \n", 1, FU_CSV_ERROR_SYNTAX, spaced);
  /* Reported on the line where the stray text is. */
  expect_next_error ("a,b\n\n1,\"x\ny\"z\n", 0, FU_CSV_ERROR_SYNTAX, multi);
  expect_open_error ("\"a\"b\n", 5, FU_CSV_ERROR_SYNTAX, AFTER_QUOTE ("1", "1"));
}

static void
test_quote_in_cell (void)
{
  expect_next_error ("a,b\n1,2\n3,ab\"c\"\n", 1, FU_CSV_ERROR_SYNTAX,
                     "t.csv:3: column 2 (b): a quote inside a cell that does not start with "
                     "one; put the whole cell in quotes and double the quote inside (\"\")");
}

static void
test_empty (void)
{
  const char *texts[] = { "", BOM, "\r\n", "\n\n\n", BOM "\r\n  \r\n\t\n", " " };
  const char *message = "t.csv: the file is empty: the first line must name the columns";

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    expect_open_error (texts[i], strlen (texts[i]), FU_CSV_ERROR_EMPTY, message);

  expect_open_error (NULL, 0, FU_CSV_ERROR_EMPTY, message);
}

static void
test_header_only (void)
{
  const char *texts[] = { "a,b", "a,b\r\n", "a,b\n\n\r\n  \n", BOM "a,b\r" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(FuCsvReader) reader = open_text (texts[i]);

      g_assert_cmpuint (fu_csv_reader_get_n_columns (reader), ==, 2);
      g_assert_cmpstr (fu_csv_reader_get_column_name (reader, 1), ==, "b");
      expect_end (reader);
      /* Stays at the end. */
      expect_end (reader);
    }
}

static void
test_from_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-csv-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(FuCsvReader) reader = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "participants.csv", NULL);
  missing = g_build_filename (dir, "nowhere.csv", NULL);
  bad = g_build_filename (dir, "latin1.csv", NULL);

  g_file_set_contents (path, BOM "name,email\r\n\"Ana\",ana@x.org\r\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bad, "name\n\xe9t\xe9\n", -1, &error);
  g_assert_no_error (error);

  reader = fu_csv_reader_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_cmpstr (fu_csv_reader_get_display_name (reader), ==, "participants.csv");
  g_assert_cmpint (fu_csv_reader_find_column (reader, "email"), ==, 1);
  expect_record (reader, 2, "Ana", "ana@x.org", NULL);
  expect_end (reader);
  g_clear_pointer (&reader, fu_csv_reader_free);

  /* Messages start with the file's name, not its whole path. */
  reader = fu_csv_reader_new_from_file (bad, &error);
  g_assert_null (reader);
  g_assert_error (error, FU_CSV_ERROR, FU_CSV_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "latin1.csv:2: column 1 (name): the text is not valid UTF-8");
  g_clear_error (&error);

  reader = fu_csv_reader_new_from_file (missing, &error);
  g_assert_null (reader);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "nowhere.csv"));
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_unlink (bad), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_writer_quoting (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(FuCsvWriter) writer = fu_csv_writer_new (out, FALSE);

  fu_csv_writer_add_row (writer, "plain", "a,b", "say \"hi\"", "two\nlines", "cr\rlf",
                         " lead", "trail ", "in side", "", "\xc3\xa9t\xc3\xa9", NULL);
  fu_csv_writer_add (writer, NULL);
  fu_csv_writer_add (writer, "x");
  fu_csv_writer_end_row (writer);
  /* One empty cell must not become a blank line. */
  fu_csv_writer_add_row (writer, "", NULL);
  fu_csv_writer_end_row (writer);

  g_assert_cmpstr (out->str, ==,
                   "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rlf\","
                   "\" lead\",\"trail \",in side,,\xc3\xa9t\xc3\xa9\r\n"
                   ",x\r\n"
                   "\"\"\r\n"
                   "\r\n");
}

static void
test_writer_numbers (void)
{
  g_autoptr(GString) out = g_string_new ("before;");
  g_autoptr(FuCsvWriter) writer = fu_csv_writer_new (out, TRUE);

  fu_csv_writer_add_int (writer, -5);
  fu_csv_writer_add_int (writer, G_MININT64);
  fu_csv_writer_add_uint (writer, 0);
  fu_csv_writer_add_uint (writer, G_MAXUINT64);
  fu_csv_writer_add_day (writer, fu_day_new (2024, 3, 5));
  fu_csv_writer_add_day (writer, FU_DAY_NONE);
  fu_csv_writer_add (writer, "-5");
  fu_csv_writer_end_row (writer);
  fu_csv_writer_add_day (writer, FU_DAY_NONE);
  fu_csv_writer_end_row (writer);
  fu_csv_writer_add_int (writer, 0);
  fu_csv_writer_end_row (writer);

  /* Appends to what is there; the byte-order mark comes once, at creation. A negative
   * number is written as a number, a text "-5" is guarded. */
  g_assert_cmpstr (out->str, ==,
                   "before;" BOM "-5,-9223372036854775808,0,18446744073709551615,2024-03-05,,"
                   "'-5\r\n"
                   "\"\"\r\n"
                   "0\r\n");
}

static void
test_writer_guard (void)
{
  const struct {
    const char *text;
    const char *written;
  } cases[] = {
    { "=SUM(A1:A9)", "'=SUM(A1:A9)" },
    { "+33 1 23", "'+33 1 23" },
    { "-1", "'-1" },
    { "@cmd", "'@cmd" },
    { "\tx", "'\tx" },
    { "\rx", "\"'\rx\"" },
    { "'quoted", "''quoted" },
    { "'", "''" },
    { "=A1,B1", "\"'=A1,B1\"" },
    { "=\"x\"", "\"'=\"\"x\"\"\"" },
    { "-x ", "\"'-x \"" },
    { "a=b", "a=b" },
    { " =x", "\" =x\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(FuCsvWriter) writer = fu_csv_writer_new (out, FALSE);
      g_autofree char *expected = g_strconcat (cases[i].written, "\r\n", NULL);

      fu_csv_writer_add_row (writer, cases[i].text, NULL);
      g_assert_cmpstr (out->str, ==, expected);
    }
}

static void
test_unguard (void)
{
  const char *first_chars[] = { "=", "+", "-", "@", "\t", "\r", "'" };
  const char *rests[] = { "", "1+1", "'", "=x", "a,b", " trailing " };
  const char *plain[] = { "", "'", "'a", "' =x", "a'", "=x", "-1", "@", "x" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(FuCsvWriter) writer = fu_csv_writer_new (out, FALSE);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FuCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  /* A guarded text comes back exactly, whatever follows its first character. */
  fu_csv_writer_add_row (writer, "text", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (first_chars); i++)
    for (guint j = 0; j < G_N_ELEMENTS (rests); j++)
      {
        char *text = g_strconcat (first_chars[i], rests[j], NULL);

        g_ptr_array_add (texts, text);
        fu_csv_writer_add_row (writer, text, NULL);
      }

  reader = fu_csv_reader_new ("t.csv", out->str, out->len, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      const char *cell;

      g_assert_true (fu_csv_reader_next (reader, &error));
      g_assert_no_error (error);
      cell = fu_csv_reader_get_cell (reader, 0);
      g_assert_cmpuint (cell[0], ==, '\'');
      g_assert_cmpstr (fu_csv_unguard (cell), ==, text);
    }
  expect_end (reader);

  /* Anything else is returned as it is. */
  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    g_assert_true (fu_csv_unguard (plain[i]) == plain[i]);
}

/* Counts line ends the way the reader does: CRLF, LF or a lone CR. */
static guint
count_line_ends (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          n++;
          if (p[1] == '\n')
            p++;
        }
      else if (*p == '\n')
        {
          n++;
        }
    }

  return n;
}

static void
test_round_trip (void)
{
  const char *pieces[] = {
    "a", "Z", "0", "42", " ", "  ", ",", "\"", "\"\"", "\r", "\n", "\r\n", "'", "=", "+",
    "-", "@", "\t", ";", "\xc3\xa9", "\xe6\x97\xa5\xe6\x9c\xac", "\xe2\x82\xac",
    "\xf0\x9f\x98\x80", "Ministry of Finance", "x@y.org",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(FuCsvWriter) writer = fu_csv_writer_new (out, round == 1);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(FuCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      guint line = 2;

      fu_csv_writer_add_row (writer, "one", "two", "three", NULL);

      for (guint r = 0; r < 2000; r++)
        {
          guint n_cells = g_rand_int_range (rand, 1, 7);
          char **cells = g_new0 (char *, n_cells + 1);

          g_array_append_val (lines, line);
          line++;
          for (guint c = 0; c < n_cells; c++)
            {
              g_autoptr(GString) cell = g_string_new (NULL);
              guint n_pieces = g_rand_int_range (rand, 0, 9);

              for (guint k = 0; k < n_pieces; k++)
                g_string_append (cell, pieces[g_rand_int_range (rand, 0,
                                                                G_N_ELEMENTS (pieces))]);
              cells[c] = g_string_free (g_steal_pointer (&cell), FALSE);
              fu_csv_writer_add (writer, cells[c]);
              line += count_line_ends (cells[c]);
            }
          fu_csv_writer_end_row (writer);
          g_ptr_array_add (rows, cells);
        }

      reader = fu_csv_reader_new ("t.csv", out->str, out->len, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fu_csv_reader_get_n_columns (reader), ==, 3);
      g_assert_cmpstr (fu_csv_reader_get_column_name (reader, 0), ==, "one");

      for (guint r = 0; r < rows->len; r++)
        {
          char **cells = g_ptr_array_index (rows, r);

          g_assert_true (fu_csv_reader_next (reader, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (fu_csv_reader_get_line (reader), ==,
                            g_array_index (lines, guint, r));
          g_assert_cmpuint (fu_csv_reader_get_n_cells (reader), ==, g_strv_length (cells));
          for (guint c = 0; cells[c] != NULL; c++)
            g_assert_cmpstr (fu_csv_unguard (fu_csv_reader_get_cell (reader, c)), ==,
                             cells[c]);
        }
      expect_end (reader);
    }
}

static void
test_parse_answer (void)
{
  const struct {
    const char *cell;
    gboolean    ok;
    FuAnswer    answer;
  } cases[] = {
    { "yes", TRUE, FU_ANSWER_YES },
    { "YES", TRUE, FU_ANSWER_YES },
    { " Yes ", TRUE, FU_ANSWER_YES },
    { "y", TRUE, FU_ANSWER_YES },
    { "Y", TRUE, FU_ANSWER_YES },
    { "true", TRUE, FU_ANSWER_YES },
    { "TRUE", TRUE, FU_ANSWER_YES },
    { "1", TRUE, FU_ANSWER_YES },
    { "\t1\t", TRUE, FU_ANSWER_YES },
    { "no", TRUE, FU_ANSWER_NO },
    { "No", TRUE, FU_ANSWER_NO },
    { "n", TRUE, FU_ANSWER_NO },
    { "N ", TRUE, FU_ANSWER_NO },
    { "false", TRUE, FU_ANSWER_NO },
    { "False", TRUE, FU_ANSWER_NO },
    { "0", TRUE, FU_ANSWER_NO },
    { "", TRUE, FU_ANSWER_UNANSWERED },
    { "   ", TRUE, FU_ANSWER_UNANSWERED },
    { "maybe", FALSE, 0 },
    { "yess", FALSE, 0 },
    { "ye", FALSE, 0 },
    { "2", FALSE, 0 },
    { "01", FALSE, 0 },
    { "yes no", FALSE, 0 },
    { "oui", TRUE, FU_ANSWER_YES },
    { "Non", TRUE, FU_ANSWER_NO },
    { "ouais", FALSE, 0 },
    { "-", FALSE, 0 },
    { "'1", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FuAnswer answer = 42;

      g_assert_cmpint (fu_csv_parse_answer (cases[i].cell, &answer), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (answer, ==, cases[i].answer);
      else
        g_assert_cmpint (answer, ==, 42);   /* left alone */
    }
}

static void
test_large (void)
{
  const guint n_rows = 150000;
  g_autoptr(GString) text = g_string_new ("workshop_code,name,administration,email\r\n");
  g_autoptr(FuCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "W%u,Participant %u,\"Customs, Region %u\","
                            "p%u@example.org\r\n", i % 300, i, i % 40, i);

  reader = fu_csv_reader_new ("big.csv", text->str, text->len, &error);
  g_assert_no_error (error);

  while (fu_csv_reader_next (reader, &error))
    {
      count++;
      if (count == n_rows)
        {
          g_assert_cmpuint (fu_csv_reader_get_line (reader), ==, n_rows + 1);
          g_assert_cmpstr (fu_csv_reader_get_cell (reader, 2), ==, "Customs, Region 39");
        }
    }
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, n_rows);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv/bom", test_bom);
  g_test_add_func ("/core/csv/line-ends", test_line_ends);
  g_test_add_func ("/core/csv/quoted", test_quoted);
  g_test_add_func ("/core/csv/blank-lines", test_blank_lines);
  g_test_add_func ("/core/csv/short-rows", test_short_rows);
  g_test_add_func ("/core/csv/header", test_header);
  g_test_add_func ("/core/csv/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/core/csv/unterminated", test_unterminated);
  g_test_add_func ("/core/csv/after-quote", test_after_quote);
  g_test_add_func ("/core/csv/quote-in-cell", test_quote_in_cell);
  g_test_add_func ("/core/csv/empty", test_empty);
  g_test_add_func ("/core/csv/header-only", test_header_only);
  g_test_add_func ("/core/csv/from-file", test_from_file);
  g_test_add_func ("/core/csv/writer-quoting", test_writer_quoting);
  g_test_add_func ("/core/csv/writer-numbers", test_writer_numbers);
  g_test_add_func ("/core/csv/writer-guard", test_writer_guard);
  g_test_add_func ("/core/csv/unguard", test_unguard);
  g_test_add_func ("/core/csv/round-trip", test_round_trip);
  g_test_add_func ("/core/csv/parse-answer", test_parse_answer);
  g_test_add_func ("/core/csv/large", test_large);

  return g_test_run ();
}
