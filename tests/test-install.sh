#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/test-install.sh MESON BUILD_ROOT SOURCE_ROOT PREFIX BINDIR DATADIR LOCALEDIR APP_ID VERSION GUI
#
# `meson install` into a temporary DESTDIR, then the installed tree: both programs, the
# launcher, the AppStream metainfo, the settings schema, the two icons and the translations
# of po/LINGUAS, nothing outside the prefix and no build leftovers (static libraries,
# headers). --no-rebuild: the build is done before the tests run, and a test must never
# start a build that could race with another one in the same directory. GUI is "true" when
# the desktop app is built (-Dgui=true), else "false". Output is TAP.
set -u

meson=$1
build=$2
src=$3
prefix=$4
bindir=$5
datadir=$6
localedir=$7
app_id=$8
version=$9
gui=${10}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest
root=$dest$prefix
passed=0
failed=0

ok () { passed=$((passed + 1)); echo "ok $((passed + failed)) - $1"; }
not_ok () {
  failed=$((failed + 1)); echo "not ok $((passed + failed)) - $1"; shift
  printf '%s\n' "$@" | sed 's/^/#   /'
}
finish () { echo "1..$((passed + failed))"; [ "$failed" -eq 0 ]; exit $?; }

# installed NAME PATH: a regular, non-empty file
installed () {
  if [ -f "$dest$2" ] && [ -s "$dest$2" ]; then ok "$1"; else not_ok "$1" "missing: $2"; fi
}

if "$meson" install -C "$build" --no-rebuild --destdir "$dest" --quiet >"$tmp/log" 2>&1; then
  ok "meson install --destdir"
else
  not_ok "meson install --destdir" "$(cat "$tmp/log")"
  finish
fi

programs=followup-cli
if [ "$gui" = true ]; then
  installed "the desktop app" "$bindir/followup"
  programs="followup $programs"
else
  echo "ok $((passed + failed + 1)) - the desktop app # SKIP configured with -Dgui=false"
  passed=$((passed + 1))
fi
installed "the command line" "$bindir/followup-cli"
installed "the launcher" "$datadir/applications/$app_id.desktop"
installed "the AppStream metainfo" "$datadir/metainfo/$app_id.metainfo.xml"
installed "the settings schema" "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
installed "the scalable icon" "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
installed "the symbolic icon" "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"

for program in $programs; do
  if [ -x "$dest$bindir/$program" ]; then ok "$program is executable"; else
    not_ok "$program is executable" "$(ls -l "$dest$bindir/$program" 2>&1)"; fi
done

# The installed program, not the one in the build tree, runs.
if out=$("$dest$bindir/followup-cli" --version 2>&1) && [ "$out" = "followup-cli $version" ]; then
  ok "installed followup-cli --version prints $version"
else
  not_ok "installed followup-cli --version prints $version" "got: $out"
fi

# The launcher starts the installed program and shows the installed icon.
desktop=$dest$datadir/applications/$app_id.desktop
if grep -qx "Exec=followup" "$desktop" && grep -qx "Icon=$app_id" "$desktop"; then
  ok "the launcher runs followup with the app icon"
else
  not_ok "the launcher runs followup with the app icon" "$(grep -E '^(Exec|Icon)=' "$desktop")"
fi

# The metainfo names the installed launcher, and screenshots that exist in data/screenshots/.
metainfo=$dest$datadir/metainfo/$app_id.metainfo.xml
if grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo"; then
  ok "the metainfo's launchable is the installed launcher"
else
  not_ok "the metainfo's launchable is the installed launcher"
fi
missing=
shots=0
for url in $(sed -n 's|.*<image>\(.*\)</image>.*|\1|p' "$metainfo"); do
  shots=$((shots + 1))
  name=${url##*/}
  case $url in
    */data/screenshots/*) [ -f "$src/data/screenshots/$name" ] || missing="$missing $name" ;;
    *) missing="$missing $url" ;;
  esac
done
if [ "$shots" -gt 0 ] && [ -z "$missing" ]; then
  ok "the metainfo's $shots screenshots are in data/screenshots/"
else
  not_ok "the metainfo's screenshots are in data/screenshots/" "screenshots: $shots" \
    "not in data/screenshots/:$missing"
fi

# AppStream checks the installed tree as a whole: metainfo, launcher and icon together.
appstreamcli=$(command -v appstreamcli || true)
if [ -n "$appstreamcli" ]; then
  if out=$("$appstreamcli" validate-tree --no-net "$root" 2>&1) &&
     ! printf '%s\n' "$out" | grep -qE '^ *[EW]: '; then
    ok "appstreamcli validate-tree: no errors or warnings"
  else
    not_ok "appstreamcli validate-tree: no errors or warnings" "$out"
  fi
else
  echo "ok $((passed + failed + 1)) - appstreamcli validate-tree # SKIP appstreamcli not found"
  passed=$((passed + 1))
fi

# The installed schema compiles strictly, as the distribution's trigger will compile it.
if out=$(glib-compile-schemas --strict --targetdir "$tmp" "$dest$datadir/glib-2.0/schemas" 2>&1) &&
   [ -f "$tmp/gschemas.compiled" ]; then
  ok "the installed schema compiles with --strict"
else
  not_ok "the installed schema compiles with --strict" "$out"
fi
# With DESTDIR the post-install steps (schema compilation, icon cache) are skipped: packagers
# and Flatpak run them on the real tree.
if [ ! -e "$dest$datadir/glib-2.0/schemas/gschemas.compiled" ]; then
  ok "no gschemas.compiled written into DESTDIR"
else
  not_ok "no gschemas.compiled written into DESTDIR"
fi

# One catalogue per language of po/LINGUAS.
languages=$(sed -e 's/#.*//' "$src/po/LINGUAS" 2>/dev/null | tr -s ' \t' '\n' | grep -v '^$' || true)
if [ -z "$languages" ]; then
  echo "ok $((passed + failed + 1)) - translations installed # SKIP po/LINGUAS lists no language"
  passed=$((passed + 1))
fi
for lang in $languages; do
  installed "the $lang translation" "$localedir/$lang/LC_MESSAGES/followup.mo"
done

# Nothing outside the prefix, nothing a user does not need.
outside=$(cd "$dest" && find . -type f | sed 's|^\.||' | grep -v "^$prefix/" || true)
if [ -z "$outside" ]; then ok "everything is installed under $prefix"; else
  not_ok "everything is installed under $prefix" "$outside"; fi
leftovers=$(cd "$dest" && find . -type f \( -name '*.a' -o -name '*.h' -o -name '*.in' \) || true)
if [ -z "$leftovers" ]; then ok "no static libraries, headers or .in templates installed"; else
  not_ok "no static libraries, headers or .in templates installed" "$leftovers"; fi

finish
