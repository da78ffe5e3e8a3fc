/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-pg-store.c: the team database, a FuStore on PostgreSQL through libpq: connecting,
 * statements and their errors, transactions */

#define G_LOG_DOMAIN "fu-pg-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-pg-private.h"
#include "fu-rules.h"

G_DEFINE_FINAL_TYPE (FuPgStore, fu_pg_store, FU_TYPE_STORE)

static void
fu_pg_store_finalize (GObject *object)
{
  FuPgStore *self = FU_PG_STORE (object);

  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->prepared, g_hash_table_unref);
  g_clear_pointer (&self->conninfo, g_free);
  g_clear_pointer (&self->display, g_free);
  g_clear_error (&self->fault);

  G_OBJECT_CLASS (fu_pg_store_parent_class)->finalize (object);
}

static guint
fu_pg_get_version (FuStore *self)
{
  return FU_PG (self)->version;
}

static const GError *
fu_pg_get_fault (FuStore *self)
{
  return FU_PG (self)->fault;
}

static FuStoreAccess
fu_pg_get_access (FuStore *self)
{
  return FU_PG (self)->access;
}

static void
fu_pg_set_flat (FuStore  *self,
                gboolean  flat)
{
  FU_PG (self)->flat_base = flat ? FU_PG (self)->depth + 1 : 0;
  FU_PG (self)->flat_failed = FALSE;
}

static gboolean
fu_pg_is_empty (FuStore *self)
{
  g_autoptr(FuPgResult) res = NULL;
  g_autoptr(GError) error = NULL;

  res = fu_pg_query (self,
                     "SELECT NOT EXISTS (SELECT 1 FROM workshop) "
                     "AND NOT EXISTS (SELECT 1 FROM participant)",
                     NULL, N_("Could not tell whether the database is empty"), &error);
  if (res == NULL)
    {
      /* Out of reach, the banner says so already. */
      if (!FU_PG (self)->lost)
        g_warning ("%s", error->message);
      return FALSE;
    }
  return g_str_equal (PQgetvalue (res, 0, 0), "t");
}

static gboolean set_up_session (FuStore *self, GError **error);

static gboolean
fu_pg_is_connected (FuStore *self)
{
  return !FU_PG (self)->lost;
}

/* The connection is gone: say so once, and start getting it back without waiting. */
static void
connection_lost (FuStore *self)
{
  FuPgStore *pg = FU_PG (self);

  if (!pg->lost)
    {
      g_message ("The connection to %s was lost: reconnecting", pg->display);
      pg->lost = TRUE;
      fu_store_emit_connection_changed (self);
    }
  if (!pg->resetting)
    pg->resetting = PQresetStart (pg->conn) == 1;
}

/* One step of getting the connection back, without waiting; TRUE once it is back. */
static gboolean
reconnect_step (FuStore *self)
{
  FuPgStore *pg = FU_PG (self);
  g_autoptr(GError) error = NULL;

  if (!pg->resetting)
    {
      connection_lost (self);
      return FALSE;
    }
  switch (PQresetPoll (pg->conn))
    {
    case PGRES_POLLING_OK:
      break;
    case PGRES_POLLING_FAILED:
      pg->resetting = FALSE;   /* tried again at the next poll */
      return FALSE;
    default:
      return FALSE;
    }
  pg->resetting = FALSE;
  /* A new session: its statements are prepared again, and it listens again. */
  g_hash_table_remove_all (pg->prepared);
  if (!set_up_session (self, &error))
    {
      g_message ("Reconnected to %s, but: %s", pg->display, error->message);
      return FALSE;
    }
  g_message ("The connection to %s is back", pg->display);
  pg->lost = FALSE;
  fu_store_emit_connection_changed (self);
  return TRUE;
}

/* Others' commands are announced by the server (LISTEN/NOTIFY): whatever came since the
 * last call, read without waiting. Our own announcements are not news. A lost connection is
 * got back here, a step at each call; once back, everything may have changed. */
