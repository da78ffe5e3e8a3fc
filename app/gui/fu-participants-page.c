/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-participants-page.c: a placeholder until the page's own helper replaces this file. */
#define G_LOG_DOMAIN "fu-participants-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-participants-page.h"

struct _FuParticipantsPage
{
  GtkWidget  parent_instance;

  FuContext *context;
};

G_DEFINE_FINAL_TYPE (FuParticipantsPage, fu_participants_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fu_participants_page_dispose (GObject *object)
{
  FuParticipantsPage *self = FU_PARTICIPANTS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FU_TYPE_PARTICIPANTS_PAGE);
  /* Children without an id in the template are not cleared by the call above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (fu_participants_page_parent_class)->dispose (object);
}

static void
fu_participants_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FuParticipantsPage *self = FU_PARTICIPANTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_participants_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  FuParticipantsPage *self = FU_PARTICIPANTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      fu_participants_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_participants_page_class_init (FuParticipantsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fu_participants_page_dispose;
  object_class->get_property = fu_participants_page_get_property;
  object_class->set_property = fu_participants_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         FU_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rocbap/FollowUp/fu-participants-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fu_participants_page_init (FuParticipantsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

FuContext *
fu_participants_page_get_context (FuParticipantsPage *self)
{
  g_return_val_if_fail (FU_IS_PARTICIPANTS_PAGE (self), NULL);

  return self->context;
}

void
fu_participants_page_set_context (FuParticipantsPage *self,
                                  FuContext *context)
{
  g_return_if_fail (FU_IS_PARTICIPANTS_PAGE (self));
  g_return_if_fail (context == NULL || FU_IS_CONTEXT (context));

  if (g_set_object (&self->context, context))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}
