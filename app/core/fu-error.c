/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fu-error.h"

G_DEFINE_QUARK (fu-store-error-quark, fu_store_error)
G_DEFINE_QUARK (fu-import-error-quark, fu_import_error)
G_DEFINE_QUARK (fu-csv-error-quark, fu_csv_error)
G_DEFINE_QUARK (fu-rules-error-quark, fu_rules_error)
