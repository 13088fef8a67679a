"""scripts/page-floor.sh builds slasite with scripts/page-floor.patch applied (docs/performance.md,
"What the pages may cost"): the patch must keep applying to this tree, or the script stops
measuring anything the moment the code it patches changes.
"""
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PATCH = os.path.join(ROOT, "scripts", "page-floor.patch")


def test_the_page_floor_patch_applies_to_this_tree():
    if not os.path.isdir(os.path.join(ROOT, ".git")) and not os.path.isfile(os.path.join(ROOT, ".git")):
        pytest.skip("not a git checkout")
    result = subprocess.run(["git", "apply", "--check", PATCH], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_patch_changes_nothing_unless_asked():
    # Every line it adds to the page path is behind SLASITE_PAGE_FLOOR (read once).
    added = [line[1:].strip() for line in open(PATCH) if line.startswith("+") and not line.startswith("+++")]
    code = [line for line in added if line and not line.startswith("//")]
    assert any("SLASITE_PAGE_FLOOR" in line for line in code)
    assert all(line.startswith(("import ", "static let floorOnly", "if Self.floorOnly")) for line in code), code
