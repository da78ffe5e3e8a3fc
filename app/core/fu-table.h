/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-table.h: a file as the office receives it, read into rows of text cells: CSV or tab
 * text in any encoding and with any of the usual separators, or the first (or a chosen)
 * sheet of an .xlsx or .ods workbook. What was detected is kept so that it can be shown
 * and changed. */
#pragma once

#include "fu-types.h"

G_BEGIN_DECLS

typedef enum {
  FU_TABLE_TEXT,
  FU_TABLE_XLSX,
  FU_TABLE_ODS,
} FuTableFormat;

/* What to read the file with; zero (NULL, '\0', 0) everywhere means "detect it". */
typedef struct {
  const char *encoding;    /* "UTF-8", "WINDOWS-1252", "UTF-16LE", ... (text only) */
  char        delimiter;   /* ',', ';' or '\t' (text only) */
  const char *sheet;       /* 1-based number or name (workbooks only) */
} FuTableOptions;

typedef struct {
  char          *display_name;
  FuTableFormat  format;
  char          *encoding;     /* text: the encoding used ("UTF-8", "UTF-16LE", ...) */
  gboolean       bom;          /* text: it started with a byte-order mark */
  char           delimiter;    /* text: the separator used */
  char           sniffed;      /* text: the separator the first lines suggest */
  guint          hint_lines;   /* text: lines before the table read as a hint ("sep=;") */
  GPtrArray     *sheets;       /* workbooks: the sheets' names (char*) */
  guint          sheet;        /* workbooks: index of the sheet read */
  /* The non-blank rows: row r's cells are cells[starts[r]] to cells[starts[r + 1] - 1],
   * their text in @text (one block for them all, not an allocation per cell). */
  GStringChunk  *text;
  GPtrArray     *cells;        /* const char*, into @text */
  GArray        *starts;       /* guint: each row's first cell, then the end */
  GArray        *lines;        /* guint: the line (text) or row number (sheet) of each row */
  gsize          text_length;  /* text: its length once decoded, for sizing what is made of it */
} FuTable;

/* Reads the whole file. Errors are FU_IMPORT_ERROR_FAILED with a message naming the file
 * and saying what it seems to be instead: "this file is UTF-16", "not a spreadsheet". */
FuTable     *fu_table_read             (const char            *display_name,
                                        const char            *data,
                                        gsize                  length,
                                        const FuTableOptions  *options,
                                        GError               **error);
/* The same, taking @data (g_malloc()ed, with a NUL after its @length bytes, as
 * g_file_get_contents() gives it): a UTF-8 text is read where it is, not copied. */
FuTable     *fu_table_read_take        (const char            *display_name,
                                        char                  *data,
                                        gsize                  length,
                                        const FuTableOptions  *options,
                                        GError               **error);
void         fu_table_free             (FuTable *self);

guint        fu_table_get_n_rows       (FuTable *self);
/* The cells of row @row ("" past its end) and its line in the file. */
const char  *fu_table_get_cell         (FuTable *self, guint row, guint column);
guint        fu_table_get_n_cells      (FuTable *self, guint row);
guint        fu_table_get_line         (FuTable *self, guint row);

/* "Windows-1252, separated by semicolons", "sheet “Participants”" */
char        *fu_table_describe         (FuTable *self);
/* "comma", "semicolon", "tab" */
const char  *fu_table_delimiter_name   (char delimiter);
gboolean     fu_table_parse_delimiter  (const char *text, char *delimiter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuTable, fu_table_free)

G_END_DECLS