static gboolean
fu_pg_changed_elsewhere (FuStore *self)
{
  PGconn *conn = FU_PG (self)->conn;
  gboolean changed = FALSE;
  PGnotify *notify;

  if (FU_PG (self)->depth > 0)
    return FALSE;
  if (FU_PG (self)->lost)
    return reconnect_step (self);
  if (!PQconsumeInput (conn) || PQstatus (conn) == CONNECTION_BAD)
    {
      connection_lost (self);
      return FALSE;
    }
  while ((notify = PQnotifies (conn)) != NULL)
    {
      changed |= notify->be_pid != PQbackendPID (conn);
      PQfreemem (notify);
    }
  return changed;
}

static char *
fu_pg_describe (FuStore *self)
{
  return g_strdup (FU_PG (self)->display);
}

/* On a team database, without a staff name, the history names the PostgreSQL role: the
 * colleagues know each other by it, not by their computers' accounts. */
static char *
fu_pg_default_author (FuStore *self)
{
  return g_strdup (PQuser (FU_PG (self)->conn));
}

static FuStore *connect_store (const char *location, GError **error);

static FuStore *
fu_pg_open_reader (FuStore *self,
                   GError **error)
{
  return connect_store (FU_PG (self)->conninfo, error);
}

static void
fu_pg_store_class_init (FuPgStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FuStoreClass *store_class = FU_STORE_CLASS (klass);

  object_class->finalize = fu_pg_store_finalize;

  store_class->get_version = fu_pg_get_version;
  store_class->open_reader = fu_pg_open_reader;
  store_class->begin = fu_pg_begin;
  store_class->commit = fu_pg_commit;
  store_class->rollback = fu_pg_rollback;
  store_class->set_flat = fu_pg_set_flat;
  store_class->get_fault = fu_pg_get_fault;
  store_class->get_access = fu_pg_get_access;
  store_class->is_empty = fu_pg_is_empty;
  store_class->describe = fu_pg_describe;
  store_class->default_author = fu_pg_default_author;
  store_class->is_connected = fu_pg_is_connected;
  store_class->changed_elsewhere = fu_pg_changed_elsewhere;
  store_class->get_setting = fu_pg_get_setting;
  store_class->set_setting = fu_pg_set_setting;
  store_class->list_settings = fu_pg_list_settings;
  store_class->list_administrations = fu_pg_list_administrations;
  store_class->lookup_administration = fu_pg_lookup_administration;
  store_class->get_administration = fu_pg_get_administration;
  store_class->lookup_participant = fu_pg_lookup_participant;
  store_class->get_participant = fu_pg_get_participant;
  store_class->add_participant = fu_pg_add_participant;
  store_class->update_participant = fu_pg_update_participant;
  store_class->lookup_attendance = fu_pg_lookup_attendance;
  store_class->add_attendance = fu_pg_add_attendance;
  store_class->match_people = fu_pg_match_people;
  store_class->add_participants = fu_pg_add_participants;
  store_class->add_attendances = fu_pg_add_attendances;
  store_class->lookup_followup = fu_pg_lookup_followup;
  store_class->list_participant_overview = fu_pg_list_participant_overview;
  store_class->list_attendees = fu_pg_list_attendees;
  store_class->list_participant_history = fu_pg_list_participant_history;
  store_class->list_workshop_attendees = fu_pg_list_workshop_attendees;
  store_class->list_participants_before = fu_pg_list_participants_before;
  store_class->set_no_contact = fu_pg_set_no_contact;
  store_class->add_administration = fu_pg_add_administration;
  store_class->update_administration = fu_pg_update_administration;
  store_class->delete_administration = fu_pg_delete_administration;
  store_class->move_administration = fu_pg_move_administration;
  store_class->move_attendances = fu_pg_move_attendances;
  store_class->list_merge_overlaps = fu_pg_list_merge_overlaps;
  store_class->delete_participant = fu_pg_delete_participant;
  store_class->delete_attendance = fu_pg_delete_attendance;
  store_class->walk_followups = fu_pg_walk_followups;
  store_class->read_rows = fu_pg_read_rows;
  store_class->write_rows = fu_pg_write_rows;
  store_class->snapshot = fu_pg_snapshot;
  store_class->backup_to = fu_pg_backup_to;
  store_class->restore_from = fu_pg_restore_from;
  store_class->dump = fu_pg_dump;
  store_class->row_version = fu_pg_row_version;
  store_class->audit_revert = fu_pg_audit_revert;
  store_class->anonymize_participant = fu_pg_anonymize_participant;
  store_class->export_person = fu_pg_export_person;
  store_class->mark_sent = fu_pg_mark_sent;
  store_class->mark_reminded = fu_pg_mark_reminded;
  store_class->mark_followups_sent = fu_pg_mark_followups_sent;
  store_class->mark_followups_reminded = fu_pg_mark_followups_reminded;
  store_class->close_followup = fu_pg_close_followup;
  store_class->close_followups = fu_pg_close_followups;
  store_class->reopen_followups = fu_pg_reopen_followups;
  store_class->get_followup = fu_pg_get_followup;
  store_class->save_reply = fu_pg_save_reply;
  store_class->get_reply = fu_pg_get_reply;
  store_class->delete_reply = fu_pg_delete_reply;
  store_class->list_replies = fu_pg_list_replies;
  store_class->summary = fu_pg_summary;
  store_class->reply_rate_trend = fu_pg_reply_rate_trend;
  store_class->inhouse_administrations = fu_pg_inhouse_administrations;
  store_class->reply_rate_by_administration = fu_pg_reply_rate_by_administration;
  store_class->lookup_workshop = fu_pg_lookup_workshop;
  store_class->get_workshop = fu_pg_get_workshop;
  store_class->list_workshops = fu_pg_list_workshops;
  store_class->add_workshop = fu_pg_add_workshop;
  store_class->update_workshop = fu_pg_update_workshop;
  store_class->delete_workshop = fu_pg_delete_workshop;
  store_class->audit_begin = fu_pg_audit_begin;
  store_class->audit_end = fu_pg_audit_end;
  store_class->audit_set_sentence = fu_pg_audit_set_sentence;
  store_class->audit_last_undoable = fu_pg_audit_last_undoable;
  store_class->audit_last_id = fu_pg_audit_last_id;
  store_class->list_audit_rows = fu_pg_list_audit_rows;
  store_class->get_audit_entry = fu_pg_get_audit_entry;
  store_class->list_audit_entries = fu_pg_list_audit_entries;
  store_class->list_audit_changes = fu_pg_list_audit_changes;
}

