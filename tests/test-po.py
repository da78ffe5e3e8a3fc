#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tests/test-po.py: every string can be translated, and every translation is complete.

    test-po.py --source-root DIR [--build-root DIR]

Checks, for every language in po/LINGUAS:
  - po/POTFILES.in names files that exist, and every source file under app/ and ui/ that
    marks a string for translation (_(), N_(), C_(), NC_(), ngettext, translatable="yes"), as
    well as the desktop file, the AppStream metainfo and the settings schema in data/;
  - xgettext extracts the strings without a warning (a warning means a string that cannot be
    translated, e.g. a format built with G_GINT64_FORMAT, or a plural used without one);
  - msgfmt --check accepts the catalogue: headers, plural forms, and format strings that take
    the same arguments as their msgid; the statistics report no fuzzy and no untranslated
    message;
  - every msgid of a template freshly extracted from the current sources has a translation
    (msgcmp), so a string added to the code without a translation fails here;
  - translations keep what the code relies on: a trailing ellipsis, a mnemonic in a label
    that has one, the line breaks of command-line help;
  - the desktop file and the metainfo built by meson carry the translations.
Output is TAP.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

# The "glib" preset of meson's i18n.gettext() (po/meson.build), which makes followup-pot.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

# Plural forms a language's catalogue must declare; others only need a Plural-Forms header.
PLURAL_FORMS = {
    'fr': 'nplurals=2; plural=(n > 1);',
}

# A call that marks a string for translation, in C (GNU style puts a space before the
# parenthesis) or in a GtkBuilder file.
MARKER = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|ngettext|g_dgettext|g_dngettext|'
                    r'g_dpgettext2|g_dcgettext)\s*\(|translatable="yes"')

SOURCE_DIRS = ('app', 'ui')
SOURCE_EXTENSIONS = ('.c', '.h', '.ui')

# Tools and catalogues speak English to the test, whatever the caller's language.
TOOL_ENV = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def check(self, name, ok, *diagnostics):
        self.count += 1
        if ok:
            print(f'ok {self.count} - {name}')
        else:
            self.failed += 1
            print(f'not ok {self.count} - {name}')
            for line in diagnostics:
                for part in str(line).splitlines() or ['']:
                    print(f'#   {part}')
        return ok

    def done(self):
        print(f'1..{self.count}')
        return 1 if self.failed else 0


def read_list(path):
    """The names in a LINGUAS or POTFILES.in file, without comments or blank lines."""
    names = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line:
                names += line.split() if path.endswith('LINGUAS') else [line]
    return names


def files_with_strings(source_root):
    """Sources that mark strings for translation, relative to the source root."""
    found = []
    for top in SOURCE_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(source_root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(SOURCE_EXTENSIONS):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding='utf-8', errors='replace') as f:
                    if MARKER.search(f.read()):
                        found.append(os.path.relpath(path, source_root))
    # The desktop file, the metainfo and the schema are translatable as a whole.
    data = os.path.join(source_root, 'data')
    for name in sorted(os.listdir(data)):
        if name.endswith('.in') or name.endswith('.gschema.xml'):
            found.append(os.path.join('data', name))
    return found


def unquote(text):
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == '\\' and i + 1 < len(text):
            i += 1
            out.append({'n': '\n', 't': '\t', '"': '"', '\\': '\\'}.get(text[i], '\\' + text[i]))
        else:
            out.append(c)
        i += 1
    return ''.join(out)


