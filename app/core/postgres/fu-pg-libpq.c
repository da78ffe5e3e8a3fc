/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-pg-libpq.c: PostgreSQL's client library, loaded when a team database is first used. */

#define G_LOG_DOMAIN "fu-pg"
#define FU_PG_LIBPQ_LOADER

#include "config.h"

#include <gmodule.h>

#include "fu-pg-private.h"

/* libpq's name as its package installs it: the ABI of every PostgreSQL since 8.0. */
#define LIBPQ_NAME "libpq.so.5"

FuLibpq fu_libpq;

static char *load_failure;

static gboolean
load (void)
{
  GModule *module = g_module_open (LIBPQ_NAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  if (module == NULL)
    {
      load_failure = g_strdup (g_module_error ());
      return FALSE;
    }
#define FU_LIBPQ_RESOLVE(name) \
  if (!g_module_symbol (module, #name, (gpointer *) &fu_libpq.name)) \
    { \
      load_failure = g_strdup (g_module_error ()); \
      return FALSE; \
    }
  FU_LIBPQ_FUNCTIONS (FU_LIBPQ_RESOLVE)
#undef FU_LIBPQ_RESOLVE
  /* Kept for the life of the program. */
  g_module_make_resident (module);
  return TRUE;
}

gboolean
fu_pg_load_libpq (GError **error)
{
  static gsize state;   /* 0: not tried, 1: loaded, 2: failed */

  if (g_once_init_enter (&state))
    g_once_init_leave (&state, load () ? 1 : 2);
  if (state == 1)
    return TRUE;
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
               _("A team database needs PostgreSQL's client library, which could not be "
                 "loaded (%s): install the package libpq5."),
               load_failure != NULL ? load_failure : LIBPQ_NAME);
  return FALSE;
}
