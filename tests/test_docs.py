"""The project carries its own contract, and its docs link up (issue 26, item 15).

Runs scripts/check-doc-links.py on this repository, checks that the checker finds each kind of
problem in a small repository made for it, and runs scripts/rewrite-spec-refs.sh on a copy of
this repository.
"""
import importlib.util
import os
import re
import shutil
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REWRITE = os.path.join(ROOT, "scripts", "rewrite-spec-refs.sh")

_spec = importlib.util.spec_from_file_location("check_doc_links", os.path.join(ROOT, "scripts", "check-doc-links.py"))
checker = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(checker)

# Spelt in parts so that this file refers to neither itself.
OLD = "SP" + "EC"
OUTSIDE = "../" + "shared/"
# The end of the xfail marker line that the rewrite removes (no other line may end so).
MARKER = "  # until scripts/" + "rewrite-spec-refs.sh runs"


def problems(root, kinds=None):
    found = checker.check(root, checker.tracked_files(root))
    return [message for kind, message in found if kinds is None or kind in kinds]


def repository_problems(*kinds):
    from pathlib import Path
    return problems(Path(ROOT), set(kinds))


def test_nothing_refers_outside_the_repository():
    assert repository_problems("outside") == []


def test_every_docs_page_and_heading_referred_to_exists():
    assert repository_problems("docs-page", "anchor", "spec-section") == []


def test_the_readme_links_every_docs_page_including_the_spec():
    assert repository_problems("readme") == []
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    assert "[docs/spec.md](docs/spec.md)" in readme


def test_no_reference_uses_the_old_name_of_the_contract():
    assert repository_problems("bare-spec") == []


def test_the_spec_keeps_the_five_section_numbers_the_comments_cite():
    text = open(os.path.join(ROOT, "docs", "spec.md"), encoding="utf-8").read()
    headings = re.findall(r"^## (\d+)\. (.+)$", text, re.M)
    assert [n for n, _ in headings] == ["1", "2", "3", "4", "5"]
    # The ids the rewrite links to (scripts/rewrite-spec-refs.sh) are these headings' ids.
    assert [checker.slug(f"{n}. {t}") for n, t in headings] == [
        "1-layout-of-a-site", "2-configuration-and-content-fields", "3-the-numbers", "4-outputs",
        "5-command-line"]


# The checker, on small repositories made to hold each problem.

def make_repository(tmp_path, files):
    root = tmp_path / "repo"
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    return root


CLEAN = {
    "README.md": "# x\n\n- [docs/spec.md](docs/spec.md)\n- [docs/a.md](docs/a.md#first-part)\n",
    "docs/spec.md": "# Spec\n\n## 1. Layout\n\n## 2. Fields\n\nSee [a](a.md#the-sla_json-file).\n",
    "docs/a.md": "# A\n\n## First part\n\n## The `sla_json` file\n\n```\n## not a heading\n```\n"
                 "Back to [spec §2](spec.md#2-fields), [here](#first-part).\n",
    "Sources/X.swift": "/// docs/spec.md §1–2: the layout; docs/a.md says more.\n",
}


def test_a_clean_repository_has_no_problem(tmp_path):
    assert problems(make_repository(tmp_path, CLEAN)) == []


def test_each_problem_is_reported_at_its_place(tmp_path):
    files = dict(CLEAN)
    files["README.md"] = "# x\n\n- [docs/spec.md](docs/spec.md)\n"        # docs/a.md not linked
    files["docs/a.md"] = "# A\n\nSee [b](b.md) and [spec](spec.md#3-numbers) and [c](#nowhere).\n\n## The `sla_json` file\n"
    files["Sources/X.swift"] = (
        f"/// {OLD} §3: the numbers\n"
        f"/// see {OUTSIDE}{OLD}.md and {OUTSIDE}bench/compare.py\n"
        "/// docs/spec.md §7 and docs/gone.md\n")
    # Columns counted by hand: "/// " is 4 characters, "/// see " 8, "../shared/" 10.
    assert problems(make_repository(tmp_path, files)) == [
        "README.md:1:1: README.md does not link docs/a.md",
        "Sources/X.swift:1:5: refers to the contract by its old name: write docs/spec.md §N "
        "(scripts/rewrite-spec-refs.sh)",
        f"Sources/X.swift:2:9: refers to {OUTSIDE}{OLD}.md, outside the repository: a clone does not "
        "have it (the contract is docs/spec.md)",
        "Sources/X.swift:2:19: refers to the contract by its old name: write docs/spec.md §N "
        "(scripts/rewrite-spec-refs.sh)",
        "Sources/X.swift:3:5: docs/spec.md has no section §7 (it has §1, §2)",
        "Sources/X.swift:3:25: refers to docs/gone.md, which does not exist",
        "docs/a.md:3:9: link to b.md: no such file in the repository",
        "docs/a.md:3:26: link to spec.md#3-numbers: docs/spec.md has no heading with the id \"3-numbers\"",
        "docs/a.md:3:53: link to #nowhere: docs/a.md has no heading with the id \"nowhere\"",
    ]


