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


@pytest.mark.xfail(strict=True, reason="comments still use the old name")  # until scripts/rewrite-spec-refs.sh runs
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


def test_the_spec_marks_what_is_not_built_yet():
    text = open(os.path.join(ROOT, "docs", "spec.md"), encoding="utf-8").read()
    notes = re.findall(r"^> \*\*Not yet built: (.+?)\.\*\*", text, re.M)
    assert notes == [
        "translations", "`languages` and translations", "composite services", "measurement periods",
        "`downtime.source: samples_and_incidents`", "periods, composite services, both sources",
        "languages", "the output stamp and `--force`", "`slasite report`", "a prebuilt binary"]


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
