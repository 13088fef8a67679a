#!/usr/bin/env python3
"""Writes the table of string ids and defaults (Sources/SiteRender/Strings/StringID.swift, then
the SLA terms' words in their descriptions, Sources/SiteRender/TermCatalog.swift) into
docs/themes.md, between the markers `<!-- strings:begin -->` and `<!-- strings:end -->`.
A test (StringsTests.testTheDocsListEveryIdWithItsDefault) fails when the docs lag behind."""
import re
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
source = (root / "Sources/SiteRender/Strings/StringID.swift").read_text()
ids = {}
groups = []  # (heading, [case names])
for line in source.splitlines():
    m = re.match(r"\s*// MARK: (.*)", line)
    if m and "defaultText" not in line:
        groups.append((m.group(1), []))
    m = re.match(r'\s*case (\w+) = "([a-z0-9_]+)"', line)
    if m:
        ids[m.group(1)] = m.group(2)
        groups[-1][1].append(m.group(1))
body = source[source.index("public var defaultText"):]
defaults = {m.group(1): m.group(2) for m in re.finditer(r'case \.(\w+):\s*"((?:[^"\\]|\\.)*)"', body)}
missing = [c for c in ids if c not in defaults]
assert not missing, missing
out = []
for heading, cases in groups:
    if not cases:
        continue
    out.append(f"**{heading}**\n\n| id | default |\n|---|---|")
    for c in cases:
        text = re.sub(r"\\u\{([0-9A-Fa-f]+)\}", lambda m: chr(int(m.group(1), 16)), defaults[c])
        text = text.replace('\\"', '"').replace("|", "\\|")
        out.append(f'| `{ids[c]}` | "{text}" |')
    out.append("")
# Each term's words (`TermWord("id", "English", de: …)`), under the term's key.
catalog = (root / "Sources/SiteRender/TermCatalog.swift").read_text()
words = 0
for m in re.finditer(r'static let \w+ = TermDescription\(\s*key: "([a-z_]+)",(.*?)\n        \],', catalog, re.S):
    found = re.findall(r'TermWord\("([a-z0-9_]+)", "((?:[^"\\]|\\.)*)"', m.group(2))
    if not found:
        continue
    out.append(f"**SLA term `{m.group(1)}` (its description's words)**\n\n| id | default |\n|---|---|")
    for word, default in found:
        text = re.sub(r"\\u\{([0-9A-Fa-f]+)\}", lambda m: chr(int(m.group(1), 16)), default)
        text = text.replace('\\"', '"').replace("|", "\\|")
        out.append(f'| `{word}` | "{text}" |')
        words += 1
    out.append("")
doc = root / "docs/themes.md"
text = doc.read_text()
begin, end = "<!-- strings:begin -->", "<!-- strings:end -->"
table = begin + "\n" + "\n".join(out) + end
if begin in text:
    text = text[: text.index(begin)] + table + text[text.index(end) + len(end):]
else:
    raise SystemExit("docs/themes.md has no strings markers")
doc.write_text(text)
print(f"{len(ids)} strings and {words} term words written to docs/themes.md")
