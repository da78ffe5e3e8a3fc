/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-list-models"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-list-models.h"

/* ---- FuRowItem --------------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *rows;
  guint      index;
} FuRowItemPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (FuRowItem, fu_row_item, G_TYPE_OBJECT)

static void
fu_row_item_finalize (GObject *object)
{
  FuRowItemPrivate *priv = fu_row_item_get_instance_private (FU_ROW_ITEM (object));

  g_clear_pointer (&priv->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (fu_row_item_parent_class)->finalize (object);
}

static void
fu_row_item_class_init (FuRowItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fu_row_item_finalize;
}

static void
fu_row_item_init (FuRowItem *self)
{
}

FuRowItem *
fu_row_item_new (GType      item_type,
                 GPtrArray *rows,
                 guint      index)
{
  FuRowItem *self;
  FuRowItemPrivate *priv;

  g_return_val_if_fail (g_type_is_a (item_type, FU_TYPE_ROW_ITEM), NULL);
  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (index < rows->len, NULL);

  self = g_object_new (item_type, NULL);
  priv = fu_row_item_get_instance_private (self);
  priv->rows = g_ptr_array_ref (rows);
  priv->index = index;

  return self;
}

gpointer
fu_row_item_get_row (FuRowItem *self)
{
  FuRowItemPrivate *priv;

  g_return_val_if_fail (FU_IS_ROW_ITEM (self), NULL);

  priv = fu_row_item_get_instance_private (self);
  if (priv->rows == NULL)
    return NULL;
  return g_ptr_array_index (priv->rows, priv->index);
}

/* The item now stands for row @index of @rows (the same row, in a newer array). */
static void
row_item_rebind (FuRowItem *self,
                 GPtrArray *rows,
                 guint      index)
{
  FuRowItemPrivate *priv = fu_row_item_get_instance_private (self);

  g_ptr_array_ref (rows);
  g_clear_pointer (&priv->rows, g_ptr_array_unref);
  priv->rows = rows;
  priv->index = index;
}

guint
fu_row_item_get_index (FuRowItem *self)
{
  FuRowItemPrivate *priv;

  g_return_val_if_fail (FU_IS_ROW_ITEM (self), 0);

  priv = fu_row_item_get_instance_private (self);
  return priv->index;
}

/* ---- FuFollowupItem ---------------------------------------------------------------------- */

struct _FuFollowupItem
{
  FuRowItem parent_instance;
};

G_DEFINE_FINAL_TYPE (FuFollowupItem, fu_followup_item, FU_TYPE_ROW_ITEM)

static void
fu_followup_item_class_init (FuFollowupItemClass *klass)
{
}

static void
fu_followup_item_init (FuFollowupItem *self)
{
}

const FuFollowupRow *
fu_followup_item_get_row (FuFollowupItem *self)
{
  g_return_val_if_fail (FU_IS_FOLLOWUP_ITEM (self), NULL);

  return fu_row_item_get_row (FU_ROW_ITEM (self));
}

/* ---- FuLazyList -------------------------------------------------------------------------- */

struct _FuLazyList
{
  GObject               parent_instance;

  GType                 item_type;
  GPtrArray            *rows;
  /* items[i] is rows[i]'s item once asked for, else NULL; as long as rows. */
  GObject             **items;
  FuLazyListWrapFunc    wrap;
  gpointer              user_data;
  GDestroyNotify        destroy;

  FuLazyListFilterFunc  filter;
  gpointer              filter_data;
  GDestroyNotify        filter_destroy;
  /* With a filter, the indices in rows of the rows shown, in order; NULL: every row. */
  GArray               *shown;
};

static void fu_lazy_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FuLazyList, fu_lazy_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, fu_lazy_list_model_init))

static void
clear_items (FuLazyList *self)
{
  if (self->items == NULL)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    g_clear_object (&self->items[i]);
  g_clear_pointer (&self->items, g_free);
}

/* The rows the filter lets through, or NULL without a filter. */
static GArray *
filter_rows (FuLazyList *self)
{
  GArray *shown;

  if (self->filter == NULL)
    return NULL;
  shown = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->rows->len; i++)
    if (self->filter (g_ptr_array_index (self->rows, i), i, self->filter_data))
      g_array_append_val (shown, i);
  return shown;
}

