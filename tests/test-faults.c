/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-faults.c: writes that survive faults, the way SQLite tests itself. A VFS wrapped
 * around the default one fails the N-th write or sync (a full disk, an I/O error) and every
 * one after it, for every N up to the operation's count: after each run the database must be
 * as before or wholly changed (a full dump of its data), pass integrity_check and open again,
 * and the error must name the fault, not a row of the file. */
#define G_LOG_DOMAIN "test-faults"

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "fu-command.h"
#include "fu-error.h"
#include "fu-sqlite-private.h"
#include "fu-store.h"
#include "fu-test-util.h"

/* ---- The faulty VFS ------------------------------------------------------------------- */

typedef struct {
  sqlite3_file  base;
  sqlite3_file *real;
} FaultFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;
static guint fail_at;        /* 0: no fault */
/* Writes and syncs so far, counted from every thread: an import's backup is made in a thread
 * of its own while the import works, and may take the fault as well. */
static guint n_calls;
static int fail_code = SQLITE_FULL;

static gboolean
fault_now (void)
{
  guint n = (guint) g_atomic_int_add ((gint *) &n_calls, 1) + 1;

  return fail_at > 0 && n >= fail_at;
}

#define REAL(f) (((FaultFile *) (f))->real)

static int
fault_close (sqlite3_file *f)
{
  int rc = REAL (f)->pMethods != NULL ? REAL (f)->pMethods->xClose (REAL (f)) : SQLITE_OK;

  sqlite3_free (REAL (f));
  return rc;
}

static int
fault_read (sqlite3_file *f, void *buf, int n, sqlite3_int64 offset)
{
  return REAL (f)->pMethods->xRead (REAL (f), buf, n, offset);
}

static int
fault_write (sqlite3_file *f, const void *buf, int n, sqlite3_int64 offset)
{
  if (fault_now ())
    return fail_code;
  return REAL (f)->pMethods->xWrite (REAL (f), buf, n, offset);
}