static void
fu_pg_store_init (FuPgStore *self)
{
  self->access = FU_STORE_ACCESS_READ_WRITE;
  self->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* ---- Where ---------------------------------------------------------------------------------- */

gboolean
fu_pg_handles (const char *location)
{
  PQconninfoOption *options;

  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;
  /* Key=value pairs: libpq parses them, and a file path never has a known key before an
   * '=' at its start. */
  if (strchr (location, '=') == NULL || strchr (location, G_DIR_SEPARATOR) == location)
    return FALSE;
  /* Without libpq, pairs that start as libpq's do ("host=..."): opening them then says
   * what to install, rather than making a file of that name. */
  if (!fu_pg_load_libpq (NULL))
    {
      const char *p = location;

      while (g_ascii_islower (*p) || *p == '_')
        p++;
      return p > location && *p == '=';
    }
  options = PQconninfoParse (location, NULL);
  if (options == NULL)
    return FALSE;
  PQconninfoFree (options);
  return TRUE;
}

/* @location without its password, to show and to put in messages. */
static char *
describe_location (const char *location)
{
  PQconninfoOption *options = PQconninfoParse (location, NULL);
  const char *dbname = NULL;
  const char *host = NULL;
  const char *user = NULL;
  GString *text;

  if (options == NULL)
    return g_strdup (_("a team database"));
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || *o->val == '\0')
        continue;
      if (g_str_equal (o->keyword, "dbname"))
        dbname = o->val;
      else if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "user"))
        user = o->val;
    }
  text = g_string_new (NULL);
  if (user != NULL)
    g_string_append_printf (text, "%s@", user);
  /* A socket's folder says nothing to a person: it is this computer. */
  g_string_append (text, host != NULL && host[0] != '/' ? host : "localhost");
  g_string_append_printf (text, "/%s", dbname != NULL ? dbname : (user != NULL ? user : ""));
  PQconninfoFree (options);
  return g_string_free (text, FALSE);
}

