/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-pdf-tags.c: alternative text and language for cairo's tagged PDFs; see fu-pdf-tags.h. */
#define G_LOG_DOMAIN "fu-pdf-tags"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fu-pdf-tags.h"

static const cairo_user_data_key_t alts_key;

void
fu_pdf_add_figure_alt (cairo_t    *cr,
                       const char *alt)
{
  cairo_surface_t *surface;
  GPtrArray *alts;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (alt != NULL);

  surface = cairo_get_target (cr);
  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_PDF)
    return;
  alts = cairo_surface_get_user_data (surface, &alts_key);
  if (alts == NULL)
    {
      alts = g_ptr_array_new_with_free_func (g_free);
      cairo_surface_set_user_data (surface, &alts_key, alts,
                                   (cairo_destroy_func_t) g_ptr_array_unref);
    }
  g_ptr_array_add (alts, g_strdup (alt));
}

GPtrArray *
fu_pdf_get_figure_alts (cairo_surface_t *surface)
{
  GPtrArray *alts;

  g_return_val_if_fail (surface != NULL, NULL);

  alts = cairo_surface_get_user_data (surface, &alts_key);
  return alts != NULL ? g_ptr_array_ref (alts) : NULL;
}

/* ---- Reading what cairo wrote ---------------------------------------------------------- */

/* The first occurrence of @needle in @data[@from, @length), or NULL. The file holds binary
 * streams: no string function may stop at a zero byte. */
static const char *
find_first (const char *data,
            gsize       length,
            gsize       from,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = from; i + n <= length; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* The last occurrence of @needle in @data[0, @length). */
static const char *
find_last (const char *data,
           gsize       length,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = length >= n ? length - n + 1 : 0; i-- > 0;)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* The unsigned number after @key in @from (up to @end), or 0. */
static guint64
number_after (const char *from,
              const char *end,
              const char *key)
{
  const char *at = find_first (from, end - from, 0, key);

  if (at == NULL)
    return 0;
  return g_ascii_strtoull (at + strlen (key), NULL, 10);
}

/* Object @number's text "<< … >>" (without "N 0 obj" and "endobj"), or NULL. */
static char *
object_dictionary (const char *data,
                   gsize       length,
                   guint64     number)
{
  g_autofree char *head = g_strdup_printf ("\n%" G_GUINT64_FORMAT " 0 obj\n", number);
  const char *start = find_first (data, length, 0, head);
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen (head);
  end = find_first (data, length, start - data, "endobj");
  if (end == NULL || strncmp (start, "<<", 2) != 0)
    return NULL;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  if (end - start < 4 || strncmp (end - 2, ">>", 2) != 0)
    return NULL;
  return g_strndup (start, end - start);
}

/* @dictionary with @entry added before its closing ">>". */
static char *
with_entry (const char *dictionary,
            const char *entry)
{
  gsize length = strlen (dictionary);

  return g_strdup_printf ("%.*s   %s\n>>", (int) (length - 2), dictionary, entry);
}

/* A PDF text string: UTF-16BE with its byte-order mark, in hexadecimal. */
static char *
pdf_text (const char *utf8)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n = 0;
  GString *out = g_string_new ("<FEFF");

  utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
  for (glong i = 0; utf16 != NULL && i < n; i++)
    g_string_append_printf (out, "%04X", (guint) utf16[i]);
  g_string_append_c (out, '>');
  return g_string_free (out, FALSE);
}

typedef struct {
  guint64  number;
  char    *dictionary;
} Amended;

static void
amended_clear (gpointer data)
{
  g_free (((Amended *) data)->dictionary);
}

