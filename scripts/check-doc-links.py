#!/usr/bin/env python3
"""Checks that the project carries its own contract and that its docs link up (issue 26, item 15).

    scripts/check-doc-links.py [ROOT]

Reads every file git tracks under ROOT (and new files it does not ignore) (default: this repository) and reports, as
`path:line:column: message`, all at once, exit status 1 when there is any:

- outside: a reference to the folder beside the repository that a clone does not have
  (`../` followed by `shared/`). The one exception is the benchmark harness under it
  (`bench/compare.py`, `bench/gen_corpus.py`): it is a tool kept apart from the project on
  purpose, and docs/performance.md says so; `scripts/bench.sh` runs it when it is there.
- bare-spec: the contract's old name, the capitalised word that the comments wrote before
  `§3` (or before a colon): the contract is docs/spec.md, so write `docs/spec.md §3`
  (scripts/rewrite-spec-refs.sh does it mechanically).
- spec-section: `docs/spec.md §N` (or `spec.md §N`) where docs/spec.md has no section N.
- docs-page: `docs/<name>.md` named anywhere, or a Markdown link, that leads to no file.
- anchor: a Markdown link `page.md#anchor` (or `#anchor`) to a heading that the page does
  not have (GitHub's heading ids).
- readme: a docs/*.md page that README.md does not link.

tests/test_docs.py, which holds bad references as examples, is not read.
Markdown links are read outside fenced code blocks and inline code, in the project's own
Markdown (not in the example site's content/ or the test fixtures' sites, whose links lead to
pages of a built site); the other checks read every line of every file, comments included,
since comments are where the references are.
"""
import html
import re
import subprocess
import sys
from pathlib import Path

