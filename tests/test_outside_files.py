"""Random trees of links, FIFOs and files around a site (issue 17, point 9): whatever the tree,
`slasite build` ends with exit 0 or 1 within seconds, never reads a file outside the site
(a marker there never reaches public/), and names every refused entry. A fixed seed in CI;
`SLASITE_LINK_SEED=n SLASITE_LINK_TREES=200 pytest tests/test_outside_files.py` for more."""
import os
import random
import shutil
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "debug", "slasite")
MARKER = "OUTSIDE-MARKER-7f3a"
SEED = int(os.environ.get("SLASITE_LINK_SEED", "17"))
TREES = int(os.environ.get("SLASITE_LINK_TREES", "12"))

# Places in a site where a link or special file may appear (each is read if it is a file).
PLACES = [
    "content/terms.md",
    "content/services/extra.md",
    "content/plans/extra.md",
    "content/status/incidents/extra.md",
    "content/status/incidents/folder",
    "content/status/measurements.csv",
    "themes/default/assets/extra.css",
    "themes/default/partials",
]


def make_tree(tmp, rng):
    site = tmp / "site"
    shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "basic"), site)
    outside = tmp / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(f"---\ntitle: {MARKER}\n---\n{MARKER}\n")
    (outside / "folder").mkdir()
    (outside / "folder" / "x.md").write_text(f"---\ntitle: {MARKER}\n---\n{MARKER}\n")
    expected = []  # entries that must be refused, by site-relative path
    for place in rng.sample(PLACES, rng.randint(1, 4)):
        path = site / place
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)
        kind = rng.choice(["out-file", "out-folder", "relative-out", "fifo", "dangling", "inside", "loop"])
        if kind == "out-file":
            os.symlink(outside / "secret.md", path)
            expected.append(place)
        elif kind == "out-folder":
            os.symlink(outside / "folder", path)
            expected.append(place)
        elif kind == "relative-out":
            depth = place.count("/")
            os.symlink("../" * depth + "../outside/secret.md", path)
            expected.append(place)
        elif kind == "fifo":
            os.mkfifo(path)
            expected.append(place)
        elif kind == "dangling":
            os.symlink("nowhere.md", path)
            expected.append(place)
        elif kind == "inside":
            os.symlink(os.path.relpath(site / "content" / "terms.md", path.parent) if place != "content/terms.md"
                       else "services/api.md", path)
        else:  # a folder holding a link to its parent
            path.mkdir()
            os.symlink("..", path / "up")
    return site, expected


def test_random_trees_never_read_outside_the_site(tmp_path):
    if not os.path.exists(BINARY):
        subprocess.run(["swift", "build", "--product", "slasite"], cwd=ROOT, check=True)
    rng = random.Random(SEED)
    for n in range(TREES):
        tmp = tmp_path / f"t{n}"
        tmp.mkdir()
        site, expected = make_tree(tmp, rng)
        proc = subprocess.run(
            [BINARY, "build", "--source", str(site), "--now", "2026-11-24T00:00:00Z", "--quiet"],
            capture_output=True, text=True, timeout=60)
        assert proc.returncode in (0, 1), proc.stderr
        for place in expected:
            # The entry itself is named (a link inside a refused folder is never reached).
            assert f"{place}:0:0: " in proc.stderr, (n, place, proc.stderr)
        assert MARKER not in proc.stderr
        public = site / "public"
        if public.exists():
            for dirpath, _, files in os.walk(public):
                for f in files:
                    with open(os.path.join(dirpath, f), "rb") as fh:
                        assert MARKER.encode() not in fh.read(), (n, f)
        if expected:
            assert proc.returncode == 1 and not public.exists(), (n, proc.stderr)