static FuStore *
connect_store (const char *location,
               GError    **error)
{
  g_autoptr(FuPgStore) self = g_object_new (FU_TYPE_PG_STORE, NULL);
  g_autofree char *message = NULL;

  self->conninfo = g_strdup (location);
  self->display = describe_location (location);
  self->conn = PQconnectdb (location);
  /* The server wants a password the address does not give: the keyring's, if it has one. */
  if (self->conn != NULL && PQstatus (self->conn) != CONNECTION_OK
      && PQconnectionNeedsPassword (self->conn))
    {
      g_autofree char *password = fu_pg_secret_lookup (location);

      if (password != NULL)
        {
          const char * const keywords[] = { "dbname", "password", NULL };
          const char * const values[] = { location, password, NULL };

          PQfinish (self->conn);
          self->conn = PQconnectdbParams (keywords, values, 1);
        }
    }
  if (self->conn == NULL || PQstatus (self->conn) != CONNECTION_OK)
    {
      message = g_strdup (self->conn != NULL ? PQerrorMessage (self->conn) : "");
      g_strchomp (message);
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                   _("Could not connect to the team database %s: %s. Check the address, "
                     "and that the server runs and lets you in."),
                   self->display, message);
      return NULL;
    }
  if (PQserverVersion (self->conn) < 150000)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_DATABASE,
                   _("The team database %s runs PostgreSQL %d.%d: Follow-Up needs version 15 "
                     "or later."),
                   self->display, PQserverVersion (self->conn) / 10000,
                   PQserverVersion (self->conn) % 10000);
      return NULL;
    }
  if (!set_up_session (FU_STORE (self), error))
    return NULL;
  return FU_STORE (g_steal_pointer (&self));
}

/* What a session needs, again after a reconnection: dates and text as this application
 * writes them whatever the server's defaults, and the announcements. */
static gboolean
set_up_session (FuStore *self,
                GError **error)
{
  g_autoptr(FuPgResult) res = NULL;

  res = fu_pg_query (self,
                     "SELECT set_config ('client_encoding', 'UTF8', false), "
                     "set_config ('DateStyle', 'ISO', false), "
                     "set_config ('TimeZone', 'UTC', false), "
                     /* The server's notices (a temporary table there already) are not the
                      * user's business: libpq would print them on stderr. */
                     "set_config ('client_min_messages', 'warning', false), "
                     /* An office's data, even twenty years of it, stays in the server's
                      * memory: an index lookup costs next to a sequential read, and planned
                      * as if from a spinning disk a year's summary would read whole tables. */
                     "set_config ('random_page_cost', '1.1', false)",
                     NULL, N_("Could not set up the connection"), error);
  return res != NULL && fu_pg_exec (self, "LISTEN " FU_PG_CHANNEL, error);
}

/* Whether the role may change the data: a role that may only read sees the app read-only. */
static gboolean
read_access (FuStore *self,
             GError **error)
{
  g_autoptr(FuPgResult) res = NULL;

  res = fu_pg_query (self,
                     "SELECT has_table_privilege ('workshop', 'INSERT, UPDATE, DELETE') "
                     "AND has_table_privilege ('audit_entry', 'INSERT')",
                     NULL, N_("Could not read what you may do in the database"), error);
  if (res == NULL)
    return FALSE;
  FU_PG (self)->access = g_str_equal (PQgetvalue (res, 0, 0), "t")
                         ? FU_STORE_ACCESS_READ_WRITE : FU_STORE_ACCESS_READ_ONLY;
  return TRUE;
}

