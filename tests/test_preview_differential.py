"""Randomized differential test of `slasite serve` (issue 13): after each random, valid edit of
a copied site, every file a fresh `slasite build` writes must be served byte for byte (HTML
after removing the reload script only `serve` injects), and every path an earlier build wrote
but this one did not must give 404. The engine is scripts/preview-random.py (the long run
from the command line); this is its short fixed-seed run. Binary: $SLASITE_BIN, else
.build/debug/slasite."""
import importlib.util
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

_spec = importlib.util.spec_from_file_location("preview_random", os.path.join(ROOT, "scripts", "preview-random.py"))
engine = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(engine)

FIXTURES = os.path.join(ROOT, "Tests", "Fixtures")


@pytest.mark.parametrize("site,seed,edits", [
    (ROOT, 1, 40),
    (ROOT, 2, 40),
    (os.path.join(FIXTURES, "basic"), 3, 25),
    (os.path.join(FIXTURES, "feeds"), 4, 25),
], ids=["example-seed1", "example-seed2", "basic-seed3", "feeds-seed4"])
def test_preview_serves_what_a_full_build_writes(site, seed, edits, tmp_path):
    result = engine.run(seed, edits, engine.binary_path(), site, workdir=tmp_path, log=None)
    if result.authoring:
        pytest.fail("test-authoring bug: an edit did not build\n" + "\n".join(result.authoring), pytrace=False)
    if result.mismatches:
        pytest.fail(f"{len(result.mismatches)} mismatches between serve and build (seed {seed}; rerun with "
                    f"scripts/preview-random.py --seed {seed} --edits {edits} --site {os.path.relpath(site, ROOT)})\n"
                    + engine.report([result]), pytrace=False)


def test_the_comparison_catches_a_stale_file_and_a_leftover_path(tmp_path):
    """The engine is not vacuous: a file that differs and a path that should be gone are both
    reported against a freshly started server."""
    binary = engine.ensure_binary(engine.binary_path())
    src = str(tmp_path / "site")
    engine.copy_site(ROOT, src)
    server = engine.Server(binary, src)
    try:
        files, err = engine.build_files(binary, src, str(tmp_path / "out"))
        assert files is not None, err
        base = engine.site_base(src)
        problems, urls = engine.compare(server, files, base)
        assert problems == [] and len(urls) == len(files)
        expected = dict(files)
        expected["terms/index.html"] = files["terms/index.html"] + b"<!-- stale -->\n"
        del expected["sla.json"]
        problems = {p[0]: p for p in engine.compare(server, expected, base, urls)[0]}
        assert sorted(problems) == [base + "sla.json", "terms/index.html"]
        assert "-<!-- stale -->" in problems["terms/index.html"][2]
        assert "expected 404" in problems[base + "sla.json"][1]
    finally:
        server.stop()
