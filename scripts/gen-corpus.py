#!/usr/bin/env python3
"""The benchmark corpus (/work/shared/bench/gen_corpus.py, or $GEN_CORPUS) with languages.

    scripts/gen-corpus.py OUT --languages en,de [--translated 0.1] [gen_corpus options...]

Writes gen_corpus's site to OUT, then gives its site.yaml a `languages` list (the first code
the default; locales from LOCALES) and translates, into every other language, the general
terms, every plan and service, and the fraction `--translated` of the incidents (title and
body, as a translator would: the text of the original marked as translated, so every page
differs). docs/performance.md, "Two languages", uses it.
"""
import argparse
import os
import re
import subprocess
import sys

LOCALES = {"en": ("English", "en"), "de": ("Deutsch", "de-DE"), "fr": ("Français", "fr-FR"), "pl": ("Polski", "pl")}
GEN = os.environ.get("GEN_CORPUS", "/work/shared/bench/gen_corpus.py")


def front_matter(text):
    m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    return (m.group(1), m.group(2)) if m else ("", text)


def translation(path, code, keys):
    """The translation of one content file: its text keys and body, marked with the language."""
    fm, body = front_matter(open(path, encoding="utf-8").read())
    lines = []
    for key in keys:
        m = re.search(rf"^{key}: (.*)$", fm, re.M)
        if m:
            value = m.group(1).strip().strip('"')
            lines.append(f'{key}: "[{code}] {value}"')
    return "---\n" + "\n".join(lines) + "\n---\n" + f"[{code}] " + body


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--languages", default="en")
    ap.add_argument("--translated", type=float, default=0.1, help="fraction of incidents translated")
    args, rest = ap.parse_known_args()
    subprocess.run([sys.executable, GEN, args.out] + rest, check=True, stdout=subprocess.DEVNULL)
    site = os.path.join(args.out, "slasite")
    codes = args.languages.split(",")
    if len(codes) > 1 or codes[0] != "en":
        with open(os.path.join(site, "site.yaml"), "a", encoding="utf-8") as f:
            f.write("languages:\n")
            for code in codes:
                name, locale = LOCALES.get(code, (code, code))
                f.write(f"  - {{code: {code}, name: {name}, locale: {locale}}}\n")
    content = os.path.join(site, "content")
    for code in codes[1:]:
        jobs = [(os.path.join(content, "terms.md"), ["title"])]
        for kind, keys in (("plans", ["title", "summary", "price"]), ("services", ["title", "summary", "measurement"])):
            folder = os.path.join(content, kind)
            jobs += [(os.path.join(folder, n), keys) for n in sorted(os.listdir(folder)) if n.count(".") == 1]
        folder = os.path.join(content, "status", "incidents")
        incidents = sorted(n for n in os.listdir(folder) if n.count(".") == 1)
        step = max(1, round(1 / args.translated)) if args.translated > 0 else 0
        if step:
            jobs += [(os.path.join(folder, n), ["title"]) for n in incidents[::step]]
        for path, keys in jobs:
            out = path[: -len(".md")] + f".{code}.md"
            with open(out, "w", encoding="utf-8") as f:
                f.write(translation(path, code, keys))


if __name__ == "__main__":
    main()
