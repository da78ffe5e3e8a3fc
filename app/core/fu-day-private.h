/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-day-private.h: for the core's date and fiscal-year parsers only. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The value of exactly @len ASCII digits at @text (no sign, no spaces), or -1 when one of
 * them is not a digit. @len must be small enough for the value to fit an int. */
int fu_day_parse_digits (const char *text, gsize len);

G_END_DECLS
