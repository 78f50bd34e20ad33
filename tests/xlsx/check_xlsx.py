#!/usr/bin/python3
"""The workbooks inovasi writes open in LibreOffice with the cells of the CSV
it writes for the same tables, and hold numbers as number cells, dates as
date cells, a frozen bold header row and fitted column widths.

Usage: check_xlsx.py INOVASI SOURCE_DIR
On a copy of SOURCE_DIR/examples/tuban-2018: evaluate --out (summary.xlsx,
a sheet per table) and export contracts, ideas and targets -o FILE.xlsx.
Each sheet is converted to CSV with soffice --headless --convert-to csv and
compared cell by cell with inovasi's CSV (numbers numerically, since
LibreOffice shows 87.50 as 87.5; dates as YYYY-MM-DD); the sheets' XML is
read with zipfile. Exit 1 with a message on the first failure; soffice
(libreoffice-calc-nogui, see scripts/install-deps) must be installed.
"""
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# The columns that must be number and date cells, by workbook and sheet.
NUMBERS = {
    ("summary", "contracts"): {"score", "reports_due", "reports_on_time", "reports_late",
                               "reports_missing"},
    ("summary", "targets"): {"weight", "target_value", "actual_value", "achievement"},
    ("summary", "units"): {"ideas", "initiative", "trial", "implemented", "dropped", "contracts",
                           "mean_score", "reports_missing"},
    ("summary", "ideas"): {"plan_steps", "plan_done", "plan_overdue"},
    ("contracts", "contracts"): set(),
    ("ideas", "ideas"): {"budget"},
    ("targets", "targets"): {"weight", "baseline", "2018-Q2", "2018-Q3", "2018-Q4", "2019-Q1"},
}
DATES = {
    ("contracts", "contracts"): {"signed", "start", "end"},
    ("ideas", "ideas"): {"submitted", "trial_date", "implemented_date", "dropped_date"},
}


def fail(message):
    print("check_xlsx: " + message, file=sys.stderr)
    sys.exit(1)


def run(args, cwd):
    r = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"{' '.join(args)} exited {r.returncode}: {r.stderr}")
    return r.stdout


def read_csv(text):
    return list(csv.reader(io.StringIO(text)))


def same_cell(xlsx, expected, numeric):
    if xlsx == expected:
        return True
    if numeric and expected != "":
        try:
            return abs(float(xlsx) - float(expected)) <= 1e-9 * max(1.0, abs(float(expected)))
        except ValueError:
            return False
    # A text cell CSV neutralised with a leading ' is the text itself in a workbook.
    return expected.startswith("'") and xlsx == expected[1:]


def compare(where, converted, expected, numbers):
    if len(converted) != len(expected):
        fail(f"{where}: {len(converted)} rows in the workbook, {len(expected)} in the CSV")
    header = expected[0]
    if converted[0] != header:
        fail(f"{where}: header {converted[0]} != {header}")
    for r, (got, want) in enumerate(zip(converted, expected)):
        got = got + [""] * (len(want) - len(got))  # LibreOffice may drop trailing empty cells
        if len(got) != len(want):
            fail(f"{where}: row {r + 1} has {len(got)} cells, the CSV {len(want)}")
        for c, (g, w) in enumerate(zip(got, want)):
            if not same_cell(g, w, header[c] in numbers):
                fail(f"{where}: row {r + 1}, {header[c]}: workbook '{g}', CSV '{w}'")


def column_letters(ref):
    return re.match(r"[A-Z]+", ref).group(0)


