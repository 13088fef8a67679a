"""docs/spec.md §4 Languages, on the real binary's build of the example site (English, German,
French): <html lang>, reciprocal hreflang alternates with absolute URLs and x-default, the
language menu, CLDR forms (the decimal comma of de and fr, month names), per-language feeds
read by feedparser, the sitemap's xhtml:link alternates, and sla.json's titles."""
import json
import os
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import feedparser
import pytest

from test_pages import BASE, build, pages, ROOT, site  # noqa: F401 (the example site, built once)

LANGS = {"": "en", "de/": "de-DE", "fr/": "fr-FR"}


class Head(HTMLParser):
    """The page's html lang, its alternates, its language menu and its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.alternates = {}
        self.menu = []
        self.text = []
        self._in_menu = False
        self._link = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates[a["hreflang"]] = a["href"]
        if tag == "nav" and "lang-menu" in (a.get("class") or ""):
            self._in_menu = True
            self.menu_label = a.get("aria-label")
        if tag == "a" and self._in_menu:
            self._link = a

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_menu = False

    def handle_data(self, data):
        self.text.append(data)
        if self._link is not None and data.strip():
            self.menu.append((data.strip(), self._link.get("href"), self._link.get("lang"), self._link.get("aria-current")))
            self._link = None


def head(site, rel):
    p = Head()
    p.feed(open(os.path.join(site, rel), encoding="utf-8").read())
    # Collapse ASCII white space only: CLDR's no-break spaces are part of what is checked.
    p.body = re.sub(r"[ \t\r\n]+", " ", " ".join(p.text))
    return p


def folder(rel):
    first = rel.split("/")[0] + "/"
    return first if first in LANGS else ""


def test_every_page_has_its_lang_reciprocal_alternates_and_a_menu(site):  # noqa: F811
    rels = [rel for rel, _ in pages(site)]
    assert len(rels) == 3 * len([r for r in rels if folder(r) == ""])  # each page in every language
    for rel in rels:
        page = head(site, rel)
        own = folder(rel)
        assert page.lang == LANGS[own], rel
        # Absolute URLs to this page in every language, itself included, and x-default.
        rest = rel[len(own):]
        rest = rest[: -len("index.html")] if rest.endswith("index.html") else rest
        expected = {locale: BASE + f + rest for f, locale in LANGS.items()}
        assert page.alternates == {**expected, "x-default": BASE + rest}, rel
        # Reciprocal: each alternate names this page back.
        for f in LANGS:
            other = head(site, f + rel[len(own):])
            assert other.alternates[LANGS[own]] == BASE + own + rest, (rel, f)
        # The menu: every language, by name, its own lang, the current one marked.
        assert [(n, l, c) for n, _, l, c in page.menu] == [
            ("English", "en", "page" if own == "" else None),
            ("Deutsch", "de-DE", "page" if own == "de/" else None),
            ("Français", "fr-FR", "page" if own == "fr/" else None),
        ], rel
        assert [h for _, h, _, _ in page.menu] == ["/" + f + rest for f in LANGS], rel


def test_the_menu_is_named_in_each_language(site):  # noqa: F811
    assert head(site, "index.html").menu_label == "Language"
    assert head(site, "de/index.html").menu_label == "Sprache"
    assert head(site, "fr/index.html").menu_label == "Langue"


def test_numbers_and_dates_in_each_languages_cldr_forms(site):  # noqa: F811
    # Business × Compute, May 2026: 75 minutes down of 44,640: 100 × 44,565 / 44,640 = 99.832
    # (docs/example-credits.md); October 2026's claim deadline is 30 November.
    en = head(site, "plans/business/compute/index.html").body
    de = head(site, "de/plans/business/compute/index.html").body
    fr = head(site, "fr/plans/business/compute/index.html").body
    assert "99.832%" in en and "75.0 min" in en and "May 2026" in en
    assert "99,832\u00a0%" in de and "75,0 Min." in de and "Mai 2026" in de
    assert "99,832\u00a0%" in fr and "75,0\u00a0min" in fr and "mai 2026" in fr
    assert "99,9\u00a0% monatliche Verfügbarkeit" in de
    assert "Disponibilité mensuelle de 99,9\u00a0%" in fr
    # A long date: "1. Dezember 2025", "1 décembre 2025" (the Business revision's effective day).
    assert "1. Dezember 2025" in head(site, "de/plans/business/index.html").body
    assert "1 décembre 2025" in head(site, "fr/plans/business/index.html").body
    # The legal register: a credit is a Gutschrift / an avoir.
    assert "Gutschrift" in de and "avoir" in fr.lower()


def test_translated_text_and_fallback(site):  # noqa: F811
    de = head(site, "de/plans/business/index.html").body
    assert "Produktive Workloads" in de  # business.de.md's summary
    assert "Ab 49 $ / Monat" in de
    # Enterprise has no German translation: its English text, on a German page.
    assert "Business-critical workloads" in head(site, "de/index.html").body
    # An incident's translated report; its figures are the same in every language.
    inc = "incidents/2026-11-10-object-storage-elevated-errors/index.html"
    assert "Erhöhte Fehlerquoten bei LIST-Anfragen" in head(site, "de/" + inc).body
    assert "Taux d’erreur élevés" in head(site, "fr/" + inc).body


def test_feeds_per_language_read_by_feedparser(site):  # noqa: F811
    for f, locale in (("", "en"), ("de/", "de-DE"), ("fr/", "fr-FR")):
        feed = feedparser.parse(os.path.join(site, f + "feed.xml"))
        assert not feed.bozo, (f, feed.bozo_exception)
        assert feed.feed.language == locale  # xml:lang on the Atom feed
        assert feed.feed.links[0].href.startswith(BASE + f)
        titles = [e.title for e in feed.entries]
        assert titles, f
        as_json = json.load(open(os.path.join(site, f + "feed.json"), encoding="utf-8"))
        assert as_json["feed_url"] == BASE + f + "feed.json"
        assert as_json["language"] == locale
        assert [i["title"] for i in as_json["items"]] == titles
    de = feedparser.parse(os.path.join(site, "de/feed.xml"))
    assert de.feed.subtitle.startswith("Nimbus Cloud Ltd.: Vorfälle, Wartungsfenster")
    assert any(e.title == "Erhöhte Fehlerquoten bei LIST-Anfragen an Object Storage" for e in de.entries)
    # A missed month in German words and forms: "… Ziel von 99,9 % im Mai 2026 verfehlt"; a
    # missed quarter (Team's quarterly Object Storage) keeps "im Zeitraum Q1 2026".
    de_titles = [e.title for e in de.entries]
    assert any("Ziel von 99,9\u00a0% im Mai 2026 verfehlt" in t for t in de_titles), de_titles
    assert any("Team · Nimbus Object Storage: Ziel von 99,9\u00a0% im Zeitraum Q1 2026 verfehlt" in t for t in de_titles), de_titles
    assert not any("im Zeitraum Mai 2026" in t for t in de_titles + [e.summary for e in de.entries])
    fr_titles = [e.title for e in feedparser.parse(os.path.join(site, "fr/feed.xml")).entries]
    assert any("non atteint en mai 2026" in t for t in fr_titles), fr_titles
    assert any("non atteint sur la période T1 2026" in t for t in fr_titles), fr_titles
    # Incident summaries give the wall time in German forms with the zone, not RFC 3339.
    summaries = [e.summary for e in de.entries]
    assert not any(re.search(r"\d{4}-\d\d-\d\dT\d\d:", t) for t in summaries), summaries
    assert any("von 10. November 2026, 14:00 GMT bis 10. November 2026, 14:50 GMT" in t for t in summaries), summaries
    for f in ("de/", "fr/"):
        for name in ("status.json", "claims.ics", "maintenance.ics", "404.html"):
            assert os.path.exists(os.path.join(site, f + name)), f + name


def test_the_sitemap_lists_every_language_with_alternates(site):  # noqa: F811
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(os.path.join(site, "sitemap.xml")).getroot().findall("s:url", ns)
    locs = [u.find("s:loc", ns).text for u in urls]
    assert BASE + "de/plans/business/" in locs and BASE + "fr/status/" in locs
    for u in urls:
        links = {l.get("hreflang"): l.get("href") for l in u.findall("x:link", ns)}
        assert set(links) == {"en", "de-DE", "fr-FR", "x-default"}
        assert u.find("s:loc", ns).text in links.values()


def test_one_sla_json_with_translated_titles(site):  # noqa: F811
    doc = json.load(open(os.path.join(site, "sla.json"), encoding="utf-8"))
    assert [l["code"] for l in doc["languages"]] == ["en", "de", "fr"]
    assert doc["titles"]["de"]["incidents"]["2026-11-10-object-storage-elevated-errors"] == \
        "Erhöhte Fehlerquoten bei LIST-Anfragen an Object Storage"
    assert not os.path.exists(os.path.join(site, "de", "sla.json"))


def text(site, rel):
    """A page's text as a reader meets it: text nodes joined as they stand (no space added
    between an element and the text after it), ASCII white space collapsed."""
    p = Head()
    p.feed(open(os.path.join(site, rel), encoding="utf-8").read())
    return re.sub(r"[ \t\r\n]+", " ", "".join(p.text))


def test_a_label_and_a_list_take_the_languages_punctuation(site):  # noqa: F811
    # French puts a no-break space before ":" and ";" (the strings table's label_separator and
    # list_semicolon); the theme writes no colon or semicolon of its own between a label and
    # what follows it. English and German keep ": " and "; ".
    fr_home, en_home = text(site, "fr/index.html"), text(site, "index.html")
    assert "Aucun engagement de disponibilité\u00a0: Nimbus Compute" in fr_home  # Free plan's bullet
    assert "Escalation\u00a0: Customer Success Escalations" in fr_home  # a contact (site.yaml)
    assert "No uptime commitment: Nimbus Compute" in en_home
    assert "Escalation: Customer Success Escalations" in en_home
    # A revision's date and note on the plan page.
    assert "3 novembre 2025\u00a0: Announced: DNS objective" in text(site, "fr/plans/enterprise/index.html")
    assert "3. November 2025: Announced: DNS objective" in text(site, "de/plans/enterprise/index.html")
    # The services and plans an incident affects.
    inc = "incidents/2026-11-10-object-storage-elevated-errors/index.html"
    assert "Nimbus Object Storage\u00a0: Free, Business, Enterprise, Team" in text(site, "fr/" + inc)
    assert "Nimbus Object Storage: Free, Business, Enterprise, Team" in text(site, inc)
    # A revision's change lines in the feed's summary, joined by the language's semicolon.
    items = json.load(open(os.path.join(site, "fr/feed.json"), encoding="utf-8"))["items"]
    business = next(i for i in items if i["id"].endswith("/fr/plans/business/#revision-2025-11-03"))
    assert "10\u00a0% → aucun\u00a0; Nimbus Compute\u00a0: objectif 99,5\u00a0% → 99,9\u00a0%" in business["summary"]
    assert "; " not in business["summary"].replace("\u00a0; ", "")


def test_the_reviewed_wording_of_deadlines_hours_and_scheduled_work(site):  # noqa: F811
    # Business × Compute, May 2026 missed with a 10 % credit (docs/example-credits.md); the claim
    # window is 30 days after the month: 31 May + 30 days = 30 June 2026, the last day to claim
    # ("by", so "bis zum" and "au plus tard le": the day itself is in time).
    de = text(site, "de/plans/business/compute/index.html")
    fr = text(site, "fr/plans/business/compute/index.html")
    assert "Antrag bis zum 30. Juni 2026" in de
    assert "réclamation au plus tard le 30 juin 2026" in fr
    assert "avant le" not in fr  # "before" would exclude the last day
    # A support desk open 24 hours a day, 7 days a week, in each language's usual form.
    assert "Support 24/7" in text(site, "de/index.html")
    assert "Assistance 24 h/24, 7 j/7" in text(site, "fr/index.html")
    # Scheduled maintenance (a window on 6 December 2026, after --now) under its own heading;
    # its state is "upcoming", which agrees with any noun in French.
    status = text(site, "fr/status/index.html")
    assert "Maintenances programmées" in status
    assert "01:00 UTC · À venir" in status
    assert "Geplante Wartungsfenster" in text(site, "de/status/index.html")
    # The status page's month heading starts with a capital in French (CLDR writes "novembre").
    assert "Mois de novembre 2026 à ce jour" in status


def test_update_and_revision_notes_come_from_the_translation(site):  # noqa: F811
    # docs/spec.md §2 Translations: an update's and a revision's note are text; the n-th entry of
    # the translation's `updates` / `revisions` translates the original's n-th.
    inc = "incidents/2026-11-10-object-storage-elevated-errors/index.html"
    de, fr, en = text(site, "de/" + inc), text(site, "fr/" + inc), text(site, inc)
    assert "Ursache erkannt · 10. November 2026, 14:26 GMT Die Fehler gehen auf eine Indexverdichtung zurück" in de
    assert "Nous analysons des erreurs et des expirations de délai sur les requêtes LIST" in fr
    assert "We are investigating errors" in en and "Wir untersuchen" not in en
    assert "We are investigating" not in de and "We are investigating" not in fr
    # The plan's revisions, on the plan page and in the feed; an incident without a translation
    # of its notes (DNS propagation, still open) keeps the original's.
    plan = text(site, "fr/plans/business/index.html")
    assert "3 novembre 2025\u00a0: Annonce\u00a0: objectif de disponibilité relevé" in plan
    assert "7 avril 2026\u00a0: Précision des justificatifs" in plan
    items = json.load(open(os.path.join(site, "de/feed.json"), encoding="utf-8"))["items"]
    revision = next(i for i in items if i["id"].endswith("/de/plans/business/#revision-2025-11-03"))
    assert revision["summary"].startswith("Angekündigt: Verfügbarkeitsziel von 99,5 % auf 99,9 % angehoben")
    assert "One of the replication queues" in text(site, "de/status/index.html")
    # sla.json is one file for every language: the original's notes.
    doc = json.load(open(os.path.join(site, "sla.json"), encoding="utf-8"))
    notes = [u["note_html"] for i in doc["incidents"] for u in i["updates"]]
    assert any("We are investigating errors" in n for n in notes)
    assert not any("Wir untersuchen" in n or "Nous analysons" in n for n in notes)


def _lang_parts(site, rel):
    """(lang, text) of every element on the page with its own lang attribute, inside <main>."""
    from html.parser import HTMLParser

    class Parts(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack, self.parts, self.in_main = [], [], False

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "main":
                self.in_main = True
            if tag in ("br", "img", "hr", "input", "meta", "link", "wbr", "col"):
                return
            self.stack.append((tag, a.get("lang") if self.in_main else None, []))

        def handle_endtag(self, tag):
            while self.stack:
                t, lang, text = self.stack.pop()
                if lang:
                    self.parts.append((lang, " ".join(" ".join(text).split())))
                if self.stack:
                    self.stack[-1][2].extend(text)
                if t == tag:
                    break
            if tag == "main":
                self.in_main = False

        def handle_data(self, data):
            if self.stack:
                self.stack[-1][2].append(data)

    p = Parts()
    p.feed(open(os.path.join(site, rel), encoding="utf-8").read())
    return p.parts


def test_untranslated_bodies_say_their_language(site):  # noqa: F811
    # WCAG 2.2 3.1.2 (Language of Parts): a body a translation leaves as it is shows in English
    # on a German or French page, inside an element that says lang="en", so a screen reader
    # reads it with English rules. A translated body has no such wrapper, and English pages
    # have none.
    untranslated = "incidents/2025-12-09-dns-elevated-latency/index.html"  # no .de.md / .fr.md
    english_html = open(os.path.join(site, untranslated), encoding="utf-8").read()
    english_body = " ".join(head(site, untranslated).body.split())
    title = re.search(r"<h1>([^<]*)</h1>", english_html).group(1)
    for f in ("de/", "fr/"):
        parts = _lang_parts(site, f + untranslated)
        # Its title (the <h1>) and its body, each marked English.
        assert [lang for lang, _ in parts] == ["en", "en"], parts
        assert parts[0][1] == title
        # The wrapped text is the English page's body text, word for word.
        assert parts[1][1] and parts[1][1] in english_body
        translated = "incidents/2026-11-10-object-storage-elevated-errors/index.html"
        assert _lang_parts(site, f + translated) == [], f
        # The status page's lists mark each untranslated incident title, and only those:
        # "Slow propagation of DNS record changes" (2026-11-23, open) has no translation.
        status = _lang_parts(site, f + "status/index.html")
        assert ("en", "Slow propagation of DNS record changes") in status, status
        # and its latest update's note, as its incident page shows it (no translation either).
        assert ("en", "One of the replication queues to the ams-1 name servers is backed up. We are draining it; "
                "changes already made are not lost.") in status, status
        assert all(lang == "en" and not text.startswith(("Erhöhte", "Taux")) for lang, text in status), status
        # Enterprise's body has no translation; Business's has.
        assert [lang for lang, _ in _lang_parts(site, f + "plans/enterprise/index.html")] == ["en"]
        assert _lang_parts(site, f + "plans/business/index.html") == []
    assert _lang_parts(site, untranslated) == []
    assert _lang_parts(site, "plans/enterprise/index.html") == []

