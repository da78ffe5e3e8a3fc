/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-csv.h: RFC 4180 CSV in and out. The reader takes UTF-8 (a byte-order mark is
 * skipped), CRLF or LF, quoted cells with commas, doubled quotes and line breaks, and knows
 * the line each record starts on. The writer quotes what needs it and guards cells a
 * spreadsheet would run as formulas. */
#pragma once

#include "fu-types.h"

G_BEGIN_DECLS

/* Parses the header row. @display_name (usually the file's basename) starts every error
 * message: "participants.csv:3: column 2: unterminated quoted cell". Invalid UTF-8 is
 * FU_CSV_ERROR_ENCODING naming its line and column; no header is FU_CSV_ERROR_EMPTY. */
FuCsvReader *fu_csv_reader_new              (const char *display_name, const char *data,
                                             gsize length, GError **error);
/* The same with another separator than the comma (';' or a tab). */
FuCsvReader *fu_csv_reader_new_with_delimiter (const char *display_name, const char *data,
                                               gsize length, char delimiter,
                                               GError **error);
/* The same, taking @data (g_malloc()ed, with a NUL after its @length bytes) rather than
 * copying it: it is the reader's, and freed with it, whether the reader is made or not. */
FuCsvReader *fu_csv_reader_new_take         (const char *display_name, char *data,
                                             gsize length, char delimiter, GError **error);
FuCsvReader *fu_csv_reader_new_from_file    (const char *path, GError **error);
void         fu_csv_reader_free             (FuCsvReader *self);
const char  *fu_csv_reader_get_display_name (FuCsvReader *self);
/* The line the header row is on: after blank lines, not 1. */
guint        fu_csv_reader_get_header_line  (FuCsvReader *self);

/* The header: names as written, trimmed of surrounding spaces. */
guint        fu_csv_reader_get_n_columns    (FuCsvReader *self);
const char  *fu_csv_reader_get_column_name  (FuCsvReader *self, guint column);
/* Index of the column named @name (exact, after trimming), or -1. */
int          fu_csv_reader_find_column      (FuCsvReader *self, const char *name);

/* Advances to the next record. FALSE at the end (no error) or on a syntax error (error
 * set). Entirely blank lines are skipped. */
gboolean     fu_csv_reader_next             (FuCsvReader *self, GError **error);
/* The line (1-based, the header is line 1) the current record starts on. */
guint        fu_csv_reader_get_line         (FuCsvReader *self);
/* Cells in the current record (may differ from the header's count). */
guint        fu_csv_reader_get_n_cells      (FuCsvReader *self);
/* The cell at @column of the current record, "" when the record is shorter. */
const char  *fu_csv_reader_get_cell         (FuCsvReader *self, guint column);
/* The current record's cells one after the other, each ended by a NUL: @length bytes in
 * all, valid until the next record. */
const char  *fu_csv_reader_get_record       (FuCsvReader *self, gsize *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuCsvReader, fu_csv_reader_free)

/* Writes into @out (appended; the writer does not own it). With @bom, a UTF-8 byte-order
 * mark first (for Excel). Rows end with CRLF as RFC 4180 says. */
FuCsvWriter *fu_csv_writer_new              (GString *out, gboolean bom);
void         fu_csv_writer_free             (FuCsvWriter *self);
/* A text cell: quoted when it holds a comma, quote, CR or LF or starts or ends with a
 * space; a text starting with '=', '+', '-', '@', tab, CR or an apostrophe gets an
 * apostrophe in front, so that a spreadsheet shows it as text (fu_csv_unguard undoes it). */
void         fu_csv_writer_add              (FuCsvWriter *self, const char *text);
/* Without the guard (TRUE by default), for text that no spreadsheet will open: the
 * importer's own copy of a file, whose guards are the file's. */
void         fu_csv_writer_set_guarded      (FuCsvWriter *self, gboolean guarded);
void         fu_csv_writer_add_uint         (FuCsvWriter *self, guint64 value);
void         fu_csv_writer_add_int          (FuCsvWriter *self, gint64 value);
void         fu_csv_writer_add_day          (FuCsvWriter *self, FuDay day);   /* "" for none */
void         fu_csv_writer_end_row          (FuCsvWriter *self);
/* Convenience: a whole row of text cells, NULL-terminated. */
void         fu_csv_writer_add_row          (FuCsvWriter *self, const char *first, ...)
                                             G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuCsvWriter, fu_csv_writer_free)

/* The text a guarded cell stood for: drops the apostrophe that fu_csv_writer_add put in
 * front of '=', '+', '-', '@', tab, CR or an apostrophe. Returns @cell itself otherwise. */
const char  *fu_csv_unguard                 (const char *cell);

/* Parses a yes/no cell: yes, no, y, n, true, false, 1, 0, oui, o, non in any case,
 * surrounding spaces ignored. "" is FU_ANSWER_UNANSWERED; anything else returns FALSE. */
gboolean     fu_csv_parse_answer            (const char *cell, FuAnswer *answer);

G_END_DECLS