def parse_po(path):
    """Entries as dicts: msgctxt, msgid, msgid_plural, msgstr (list), flags, obsolete."""
    entries = []
    entry = None
    key = None

    def finish():
        if entry is not None and 'msgid' in entry:
            entries.append(entry)

    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            obsolete = line.startswith('#~')
            if obsolete:
                line = line[2:].lstrip()
            if not line.strip():
                continue
            if line.startswith('#,'):
                if entry is not None and 'msgid' in entry:
                    finish()
                    entry = None
                entry = entry or {'flags': set(), 'msgstr': {}, 'obsolete': False}
                entry['flags'].update(f.strip() for f in line[2:].split(','))
                continue
            if line.startswith('#'):
                if entry is not None and 'msgid' in entry:
                    finish()
                    entry = None
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line)
            if m:
                keyword = m.group(1)
                if keyword in ('msgctxt', 'msgid') and entry is not None and 'msgid' in entry:
                    finish()
                    entry = None
                entry = entry or {'flags': set(), 'msgstr': {}, 'obsolete': False}
                entry['obsolete'] = obsolete
                if keyword.startswith('msgstr'):
                    key = ('msgstr', int(m.group(2) or 0))
                    entry['msgstr'][key[1]] = unquote(m.group(3))
                else:
                    key = keyword
                    entry[keyword] = unquote(m.group(3))
                continue
            m = re.match(r'"(.*)"$', line)
            if m and entry is not None and key is not None:
                if isinstance(key, tuple):
                    entry['msgstr'][key[1]] += unquote(m.group(1))
                else:
                    entry[key] += unquote(m.group(1))
    finish()
    return entries