def check_xml(path, workbook, sheets_csv):
    """sheets_csv: sheet name -> inovasi's CSV rows, in the workbook's order."""
    with zipfile.ZipFile(path) as z:
        names = [s.get("name") for s in
                 ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS)]
        if names != list(sheets_csv):
            fail(f"{path}: sheets {names}, expected {list(sheets_csv)}")
        styles = ET.fromstring(z.read("xl/styles.xml"))
        fonts = styles.find("m:fonts", NS).findall("m:font", NS)
        formats = {f.get("numFmtId"): f.get("formatCode")
                   for f in styles.iter("{%s}numFmt" % NS["m"])}
        xfs = styles.find("m:cellXfs", NS).findall("m:xf", NS)
        for i, name in enumerate(names, 1):
            where = f"{workbook}.xlsx, sheet {name}"
            sheet = ET.fromstring(z.read(f"xl/worksheets/sheet{i}.xml"))
            pane = sheet.find(".//m:pane", NS)
            if pane is None or pane.get("state") != "frozen" or pane.get("ySplit") != "1" \
                    or pane.get("topLeftCell") != "A2":
                fail(f"{where}: the header row is not frozen")
            expected = sheets_csv[name]
            header = expected[0]
            widths = {}
            for col in sheet.iter("{%s}col" % NS["m"]):
                for n in range(int(col.get("min")), int(col.get("max")) + 1):
                    widths[n] = float(col.get("width"))
            for c, column in enumerate(header, 1):
                longest = max(len(row[c - 1]) if c - 1 < len(row) else 0 for row in expected)
                if not (min(longest, 60) <= widths.get(c, 0) <= 63):
                    fail(f"{where}: column {column} is {widths.get(c)} wide, its longest cell "
                         f"{longest} characters")
            rows = sheet.find("m:sheetData", NS).findall("m:row", NS)
            numbers = NUMBERS[(workbook, name)]
            dates = DATES.get((workbook, name), set())
            seen_numbers = seen_dates = 0
            for r, row in enumerate(rows):
                for cell in row.findall("m:c", NS):
                    letters = column_letters(cell.get("r"))
                    c = 0
                    for ch in letters:
                        c = c * 26 + ord(ch) - 64
                    column = header[c - 1]
                    xf = xfs[int(cell.get("s", "0"))]
                    bold = fonts[int(xf.get("fontId", "0"))].find("m:b", NS) is not None
                    text = expected[r][c - 1]
                    if r == 0:
                        if not bold:
                            fail(f"{where}: header cell {column} is not bold")
                        continue
                    if bold:
                        fail(f"{where}: row {r + 1}, {column} is bold")
                    if column in numbers or column in dates:
                        if cell.get("t") is not None or cell.find("m:v", NS) is None:
                            fail(f"{where}: row {r + 1}, {column} ('{text}') is not a number cell")
                    if column in numbers:
                        value = float(cell.find("m:v", NS).text)
                        if abs(value - float(text)) > 1e-9 * max(1.0, abs(value)):
                            fail(f"{where}: row {r + 1}, {column}: {value} != {text}")
                        seen_numbers += 1
                    elif column in dates:
                        if formats.get(xf.get("numFmtId")) != "yyyy-mm-dd":
                            fail(f"{where}: row {r + 1}, {column} is not formatted yyyy-mm-dd")
                        seen_dates += 1
                    elif cell.get("t") not in ("s", "str", "inlineStr"):
                        fail(f"{where}: row {r + 1}, {column} ('{text}') is not a text cell")
                # Empty CSV cells are no cells at all.
                present = {column_letters(cell.get("r")) for cell in row.findall("m:c", NS)}
                if len(present) != sum(1 for t in expected[r] if t != ""):
                    fail(f"{where}: row {r + 1} has {len(present)} cells, the CSV "
                         f"{sum(1 for t in expected[r] if t != '')} non-empty")
            if len(rows) != len(expected):
                fail(f"{where}: {len(rows)} rows, the CSV {len(expected)}")
            if numbers and not seen_numbers:
                fail(f"{where}: no number cell seen")
            if dates and not seen_dates:
                fail(f"{where}: no date cell seen")


def main():
    if len(sys.argv) != 3:
        fail("usage: check_xlsx.py INOVASI SOURCE_DIR")
    inovasi, source = os.path.abspath(sys.argv[1]), sys.argv[2]
    soffice = shutil.which("soffice")
    if not soffice:
        fail("soffice not found: install libreoffice-calc-nogui (scripts/install-deps)")
    with tempfile.TemporaryDirectory() as work:
        shutil.copytree(os.path.join(source, "examples", "tuban-2018"),
                        os.path.join(work, "tuban"))
        base = [inovasi, "-C", "tuban"]
        evaluate = ["evaluate", "--period", "2018-H2", "--as-of", "2019-02-15"]
        run(base + evaluate + ["--out", "out"], work)
        workbooks = {"summary": os.path.join(work, "out", "summary.xlsx")}
        expected = {"summary": {}}
        for table in ("contracts", "targets", "units", "ideas"):
            with open(os.path.join(work, "out", table + ".csv"), encoding="utf-8") as f:
                expected["summary"][table] = read_csv(f.read())
            # --out's CSV is what --format csv --table writes.
            if read_csv(run(base + evaluate + ["--format", "csv", "--table", table], work)) \
                    != expected["summary"][table]:
                fail(f"evaluate --out's {table}.csv differs from --format csv --table {table}")
        for table in ("contracts", "ideas", "targets"):
            # -o FILE.xlsx implies the format; --format xlsx says it.
            args = ["export", table, "-o", table + ".xlsx"]
            if table == "targets":
                args = ["export", table, "--format", "xlsx", "-o", "targets.book"]
            run(base + args, work)
            workbooks[table] = os.path.join(work, args[-1])
            expected[table] = {table: read_csv(run(base + ["export", table], work))}

        # A workbook is never written to standard output.
        r = subprocess.run(base + ["export", "units", "--format", "xlsx"], cwd=work,
                           capture_output=True, text=True)
        if r.returncode != 2 or r.stdout or "-o FILE.xlsx" not in r.stderr:
            fail(f"export --format xlsx to standard output: exit {r.returncode}, {r.stderr}")

        for name, path in workbooks.items():
            check_xml(path, name, expected[name])

        # LibreOffice: every sheet of every workbook as CSV, in one run.
        converted = os.path.join(work, "converted")
        filter_options = "44,34,76,1,,0,false,true,true,false,false,-1"  # all sheets, as shown
        r = subprocess.run(
            [soffice, "-env:UserInstallation=file://" + os.path.join(work, "profile"),
             "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):" + filter_options,
             "--outdir", converted] + list(workbooks.values()),
            cwd=work, capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            fail(f"soffice exited {r.returncode}: {r.stdout} {r.stderr}")
        for name, path in workbooks.items():
            stem = os.path.splitext(os.path.basename(path))[0]
            for sheet, rows in expected[name].items():
                out = os.path.join(converted, f"{stem}-{sheet}.csv")
                if not os.path.exists(out):
                    fail(f"soffice wrote no {out}: {r.stdout} {r.stderr}")
                with open(out, encoding="utf-8") as f:
                    compare(f"{name}.xlsx, sheet {sheet} (LibreOffice)", read_csv(f.read()), rows,
                            NUMBERS[(name, sheet)])
    print(f"check_xlsx: {len(workbooks)} workbooks match their CSV in LibreOffice")


if __name__ == "__main__":
    main()
