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
