#!/usr/bin/env python3
"""Visible text of built pages, as a customer (and a screen reader) reads them: text nodes,
the aria-label, title and alt attributes in brackets, and the meta description. For reading
a language's pages in review (docs/languages.md):

    scripts/page-text.py public/de/index.html public/de/status/index.html
"""
import sys
from html.parser import HTMLParser

# Elements that start a line of their own; table cells start with "| ".
BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "tr", "caption", "title", "dt", "dd", "div", "section", "nav",
         "header", "footer", "table", "ul", "ol", "figcaption", "th", "td", "desc", "summary", "details", "br"}


class PageText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.out = []
        self.hidden = 0  # inside <script> or <style>

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "style"):
            self.hidden += 1
        if tag in BLOCK:
            self.out.append("\n")
        if tag in ("td", "th"):
            self.out.append(" | ")
        for k in ("aria-label", "title", "alt"):
            if a.get(k):
                self.out.append(f" [{k}={a[k]}] ")
        if tag == "meta" and a.get("name") == "description":
            self.out.append(f"\n[meta description={a.get('content')}]\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1
        if tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.out.append(data)


for path in sys.argv[1:]:
    p = PageText()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    lines = [" ".join(line.split()) for line in "".join(p.out).split("\n")]
    print(f"===== {path}")
    print("\n".join(line for line in lines if line))
