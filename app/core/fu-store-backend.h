/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store-backend.h: what a backend of FuStore gives fu_store_open(). A backend is a folder
 * under app/core/ with a subclass of FuStore and one FuStoreBackend, named in the
 * store_backends list of app/core/meson.build. */
#pragma once

#include "fu-store.h"

G_BEGIN_DECLS

/* The schema version every backend writes (each has its own numbered migrations). */
#define FU_STORE_SCHEMA_VERSION 6

/* The office's name every new database holds, shown translated until it is changed. */
#define DEFAULT_OFFICE_NAME "WCO Regional Office for Capacity Building for Asia/Pacific (ROCB A/P)"

/* What every new database holds, whatever its backend: the default rules and office name, and
 * the 33 ROCB A/P members. SQL both backends run as it is. */
#define FU_STORE_BUILT_IN_ROWS \
  "INSERT INTO settings (key, value) VALUES\n" \
  "  ('fiscal_year_start_month', '7'),\n" \
  "  ('followup_months', '6'),\n" \
  "  ('reply_days', '30'),\n" \
  "  ('reminder_days', '7'),\n" \
  "  ('office_name', '" DEFAULT_OFFICE_NAME "');\n" \
  "INSERT INTO administration (name, short_name, country, member) VALUES\n" \
  "  ('Afghanistan', 'AFG', 'Afghanistan', 1),\n" \
  "  ('Australia', 'AUS', 'Australia', 1),\n" \
  "  ('Bangladesh', 'BGD', 'Bangladesh', 1),\n" \
  "  ('Bhutan', 'BTN', 'Bhutan', 1),\n" \
  "  ('Brunei Darussalam', 'BRN', 'Brunei Darussalam', 1),\n" \
  "  ('Cambodia', 'KHM', 'Cambodia', 1),\n" \
  "  ('China', 'CHN', 'China', 1),\n" \
  "  ('Fiji', 'FJI', 'Fiji', 1),\n" \
  "  ('Hong Kong China', 'HKC', 'China', 1),\n" \
  "  ('India', 'IND', 'India', 1),\n" \
  "  ('Indonesia', 'IDN', 'Indonesia', 1),\n" \
  "  ('Iran', 'IRN', 'Iran', 1),\n" \
  "  ('Japan', 'JPN', 'Japan', 1),\n" \
  "  ('Korea', 'KOR', 'Korea', 1),\n" \
  "  ('Lao PDR', 'LAO', 'Lao PDR', 1),\n" \
  "  ('Macau China', 'MAC', 'China', 1),\n" \
  "  ('Malaysia', 'MYS', 'Malaysia', 1),\n" \
  "  ('Maldives', 'MDV', 'Maldives', 1),\n" \
  "  ('Mongolia', 'MNG', 'Mongolia', 1),\n" \
  "  ('Myanmar', 'MMR', 'Myanmar', 1),\n" \
  "  ('Nepal', 'NPL', 'Nepal', 1),\n" \
  "  ('New Zealand', 'NZL', 'New Zealand', 1),\n" \
  "  ('Pakistan', 'PAK', 'Pakistan', 1),\n" \
  "  ('Papua New Guinea', 'PNG', 'Papua New Guinea', 1),\n" \
  "  ('Philippines', 'PHL', 'Philippines', 1),\n" \
  "  ('Samoa', 'WSM', 'Samoa', 1),\n" \
  "  ('Singapore', 'SGP', 'Singapore', 1),\n" \
  "  ('Sri Lanka', 'LKA', 'Sri Lanka', 1),\n" \
  "  ('Thailand', 'THA', 'Thailand', 1),\n" \
  "  ('Timor-Leste', 'TLS', 'Timor-Leste', 1),\n" \
  "  ('Tonga', 'TON', 'Tonga', 1),\n" \
  "  ('Vanuatu', 'VUT', 'Vanuatu', 1),\n" \
  "  ('Viet Nam', 'VNM', 'Viet Nam', 1);\n"

typedef struct {
  const char *name;
  /* Whether @location (a path, a URI...) is for this backend. */
  gboolean  (*handles) (const char *location);
  FuStore  *(*open)    (const char *location, FuStoreOpenFlags flags, GError **error);
} FuStoreBackend;

/* For a backend's open(): what fu_store_get_path() says. */
void fu_store_set_location (FuStore *self, const char *location);
/* For a backend: the access changed after the open (a check that ran later failed). */
void fu_store_emit_access_changed (FuStore *self);

/* For a backend's writes: the rules its schema's CHECKs also hold, as errors a person can
 * act on (FU_STORE_ERROR_INVALID). A workshop without an end date ends the day it starts:
 * *end_date is the one to write. */
gboolean fu_store_validate_workshop    (const FuWorkshop *workshop, FuDay *end_date,
                                        GError **error);
gboolean fu_store_validate_participant (const FuParticipant *participant, GError **error);
/* Another name of an administration is the setting "alias:NAME" (folded, trimmed), whose
 * value is "ID<tab>the name as written". */
char    *fu_store_alias_key    (const char *alias);
gboolean fu_store_alias_parse  (const char *value, gint64 *administration_id,
                                const char **written);
/* Records @alias for @administration_id (0: forgets it), without the checks of
 * fu_store_set_alias(): for a backend's merge of two administrations. */
gboolean fu_store_set_alias_unchecked (FuStore *self, const char *alias,
                                       gint64 administration_id, GError **error);
/* The administration another name is for: 0 for none. */
gint64   fu_store_alias_lookup (FuStore *self, const char *alias);
/* Whether @text is NULL or only white space. */
gboolean fu_store_text_is_blank        (const char *text);

G_END_DECLS