FuStore *
fu_pg_store_open (const char        *location,
                  FuStoreOpenFlags   flags,
                  GError           **error)
{
  g_autoptr(FuStore) self = NULL;

  if (!fu_pg_load_libpq (error))
    return NULL;
  self = connect_store (location, error);
  if (self == NULL || !fu_pg_migrate (self, error) || !read_access (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const FuStoreBackend fu_postgres_backend = {
  "postgres",
  fu_pg_handles,
  fu_pg_store_open,
  fu_pg_secret_store,
};

/* ---- Statements ---------------------------------------------------------------------------- */

FuPgParams *
fu_pg_params_new (void)
{
  FuPgParams *params = g_new0 (FuPgParams, 1);

  params->values = g_ptr_array_new_with_free_func (g_free);
  return params;
}

void
fu_pg_params_free (FuPgParams *params)
{
  if (params == NULL)
    return;
  g_ptr_array_unref (params->values);
  g_free (params);
}

void
fu_pg_params_text (FuPgParams *params,
                   const char *text)
{
  g_ptr_array_add (params->values, text == NULL || *text == '\0' ? NULL : g_strdup (text));
}

void
fu_pg_params_raw (FuPgParams *params,
                  const char *text)
{
  g_ptr_array_add (params->values, g_strdup (text));
}

void
fu_pg_params_int (FuPgParams *params,
                  gint64      value)
{
  g_ptr_array_add (params->values, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

void
fu_pg_params_id (FuPgParams *params,
                 gint64      id)
{
  g_ptr_array_add (params->values, id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL);
}

void
fu_pg_params_day (FuPgParams *params,
                  FuDay       day)
{
  g_ptr_array_add (params->values, day != FU_DAY_NONE ? fu_day_to_iso (day) : NULL);
}

/* The error code of a failed statement, from its SQLSTATE. */
static FuStoreError
error_code (const PGresult *res)
{
  const char *state = res != NULL ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;

  if (state == NULL)
    return FU_STORE_ERROR_FAILED;
  if (g_str_equal (state, "23505"))
    return FU_STORE_ERROR_EXISTS;
  if (g_str_equal (state, "23503"))
    return FU_STORE_ERROR_NOT_FOUND;
  if (g_str_has_prefix (state, "23") || g_str_has_prefix (state, "22"))
    return FU_STORE_ERROR_INVALID;
  if (g_str_equal (state, "40001") || g_str_equal (state, "40P01")
      || g_str_equal (state, "55P03"))
    return FU_STORE_ERROR_BUSY;
  if (g_str_equal (state, "42501") || g_str_equal (state, "25006"))
    return FU_STORE_ERROR_READ_ONLY;
  if (g_str_equal (state, "53100"))
    return FU_STORE_ERROR_DISK_FULL;
  return FU_STORE_ERROR_FAILED;
}

/* @res as the result of a statement that worked, or NULL with the error: see fu_pg_query(). */
static FuPgResult *
checked (FuStore    *self,
         PGresult   *res_in,
         const char *sql,
         const char *what,
         GError    **error)
{
  g_autoptr(FuPgResult) res = res_in;
  g_autofree char *reason = NULL;
  ExecStatusType status;

  status = res != NULL ? PQresultStatus (res) : PGRES_FATAL_ERROR;
  if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
    return g_steal_pointer (&res);

  if (PQstatus (FU_PG (self)->conn) == CONNECTION_BAD)
    {
      connection_lost (self);
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                   _("%s: the connection to the team database %s was lost. Nothing of this "
                     "change was saved; try again when it is back."),
                   _(what), FU_PG (self)->display);
    }
  else
    {
      reason = g_strdup (res != NULL ? PQresultErrorMessage (res)
                                     : PQerrorMessage (FU_PG (self)->conn));
      g_strchomp (reason);
      g_debug ("%s failed: %s", sql, reason);
      g_set_error (error, FU_STORE_ERROR, error_code (res), "%s: %s", _(what), reason);
    }
  /* A failed statement spoils the transaction it is in: nothing more of it may go on. */
  if (FU_PG (self)->depth > 0 && FU_PG (self)->fault == NULL)
    FU_PG (self)->fault = g_error_new_literal (FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                                               error != NULL && *error != NULL
                                               ? (*error)->message : _(what));
  return NULL;
}

FuPgResult *
fu_pg_query (FuStore    *self,
             const char *sql,
             FuPgParams *params,
             const char *what,
             GError    **error)
{
  const char *name;
  int n_values;

  g_return_val_if_fail (FU_IS_PG_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  n_values = params != NULL ? (int) params->values->len : 0;
  name = g_hash_table_lookup (FU_PG (self)->prepared, sql);
  if (name == NULL)
    {
      g_autoptr(FuPgResult) prepared = NULL;
      g_autofree char *made = g_strdup_printf ("fu_%u", g_hash_table_size (FU_PG (self)->prepared));

      prepared = checked (self, PQprepare (FU_PG (self)->conn, made, sql, n_values, NULL), sql,
                          what, error);
      if (prepared == NULL)
        return NULL;
      name = made;
      g_hash_table_insert (FU_PG (self)->prepared, g_strdup (sql), g_steal_pointer (&made));
    }
  return checked (self,
                  PQexecPrepared (FU_PG (self)->conn, name, n_values,
                                  params != NULL ? (const char * const *) params->values->pdata
                                                 : NULL,
                                  NULL, NULL, 0),
                  sql, what, error);
}

/* @sql with SQLite's ?N as PostgreSQL's $k, in the order of first use; *params gets the
 * values of @values that it uses, in that order. */
static char *
renumber (const char  *sql,
          FuPgParams  *values,
          FuPgParams **params)
{
  GString *text = g_string_sized_new (strlen (sql));
  int position[100] = { 0, };   /* ?N's $k, 0 before its first use */
  int used = 0;

  *params = fu_pg_params_new ();
  for (const char *p = sql; *p != '\0'; p++)
    {
      char *end = NULL;
      guint64 n;

      if (*p != '?' || !g_ascii_isdigit (p[1]))
        {
          g_string_append_c (text, *p);
          continue;
        }
      n = g_ascii_strtoull (p + 1, &end, 10);
      g_return_val_if_fail (n >= 1 && n <= values->values->len && n < G_N_ELEMENTS (position),
                            g_string_free (text, FALSE));
      if (position[n] == 0)
        {
          position[n] = ++used;
          g_ptr_array_add ((*params)->values,
                           g_strdup (g_ptr_array_index (values->values, n - 1)));
        }
      /* Untyped: the server takes the type from where the value is used. */
      g_string_append_printf (text, "$%d", position[n]);
      p = end - 1;
    }
  return g_string_free (text, FALSE);
}

FuPgResult *
fu_pg_query_numbered (FuStore    *self,
                      const char *sql,
                      FuPgParams *values,
                      const char *what,
                      GError    **error)
{
  g_autoptr(FuPgParams) params = NULL;
  g_autofree char *text = renumber (sql, values, &params);

  return fu_pg_query (self, text, params, what, error);
}

gboolean
fu_pg_query_rows (FuStore        *self,
                  const char     *sql,
                  FuPgParams     *values,
                  guint           first,
                  FuPgRowFunc     func,
                  gpointer        user_data,
                  const char     *what,
                  GError        **error)
{
  g_autoptr(FuPgParams) params = NULL;
  g_autofree char *text = renumber (sql, values, &params);
  g_autofree char *declare = NULL;
  gboolean own_transaction = FU_PG (self)->depth == 0;
  gboolean ok = TRUE;
  gboolean more = TRUE;
  int offset = 0;

  /* The first rows by a statement of their own, prepared once and planned for them (a full
   * sort of the whole join would come first otherwise); the others through a cursor from
   * there, in large batches. Both read one snapshot. Inside a transaction of ours, only the
   * cursor, which reads one snapshot by itself. */
  if (own_transaction)
    {
      g_autofree char *limited = g_strdup_printf ("%s LIMIT %u", text, first);
      /* Planned once for any values: planning this join for each call's dates took twice as
       * long as running it. Both in one message: a round trip fewer before the first rows. */
      const char *begin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; "
                          "SET LOCAL plan_cache_mode = force_generic_plan";
      g_autoptr(FuPgResult) begun = NULL;
      g_autoptr(FuPgResult) res = NULL;

      begun = checked (self, PQexec (FU_PG (self)->conn, begin), begin, what, error);
      if (begun == NULL)
        return FALSE;
      res = fu_pg_query (self, limited, params, what, error);
      ok = res != NULL;
      for (int i = 0; ok && i < PQntuples (res) && more; i++)
        more = func (res, i, user_data);
      offset = ok ? PQntuples (res) : 0;
      more = more && offset == (int) first;
    }
  if (ok && more)
    {
      g_autoptr(FuPgResult) set = fu_pg_query (self, "SET LOCAL cursor_tuple_fraction = 0.001",
                                               NULL, what, error);
      g_autoptr(FuPgResult) declared = NULL;

      declare = g_strdup_printf ("DECLARE fu_rows NO SCROLL CURSOR FOR %s OFFSET %d", text,
                                 offset);
      declared = set != NULL ? fu_pg_query (self, declare, params, what, error) : NULL;
      ok = declared != NULL;
      while (ok && more)
        {
          g_autofree char *fetch = g_strdup_printf ("FETCH %d FROM fu_rows",
                                                    offset > 0 ? 5000 : (int) first);
          g_autoptr(FuPgResult) res = fu_pg_query (self, fetch, NULL, what, error);

          ok = res != NULL;
          if (!ok || PQntuples (res) == 0)
            break;
          for (int i = 0; i < PQntuples (res) && more; i++)
            more = func (res, i, user_data);
          offset += PQntuples (res);
        }
      if (ok)
        ok = fu_pg_exec (self, "CLOSE fu_rows", error);
    }
  if (own_transaction)
    {
      g_autoptr(FuPgResult) end = PQexec (FU_PG (self)->conn, ok ? "COMMIT" : "ROLLBACK");

      g_clear_error (&FU_PG (self)->fault);
    }
  return ok;
}

gboolean
fu_pg_exec_script (FuStore    *self,
                   const char *script,
                   GError    **error)
{
  g_autoptr(FuPgResult) res = checked (self, PQexec (FU_PG (self)->conn, script), script,
                                       N_("Could not update the database's tables"), error);

  return res != NULL;
}

gboolean
fu_pg_exec (FuStore    *self,
            const char *sql,
            GError    **error)
{
  g_autoptr(FuPgResult) res = fu_pg_query (self, sql, NULL, N_("Could not save the changes"),
                                           error);

  return res != NULL;
}

gboolean
fu_pg_select_id (FuStore    *self,
                 const char *sql,
                 FuPgParams *params,
                 const char *what,
                 gint64     *id,
                 GError    **error)
{
  g_autoptr(FuPgResult) res = fu_pg_query (self, sql, params, what, error);

  *id = 0;
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) > 0)
    *id = fu_pg_int64 (res, 0, 0);
  return TRUE;
}

gboolean
fu_pg_change_one (FuStore    *self,
                  const char *sql,
                  FuPgParams *params,
                  const char *what,
                  const char *not_found,
                  GError    **error)
{
  g_autoptr(FuPgResult) res = NULL;
  gboolean ok;

  if (!fu_pg_begin (self, error))
    return FALSE;
  res = fu_pg_query (self, sql, params, what, error);
  ok = res != NULL;
  if (ok && g_str_equal (PQcmdTuples (res), "0"))
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND, not_found);
      ok = FALSE;
    }
  return fu_pg_finish (self, ok, error);
}

char *
fu_pg_text (const PGresult *res,
            int             row,
            int             col)
{
  if (PQgetisnull (res, row, col))
    return NULL;
  return g_strdup (PQgetvalue (res, row, col));
}

gint64
fu_pg_int64 (const PGresult *res,
             int             row,
             int             col)
{
  if (PQgetisnull (res, row, col))
    return 0;
  return g_ascii_strtoll (PQgetvalue (res, row, col), NULL, 10);
}

FuDay
fu_pg_day (const PGresult *res,
           int             row,
           int             col)
{
  FuDay day;

  if (PQgetisnull (res, row, col) || !fu_day_parse_iso (PQgetvalue (res, row, col), &day))
    return FU_DAY_NONE;
  return day;
}

/* ---- Transactions ---------------------------------------------------------------------------
 * As the SQLite backend's: the outer level is a transaction, inner levels are savepoints,
 * except inside a flat level (an import) where they are nothing. After a statement fails,
 * PostgreSQL refuses the rest of the transaction: the fault says so until it ends. */

static gboolean
transaction_failed (FuStore *self,
                    GError **error)
{
  if (FU_PG (self)->fault == NULL)
    return FALSE;
  g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                       FU_PG (self)->fault->message);
  return TRUE;
}

