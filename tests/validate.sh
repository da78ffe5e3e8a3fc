#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/validate.sh KIND TOOL FILE: the desktop file and the AppStream metainfo are clean.
#
#   validate.sh desktop  desktop-file-validate FILE
#       fails on any output at all: errors, warnings and hints.
#   validate.sh metainfo appstreamcli FILE
#       `appstreamcli validate --no-net --pedantic --strict`: fails on errors, warnings and
#       infos; pedantic hints are printed but allowed. The one pedantic hint here is
#       cid-contains-uppercase-letter: the app id org.rocbap.FollowUp is fixed (the D-Bus
#       name, the GResource and settings paths, the Flatpak id), and AppStream permits
#       uppercase letters in a component id, only encouraging lowercase.
#       AppStream before 1.0 (Debian 12 has 0.16) does not know <developer id="..."><name>,
#       which 1.0 introduced to replace <developer_name> and which Flathub asks for; with
#       those versions, and only those, that one element's "unknown-tag developer" info is
#       accepted. Everything else still fails.
set -u

kind=$1
tool=$2
file=$3

case $kind in
  desktop)
    out=$("$tool" "$file" 2>&1)
    status=$?
    [ -n "$out" ] && printf '%s\n' "$out"
    if [ "$status" -ne 0 ] || [ -n "$out" ]; then
      echo "validate: $file: desktop-file-validate reported problems" >&2
      exit 1
    fi
    ;;

  metainfo)
    out=$("$tool" validate --no-net --pedantic --explain --strict "$file" 2>&1)
    status=$?
    printf '%s\n' "$out"
    [ "$status" -eq 0 ] && exit 0

    version=$("$tool" --version | sed -n 's/^AppStream version: *//p' | head -n 1)
    if [ -n "$version" ] &&
       [ "$(printf '%s\n' "$version" 1.0 | sort -V | head -n 1)" != 1.0 ]; then
      # Issue lines are "X: component-id:line: tag details"; explanations are indented.
      others=$(printf '%s\n' "$out" | grep -E '^[EWI]: ' |
               grep -v -E '^I: [^ ]+:[0-9]+: unknown-tag developer$')
      # Without --strict, success means no errors and no warnings.
      if [ -z "$others" ] && "$tool" validate --no-net "$file" >/dev/null 2>&1; then
        echo "validate: AppStream $version predates <developer>: its unknown-tag info accepted"
        exit 0
      fi
    fi
    echo "validate: $file: appstreamcli reported problems" >&2
    exit 1
    ;;

  *)
    echo "validate: unknown kind '$kind'" >&2
    exit 2
    ;;
esac
