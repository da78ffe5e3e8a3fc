/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-history.c: the undo and redo stacks of one window, over the audit log. */

#define G_LOG_DOMAIN "fu-history"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-error.h"
#include "fu-history.h"
#include "fu-store.h"

typedef struct {
  gint64  entry_id;
  char   *sentence;   /* of the change itself, without "Undid: " */
} Step;

struct _FuHistory
{
  GObject   parent_instance;

  FuStore  *store;
  GArray   *undo;        /* Step: the newest last */
  GArray   *redo;        /* Step: entries of undos, the newest last */
  gint64    last_seen;   /* the newest audit entry this history has announced */
};

G_DEFINE_FINAL_TYPE (FuHistory, fu_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_pointer (&step->sentence, g_free);
}

static void
push (GArray     *stack,
      gint64      entry_id,
      const char *sentence)
{
  Step step = { entry_id, g_strdup (sentence) };

  g_array_append_val (stack, step);
}

static void
notify_stacks (FuHistory *self,
               gboolean   could_undo,
               gboolean   could_redo)
{
  if (could_undo != fu_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != fu_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
announce (FuHistory   *self,
          FuChangeSet *changes)
{
  gint64 last = fu_store_audit_last_id (self->store, NULL);

  /* Our own change is not news when polling next. */
  if (last > self->last_seen)
    self->last_seen = last;
  /* Nor is our own commit a change made elsewhere. */
  fu_store_changed_elsewhere (self->store);
  if (changes != NULL && !fu_change_set_is_empty (changes))
    g_signal_emit (self, signals[CHANGED], 0, changes);
}

static void
fu_history_finalize (GObject *object)
{
  FuHistory *self = FU_HISTORY (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->undo, g_array_unref);
  g_clear_pointer (&self->redo, g_array_unref);

  G_OBJECT_CLASS (fu_history_parent_class)->finalize (object);
}

static void
fu_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FuHistory *self = FU_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, fu_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, fu_history_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_history_class_init (FuHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fu_history_finalize;
  object_class->get_property = fu_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* What changed: every view updates the rows concerned. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1,
                                   FU_TYPE_CHANGE_SET | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
fu_history_init (FuHistory *self)
{
  self->undo = g_array_new (FALSE, FALSE, sizeof (Step));
  g_array_set_clear_func (self->undo, step_clear);
  self->redo = g_array_new (FALSE, FALSE, sizeof (Step));
  g_array_set_clear_func (self->redo, step_clear);
}

FuHistory *
fu_history_new (FuStore *store)
{
  FuHistory *self;

  g_return_val_if_fail (FU_IS_STORE (store), NULL);

  self = g_object_new (FU_TYPE_HISTORY, NULL);
  self->store = g_object_ref (store);
  self->last_seen = fu_store_audit_last_id (store, NULL);
  fu_store_changed_elsewhere (store);
  return self;
}

FuStore *
fu_history_get_store (FuHistory *self)
{
  g_return_val_if_fail (FU_IS_HISTORY (self), NULL);

  return self->store;
}

gboolean
fu_history_run (FuHistory  *self,
                FuCommand  *command,
                GError    **error)
{
  g_return_val_if_fail (FU_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (FU_IS_COMMAND (command), FALSE);

  if (!fu_command_apply (command, self->store, error))
    return FALSE;
  fu_history_add_applied (self, command);
  return TRUE;
}

void
fu_history_add_applied (FuHistory *self,
                        FuCommand *command)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (FU_IS_HISTORY (self));
  g_return_if_fail (FU_IS_COMMAND (command));

  could_undo = fu_history_get_can_undo (self);
  could_redo = fu_history_get_can_redo (self);
  if (fu_command_get_entry_id (command) != 0)
    {
      push (self->undo, fu_command_get_entry_id (command), fu_command_get_sentence (command));
      g_array_set_size (self->redo, 0);
    }
  notify_stacks (self, could_undo, could_redo);
  announce (self, fu_command_get_changes (command));
}

gboolean
fu_history_get_can_undo (FuHistory *self)
{
  g_return_val_if_fail (FU_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
fu_history_get_can_redo (FuHistory *self)
{
  g_return_val_if_fail (FU_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

const char *
fu_history_get_undo_sentence (FuHistory *self)
{
  g_return_val_if_fail (FU_IS_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  return g_array_index (self->undo, Step, self->undo->len - 1).sentence;
}

const char *
fu_history_get_redo_sentence (FuHistory *self)
{
  g_return_val_if_fail (FU_IS_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;
  return g_array_index (self->redo, Step, self->redo->len - 1).sentence;
}

/* Reverts step @index of @from; on success the revert's entry goes onto @to. The step
 * leaves @from either way: one that can no longer apply will not later. */
static gboolean
revert_step (FuHistory  *self,
             GArray     *from,
             guint       index,
             GArray     *to,
             char      **sentence,
             GError    **error)
{
  g_autoptr(FuCommand) command = NULL;
  g_autofree char *step_sentence = NULL;
  gboolean could_undo = fu_history_get_can_undo (self);
  gboolean could_redo = fu_history_get_can_redo (self);
  gint64 entry_id;
  gboolean ok;

  entry_id = g_array_index (from, Step, index).entry_id;
  step_sentence = g_strdup (g_array_index (from, Step, index).sentence);
  g_array_remove_index (from, index);

  command = fu_command_new_revert (entry_id);
  ok = fu_command_apply (command, self->store, error);
  if (ok)
    {
      if (fu_command_get_entry_id (command) != 0)
        push (to, fu_command_get_entry_id (command), step_sentence);
      if (sentence != NULL)
        *sentence = g_strdup (fu_command_get_sentence (command));
    }
  notify_stacks (self, could_undo, could_redo);
  if (ok)
    announce (self, fu_command_get_changes (command));
  return ok;
}

gboolean
fu_history_undo (FuHistory  *self,
                 char      **sentence,
                 GError    **error)
{
  g_return_val_if_fail (FU_IS_HISTORY (self), FALSE);

  if (self->undo->len == 0)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                           _("There is nothing to undo"));
      return FALSE;
    }
  return revert_step (self, self->undo, self->undo->len - 1, self->redo, sentence, error);
}

gboolean
fu_history_redo (FuHistory  *self,
                 char      **sentence,
                 GError    **error)
{
  g_return_val_if_fail (FU_IS_HISTORY (self), FALSE);

  if (self->redo->len == 0)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                           _("There is nothing to redo"));
      return FALSE;
    }
  return revert_step (self, self->redo, self->redo->len - 1, self->undo, sentence, error);
}

gboolean
fu_history_undo_entry (FuHistory  *self,
                       gint64      entry_id,
                       char      **sentence,
                       GError    **error)
{
  g_return_val_if_fail (FU_IS_HISTORY (self), FALSE);

  for (guint i = self->undo->len; i > 0; i--)
    if (g_array_index (self->undo, Step, i - 1).entry_id == entry_id)
      return revert_step (self, self->undo, i - 1, self->redo, sentence, error);

  /* Not one of ours (or already undone): the store says whether it still can be. */
  {
    g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (Step));
    Step step = { entry_id, NULL };

    g_array_set_clear_func (scratch, step_clear);
    g_array_append_val (scratch, step);
    return revert_step (self, scratch, 0, self->redo, sentence, error);
  }
}

gboolean
fu_history_poll (FuHistory *self)
{
  g_autoptr(FuChangeSet) changes = NULL;
  g_autoptr(GArray) rows = NULL;
  gint64 last;

  g_return_val_if_fail (FU_IS_HISTORY (self), FALSE);

  if (!fu_store_changed_elsewhere (self->store))
    return FALSE;

  last = fu_store_audit_last_id (self->store, NULL);
  if (last > self->last_seen)
    rows = fu_store_list_audit_rows (self->store, self->last_seen + 1, last, NULL);

  /* A write that left no entry (an older version, a tool) may have changed anything. */
  if (rows == NULL || rows->len == 0)
    changes = fu_change_set_new_all ();
  else
    {
      changes = fu_change_set_new ();
      fu_change_set_add_rows (changes, rows);
    }
  self->last_seen = MAX (self->last_seen, last);
  g_signal_emit (self, signals[CHANGED], 0, changes);
  return TRUE;
}

void
fu_history_announce (FuHistory   *self,
                     FuChangeSet *changes)
{
  g_return_if_fail (FU_IS_HISTORY (self));
  g_return_if_fail (changes != NULL);

  g_signal_emit (self, signals[CHANGED], 0, changes);
}