gboolean
fu_pg_begin (FuStore *self,
             GError **error)
{
  FuPgStore *pg = FU_PG (self);

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pg->access != FU_STORE_ACCESS_READ_WRITE)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_READ_ONLY,
                   _("You may read the team database %s but not change it. Ask its owner "
                     "for the staff role to make changes."),
                   pg->display);
      return FALSE;
    }
  if (pg->lost)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                   _("The connection to the team database %s is lost: Follow-Up is getting "
                     "it back. Nothing was saved; try again in a moment."),
                   pg->display);
      return FALSE;
    }
  if (pg->depth == 0)
    g_clear_error (&pg->fault);
  else if (transaction_failed (self, error))
    return FALSE;

  if (pg->flat_base != 0 && pg->depth >= pg->flat_base)
    {
      pg->depth++;
      return TRUE;
    }
  if (pg->flat_base != 0 && pg->depth + 1 == pg->flat_base)
    pg->flat_failed = FALSE;

  if (!fu_pg_exec (self, pg->depth == 0 ? "BEGIN" : "SAVEPOINT fu_level", error))
    return FALSE;
  pg->depth++;
  return TRUE;
}

static gboolean
inside_flat (FuStore *self)
{
  return FU_PG (self)->flat_base != 0 && FU_PG (self)->depth > FU_PG (self)->flat_base;
}