static int
fault_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int
fault_sync (sqlite3_file *f, int flags)
{
  if (fault_now ())
    return fail_code == SQLITE_FULL ? SQLITE_FULL : SQLITE_IOERR_FSYNC;
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
fault_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
fault_lock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static int
fault_unlock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int
fault_check_reserved (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
fault_file_control (sqlite3_file *f, int op, void *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
fault_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
fault_device (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
fault_shm_map (sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
  return REAL (f)->pMethods->xShmMap (REAL (f), page, size, extend, out);
}

static int
fault_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
fault_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

static const sqlite3_io_methods fault_methods = {
  2,
  fault_close, fault_read, fault_write, fault_truncate, fault_sync, fault_file_size,
  fault_lock, fault_unlock, fault_check_reserved, fault_file_control, fault_sector_size,
  fault_device, fault_shm_map, fault_shm_lock, fault_shm_barrier, fault_shm_unmap,
  NULL, NULL
};

static int
fault_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FaultFile *ff = (FaultFile *) file;
  int rc;

  ff->real = sqlite3_malloc (real_vfs->szOsFile);
  memset (ff->real, 0, real_vfs->szOsFile);
  rc = real_vfs->xOpen (real_vfs, name, ff->real, flags, out_flags);
  file->pMethods = rc == SQLITE_OK ? &fault_methods : NULL;
  if (rc != SQLITE_OK)
    {
      sqlite3_free (ff->real);
      ff->real = NULL;
    }
  return rc;
}

static void
install_fault_vfs (void)
{
  if (real_vfs != NULL)
    return;
  real_vfs = sqlite3_vfs_find (NULL);
  fault_vfs = *real_vfs;
  fault_vfs.zName = "fault";
  fault_vfs.szOsFile = sizeof (FaultFile);
  fault_vfs.xOpen = fault_open;
  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
}

/* ---- The operations --------------------------------------------------------------------- */

typedef struct {
  char *dir;
  char *base;       /* the database before, closed and checkpointed */
  char *path;       /* a copy for one run */
  char *csv;        /* participants.csv of 300 new people, for op_import */
  char *earlier;    /* another 40, imported into the base: for op_undo */
} Fixture;

typedef gboolean (*Operation) (Fixture *f, FuStore *store, GError **error);

/* The store at @path with a page cache so small that a transaction spills to the WAL long
 * before it commits, as a big import does: a fault then strikes in the middle. */
static FuStore *
open_small_cache (const char *path)
{
  FuStore *store = fu_test_open_store (path);

  g_assert_cmpint (sqlite3_exec (fu_sqlite_get_db (store), "PRAGMA cache_size = 5", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  return store;
}

static gboolean
apply (FuStore    *store,
       FuCommand  *command,
       GError    **error)
{
  g_autoptr(FuCommand) owned = command;

  return fu_command_apply (command, store, error);
}

static gboolean
op_import (Fixture *f, FuStore *store, GError **error)
{
  return apply (store, fu_command_new_import_file (FU_IMPORT_PARTICIPANTS, f->csv, 0), error);
}

static gboolean
op_mark_reminded (Fixture *f, FuStore *store, GError **error)
{
  return apply (store, fu_command_new_mark_reminded (fu_test_lookup_workshop (store, "2016-NII"),
                                                     fu_day_new (2018, 1, 15)),
                error);
}

static gboolean
op_delete_workshop (Fixture *f, FuStore *store, GError **error)
{
  return apply (store, fu_command_new_delete_workshop (fu_test_lookup_workshop (store,
                                                                                 "2016-IRM")),
                error);
}

static gboolean
op_undo (Fixture *f, FuStore *store, GError **error)
{
  gint64 last = fu_store_audit_last_undoable (store, error);

  return last > 0 && apply (store, fu_command_new_revert (last), error);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_true (g_file_set_contents (to, contents, (gssize) length, &error));
  g_remove (wal);
  g_remove (shm);
}

static char *
dump_file (const char *path)
{
  g_autoptr(FuStore) store = fu_test_open_store (path);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  char *dump;

  /* Whole and sound. */
  g_assert_cmpint (sqlite3_prepare_v2 (fu_sqlite_get_db (store), "PRAGMA integrity_check", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  dump = fu_store_dump (store, NULL, &error);
  g_assert_no_error (error);
  return dump;
}

static char *
write_people (Fixture    *f,
              const char *name,
              guint       first,
              guint       n)
{
  g_autoptr(GString) csv = g_string_new ("workshop_code,name,administration,email\n");
  char *path = g_build_filename (f->dir, name, NULL);

  for (guint i = first; i < first + n; i++)
    g_string_append_printf (csv, "2017-CV,New Person %u,Fiji,new%u@customs-fj.example\n", i, i);
  g_assert_true (g_file_set_contents (path, csv->str, -1, NULL));
  return path;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  install_fault_vfs ();
  fail_at = 0;
  f->dir = fu_test_make_tmp_dir ("test-faults-XXXXXX");
  f->base = g_build_filename (f->dir, "base.db", NULL);
  f->path = g_build_filename (f->dir, "run.db", NULL);
  f->csv = write_people (f, "participants.csv", 0, 300);
  f->earlier = write_people (f, "earlier.csv", 1000, 40);
  {
    g_autoptr(FuStore) store = fu_test_open_store (f->base);
    g_autoptr(GError) error = NULL;

    fu_test_load_sample (store);
    g_assert_true (apply (store, fu_command_new_import_file (FU_IMPORT_PARTICIPANTS, f->earlier,
                                                             0),
                          &error));
    g_assert_no_error (error);
  }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fail_at = 0;
  fu_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->base);
  g_free (f->path);
  g_free (f->csv);
  g_free (f->earlier);
}

/* The fault points: every one when there are at most @most; else the first and the last
 * @most / 3 (where a transaction starts, and where it commits) and @most / 3 spread evenly
 * between. */
static gboolean
is_fault_point (guint n,
                guint total,
                guint most)
{
  guint edge = most / 3;

  if (total <= most || n <= edge || n > total - edge)
    return TRUE;
  return (n - edge) % MAX (1, (total - 2 * edge) / edge) == 0;
}

/* Runs @op at its fault points (see is_fault_point). */
static void
check_operation (Fixture   *f,
                 Operation  op,
                 int        code,
                 guint      most)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint total;
  guint n_failed = 0;

  fail_code = code;
  copy_file (f->base, f->path);
  before = dump_file (f->path);

  /* The clean run: how many writes and syncs, and the database after. */
  {
    g_autoptr(FuStore) store = open_small_cache (f->path);
    g_autoptr(GError) error = NULL;

    n_calls = 0;
    fail_at = 0;
    g_assert_true (op (f, store, &error));
    g_assert_no_error (error);
    g_clear_object (&store);
    total = n_calls;
  }
  after = dump_file (f->path);
  g_assert_cmpstr (after, !=, before);
  g_test_message ("%u writes and syncs", total);
  g_assert_cmpuint (total, >, 0);

  for (guint n = 1; n <= total; n++)
    {
      g_autoptr(FuStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *now = NULL;
      gboolean ok;

      if (!is_fault_point (n, total, most))
        continue;
      copy_file (f->base, f->path);
      store = open_small_cache (f->path);
      n_calls = 0;
      fail_at = n;
      ok = op (f, store, &error);
      fail_at = 0;
      g_clear_object (&store);

      now = dump_file (f->path);
      if (g_strcmp0 (now, before) != 0 && g_strcmp0 (now, after) != 0)
        g_error ("fault at %u of %u: the database is neither as before nor as after", n, total);
      if (!ok)
        {
          n_failed++;
          /* The fault, in its own words: the disk, not a row of the file. */
          g_assert_true (g_error_matches (error, FU_STORE_ERROR, FU_STORE_ERROR_DISK_FULL)
                         || g_error_matches (error, FU_STORE_ERROR, FU_STORE_ERROR_IO)
                         || g_error_matches (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED));
          g_assert_null (strstr (error->message, ".csv:"));
          if (code == SQLITE_FULL)
            g_assert_nonnull (strstr (error->message, "is full"));
        }
    }
  g_assert_cmpuint (n_failed, >, 0);
}

/* At WCO thoroughness under build-aux/dev test; fewer points in a quick run. */
static guint
most_points (void)
{
  return fu_test_slow_enabled () ? 450 : 120;
}

static void
test_full_import (Fixture *f, gconstpointer data)
{
  check_operation (f, op_import, SQLITE_FULL, most_points ());
}

static void
test_io_import (Fixture *f, gconstpointer data)
{
  check_operation (f, op_import, SQLITE_IOERR_WRITE, most_points ());
}

static void
test_full_marks (Fixture *f, gconstpointer data)
{
  check_operation (f, op_mark_reminded, SQLITE_FULL, most_points ());
}

static void
test_full_delete (Fixture *f, gconstpointer data)
{
  check_operation (f, op_delete_workshop, SQLITE_FULL, most_points ());
}

static void
test_io_undo (Fixture *f, gconstpointer data)
{
  check_operation (f, op_undo, SQLITE_IOERR_WRITE, most_points ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/faults/full-disk/import", Fixture, NULL, fixture_setup, test_full_import,
              fixture_teardown);
  g_test_add ("/core/faults/io-error/import", Fixture, NULL, fixture_setup, test_io_import,
              fixture_teardown);
  g_test_add ("/core/faults/full-disk/marks", Fixture, NULL, fixture_setup, test_full_marks,
              fixture_teardown);
  g_test_add ("/core/faults/full-disk/delete", Fixture, NULL, fixture_setup, test_full_delete,
              fixture_teardown);
  g_test_add ("/core/faults/io-error/undo", Fixture, NULL, fixture_setup, test_io_undo,
              fixture_teardown);

  return g_test_run ();
}
