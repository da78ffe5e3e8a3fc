/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "fu-application.h"

int
main (int argc, char **argv)
{
  g_autoptr(FuApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* FOLLOWUP_LOCALEDIR points at a build's po/ directory: tests and uninstalled runs. */
  localedir = g_getenv ("FOLLOWUP_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = fu_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
