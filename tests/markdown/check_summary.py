#!/usr/bin/python3
"""The evaluation summary, the ideas catalogue and the perbup annex must render as tables with
cmark-gfm (GitHub's Markdown) without losing a table or a cell, whatever the
records' text holds, and units.svg must be well-formed XML.

Usage: check_summary.py INOVASI GOLDEN_DIR
Checks the golden summaries (of one programme and of a workspace) and
catalogues under GOLDEN_DIR (tests/golden),
then those INOVASI writes for a programme full of awkward text. Exit 1 with
a message on the first failure.
"""
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


class Tables(html.parser.HTMLParser):
    """Every table of an HTML page as rows of cell texts; tags seen in cells."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.cell, self.tags_in_cells = [], None, set()

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = ""
        elif self.cell is not None:
            self.tags_in_cells.add(tag)

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.tables[-1][-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def fail(message):
    print("check_summary: " + message, file=sys.stderr)
    sys.exit(1)


def check_markdown(path, expected_cells=()):
    text = open(path, encoding="utf-8").read()
    html = subprocess.run(["cmark-gfm", "--unsafe", "-e", "table"], input=text,
                          capture_output=True, text=True, check=True).stdout
    parser = Tables()
    parser.feed(html)
    delimiter_rows = len(re.findall(r"^\|(?:---:?\|)+$", text, re.M))
    if len(parser.tables) != delimiter_rows:
        fail(f"{path}: {delimiter_rows} tables in the Markdown, {len(parser.tables)} rendered")
    for table in parser.tables:
        widths = {len(row) for row in table}
        if len(widths) != 1:
            fail(f"{path}: a table with rows of {sorted(widths)} cells: {table}")
    # Our tables use no emphasis, code, links or images: any such tag comes
    # from record text that was not escaped. <br> is how a line break is kept.
    stray = parser.tags_in_cells - {"br"}
    if stray:
        fail(f"{path}: record text became Markdown inside cells: {sorted(stray)}")
    cells = {cell for table in parser.tables for row in table for cell in row}
    for expected in expected_cells:
        if expected not in cells:
            fail(f"{path}: no cell reads {expected!r}; cells: {sorted(cells)}")


def check_svg(path, bars):
    root = ET.parse(path).getroot()
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        fail(f"{path}: the root element is {root.tag}")
    found = len(root.findall("{http://www.w3.org/2000/svg}rect")) - 1  # the background
    if bars is not None and found != bars:
        fail(f"{path}: {found} bars, expected {bars}")


AWKWARD_PROGRAMME = """\
name: "Inovasi | Uji *Markdown* <b>"
region: Kabupaten `Contoh` & Sekitarnya
"""
AWKWARD_UNIT = """\
id: {id}
name: "{name}"
kind: dinas
"""
AWKWARD_IDEA = """\
id: pipa
title: "Ide | dengan _garis_ [tautan](http://x) ![g](y.png)"
unit: dinas-a
stage: trial
plan:
  - step: |-
      Langkah *satu*
      baris # dua \\ tiga
    due: 2018-03-31
"""
AWKWARD_CONTRACT = """\
id: kontrak-a
unit: dinas-a
start: 2018-01-01
end: 2018-12-31
targets:
  - id: t
    name: T
    by_period: {2018-Q1: 10}
"""
AWKWARD_REPORT = """\
contract: kontrak-a
period: 2018-Q1
submitted: 2018-04-30
actual: {t: 8}
"""


def check_awkward(inovasi):
    root = tempfile.mkdtemp(prefix="inovasi-markdown-")
    try:
        files = {
            "inovasi.yaml": AWKWARD_PROGRAMME,
            "units/dinas-a.yaml": AWKWARD_UNIT.format(
                id="dinas-a", name="Dinas A | B *tebal* <i>miring</i> &amp; `kode` ~~x~~"),
            "units/dinas-b.yaml": AWKWARD_UNIT.format(id="dinas-b", name="1. Dinas \\\\ B"),
            "ideas/pipa.yaml": AWKWARD_IDEA,
            "contracts/kontrak-a.yaml": AWKWARD_CONTRACT,
            "reports/kontrak-a/2018-Q1.yaml": AWKWARD_REPORT,
        }
        for name, content in files.items():
            path = os.path.join(root, "programme", name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(content)
        for lang in ("id", "en"):
            out = os.path.join(root, "out-" + lang)
            run = subprocess.run([inovasi, "-C", os.path.join(root, "programme"), "evaluate",
                                  "--period", "2018-Q1", "--as-of", "2018-06-30", "--lang", lang,
                                  "--out", out], capture_output=True, text=True)
            if run.returncode != 0:
                fail(f"evaluate exited {run.returncode}: {run.stderr}")
            check_markdown(os.path.join(out, "summary.md"), [
                "Dinas A | B *tebal* <i>miring</i> &amp; `kode` ~~x~~",
                "1. Dinas \\ B",
                "Ide | dengan _garis_ [tautan](http://x) ![g](y.png)",
                "Langkah *satu*baris # dua \\ tiga",  # the <br> between is a tag
            ])
            check_svg(os.path.join(out, "units.svg"), 1)
            booklet = os.path.join(root, "booklet-" + lang + ".md")
            run = subprocess.run([inovasi, "-C", os.path.join(root, "programme"), "export",
                                  "ideas", "--lang", lang, "-o", booklet],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                fail(f"export ideas exited {run.returncode}: {run.stderr}")
            check_markdown(booklet, ["Langkah *satu*baris # dua \\ tiga"])
        # The same programme twice, as a workspace: the table of programmes
        # and the units named with their programme render too.
        shutil.copytree(os.path.join(root, "programme"), os.path.join(root, "kedua"))
        with open(os.path.join(root, "workspace.yaml"), "w", encoding="utf-8") as f:
            f.write("programmes: [programme, kedua]\n")
        out = os.path.join(root, "out-workspace")
        run = subprocess.run([inovasi, "-C", root, "evaluate", "--period", "2018-Q1", "--as-of",
                              "2018-06-30", "--out", out], capture_output=True, text=True)
        if run.returncode != 0:
            fail(f"evaluate of a workspace exited {run.returncode}: {run.stderr}")
        check_markdown(os.path.join(out, "summary.md"), [
            "Kabupaten `Contoh` & Sekitarnya",
            "Dinas A | B *tebal* <i>miring</i> &amp; `kode` ~~x~~ (kedua)",
            "kedua/dinas-b",
            "Ide | dengan _garis_ [tautan](http://x) ![g](y.png)",
        ])
        check_svg(os.path.join(out, "units.svg"), 2)
    finally:
        shutil.rmtree(root)


def main():
    if len(sys.argv) != 3:
        fail("usage: check_summary.py INOVASI GOLDEN_DIR")
    if shutil.which("cmark-gfm") is None:
        fail("cmark-gfm is not installed; scripts/install-deps installs it")
    inovasi, golden = sys.argv[1], sys.argv[2]
    # One programme's summaries, and those of a workspace of several.
    for folder in ("evaluate", "workspace"):
        evaluations = os.path.join(golden, folder)
        for case in sorted(os.listdir(evaluations)):
            check_markdown(os.path.join(evaluations, case, "summary.md"))
            check_svg(os.path.join(evaluations, case, "units.svg"), None)
    for folder in ("booklet", "perbup"):
        for name in sorted(os.listdir(os.path.join(golden, folder))):
            if name.endswith(".md"):
                check_markdown(os.path.join(golden, folder, name))
    check_awkward(inovasi)


main()
