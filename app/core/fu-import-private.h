/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-import-private.h: between reading a file as it came (fu-import-map.c) and importing
 * it (fu-import.c). The map turns any table into the rows of our own CSV format, with each
 * row's line in the original file and each column's name as the file heads it, so that
 * the importer's checks and messages serve every file alike. */
#pragma once

#include "fu-import.h"
#include "fu-table.h"

G_BEGIN_DECLS

typedef struct {
  GString    *csv;      /* our format, header first */
  GArray     *lines;    /* guint: for a line of @csv where a row starts, its line in the file */
  GHashTable *labels;   /* our column name -> the file's own header, for messages */
} FuImportMapped;

void     fu_import_mapped_clear (FuImportMapped *mapped);

/* Finds the header row, maps the columns, converts the values. Problems go into @result's
 * issues (rows with problems are left out of @mapped; a missing column leaves out every
 * row); FALSE with @error only when the database or a mapping file fails. */
gboolean fu_import_map_table    (FuStore                *store,
                                 FuImportKind            kind,
                                 FuTable                *table,
                                 const FuImportOptions  *options,
                                 FuImportResult         *result,
                                 FuImportMapped         *mapped,
                                 GError                **error);

/* Text already in our own CSV format straight into the importer: no detection and no
 * mapping (the benchmark's baseline). */
gboolean fu_import_text         (FuStore *store, FuImportKind kind, const char *display_name,
                                 const char *data, gsize length, FuImportFlags flags,
                                 FuImportResult **result, GError **error);

/* An issue for @result, as the importer adds them. */
void     fu_import_result_add_issue (FuImportResult *result, const char *file, guint line,
                                     const char *column, const char *message);

G_END_DECLS