static guint
n_shown (FuLazyList *self)
{
  return self->shown != NULL ? self->shown->len : self->rows->len;
}

/* The index in rows of @position in the list; shown NULL means every row. */
static inline guint
shown_index (GArray *shown,
             guint   position)
{
  return shown != NULL ? g_array_index (shown, guint, position) : position;
}

/* Replaces self->shown by @shown and tells the views what changed: the positions before the
 * first difference and after the last one are left alone (and so is their selection). */
static void
replace_shown (FuLazyList *self,
               GArray     *shown)
{
  g_autoptr(GArray) old = g_steal_pointer (&self->shown);
  guint old_n = old != NULL ? old->len : self->rows->len;
  guint new_n;
  guint min_n;
  guint prefix = 0;
  guint suffix = 0;

  self->shown = shown;
  new_n = n_shown (self);
  min_n = MIN (old_n, new_n);
  while (prefix < min_n && shown_index (old, prefix) == shown_index (shown, prefix))
    prefix++;
  while (suffix < min_n - prefix
         && shown_index (old, old_n - 1 - suffix) == shown_index (shown, new_n - 1 - suffix))
    suffix++;

  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix,
                                new_n - prefix - suffix);
}

static GObject *
wrap_row_item (GPtrArray *rows,
               guint      index,
               gpointer   user_data)
{
  FuLazyList *self = user_data;

  return G_OBJECT (fu_row_item_new (self->item_type, rows, index));
}

static GType
fu_lazy_list_get_item_type (GListModel *model)
{
  return FU_LAZY_LIST (model)->item_type;
}

static guint
fu_lazy_list_get_n_items (GListModel *model)
{
  return n_shown (FU_LAZY_LIST (model));
}

static gpointer
fu_lazy_list_get_item (GListModel *model,
                       guint       position)
{
  FuLazyList *self = FU_LAZY_LIST (model);
  guint index;

  if (position >= n_shown (self))
    return NULL;
  index = shown_index (self->shown, position);

  /* Kept by the row's index: an item outlives refiltering. */
  if (self->items == NULL)
    self->items = g_new0 (GObject *, self->rows->len);
  if (self->items[index] == NULL)
    {
      gpointer data = self->wrap == wrap_row_item ? self : self->user_data;

      self->items[index] = self->wrap (self->rows, index, data);
    }

  return g_object_ref (self->items[index]);
}

static void
fu_lazy_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = fu_lazy_list_get_item_type;
  iface->get_n_items = fu_lazy_list_get_n_items;
  iface->get_item = fu_lazy_list_get_item;
}

static void
fu_lazy_list_finalize (GObject *object)
{
  FuLazyList *self = FU_LAZY_LIST (object);

  clear_items (self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_array_unref);
  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);
  if (self->filter_destroy != NULL)
    g_clear_pointer (&self->filter_data, self->filter_destroy);

  G_OBJECT_CLASS (fu_lazy_list_parent_class)->finalize (object);
}

static void
fu_lazy_list_class_init (FuLazyListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fu_lazy_list_finalize;
}

static void
fu_lazy_list_init (FuLazyList *self)
{
}

FuLazyList *
fu_lazy_list_new_full (GType               item_type,
                       GPtrArray          *rows,
                       FuLazyListWrapFunc  wrap,
                       gpointer            user_data,
                       GDestroyNotify      destroy)
{
  FuLazyList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (wrap != NULL, NULL);

  self = g_object_new (FU_TYPE_LAZY_LIST, NULL);
  self->item_type = item_type;
  self->rows = rows != NULL ? g_ptr_array_ref (rows) : g_ptr_array_new ();
  self->wrap = wrap;
  self->user_data = user_data;
  self->destroy = destroy;

  return self;
}

FuLazyList *
fu_lazy_list_new (GType      item_type,
                  GPtrArray *rows)
{
  g_return_val_if_fail (g_type_is_a (item_type, FU_TYPE_ROW_ITEM), NULL);

  return fu_lazy_list_new_full (item_type, rows, wrap_row_item, NULL, NULL);
}

