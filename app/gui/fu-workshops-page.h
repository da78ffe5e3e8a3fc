/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-workshops-page.h: the Workshops page: the list by fiscal year with search, and the
 * selected workshop's detail, in a leaflet. Actions: workshops.add, workshops.show-list,
 * workshops.search, workshops.undo-delete, and for the selected workshop
 * workshop.add-participant, workshop.import-attendance, workshop.export-feedback and
 * workshop.delete. */
#pragma once

#include <adwaita.h>

#include "fu-context.h"

G_BEGIN_DECLS

#define FU_TYPE_WORKSHOPS_PAGE (fu_workshops_page_get_type ())
G_DECLARE_FINAL_TYPE (FuWorkshopsPage, fu_workshops_page, FU, WORKSHOPS_PAGE, GtkWidget)

/* One row of the list: a fiscal year's heading (@workshop NULL) or one of its workshops. */
typedef struct {
  guint             fiscal_year;
  guint             n_workshops;   /* in the heading: the year's workshops listed */
  const FuWorkshop *workshop;
} FuWorkshopsEntry;

FuContext  *fu_workshops_page_get_context       (FuWorkshopsPage *self);
void        fu_workshops_page_set_context       (FuWorkshopsPage *self,
                                                 FuContext       *context);
/* The list as shown, newest fiscal year first: FuRowItems whose row is a FuWorkshopsEntry. */
GListModel *fu_workshops_page_get_entries       (FuWorkshopsPage *self);
/* The workshop the detail shows (0 for none); selecting shows it and clears a search that
 * hides it. FALSE when there is no such workshop. */
gint64      fu_workshops_page_get_selected      (FuWorkshopsPage *self);
gboolean    fu_workshops_page_select            (FuWorkshopsPage *self,
                                                 gint64           workshop_id);
/* What workshop.export-feedback does once the file is chosen: writes the selected
 * workshop's feedback sheet, as CSV when the name ends in .csv, else as PDF, and says so in
 * a toast ("Saved feedback-2016-NII.pdf"), or why not. */
gboolean    fu_workshops_page_export_feedback   (FuWorkshopsPage *self,
                                                 GFile           *file);

G_END_DECLS
