/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FU_STORE_ERROR (fu_store_error_quark ())
#define FU_IMPORT_ERROR (fu_import_error_quark ())
#define FU_CSV_ERROR (fu_csv_error_quark ())
#define FU_RULES_ERROR (fu_rules_error_quark ())

typedef enum {
  FU_STORE_ERROR_FAILED,        /* SQLite reported an error */
  FU_STORE_ERROR_NOT_DATABASE,  /* the file is not a SQLite database */
  FU_STORE_ERROR_TOO_NEW,       /* written by a newer version of the application */
  FU_STORE_ERROR_NOT_FOUND,     /* no such record */
  FU_STORE_ERROR_EXISTS,        /* a unique value is taken (code, e-mail, a second reply) */
  FU_STORE_ERROR_INVALID,       /* a value breaks a rule (end before start, bad kind, ...) */
  FU_STORE_ERROR_BUSY,          /* another program holds the database too long */
  FU_STORE_ERROR_CONFLICT,      /* a change can no longer be undone: its records changed */
  FU_STORE_ERROR_DISK_FULL,     /* the disk holding the database is full: nothing was saved */
  FU_STORE_ERROR_IO,            /* the disk failed to read or write: nothing was saved */
  FU_STORE_ERROR_READ_ONLY,     /* the database may be read, not changed */
  FU_STORE_ERROR_DAMAGED,       /* the file is damaged */
} FuStoreError;

typedef enum {
  FU_IMPORT_ERROR_FAILED,       /* the file could not be read */
  FU_IMPORT_ERROR_INVALID,      /* one or more rows are wrong: see FuImportResult's issues */
} FuImportError;

typedef enum {
  FU_CSV_ERROR_ENCODING,        /* not UTF-8 */
  FU_CSV_ERROR_SYNTAX,          /* unterminated quote, text after a closing quote */
  FU_CSV_ERROR_EMPTY,           /* no header row */
} FuCsvError;

typedef enum {
  FU_RULES_ERROR_INVALID,       /* a date, fiscal year or status that does not parse */
} FuRulesError;

GQuark fu_store_error_quark (void);
GQuark fu_import_error_quark (void);
GQuark fu_csv_error_quark (void);
GQuark fu_rules_error_quark (void);

G_END_DECLS