gboolean
fu_pdf_add_accessibility (GByteArray *pdf,
                          const char *language,
                          GPtrArray  *alts)
{
  const char *data;
  const char *trailer;
  const char *end;
  g_autoptr(GArray) amended = NULL;
  g_autoptr(GString) update = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *lang_text = NULL;
  g_autofree char *lang_entry = NULL;
  guint64 size, root, info, previous;
  gsize length;

  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  data = (const char *) pdf->data;
  length = pdf->len;
  trailer = find_last (data, length, "trailer");
  if (trailer == NULL)
    return FALSE;
  end = data + length;
  size = number_after (trailer, end, "/Size ");
  root = number_after (trailer, end, "/Root ");
  info = number_after (trailer, end, "/Info ");
  previous = number_after (trailer, end, "startxref\n");
  catalog = object_dictionary (data, length, root);
  if (size == 0 || root == 0 || previous == 0 || catalog == NULL)
    return FALSE;

  amended = g_array_new (FALSE, TRUE, sizeof (Amended));
  g_array_set_clear_func (amended, amended_clear);
  {
    g_autofree char *with_lang = NULL;
    Amended entry;

    /* ASCII only, as the catalogue's /Lang is a plain string. */
    lang_text = g_strcanon (g_strdup (language), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-", '-');
    lang_entry = g_strdup_printf ("/Lang (%s)", lang_text);
    with_lang = with_entry (catalog, lang_entry);
    entry.number = root;
    entry.dictionary = with_entry (with_lang, "/ViewerPreferences << /DisplayDocTitle true >>");
    g_array_append_val (amended, entry);
  }

  /* The Figures in the order cairo numbered them, which is the order they were drawn. */
  if (alts != NULL && alts->len > 0)
    {
      g_autoptr(GArray) figures = g_array_new (FALSE, FALSE, sizeof (guint64));
      const char *at = data;

      while ((at = find_first (data, length, at - data,
                               " 0 obj\n<< /Type /StructElem\n   /S /Figure\n")) != NULL)
        {
          const char *line = at;
          guint64 number;

          while (line > data && line[-1] != '\n')
            line--;
          number = g_ascii_strtoull (line, NULL, 10);
          g_array_append_val (figures, number);
          at++;
        }
      /* Never a text on the wrong figure. */
      if (figures->len == alts->len)
        for (guint i = 0; i < figures->len; i++)
          {
            guint64 number = g_array_index (figures, guint64, i);
            g_autofree char *dictionary = object_dictionary (data, length, number);
            g_autofree char *alt = NULL;
            g_autofree char *entry_text = NULL;
            Amended entry;

            if (dictionary == NULL)
              continue;
            alt = pdf_text (g_ptr_array_index (alts, i));
            entry_text = g_strdup_printf ("/Alt %s", alt);
            entry.number = number;
            entry.dictionary = with_entry (dictionary, entry_text);
            g_array_append_val (amended, entry);
          }
      else
        g_warning ("%u figures for %u alternative texts: none added", figures->len, alts->len);
    }

  /* The update: the amended objects, their cross-reference entries, a trailer that points
   * back to the first one. */
  update = g_string_new (NULL);
  if (length > 0 && data[length - 1] != '\n')
    g_string_append_c (update, '\n');
  {
    g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
    guint64 xref;

    for (guint i = 0; i < amended->len; i++)
      {
        const Amended *entry = &g_array_index (amended, Amended, i);
        guint64 offset = length + update->len;

        g_array_append_val (offsets, offset);
        g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n%s\nendobj\n",
                                entry->number, entry->dictionary);
      }
    xref = length + update->len;
    g_string_append (update, "xref\n");
    for (guint i = 0; i < amended->len; i++)
      g_string_append_printf (update, "%" G_GUINT64_FORMAT " 1\n%010" G_GUINT64_FORMAT
                              " 00000 n \n",
                              g_array_index (amended, Amended, i).number,
                              g_array_index (offsets, guint64, i));
    g_string_append_printf (update, "trailer\n<< /Size %" G_GUINT64_FORMAT "\n   /Root %"
                            G_GUINT64_FORMAT " 0 R\n", size, root);
    if (info != 0)
      g_string_append_printf (update, "   /Info %" G_GUINT64_FORMAT " 0 R\n", info);
    g_string_append_printf (update, "   /Prev %" G_GUINT64_FORMAT "\n>>\nstartxref\n%"
                            G_GUINT64_FORMAT "\n%%%%EOF\n", previous, xref);
  }
  g_byte_array_append (pdf, (const guint8 *) update->str, update->len);
  return TRUE;
}
