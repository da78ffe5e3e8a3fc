/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-list-models.h: GListModels over plain records loaded by one store query.
 *
 * The store returns a GPtrArray of plain structs (FuFollowupRow, FuWorkshop, FuParticipant,
 * ...) in one query. FuLazyList presents such an array as a GListModel without building
 * anything up front: an item (a GObject) is made the first time the view, a filter or a
 * sorter asks for its position, and kept until the rows are replaced. Nothing runs SQL per
 * row.
 *
 * Items are FuRowItem (or a subclass of it, such as FuFollowupItem): an item keeps a
 * reference on the whole array, so the struct it points at stays valid as long as the item
 * lives, even after the list is given new rows. For a different item type, pass a wrap
 * function to fu_lazy_list_new_full().
 *
 *   g_autoptr(GPtrArray) rows = fu_store_list_followups (store, &query, &error);
 *   FuLazyList *list = fu_lazy_list_new (FU_TYPE_FOLLOWUP_ITEM, rows);
 *   ...
 *   const FuFollowupRow *row = fu_followup_item_get_row (g_list_model_get_item (...));
 *   ...
 *   fu_lazy_list_set_rows (list, new_rows);   // after fu_context "changed": one items-changed
 *
 * A filter function (fu_lazy_list_set_filter_func) hides rows by looking at the structs
 * themselves, so that no item is made for a row it hides: unlike a GtkFilterListModel,
 * which asks for every item to filter it. Positions are then those of the rows shown, and
 * fu_lazy_list_get_rows() still gives every row.
 */
#pragma once

#include <gio/gio.h>

#include "fu-store.h"

G_BEGIN_DECLS

/* ---- FuRowItem: a GObject pointing at one struct of a GPtrArray ------------------------ */

#define FU_TYPE_ROW_ITEM (fu_row_item_get_type ())
G_DECLARE_DERIVABLE_TYPE (FuRowItem, fu_row_item, FU, ROW_ITEM, GObject)

struct _FuRowItemClass
{
  GObjectClass parent_class;
};

/* @item_type is FU_TYPE_ROW_ITEM or a subclass; the item takes a reference on @rows. */
FuRowItem    *fu_row_item_new            (GType      item_type,
                                          GPtrArray *rows,
                                          guint      index);
/* The struct, owned by the array (valid while the item lives). */
gpointer      fu_row_item_get_row        (FuRowItem *self);
/* The row's position in the array it came from (not in a filtered or sorted model). */
guint         fu_row_item_get_index      (FuRowItem *self);

/* ---- FuFollowupItem: a FuRowItem over a FuFollowupRow ---------------------------------- */

#define FU_TYPE_FOLLOWUP_ITEM (fu_followup_item_get_type ())
G_DECLARE_FINAL_TYPE (FuFollowupItem, fu_followup_item, FU, FOLLOWUP_ITEM, FuRowItem)

const FuFollowupRow *fu_followup_item_get_row (FuFollowupItem *self);

/* ---- FuLazyList: a GListModel over a GPtrArray ----------------------------------------- */

/* Makes the item for rows[index]; return a new reference to an object of the list's item
 * type. */
typedef GObject *(*FuLazyListWrapFunc) (GPtrArray *rows,
                                        guint      index,
                                        gpointer   user_data);

/* Whether to show @row, which is rows[index]. */
typedef gboolean (*FuLazyListFilterFunc) (gconstpointer row,
                                          guint         index,
                                          gpointer      user_data);

#define FU_TYPE_LAZY_LIST (fu_lazy_list_get_type ())
G_DECLARE_FINAL_TYPE (FuLazyList, fu_lazy_list, FU, LAZY_LIST, GObject)

/* Items of @item_type (FU_TYPE_ROW_ITEM or a subclass). Takes a reference on @rows, which
 * may be NULL for an empty list. */
FuLazyList   *fu_lazy_list_new           (GType               item_type,
                                          GPtrArray          *rows);
/* Items of any GObject @item_type, made by @wrap; @destroy frees @user_data with the list. */
FuLazyList   *fu_lazy_list_new_full      (GType               item_type,
                                          GPtrArray          *rows,
                                          FuLazyListWrapFunc  wrap,
                                          gpointer            user_data,
                                          GDestroyNotify      destroy);
/* Replaces every row (NULL = none) and emits one items-changed; items made before keep
 * their old rows alive. */
void          fu_lazy_list_set_rows      (FuLazyList         *self,
                                          GPtrArray          *rows);
/* Replaces the rows like fu_lazy_list_set_rows(), but the rows shown first and last that
 * @equal finds the same keep their positions and items: items-changed covers only the span
 * between them, so that a view keeps its scroll position and the selection outside it. */
void          fu_lazy_list_update_rows   (FuLazyList         *self,
                                          GPtrArray          *rows,
                                          GEqualFunc          equal);
/* The array, every row of it, shown or not (never NULL; owned by the list). */
GPtrArray    *fu_lazy_list_get_rows      (FuLazyList         *self);
/* The row at @position of the list (of the rows shown) without making an item, or NULL past
 * the end. */
gpointer      fu_lazy_list_get_row       (FuLazyList         *self,
                                          guint               position);
/* Shows only the rows @func accepts (NULL: every row), and emits items-changed for what that
 * changes; @destroy frees @user_data when the function is replaced or the list goes. The
 * function is run again on new rows, and on every row by fu_lazy_list_refilter(). */
void          fu_lazy_list_set_filter_func (FuLazyList           *self,
                                            FuLazyListFilterFunc  func,
                                            gpointer              user_data,
                                            GDestroyNotify        destroy);
/* Runs the filter function again on every row (what it decides on changed) and emits one
 * items-changed for the span of positions that changed. */
void          fu_lazy_list_refilter      (FuLazyList         *self);

G_END_DECLS