# Built in two parts so that this file does not report itself.
OUTSIDE = "../" + "shared/"
# The benchmark harness: external on purpose (see the module docstring).
OUTSIDE_ALLOWED = (OUTSIDE + "bench/",)
# Markdown that is a site's content, not the project's docs: its relative links lead to pages
# of the built site, not to files of the repository.
SITE_CONTENT = ("content/", "Tests/Fixtures/", "themes/")
# Files that hold bad references on purpose, as the test input of this checker.
EXAMPLES = ("tests/test_docs.py",)
OUTSIDE_PATH = re.compile(r"[^\s`()<>\[\]\"',;]+")
BARE_SPEC = re.compile(r"\b" + "SP" + r"EC\b")
SPEC_SECTION = re.compile(r"(?<![\w/.-])(?:docs/)?spec\.md\s*§\s*(\d+)(?:\s*[–-]\s*(\d+))?")
DOCS_PAGE = re.compile(r"(?<![\w.-])docs/([A-Za-z0-9_][A-Za-z0-9_.-]*?\.md)(?![\w-])")
MD_LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def tracked_files(root: Path) -> list[str]:
    """The files git tracks under root, and new ones it does not ignore, relative to it."""
    out = subprocess.run(
        ["git", "-C", str(root), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        check=True, capture_output=True).stdout
    return sorted(p for p in out.decode("utf-8").split("\0") if p)


def read_text(path: Path) -> str | None:
    """The file's text; None for a file that is not UTF-8 text (an image, a font)."""
    try:
        data = path.read_bytes()
        return None if b"\0" in data else data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def slug(heading: str) -> str:
    """GitHub's id for a heading: its text, lowercased, punctuation dropped, spaces as '-'."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)   # links: their text
    text = re.sub(r"<[^>]+>", "", text)                        # raw HTML tags
    text = html.unescape(text.replace("`", ""))
    text = text.lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def markdown_lines(text: str):
    """(line number, line) of the lines outside fenced code blocks."""
    fence = None
    for n, line in enumerate(text.split("\n"), 1):
        m = FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)[0] * 3
            continue
        if fence is not None:
            if m and m.group(1).startswith(fence):
                fence = None
            continue
        yield n, line


def anchors(text: str) -> set[str]:
    """The ids GitHub gives the headings of a Markdown page (duplicates get -1, -2, ...)."""
    seen: dict[str, int] = {}
    out: set[str] = set()
    for _, line in markdown_lines(text):
        m = HEADING.match(line)
        if not m:
            continue
        s = slug(m.group(2))
        if s in seen:
            seen[s] += 1
            out.add(f"{s}-{seen[s]}")
        else:
            seen[s] = 0
            out.add(s)
    # Explicit anchors written as HTML.
    out.update(re.findall(r"<a\s+(?:name|id)=\"([^\"]+)\"", text))
    return out


def spec_sections(text: str) -> set[int]:
    """The numbered sections of docs/spec.md: headings `## N. Title`."""
    found = set()
    for _, line in markdown_lines(text):
        m = re.match(r"^##\s+(\d+)\.\s", line)
        if m:
            found.add(int(m.group(1)))
    return found


def without_code_spans(line: str) -> str:
    """The line with inline code replaced by spaces (columns stay where they were)."""
    return re.sub(r"(`+)(.+?)\1", lambda m: " " * len(m.group(0)), line)


def check(root: Path, files: list[str]) -> list[tuple[str, str]]:
    """Every problem as (kind, 'path:line:column: message'), in file and line order."""
    problems: list[tuple[str, str]] = []
    texts = {f: read_text(root / f) for f in files if f not in EXAMPLES}
    texts = {f: t for f, t in texts.items() if t is not None}
    existing = set(files)
    spec = texts.get("docs/spec.md")
    sections = spec_sections(spec) if spec is not None else set()
    anchor_cache: dict[str, set[str]] = {}

    def page_anchors(path: str) -> set[str]:
        if path not in anchor_cache:
            anchor_cache[path] = anchors(texts.get(path, ""))
        return anchor_cache[path]

    def report(kind: str, f: str, n: int, col: int, message: str):
        problems.append((kind, f"{f}:{n}:{col}: {message}"))

    readme_links: set[str] = set()
    for f in sorted(texts):
        text = texts[f]
        lines = text.split("\n")
        for n, line in enumerate(lines, 1):
            k = line.find(OUTSIDE)
            while k >= 0:
                if not line.startswith(OUTSIDE_ALLOWED, k):
                    named = OUTSIDE_PATH.match(line, k).group(0)
                    report("outside", f, n, k + 1,
                           f"refers to {named}, outside the repository: a clone does not have it "
                           "(the contract is docs/spec.md)")
                k = line.find(OUTSIDE, k + 1)
            for m in BARE_SPEC.finditer(line):
                report("bare-spec", f, n, m.start() + 1,
                       "refers to the contract by its old name: write docs/spec.md §N "
                       "(scripts/rewrite-spec-refs.sh)")
            for m in SPEC_SECTION.finditer(line):
                lo = int(m.group(1))
                hi = int(m.group(2)) if m.group(2) else lo
                missing = [s for s in range(lo, hi + 1) if s not in sections]
                if spec is None:
                    report("docs-page", f, n, m.start() + 1, "refers to docs/spec.md, which does not exist")
                elif missing:
                    report("spec-section", f, n, m.start() + 1,
                           f"docs/spec.md has no section §{missing[0]} (it has §"
                           + ", §".join(str(s) for s in sorted(sections)) + ")")
            for m in DOCS_PAGE.finditer(line):
                if "docs/" + m.group(1) not in existing:
                    report("docs-page", f, n, m.start() + 1,
                           f"refers to docs/{m.group(1)}, which does not exist")
        if not f.endswith(".md") or f.startswith(SITE_CONTENT):
            continue
        base = Path(f).parent
        for n, line in markdown_lines(text):
            for m in MD_LINK.finditer(without_code_spans(line)):
                target = m.group(1)
                if SCHEME.match(target) or target.startswith("//"):
                    continue
                path, _, fragment = target.partition("#")
                if path.startswith("/"):
                    continue  # a link into the published site, not the repository
                resolved = (base / path).as_posix() if path else f
                resolved = _normalise(resolved)
                if f == "README.md":
                    readme_links.add(resolved)
                if resolved is None or (resolved not in existing and not _is_folder(resolved, existing)):
                    report("docs-page", f, n, m.start(1) + 1, f"link to {target}: no such file in the repository")
                    continue
                if fragment and resolved.endswith(".md") and fragment not in page_anchors(resolved):
                    report("anchor", f, n, m.start(1) + 1,
                           f"link to {target}: {resolved} has no heading with the id \"{fragment}\"")
    if "README.md" in texts:
        for page in sorted(p for p in existing if re.fullmatch(r"docs/[^/]+\.md", p)):
            if page not in readme_links:
                report("readme", "README.md", 1, 1, f"README.md does not link {page}")
    return sorted(set(problems), key=lambda p: (_position(p[1]), p))


def _position(message: str) -> tuple[str, int, int]:
    path, line, col, _ = message.split(":", 3)
    return path, int(line), int(col)


def _normalise(path: str) -> str | None:
    parts: list[str] = []
    for p in path.split("/"):
        if p in ("", "."):
            continue
        if p == "..":
            if not parts:
                return None  # leaves the repository
            parts.pop()
        else:
            parts.append(p)
    return "/".join(parts)


def _is_folder(path: str, existing: set[str]) -> bool:
    prefix = path.rstrip("/") + "/"
    return path == "" or any(e.startswith(prefix) for e in existing)


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent
    problems = check(root, tracked_files(root))
    for _, message in problems:
        print(message)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
