#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tests/test-flatpak.py: the Flatpak manifest agrees with the build.

    test-flatpak.py --app-id ID --source-root DIR --build-root DIR [--gui-executable NAME]

flatpak-builder cannot run here (no Flathub runtimes), so this checks what would make the
Flatpak build or the installed app fail: the manifest parses; its id is meson's app id and
names the desktop file, the icons, the AppStream component and its launchable, the GResource
prefix and the settings schema; its command is the GUI executable that meson installs into
bindir; the app module is built with meson from this repository with options that meson
knows and values it accepts; and the sandbox holds nothing beyond the display, the GPU and
IPC (files go through the file chooser portal). Output is TAP.
"""

import argparse
import configparser
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

MANIFEST = os.path.join('flatpak', 'org.rocbap.FollowUp.json')

# What the app needs: a Wayland or X11 display, shared memory with X11, the GPU. Nothing else.
ALLOWED_FINISH_ARGS = {
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
}

# flatpak-builder passes these itself; the manifest must not fight it.
OPTIONS_SET_BY_FLATPAK_BUILDER = {'prefix', 'libdir', 'wrap_mode'}


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
                print(f'#   {line}')
        return ok

    def skip(self, name, reason):
        self.count += 1
        print(f'ok {self.count} - {name} # SKIP {reason}')

    def equal(self, name, got, expected):
        return self.check(name, got == expected, f'got:      {got!r}', f'expected: {expected!r}')

    def finish(self):
        print(f'1..{self.count}')
        return 1 if self.failed else 0


def read_desktop_entry(path):
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    with open(path, encoding='utf-8') as f:
        parser.read_file(f)
    return parser['Desktop Entry']


def user_options(source_root):
    """The names declared with option() in meson_options.txt (or meson.options)."""
    names = set()
    for filename in ('meson_options.txt', 'meson.options'):
        path = os.path.join(source_root, filename)
        if os.path.exists(path):
            with open(path, encoding='utf-8') as f:
                names |= set(re.findall(r"^\s*option\s*\(\s*'([^']+)'", f.read(), re.M))
    return names


def parse_config_opt(opt):
    """'-Dname=value' or '--name=value' -> (name, value), else None.

    meson also accepts '--name value' as two arguments, but flatpak-builder passes each
    config-opt as one argument, so only the joined forms are correct here."""
    m = re.fullmatch(r'(?:-D|--)([A-Za-z0-9_:.-]+)=(.*)', opt)
    if not m:
        return None
    # --buildtype and -Dbuildtype are the same option; meson spells long options with
    # dashes and -D options with underscores.
    return m.group(1).replace('-', '_'), m.group(2)


def value_accepted(option, value):
    kind = option.get('type')
    if kind == 'boolean':
        return value in ('true', 'false')
    if kind == 'combo':
        return value in option.get('choices', [])
    if kind == 'integer':
        return re.fullmatch(r'-?[0-9]+', value) is not None
    if kind == 'array':
        choices = option.get('choices')
        return not choices or all(v in choices for v in value.split(',') if v)
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--app-id', required=True)
    ap.add_argument('--source-root', required=True)
    ap.add_argument('--build-root', required=True)
    ap.add_argument('--gui-executable', help='the name of the GUI executable target, if built')
    args = ap.parse_args()

    app_id = args.app_id
    src = args.source_root
    tap = Tap()

    manifest_path = os.path.join(src, MANIFEST)
    try:
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        tap.check(f'{MANIFEST} parses as JSON', False, str(e))
        return tap.finish()
    tap.check(f'{MANIFEST} parses as JSON', isinstance(manifest, dict))

    # --- Identity ---------------------------------------------------------------------------
    tap.equal('manifest id is meson app_id', manifest.get('id'), app_id)
    tap.equal('manifest file is named after the app id',
              os.path.basename(manifest_path), f'{app_id}.json')
    tap.equal('runtime is the GNOME Platform', manifest.get('runtime'), 'org.gnome.Platform')
    tap.equal('SDK is the GNOME SDK', manifest.get('sdk'), 'org.gnome.Sdk')
    # flatpak-builder wants a string: a bare number 50 is a manifest error.
    tap.equal('runtime-version is the string "50"', manifest.get('runtime-version'), '50')

    desktop_in = os.path.join(src, 'data', f'{app_id}.desktop.in')
    if tap.check('desktop file is named after the app id', os.path.exists(desktop_in),
                 f'missing: {desktop_in}'):
        entry = read_desktop_entry(desktop_in)
        tap.equal('desktop file Icon is the app id', entry.get('Icon'), app_id)
        exec_line = entry.get('Exec', '').split()
        tap.equal('desktop file Exec runs the manifest command',
                  exec_line[0] if exec_line else None, manifest.get('command'))

    for kind, name in (('scalable', f'{app_id}.svg'), ('symbolic', f'{app_id}-symbolic.svg')):
        # Flatpak exports only icons whose name starts with the app id.
        path = os.path.join(src, 'data', 'icons', 'hicolor', kind, 'apps', name)
        tap.check(f'{kind} icon {name} exists', os.path.exists(path), f'missing: {path}')

    metainfo = ET.parse(os.path.join(src, 'data', f'{app_id}.metainfo.xml.in')).getroot()
    tap.equal('metainfo <id> is the app id', metainfo.findtext('id'), app_id)
    launchables = [(l.get('type'), l.text) for l in metainfo.findall('launchable')]
    tap.equal('metainfo <launchable> is the desktop file', launchables,
              [('desktop-id', f'{app_id}.desktop')])
    binaries = [b.text for b in metainfo.findall('provides/binary')]
    tap.check('metainfo <provides> the manifest command', manifest.get('command') in binaries,
              f'binaries: {binaries}', f'command: {manifest.get("command")!r}')

    resource_prefix = '/' + app_id.replace('.', '/')
    gresource = ET.parse(os.path.join(src, 'ui', 'followup.gresource.xml')).getroot()
    prefixes = [g.get('prefix') for g in gresource.findall('gresource')]
    tap.equal('GResource prefix is derived from the app id', prefixes, [resource_prefix])

    schema = ET.parse(os.path.join(src, 'data', f'{app_id}.gschema.xml')).getroot()
    schemas = [(s.get('id'), s.get('path')) for s in schema.findall('schema')]
    tap.check('settings schema id and path are the app id',
              (app_id, resource_prefix + '/') in schemas, f'schemas: {schemas}')

    # --- The command is the installed GUI ----------------------------------------------------
    info = os.path.join(args.build_root, 'meson-info')
    with open(os.path.join(info, 'intro-buildoptions.json'), encoding='utf-8') as f:
        build_options = {o['name']: o for o in json.load(f)}
    with open(os.path.join(info, 'intro-installed.json'), encoding='utf-8') as f:
        installed = json.load(f)

    command = manifest.get('command')
    if args.gui_executable is None:
        tap.skip('command is the GUI executable installed in bindir', 'the GUI is not built')
    else:
        tap.equal('command is the GUI executable', command, args.gui_executable)
        expected = os.path.join(build_options['prefix']['value'], build_options['bindir']['value'],
                                args.gui_executable)
        tap.check('the GUI executable is installed in bindir', expected in installed.values(),
                  f'not installed by meson: {expected}',
                  f'installed: {sorted(installed.values())}')

    # --- The app module ---------------------------------------------------------------------
    modules = manifest.get('modules', [])
    tap.check('manifest has modules', isinstance(modules, list) and modules)
    app_module = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    tap.equal('the app module (last) is built with meson', app_module.get('buildsystem'), 'meson')

    sources = app_module.get('sources', [])
    dir_sources = [s for s in sources if s.get('type') == 'dir']
    manifest_dir = os.path.dirname(manifest_path)
    tap.check('the app module is built from this repository (a dir source pointing at it)',
              len(sources) == 1 and len(dir_sources) == 1 and
              os.path.realpath(os.path.join(manifest_dir, dir_sources[0].get('path', '')))
              == os.path.realpath(src),
              f'sources: {sources}')

    known_user = user_options(src)
    config_opts = app_module.get('config-opts', [])
    tap.check('config-opts is a list of strings',
              isinstance(config_opts, list) and all(isinstance(o, str) for o in config_opts),
              f'config-opts: {config_opts!r}')
    for opt in config_opts:
        parsed = parse_config_opt(opt)
        if not tap.check(f'config-opt {opt!r} is -Dname=value or --name=value', parsed):
            continue
        name, value = parsed
        option = build_options.get(name)
        if name.count(':') or option is None:
            tap.check(f'config-opt {opt!r} is an option of meson_options.txt or a built-in', False,
                      f'meson knows no option {name!r}')
            continue
        if option['section'] == 'user':
            tap.check(f'config-opt {opt!r} is declared in meson_options.txt', name in known_user)
        else:
            tap.check(f'config-opt {opt!r} is a meson built-in', True)
        tap.check(f'config-opt {opt!r} has a value meson accepts', value_accepted(option, value),
                  f'type {option.get("type")}, choices {option.get("choices")}')
        tap.check(f'config-opt {opt!r} leaves prefix and libdir to flatpak-builder',
                  name not in OPTIONS_SET_BY_FLATPAK_BUILDER)
    names = [parse_config_opt(o)[0] for o in config_opts if parse_config_opt(o)]
    tap.check('config-opts build the GUI', ('gui', 'true') in
              [parse_config_opt(o) for o in config_opts if parse_config_opt(o)],
              f'config-opts: {config_opts}')
    tap.check('config-opts set no option twice', len(names) == len(set(names)), f'{names}')

    # --- The sandbox ------------------------------------------------------------------------
    finish_args = manifest.get('finish-args', [])
    extra = [a for a in finish_args if a not in ALLOWED_FINISH_ARGS]
    tap.check('finish-args are only ipc, wayland, fallback-x11 and dri', not extra,
              f'not allowed: {extra}')
    tap.check('finish-args give no file system access',
              not [a for a in finish_args if a.startswith(('--filesystem', '--persist'))],
              f'finish-args: {finish_args}')
    tap.check('finish-args list nothing twice', len(finish_args) == len(set(finish_args)))
    tap.equal('command is set', isinstance(command, str) and bool(command), True)

    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
