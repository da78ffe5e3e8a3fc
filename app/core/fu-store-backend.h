/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store-backend.h: what a backend of FuStore gives fu_store_open(). A backend is a folder
 * under app/core/ with a subclass of FuStore and one FuStoreBackend, named in the
 * store_backends list of app/core/meson.build. */
#pragma once

#include "fu-store.h"

G_BEGIN_DECLS

/* The schema version every backend writes (each has its own numbered migrations). */
#define FU_STORE_SCHEMA_VERSION 6

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

G_END_DECLS
