"""The prebuilt slasite of `make dist` (issue 25, SPEC §5 Installing): one libyaml, the wheel,
the .deb and the tarball run with no Swift toolchain, and write what the source-built binary
writes. The package tests skip when dist/ was not built (`make dist`; .ci/run builds it)."""
import glob
import os
import re
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIST = os.path.join(ROOT, "dist")
SOURCE_BINARY = os.path.join(ROOT, ".build", "debug", "slasite")
# The unstripped dist binary, before strip (the one nm can read).
DIST_BUILD_BINARY = os.path.join(ROOT, ".build-dist", "build", "release", "slasite")
NOW = "2026-11-24T00:00:00Z"

def source_binary():
    if not os.path.exists(SOURCE_BINARY):
        subprocess.run(["swift", "build", "--product", "slasite"], cwd=ROOT, check=True)
    return SOURCE_BINARY


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kw)


# --- one libyaml -----------------------------------------------------------------------------

def yaml_definitions(binary):
    symbols = run(["nm", binary])
    assert symbols.returncode == 0, symbols.stderr
    return [l for l in symbols.stdout.splitlines() if re.fullmatch(r"[0-9a-f]+ T yaml_parser_initialize", l)]


def check_one_libyaml(binary):
    assert len(yaml_definitions(binary)) == 1, "yaml_parser_initialize should be defined once (Yams' libyaml)"
    undefined = run(["nm", "-D", "--undefined-only", binary]).stdout
    assert not re.search(r"\byaml_", undefined), "no yaml_ symbol may come from a shared library"
    needed = run(["readelf", "-d", binary]).stdout
    assert "(NEEDED)" in needed
    assert "libyaml" not in needed, needed
    assert "libyaml" not in run(["ldd", binary]).stdout


def test_one_libyaml_in_the_source_built_binary():
    check_one_libyaml(source_binary())


@pytest.mark.skipif(not os.path.exists(DIST_BUILD_BINARY), reason="dist binary not built: run `make dist`")
def test_one_libyaml_in_the_dist_binary():
    check_one_libyaml(DIST_BUILD_BINARY)


def test_one_libyaml_source():
    """Only Yams' copy: no system-library target links libyaml, no second copy of its code."""
    for modulemap in glob.glob(os.path.join(ROOT, "Sources", "**", "module.modulemap"), recursive=True):
        with open(modulemap) as f:
            assert not re.search(r'link\s+"yaml', f.read()), modulemap
    for path in glob.glob(os.path.join(ROOT, "Sources", "**", "*.[ch]"), recursive=True):
        with open(path, errors="replace") as f:
            text = f.read()
        assert "yaml_parser_initialize" not in text and "<yaml.h>" not in text, path
    with open(os.path.join(ROOT, "Package.swift")) as f:
        assert "CLibYAML" not in f.read()
