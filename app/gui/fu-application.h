/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FU_TYPE_APPLICATION (fu_application_get_type ())
G_DECLARE_FINAL_TYPE (FuApplication, fu_application, FU, APPLICATION, AdwApplication)

FuApplication *fu_application_new              (void);
/* Opens (or creates) the database at @path and shows it in a new window that replaces the
 * open ones; remembers it as the last database. On error nothing changes. */
gboolean       fu_application_open_database    (FuApplication  *self,
                                                const char     *path,
                                                GError        **error);
/* The personal settings, or NULL when the schema is not installed (running uninstalled
 * without GSETTINGS_SCHEMA_DIR): then nothing personal is remembered. */
GSettings     *fu_application_get_settings     (FuApplication  *self);

G_END_DECLS
