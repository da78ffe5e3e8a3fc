/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-pg-secret.c: team databases' passwords in the GNOME keyring (libsecret), never in the
 * settings or a file. A password is asked of the keyring only when the server asks for one. */

#define G_LOG_DOMAIN "fu-pg-secret"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "fu-pg-private.h"

static const SecretSchema *
team_schema (void)
{
  static const SecretSchema schema = {
    "org.rocbap.FollowUp.TeamDatabase", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "dbname", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, 0, 0, 0, 0, 0, 0, 0,
  };

  return &schema;
}

/* The address's host, port, database and user, as the keyring's attributes: libpq's
 * defaults where the address leaves them out. */
static GHashTable *
attributes_of (const char *location)
{
  PQconninfoOption *options;
  GHashTable *attributes;
  const char *keys[] = { "host", "port", "dbname", "user" };

  if (!fu_pg_load_libpq (NULL))
    return NULL;
  options = PQconninfoParse (location, NULL);
  if (options == NULL)
    return NULL;
  attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    g_hash_table_insert (attributes, (gpointer) keys[k], g_strdup (""));
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
      if (g_str_equal (o->keyword, keys[k]) && o->val != NULL)
        g_hash_table_insert (attributes, (gpointer) keys[k], g_strdup (o->val));
  PQconninfoFree (options);
  return attributes;
}

char *
fu_pg_secret_lookup (const char *location)
{
  g_autoptr(GHashTable) attributes = attributes_of (location);
  g_autoptr(GError) error = NULL;
  char *password;

  if (attributes == NULL)
    return NULL;
  password = secret_password_lookupv_sync (team_schema (), attributes, NULL, &error);
  if (error != NULL)
    g_debug ("No password from the keyring for %s: %s", location, error->message);
  return password;
}

gboolean
fu_pg_secret_store (const char  *location,
                    const char  *password,
                    GError     **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (!fu_pg_load_libpq (error))
    return FALSE;
  attributes = attributes_of (location);
  if (attributes == NULL)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("'%s' is not a team database's address"), location);
      return FALSE;
    }
  if (password == NULL || *password == '\0')
    {
      secret_password_clearv_sync (team_schema (), attributes, NULL, &local_error);
      ok = local_error == NULL;
    }
  else
    {
      /* TRANSLATORS: the keyring's name for a team database's password; %s is its name */
      label = g_strdup_printf (_("Follow-Up team database %s"),
                               (const char *) g_hash_table_lookup (attributes, "dbname"));
      ok = secret_password_storev_sync (team_schema (), attributes, SECRET_COLLECTION_DEFAULT,
                                        label, password, NULL, &local_error);
    }
  if (!ok)
    g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                 _("Could not keep the password in the keyring: %s"), local_error->message);
  return ok;
}
