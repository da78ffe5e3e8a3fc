/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-pdf-tags.h: what a tagged PDF needs that cairo 1.16's tag API does not write: the
 * figures' alternative text and the document's language. Figures note their text on the
 * surface as they are drawn; once cairo has finished the file, an incremental update (the
 * PDF's own way of amending a file) adds /Alt to each Figure and /Lang to the catalogue. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Notes @alt for the Figure just begun on @cr's surface. */
void      fu_pdf_add_figure_alt  (cairo_t         *cr,
                                  const char      *alt);
/* The alternative texts noted on @surface, in drawing order (char *), or NULL. */
GPtrArray *fu_pdf_get_figure_alts (cairo_surface_t *surface);
/* Amends the finished PDF in @pdf: /Lang @language (BCP 47, "en", "fr") on the catalogue,
 * the document title shown by viewers, and /Alt on the Figures from @alts (may be NULL).
 * Returns FALSE, leaving @pdf as it was, when the file is not laid out as cairo writes it. */
gboolean  fu_pdf_add_accessibility (GByteArray    *pdf,
                                    const char    *language,
                                    GPtrArray     *alts);

G_END_DECLS