def test_links_in_code_are_not_links(tmp_path):
    files = dict(CLEAN)
    files["docs/a.md"] = CLEAN["docs/a.md"] + "`[x](missing.md)`\n\n```\n[y](missing.md)\n```\n"
    assert problems(make_repository(tmp_path, files)) == []


# The rewrite, on a copy of this repository.

def copy_of_repository(tmp_path):
    copy = tmp_path / "copy"
    tracked = subprocess.run(["git", "-C", ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             check=True, capture_output=True).stdout.decode().split("\0")
    for path in filter(None, tracked):
        source = os.path.join(ROOT, path)
        if os.path.isfile(source) and not os.path.islink(source):
            os.makedirs(os.path.dirname(copy / path), exist_ok=True)
            shutil.copyfile(source, copy / path)
    subprocess.run(["git", "init", "-q", str(copy)], check=True)
    subprocess.run(["git", "-C", str(copy), "add", "-A"], check=True)
    return copy


def old_name_count(root):
    count = 0
    for path in checker.tracked_files(root):
        text = checker.read_text(root / path)
        if text is not None:
            count += len(checker.BARE_SPEC.findall(text)) + text.count(OUTSIDE + OLD + ".md")
    return count


def test_the_rewrite_leaves_no_old_reference_and_breaks_no_link(tmp_path):
    copy = copy_of_repository(tmp_path)
    before = old_name_count(copy)
    out = subprocess.run(["bash", REWRITE, str(copy)], check=True, capture_output=True, text=True).stdout
    rewritten = int(re.match(r"rewrote (\d+) occurrences in \d+ files", out).group(1))
    # Every occurrence, plus the one xfail marker of this file while it is still there.
    lines = open(os.path.join(ROOT, "tests", "test_docs.py"), encoding="utf-8").read().splitlines()
    markers = sum(1 for line in lines if line.startswith("@pytest.mark.xfail(") and line.endswith(MARKER))
    assert rewritten == before + markers
    assert problems(copy) == []
    # Only lines that held the old name changed, each to the new one.
    diff = subprocess.run(["git", "-C", str(copy), "diff", "-U0", "--no-color"], capture_output=True, text=True).stdout
    removed = [line[1:] for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    # (A line may also start with the § of a reference that a line break split from its name.)
    assert all(OLD in line or line.lstrip().startswith("§") or line.endswith(MARKER) for line in removed)
    assert not any(OLD in line for line in added)
    again = subprocess.run(["bash", REWRITE, str(copy)], check=True, capture_output=True, text=True).stdout
    assert again.strip() == "rewrote 0 occurrences in 0 files"


# What the spec marks as not built yet, held against the binary: a note stays exactly as
# long as the feature is missing, so the spec never claims what the code lacks, and a note
# cannot outlive the feature it waits for.

BINARY = os.path.join(ROOT, ".build", "debug", "slasite")
NOW = "2026-11-24T00:00:00Z"


def fixture_site(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "basic"), site)
    return site


def slasite(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=120)


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check_says(site, message):
    """`check` fails with `message` among its diagnostics."""
    run = slasite("check", "--source", str(site), "--now", NOW)
    return run.returncode == 1 and message in run.stderr


def no_languages(site):
    edit(site / "site.yaml", "timezone: UTC\n", "timezone: UTC\nlanguages:\n  - {code: en, name: English, locale: en}\n")
    return check_says(site, 'unknown key "languages" in site.yaml')


def no_translations(site):
    (site / "content" / "plans" / "pro.de.md").write_text(
        (site / "content" / "plans" / "pro.md").read_text(encoding="utf-8"), encoding="utf-8")
    return check_says(site, 'content/plans/pro.de.md:1:1: file name "pro.de" is not a valid id')


def no_composite_services(site):
    edit(site / "content" / "services" / "api.md", "order: 1\n", "order: 1\nparts: [db]\n")
    return check_says(site, 'unknown key "parts" in service')


def no_periods(site):
    edit(site / "content" / "plans" / "pro.md", "uptime: 99.9\n", "uptime: 99.9\nperiod: quarter\n")
    return check_says(site, 'unknown key "period" in plan')


def no_both_sources(site):
    edit(site / "content" / "plans" / "pro.md", "uptime: 99.9\n", "uptime: 99.9\ndowntime: {source: samples_and_incidents}\n")
    return check_says(site, "source must be incidents or samples")


def no_output_stamp_or_force(site):
    forced = slasite("build", "--source", str(site), "--now", NOW, "--force")
    built = slasite("build", "--source", str(site), "--now", NOW, "--quiet")
    assert built.returncode == 0, built.stderr
    return forced.returncode == 2 and not (site / "public" / ".slasite-output").exists()


def no_report_command(site):
    return slasite("report", "--source", str(site)).returncode == 2


def no_prebuilt_binary(site):
    makefile = open(os.path.join(ROOT, "Makefile"), encoding="utf-8").read()
    return re.search(r"^dist:", makefile, re.M) is None


def no_composites_or_both_sources(site):
    return all(probe(fixture_site(site.parent / probe.__name__))
               for probe in (no_composite_services, no_both_sources))


NOT_BUILT = [
    ("translations", no_translations),  # built (issue 24): the note is gone, and must stay gone
    ("`languages` and translations", no_languages),  # built (issue 24)
    ("languages", no_languages),  # built (issue 24)
    ("composite services, both sources", no_composites_or_both_sources),  # built (issue 22): the note is gone, and must stay gone
    ("composite services", no_composite_services),  # built (issue 22): the note is gone, and must stay gone
    ("measurement periods", no_periods),  # built (issue 22): the note is gone, and must stay gone
    ("`downtime.source: samples_and_incidents`", no_both_sources),  # built (issue 22): the note is gone, and must stay gone
    ("the output stamp and `--force`", no_output_stamp_or_force),
    ("`slasite report`", no_report_command),  # built (issue 22): the note is gone, and must stay gone
    ("a prebuilt binary", no_prebuilt_binary),
]


@pytest.mark.parametrize("note,missing", NOT_BUILT, ids=[n for n, _ in NOT_BUILT])
def test_a_not_yet_built_note_stands_exactly_while_the_feature_is_missing(tmp_path, note, missing):
    text = open(os.path.join(ROOT, "docs", "spec.md"), encoding="utf-8").read()
    noted = f"> **Not yet built: {note}.**" in text
    absent = missing(fixture_site(tmp_path))
    if noted:
        assert absent, f"docs/spec.md says {note} is not built yet, but it is: describe it in the spec instead"
    else:
        assert not absent, f"docs/spec.md no longer says {note} is not built yet, but it is still missing"


def test_every_not_yet_built_note_is_held_against_the_binary():
    text = open(os.path.join(ROOT, "docs", "spec.md"), encoding="utf-8").read()
    notes = re.findall(r"^> \*\*Not yet built: (.+?)\.\*\*", text, re.M)
    # Issue 24 built the last planned feature: no note may stand that the list does not check.
    assert set(notes) <= {note for note, _ in NOT_BUILT}


# The spec's JSON examples, held against a build of the example site.

def matches(shown, actual, where):
    """Every value the example shows is the build's; every object shows all its keys, in order."""
    if isinstance(shown, str) and shown.startswith("..."):
        return  # shortened text
    if isinstance(shown, dict):
        assert isinstance(actual, dict), where
        assert list(shown) == list(actual), f"{where}: the spec shows keys {list(shown)}, the build writes {list(actual)}"
        for key in shown:
            matches(shown[key], actual[key], f"{where}.{key}")
    elif isinstance(shown, list):
        assert isinstance(actual, list), where
        for k, item in enumerate(shown):
            if isinstance(item, str) and item.startswith("..."):
                continue
            key = next((k for k in ("id", "month", "effective") if isinstance(item, dict) and k in item), None)
            found = [a for a in actual if key and a.get(key) == item[key]] if key else actual[k:k + 1]
            assert found, f"{where}[{k}]: the build has no such element"
            matches(item, found[0], f"{where}[{k}]")
    else:
        assert shown == actual, f"{where}: the spec shows {shown!r}, the build writes {actual!r}"


def test_the_specs_json_examples_are_what_the_example_site_builds(tmp_path):
    import json
    text = open(os.path.join(ROOT, "docs", "spec.md"), encoding="utf-8").read()
    blocks = {name: json.loads(block) for name, block in re.findall(
        r"^### /(sla\.json|status\.json)\n.*?^```json\n(.*?)^```", text, re.M | re.S)}
    assert set(blocks) == {"sla.json", "status.json"}
    out = tmp_path / "public"
    run = slasite("build", "--source", ROOT, "--output", str(out), "--now", "2026-11-24T00:00:00Z", "--quiet")
    assert run.returncode == 0, run.stderr
    for name, shown in blocks.items():
        matches(shown, json.loads((out / name).read_text(encoding="utf-8")), name)


def test_a_sites_content_links_pages_of_the_site_not_files(tmp_path):
    files = dict(CLEAN)
    files["content/terms.md"] = "---\ntitle: T\n---\nSee [the status](../status/) and [a plan](plans/pro/).\n"
    assert problems(make_repository(tmp_path, files)) == []
