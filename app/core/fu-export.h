/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-export.h: the annual summary, the replies and the reminder list as CSV. Each appends
 * to @out; the caller writes the file (atomically) or standard output. */
#pragma once

#include "fu-types.h"

G_BEGIN_DECLS

typedef enum {
  FU_EXPORT_FLAGS_NONE = 0,
  FU_EXPORT_BOM = 1 << 0,   /* a UTF-8 byte-order mark first, for Excel */
} FuExportFlags;

/* Tables 1 to 5 as one wide CSV, a row per surveyed workshop in date order and a TOTAL row. */
gboolean fu_export_summary    (FuStore *store, guint fiscal_year, FuExportFlags flags,
                               GString *out, GError **error);
/* Every reply to workshops starting in [@from, @to] (FU_DAY_NONE = open), in the
 * responses.csv columns: importing it again gives the same replies. */
gboolean fu_export_responses  (FuStore *store, FuDay from, FuDay to, FuExportFlags flags,
                               GString *out, GError **error);
/* The follow-ups to chase as of @as_of (reminder due and overdue), by workshop,
 * administration and name. */
gboolean fu_export_reminders  (FuStore *store, FuDay as_of, FuExportFlags flags,
                               GString *out, GError **error);

/* The attendances of workshop @workshop_id (0: every workshop) in the participants.csv
 * columns, so that the file imports again as it is. */
gboolean fu_export_participants (FuStore *store, gint64 workshop_id, FuExportFlags flags,
                                 GString *out, GError **error);

/* The same as .xlsx workbooks written whole to @path (libxlsxwriter): numbers as numbers,
 * dates as dates, text as text, a frozen header row, widths that fit. The summary has the
 * wide table, Tables 1 to 5 on their own sheets and the reply-rate trend. */
gboolean fu_export_summary_xlsx   (FuStore *store, guint fiscal_year, const char *path,
                                   GError **error);
gboolean fu_export_responses_xlsx (FuStore *store, FuDay from, FuDay to, const char *path,
                                   GError **error);

/* The column lists, for the README and the tests. */
const char * const *fu_export_summary_columns   (void);
const char * const *fu_export_responses_columns (void);

G_END_DECLS