gboolean
fu_pg_commit (FuStore *self,
              GError **error)
{
  FuPgStore *pg = FU_PG (self);

  g_return_val_if_fail (pg->depth > 0, FALSE);

  if (inside_flat (self))
    {
      pg->depth--;
      return TRUE;
    }
  if (pg->flat_base != 0 && pg->depth == pg->flat_base && pg->flat_failed)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                           _("A write of this change failed: nothing of it was saved"));
      return FALSE;
    }
  if (transaction_failed (self, error)
      || !fu_pg_exec (self, pg->depth > 1 ? "RELEASE SAVEPOINT fu_level" : "COMMIT", error))
    return FALSE;
  pg->depth--;
  return TRUE;
}

void
fu_pg_rollback (FuStore *self)
{
  FuPgStore *pg = FU_PG (self);

  g_return_if_fail (pg->depth > 0);

  if (inside_flat (self))
    {
      pg->depth--;
      pg->flat_failed = TRUE;
      return;
    }
  pg->depth--;
  /* The server rolled back what the lost session had not committed. */
  if (pg->lost)
    {
      g_clear_error (&pg->fault);
      return;
    }
  if (pg->depth > 0)
    {
      /* The savepoint's work is undone and the transaction may go on. */
      g_autoptr(FuPgResult) undo = PQexec (pg->conn, "ROLLBACK TO SAVEPOINT fu_level");
      g_autoptr(FuPgResult) release = NULL;

      if (PQresultStatus (undo) == PGRES_COMMAND_OK)
        {
          release = PQexec (pg->conn, "RELEASE SAVEPOINT fu_level");
          if (PQresultStatus (release) == PGRES_COMMAND_OK)
            g_clear_error (&pg->fault);
        }
    }
  else
    {
      g_autoptr(FuPgResult) res = PQexec (pg->conn, "ROLLBACK");

      if (PQresultStatus (res) != PGRES_COMMAND_OK && PQstatus (pg->conn) == CONNECTION_OK)
        g_warning ("Could not roll back: %s", PQerrorMessage (pg->conn));
      g_clear_error (&pg->fault);
    }
}

gboolean
fu_pg_finish (FuStore  *self,
              gboolean  ok,
              GError  **error)
{
  if (ok && fu_store_commit (self, error))
    return TRUE;
  fu_store_rollback (self);
  return FALSE;
}
