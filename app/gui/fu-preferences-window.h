/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fu-context.h"

G_BEGIN_DECLS

#define FU_TYPE_PREFERENCES_WINDOW (fu_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (FuPreferencesWindow, fu_preferences_window, FU, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

FuPreferencesWindow *fu_preferences_window_new         (FuContext *context);
FuContext           *fu_preferences_window_get_context (FuPreferencesWindow *self);

G_END_DECLS
