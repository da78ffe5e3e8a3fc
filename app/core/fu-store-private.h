/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store-private.h: for the store's own files only. */
#pragma once

#include <sqlite3.h>

#include "fu-store.h"

G_BEGIN_DECLS

/* A cached prepared statement for @sql (reset and with its bindings cleared), or NULL with
 * an error. The store owns it: do not finalize. */
sqlite3_stmt *fu_store_prepare       (FuStore *self, const char *sql, GError **error);
/* Sets @error from the connection's last error, prefixed by @what. Returns FALSE. */
gboolean      fu_store_set_error     (FuStore *self, GError **error, const char *what);
sqlite3      *fu_store_get_db        (FuStore *self);
/* Ends the level fu_store_begin() opened: with @ok FALSE (the work failed and set @error)
 * it rolls back; otherwise it commits, and rolls back when committing fails. So a write is
 *   if (!fu_store_begin (self, error))
 *     return FALSE;
 *   return fu_store_finish (self, do_the_work (self, ..., error), error); */
gboolean      fu_store_finish        (FuStore *self, gboolean ok, GError **error);

/* Binding and reading helpers: NULL/empty text and FU_DAY_NONE bind as SQL NULL. */
void          fu_store_bind_text     (sqlite3_stmt *stmt, int index, const char *text);
void          fu_store_bind_day      (sqlite3_stmt *stmt, int index, FuDay day);
char         *fu_store_column_text   (sqlite3_stmt *stmt, int index);   /* NULL for NULL */
FuDay         fu_store_column_day    (sqlite3_stmt *stmt, int index);   /* ISO text column */

/* Tests only: opens like fu_store_open() but applies no migration past @version, so that a
 * test can build a database as an earlier release wrote it. */
FuStore      *fu_store_open_at_version (const char *path, guint version, GError **error);

G_END_DECLS
