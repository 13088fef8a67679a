"""The Markdown docs, read as a reader's renderer reads them (cmark-gfm's table rule)."""
import glob
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEPARATOR = set("|-: ")


def tables_without_header(path):
    """Line numbers of table blocks (runs of `|` lines outside code fences) whose second line
    is not a `|---|` delimiter row: GFM renders those as text, not as a table."""
    problems = []
    block = []
    fenced = False
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, line in enumerate(lines + [""], start=1):
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("|"):
            block.append((number, line))
            continue
        if block and (len(block) < 2 or not set(block[1][1]) <= SEPARATOR):
            problems.append(f"{os.path.relpath(path, ROOT)}:{block[0][0]}: {block[0][1][:60]}")
        block = []
    return problems


def test_every_table_in_the_docs_has_a_header_row():
    # Issue 26, point 14: docs/cli.md repeated the exit-status rows as a table without a header.
    files = sorted(glob.glob(os.path.join(ROOT, "docs", "*.md"))) + [os.path.join(ROOT, "README.md")]
    assert len(files) > 5
    problems = [p for f in files for p in tables_without_header(f)]
    assert problems == []