def mnemonic_count(text):
    """Underscores that make a mnemonic: "_Open", "A_jouter"; not "WORKSHOP_CODE"."""
    return len(re.findall(r'(?<![A-Z0-9_])_(?=\w)|(?<=[A-Za-z])_(?=[a-z])', text))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--source-root', required=True)
    parser.add_argument('--build-root')
    parser.add_argument('--package', default='followup')
    args = parser.parse_args()
    src = args.source_root
    tap = Tap()

    potfiles = read_list(os.path.join(src, 'po', 'POTFILES.in'))
    missing = [p for p in potfiles if not os.path.isfile(os.path.join(src, p))]
    tap.check('every file in POTFILES.in exists', not missing,
              *[f'po/POTFILES.in names {p}, which does not exist' for p in missing])
    unlisted = [p for p in files_with_strings(src) if p not in potfiles]
    tap.check('every file with translatable strings is in POTFILES.in', not unlisted,
              *[f'{p} has translatable strings: add it to po/POTFILES.in' for p in unlisted])
    duplicates = sorted({p for p in potfiles if potfiles.count(p) > 1})
    tap.check('POTFILES.in names each file once', not duplicates, *duplicates)

    languages = read_list(os.path.join(src, 'po', 'LINGUAS'))
    tap.check('po/LINGUAS names at least one language', bool(languages))

    tools = {name: shutil.which(name) for name in ('xgettext', 'msgfmt', 'msgcmp')}
    absent = [name for name, path in tools.items() if path is None]
    if not tap.check('the gettext tools are installed', not absent,
                     f'missing: {", ".join(absent)} (apt-get install gettext)'):
        return tap.done()

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, args.package + '.pot')
        run = subprocess.run([tools['xgettext'], '--package-name=' + args.package,
                              '-f', os.path.join(src, 'po', 'POTFILES.in'), '-D', src,
                              '-o', pot] + XGETTEXT_ARGS,
                             env=TOOL_ENV, capture_output=True, text=True)
        tap.check('xgettext extracts the strings without a warning',
                  run.returncode == 0 and not run.stderr.strip() and os.path.isfile(pot),
                  f'exit {run.returncode}', run.stderr)
        template = [e for e in parse_po(pot) if e['msgid']] if os.path.isfile(pot) else []
        tap.check('the template has strings from C, .ui and data files',
                  len(template) > 100, f'{len(template)} messages')

        for lang in languages:
            po = os.path.join(src, 'po', lang + '.po')
            if not tap.check(f'{lang}: po/{lang}.po exists', os.path.isfile(po)):
                continue

            run = subprocess.run([tools['msgfmt'], '--check', '--statistics', '-o', os.devnull,
                                  po], env=TOOL_ENV, capture_output=True, text=True)
            tap.check(f'{lang}: msgfmt --check accepts the catalogue', run.returncode == 0,
                      run.stderr)
            stats = run.stderr.strip().splitlines()[-1] if run.stderr.strip() else ''
            fuzzy = re.search(r'(\d+) fuzzy', stats)
            untranslated = re.search(r'(\d+) untranslated', stats)
            tap.check(f'{lang}: no fuzzy translation', fuzzy is None, stats)
            tap.check(f'{lang}: no untranslated message', untranslated is None, stats)

            entries = [e for e in parse_po(po) if not e['obsolete']]
            header = next((e for e in entries if e['msgid'] == '' and 'msgctxt' not in e), None)
            plural = re.search(r'^Plural-Forms:\s*(.*?)\s*$', header['msgstr'].get(0, ''),
                               re.M) if header else None
            expected = PLURAL_FORMS.get(lang)
            tap.check(f'{lang}: the plural forms are declared',
                      plural is not None and (expected is None or plural.group(1) == expected),
                      f'got: {plural.group(1) if plural else None}', f'expected: {expected}')

            run = subprocess.run([tools['msgcmp'], '-N', po, pot], env=TOOL_ENV,
                                 capture_output=True, text=True)
            tap.check(f'{lang}: every string of the current sources is translated',
                      run.returncode == 0, '\n'.join(run.stderr.splitlines()[-20:]),
                      f'run: meson compile -C BUILDDIR {args.package}-update-po, then translate')

            in_template = {(e.get('msgctxt'), e['msgid']) for e in template}
            stale = [e['msgid'] for e in entries
                     if e['msgid'] and (e.get('msgctxt'), e['msgid']) not in in_template]
            tap.check(f'{lang}: no translation is left for a string the code no longer has',
                      not stale, *[f'stale: {s!r}' for s in stale[:20]])

            template_plurals = {(e.get('msgctxt'), e['msgid']): e.get('msgid_plural')
                                for e in template}
            problems = []
            for e in entries:
                msgid = e['msgid']
                if not msgid:
                    continue
                if template_plurals.get((e.get('msgctxt'), msgid), e.get('msgid_plural')) \
                        != e.get('msgid_plural'):
                    problems.append(f'{msgid!r}: the plural differs from the template')
                for i, text in e['msgstr'].items():
                    if msgid.endswith('…') and not text.endswith('…'):
                        problems.append(f'{msgid!r}: msgstr[{i}] lost the trailing "…"')
                    if mnemonic_count(msgid) == 1 and mnemonic_count(text) != 1:
                        problems.append(f'{msgid!r}: msgstr[{i}] {text!r} needs one mnemonic')
                    if msgid.count('\n') and msgid.endswith('\n') != text.endswith('\n'):
                        problems.append(f'{msgid!r}: msgstr[{i}] changed the final newline')
                    if '...' in text:
                        problems.append(f'{msgid!r}: msgstr[{i}] writes "..." instead of "…"')
            tap.check(f'{lang}: translations keep ellipses, mnemonics and line ends',
                      not problems, *problems)

            if args.build_root:
                desktop = os.path.join(args.build_root, 'data', 'org.rocbap.FollowUp.desktop')
                metainfo = os.path.join(args.build_root, 'data',
                                        'org.rocbap.FollowUp.metainfo.xml')
                if os.path.isfile(desktop):
                    with open(desktop, encoding='utf-8') as f:
                        text = f.read()
                    keys = [k for k in ('GenericName', 'Comment', 'Keywords')
                            if f'\n{k}[{lang}]=' not in text]
                    tap.check(f'{lang}: the built desktop file is translated', not keys,
                              *[f'no {k}[{lang}] in {desktop}' for k in keys])
                if os.path.isfile(metainfo):
                    with open(metainfo, encoding='utf-8') as f:
                        text = f.read()
                    tap.check(f'{lang}: the built metainfo is translated',
                              re.search(rf'<summary xml:lang="{lang}">', text) is not None
                              and re.search(rf'<p xml:lang="{lang}">', text) is not None,
                              f'no xml:lang="{lang}" summary and paragraphs in {metainfo}')
                mo = os.path.join(args.build_root, 'po', lang, 'LC_MESSAGES',
                                  args.package + '.mo')
                tap.check(f'{lang}: the catalogue is compiled in the build', os.path.isfile(mo),
                          f'no {mo}')

    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
