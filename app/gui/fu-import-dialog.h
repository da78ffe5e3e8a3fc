/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-import-dialog.h: the preview of an attendance list (participants.csv) before anything
 * is written: the rows it would add and every problem, found by a dry run of the import.
 * "import.run" imports for real; it is disabled while there are problems. */
#pragma once

#include <adwaita.h>

#include "fu-context.h"
#include "fu-import.h"

G_BEGIN_DECLS

#define FU_TYPE_IMPORT_DIALOG (fu_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FuImportDialog, fu_import_dialog, FU, IMPORT_DIALOG, AdwWindow)

/* Reads @file and checks it at once, as an attendance list. */
FuImportDialog *fu_import_dialog_new                    (GtkWindow      *parent,
                                                         FuContext      *context,
                                                         GFile          *file);
/* The same for @kind (participants or responses), for @workshop (its code) when the file
 * comes from a workshop's page, else NULL. */
FuImportDialog *fu_import_dialog_new_for                (GtkWindow      *parent,
                                                         FuContext      *context,
                                                         GFile          *file,
                                                         FuImportKind    kind,
                                                         const char     *workshop);
/* A check or an import runs in its thread. */
gboolean        fu_import_dialog_get_busy               (FuImportDialog *self);
/* Checks and imports running in every dialog (tests wait for none). */
guint           fu_import_dialog_count_running          (void);
/* The rows read from the file. */
guint           fu_import_dialog_get_n_rows             (FuImportDialog *self);
/* Every problem the dry run found (the list shows the first FU_IMPORT_MAX_ISSUES). */
guint           fu_import_dialog_get_n_issues           (FuImportDialog *self);
gboolean        fu_import_dialog_get_can_import         (FuImportDialog *self);
gboolean        fu_import_dialog_get_add_administrations (FuImportDialog *self);
/* Checks again with every unknown administration added (FU_IMPORT_ADD_ADMINISTRATIONS), or
 * without. */
void            fu_import_dialog_set_add_administrations (FuImportDialog *self,
                                                          gboolean        add);

G_END_DECLS
