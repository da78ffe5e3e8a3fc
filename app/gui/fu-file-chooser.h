/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-file-chooser.h: the one place that asks for a file (GtkFileChooserNative, which uses
 * the desktop portal inside a sandbox). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  FU_FILE_KIND_CSV,
  FU_FILE_KIND_TABLE,      /* a list to import: CSV or tab text, .xlsx, .ods */
  FU_FILE_KIND_WORKBOOK,   /* an .xlsx written for a spreadsheet */
  FU_FILE_KIND_DATABASE,
  FU_FILE_KIND_PDF,
  FU_FILE_KIND_CHART,      /* an image or document a chart is written to: PNG, SVG or PDF */
  FU_FILE_KIND_FEEDBACK,   /* a workshop's feedback sheet: PDF or CSV */
  FU_FILE_KIND_JSON,       /* a person's data on request */
} FuFileKind;

/* Called once: with the chosen file, or with NULL when the person cancelled. */
typedef void (*FuFileChooserCallback) (GFile    *file,
                                       gpointer  user_data);

void fu_file_chooser_open (GtkWindow             *parent,
                           const char            *title,
                           const char            *accept_label,
                           FuFileKind             kind,
                           FuFileChooserCallback  callback,
                           gpointer               user_data);
/* @suggested_name: "summary-FY2016-17.csv"; may be NULL. */
void fu_file_chooser_save (GtkWindow             *parent,
                           const char            *title,
                           const char            *accept_label,
                           FuFileKind             kind,
                           const char            *suggested_name,
                           FuFileChooserCallback  callback,
                           gpointer               user_data);

G_END_DECLS
