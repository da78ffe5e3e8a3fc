/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-import-detect.h: which of the three import files a CSV is, from its header alone, so
 * that "Import…" needs no question when the answer is obvious. */
#pragma once

#include "fu-types.h"
#include "fu-import.h"

G_BEGIN_DECLS

/* TRUE with @kind when the header row names the columns of exactly one kind: a reply
 * column (received_date, a Q1 tick, ...) means responses; workshop_code and name mean
 * participants; code with title or start_date means workshops. FALSE when the text has no
 * readable header or could be more than one kind. */
gboolean  fu_import_detect_kind      (const char   *data,
                                      gsize         length,
                                      FuImportKind *kind);
/* The workshop_code that every data row names, or NULL when the rows name several (or
 * none, or there is no such column): "Imported 21 participants into 2016-NII". */
char     *fu_import_detect_workshop  (const char   *data,
                                      gsize         length);

G_END_DECLS
