/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-context"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-context.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-history.h"
#include "fu-store.h"

struct _FuContext
{
  GObject   parent_instance;

  FuStore    *store;
  FuHistory  *history;
  FuDay       fixed_today;   /* FU_DAY_NONE = follow the clock */
  FuRules     rules;
};

G_DEFINE_FINAL_TYPE (FuContext, fu_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TODAY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Every change the history announces (ours, undone, redone, or another program's) is the
 * context's: the team settings are read again when they changed. */
static void
history_changed_cb (FuContext   *self,
                    FuChangeSet *changes,
                    FuHistory   *history)
{
  if (fu_change_set_touches (changes, FU_RECORD_SETTINGS))
    fu_store_get_rules (self->store, &self->rules);
  g_signal_emit (self, signals[CHANGED], 0, changes);
}

static void
fu_context_constructed (GObject *object)
{
  FuContext *self = FU_CONTEXT (object);

  G_OBJECT_CLASS (fu_context_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      fu_store_get_rules (self->store, &self->rules);
      self->history = fu_history_new (self->store);
      g_signal_connect_object (self->history, "changed", G_CALLBACK (history_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      fu_rules_init_defaults (&self->rules);
    }
}

static void
fu_context_dispose (GObject *object)
{
  FuContext *self = FU_CONTEXT (object);

  g_clear_object (&self->history);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fu_context_parent_class)->dispose (object);
}

static void
fu_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FuContext *self = FU_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TODAY:
      g_value_set_uint (value, fu_context_get_today (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FuContext *self = FU_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_TODAY:
      fu_context_set_today (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_context_class_init (FuContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fu_context_constructed;
  object_class->dispose = fu_context_dispose;
  object_class->get_property = fu_context_get_property;
  object_class->set_property = fu_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A FuDay (Julian day number); 0 follows the clock. */
  properties[PROP_TODAY] =
    g_param_spec_uint ("today", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* What changed (a FuChangeSet): views update the rows concerned. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  FU_TYPE_CHANGE_SET | G_SIGNAL_TYPE_STATIC_SCOPE);
}

/* FU_DAY_NONE in @fixed when $FOLLOWUP_TODAY is not set. */
static gboolean
fixed_today_from_environment (FuDay   *fixed,
                              GError **error)
{
  const char *text = g_getenv ("FOLLOWUP_TODAY");

  *fixed = FU_DAY_NONE;
  if (text == NULL || *text == '\0')
    return TRUE;
  if (!fu_day_parse_iso (text, fixed))
    {
      g_set_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID,
                   _("FOLLOWUP_TODAY is '%s': write the day as YYYY-MM-DD"), text);
      return FALSE;
    }
  return TRUE;
}

static void
fu_context_init (FuContext *self)
{
  g_autoptr(GError) error = NULL;

  if (!fixed_today_from_environment (&self->fixed_today, &error))
    g_warning ("%s: using the real date", error->message);
}

gboolean
fu_context_today_from_environment (FuDay   *today,
                                   GError **error)
{
  g_return_val_if_fail (today != NULL, FALSE);

  if (!fixed_today_from_environment (today, error))
    return FALSE;
  if (*today == FU_DAY_NONE)
    *today = fu_day_today ();
  return TRUE;
}

FuContext *
fu_context_new (FuStore *store)
{
  g_return_val_if_fail (FU_IS_STORE (store), NULL);

  return g_object_new (FU_TYPE_CONTEXT, "store", store, NULL);
}

FuStore *
fu_context_get_store (FuContext *self)
{
  g_return_val_if_fail (FU_IS_CONTEXT (self), NULL);

  return self->store;
}

FuDay
fu_context_get_today (FuContext *self)
{
  g_return_val_if_fail (FU_IS_CONTEXT (self), FU_DAY_NONE);

  return self->fixed_today != FU_DAY_NONE ? self->fixed_today : fu_day_today ();
}

void
fu_context_set_today (FuContext *self,
                      FuDay      today)
{
  g_return_if_fail (FU_IS_CONTEXT (self));

  if (self->fixed_today == today)
    return;
  self->fixed_today = today;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
  /* Every status depends on the day. */
  {
    g_autoptr(FuChangeSet) all = fu_change_set_new_all ();

    g_signal_emit (self, signals[CHANGED], 0, all);
  }
}

const FuRules *
fu_context_get_rules (FuContext *self)
{
  g_return_val_if_fail (FU_IS_CONTEXT (self), NULL);

  return &self->rules;
}

FuHistory *
fu_context_get_history (FuContext *self)
{
  g_return_val_if_fail (FU_IS_CONTEXT (self), NULL);

  return self->history;
}

gboolean
fu_context_run (FuContext  *self,
                FuCommand  *command,
                GError    **error)
{
  g_return_val_if_fail (FU_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (FU_IS_COMMAND (command), FALSE);

  return fu_history_run (self->history, command, error);
}

void
fu_context_add_applied (FuContext *self,
                        FuCommand *command)
{
  g_return_if_fail (FU_IS_CONTEXT (self));
  g_return_if_fail (FU_IS_COMMAND (command));

  fu_history_add_applied (self->history, command);
}