void
fu_lazy_list_set_rows (FuLazyList *self,
                       GPtrArray  *rows)
{
  guint removed;
  guint added;

  g_return_if_fail (FU_IS_LAZY_LIST (self));

  removed = n_shown (self);
  clear_items (self);
  g_ptr_array_unref (self->rows);
  self->rows = rows != NULL ? g_ptr_array_ref (rows) : g_ptr_array_new ();
  g_clear_pointer (&self->shown, g_array_unref);
  self->shown = filter_rows (self);
  added = n_shown (self);

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

void
fu_lazy_list_update_rows (FuLazyList *self,
                          GPtrArray  *rows,
                          GEqualFunc  equal)
{
  g_autoptr(GPtrArray) old_rows = NULL;
  g_autoptr(GArray) old_shown = NULL;
  GObject **old_items;
  guint old_n, new_n, min_n;
  guint prefix = 0;
  guint suffix = 0;

  g_return_if_fail (FU_IS_LAZY_LIST (self));
  g_return_if_fail (equal != NULL);

  old_rows = g_steal_pointer (&self->rows);
  old_shown = g_steal_pointer (&self->shown);
  old_items = g_steal_pointer (&self->items);
  old_n = old_shown != NULL ? old_shown->len : old_rows->len;

  self->rows = rows != NULL ? g_ptr_array_ref (rows) : g_ptr_array_new ();
  self->shown = filter_rows (self);
  new_n = n_shown (self);
  min_n = MIN (old_n, new_n);

#define OLD_ROW(p) g_ptr_array_index (old_rows, shown_index (old_shown, (p)))
#define NEW_ROW(p) g_ptr_array_index (self->rows, shown_index (self->shown, (p)))
  while (prefix < min_n && equal (OLD_ROW (prefix), NEW_ROW (prefix)))
    prefix++;
  while (suffix < min_n - prefix
         && equal (OLD_ROW (old_n - 1 - suffix), NEW_ROW (new_n - 1 - suffix)))
    suffix++;
#undef OLD_ROW
#undef NEW_ROW

  /* The rows that stayed keep their items (which show the same). */
  if (old_items != NULL)
    {
      self->items = g_new0 (GObject *, self->rows->len);
      for (guint p = 0; p < prefix + suffix; p++)
        {
          guint old_p = p < prefix ? p : old_n - (prefix + suffix - p);
          guint new_p = p < prefix ? p : new_n - (prefix + suffix - p);
          guint old_index = shown_index (old_shown, old_p);
          guint new_index = shown_index (self->shown, new_p);
          GObject *item = g_steal_pointer (&old_items[old_index]);

          /* It reads its row from the new rows: the old ones may go. */
          if (item != NULL && FU_IS_ROW_ITEM (item))
            row_item_rebind (FU_ROW_ITEM (item), self->rows, new_index);
          self->items[new_index] = item;
        }
      for (guint i = 0; i < old_rows->len; i++)
        g_clear_object (&old_items[i]);
      g_free (old_items);
    }

  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix,
                                new_n - prefix - suffix);
}

GPtrArray *
fu_lazy_list_get_rows (FuLazyList *self)
{
  g_return_val_if_fail (FU_IS_LAZY_LIST (self), NULL);

  return self->rows;
}

gpointer
fu_lazy_list_get_row (FuLazyList *self,
                      guint       position)
{
  g_return_val_if_fail (FU_IS_LAZY_LIST (self), NULL);

  if (position >= n_shown (self))
    return NULL;
  return g_ptr_array_index (self->rows, shown_index (self->shown, position));
}

void
fu_lazy_list_set_filter_func (FuLazyList           *self,
                              FuLazyListFilterFunc  func,
                              gpointer              user_data,
                              GDestroyNotify        destroy)
{
  g_return_if_fail (FU_IS_LAZY_LIST (self));

  if (self->filter_destroy != NULL)
    g_clear_pointer (&self->filter_data, self->filter_destroy);
  self->filter = func;
  self->filter_data = user_data;
  self->filter_destroy = destroy;
  replace_shown (self, filter_rows (self));
}

void
fu_lazy_list_refilter (FuLazyList *self)
{
  g_return_if_fail (FU_IS_LAZY_LIST (self));

  if (self->filter != NULL)
    replace_shown (self, filter_rows (self));
}
