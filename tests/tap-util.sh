# SPDX-License-Identifier: GPL-3.0-or-later
# tests/tap-util.sh: TAP helpers for the shell tests. The caller sets $tmp (a scratch folder).
passed=0
failed=0

ok () { passed=$((passed + 1)); echo "ok $((passed + failed)) - $1"; }
not_ok () { failed=$((failed + 1)); echo "not ok $((passed + failed)) - $1"; shift; printf '#   %s\n' "$@"; }

# check NAME COMMAND...: the command succeeds
check () {
  local name=$1; shift
  if out=$("$@" 2>"$tmp/err"); then ok "$name"; else not_ok "$name" "exit $?" "$(cat "$tmp/err")"; fi
}
# refuse NAME COMMAND...: the command exits 1 with a message on standard error
refuse () {
  local name=$1; shift
  local status=0
  "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
  if [ "$status" -eq 1 ] && [ -s "$tmp/err" ]; then ok "$name"; else
    not_ok "$name" "exit $status, expected 1 with a message" "$(cat "$tmp/err")"; fi
}
# contains NAME TEXT PATTERN
contains () {
  if grep -q -- "$3" <<<"$2"; then ok "$1"; else not_ok "$1" "no '$3' in:" "$2"; fi
}
