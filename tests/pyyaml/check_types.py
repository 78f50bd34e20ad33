#!/usr/bin/python3
"""Every YAML reader must read inovasi's records with the same types.

Runs the built `inovasi` to write a programme, units and ideas whose text
fields are YAML 1.1 look-alikes (`no`, `0123`, `2018-04-03`, `1e3`, `~`,
`on`, `12:30`, ...), through options and through a CSV import, then loads
every file with PyYAML's safe_load and compares each value and its exact
Python type: text is str, dates are datetime.date, numbers are int.

Usage: check_types.py PATH/TO/inovasi
Exit status: 0 all records read back as written, 1 a mismatch, 77 PyYAML is
not installed (the test is skipped).
"""

import csv
import datetime
import io
import os
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    print("skipped: python3-yaml is not installed")
    sys.exit(77)

# Plain words that some YAML reader resolves to something other than a string.
LOOK_ALIKES = [
    "no", "No", "NO", "yes", "Yes", "on", "ON", "off", "y", "n", "true", "False",
    "null", "Null", "~", "0", "0123", "-1", "+1", "1e3", "1E3", "1.5", ".5", "1_000",
    "0x1F", "0o17", "0b101", ".inf", "-.inf", ".NaN", "2018-04-03", "2024-01-02",
    "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "12:30", "190:20:30",
    "=", "=1+2", "<<", "-x", "- x", "-", ": x", "a: b", "a #b", "a:", "?", "? x",
    "[a]", "{a}", "*x", "&x", "!x", "%x", "@x", "`x", "#x", "|", ">", "'q'", '"q"',
    "...", "---", "Désa", "it's",
]
# Free text keeps its spaces and line breaks, so it can carry more.
TEXTS = [" lead", "trail ", "no\nyes # not a comment\n", "a\n\n  b\n\n", "tab\there",
         "line\u2028sep", "- item\n- item", "0123\n"]

NIP = "198503302010011002"
failures = []


def same(path, got, want):
    """Compares values and their exact types, recursively."""
    if type(got) is not type(want):
        failures.append(f"{path}: read {got!r} ({type(got).__name__}), "
                        f"wrote {want!r} ({type(want).__name__})")
    elif isinstance(want, dict):
        if list(got) != list(want):
            failures.append(f"{path}: keys {list(got)} != {list(want)}")
        for key in want:
            if key in got:
                same(f"{path}.{key}", got[key], want[key])
    elif isinstance(want, list):
        if len(got) != len(want):
            failures.append(f"{path}: {len(got)} items, expected {len(want)}")
        for i, (g, w) in enumerate(zip(got, want)):
            same(f"{path}[{i}]", g, w)
    elif got != want:
        failures.append(f"{path}: read {got!r}, wrote {want!r}")


def run(binary, directory, *args, stdin=None):
    result = subprocess.run([binary, "-C", directory, *args], input=stdin, capture_output=True,
                            text=True)
    if result.returncode != 0:
        sys.exit(f"FAIL: inovasi {' '.join(args)} exited {result.returncode}\n{result.stderr}")
    return result


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    d = datetime.date
    expected = {}  # path relative to the programme -> what PyYAML must read

    with tempfile.TemporaryDirectory(prefix="inovasi-pyyaml-") as tmp:
        root = os.path.join(tmp, "prog")
        subprocess.run([binary, "init", root, "--name=yes", "--region=0123",
                        "--partner=2018-04-03", "--mou-date=2018-04-03"],
                       check=True, capture_output=True)
        bands = [(91, "Sangat Tinggi", "Very high"), (76, "Tinggi", "High"),
                 (66, "Sedang", "Medium"), (51, "Rendah", "Low"), (0, "Sangat Rendah", "Very low")]
        expected["inovasi.yaml"] = {
            "name": "yes", "region": "0123", "partner": "2018-04-03",
            "mou_date": d(2018, 4, 3), "language": "id",
            "reporting": {"every_months": 3, "grace_days": 10},
            "evaluation": {"every_months": 6},
            "scale": {"cap": 120, "bands": [{"min": m, "label": {"id": i, "en": e}}
                                            for m, i, e in bands]},
        }

        # Units through options: every look-alike as a name, head name and position.
        n = len(LOOK_ALIKES)
        for k, word in enumerate(LOOK_ALIKES):
            uid = f"u-{k}"
            run(binary, root, "add-unit", f"--id={uid}", f"--name={word}", "--kind=kecamatan",
                f"--head-name={LOOK_ALIKES[(k + 1) % n]}", f"--head-nip={NIP}",
                f"--head-position={LOOK_ALIKES[(k + 2) % n]}", "--commitment-signed=2018-04-20")
            expected[f"units/{uid}.yaml"] = {
                "id": uid, "name": word, "kind": "district",
                "head": {"name": LOOK_ALIKES[(k + 1) % n], "nip": NIP,
                         "position": LOOK_ALIKES[(k + 2) % n]},
                "commitment_signed": d(2018, 4, 20),
            }

        # Ideas through options: look-alikes in every text field, tag and step.
        for k, word in enumerate(LOOK_ALIKES):
            iid = f"i-{k}"
            text = TEXTS[k % len(TEXTS)]
            # CLI11 reads "[a]" given to a repeatable option as a list; the CSV
            # import below carries such tags and steps.
            item = "bracketed" if word.startswith("[") else word
            run(binary, root, "add-idea", f"--id={iid}", f"--title={word}", "--unit=u-0",
                f"--proposer-name={LOOK_ALIKES[(k + 3) % n]}", f"--proposer-nip={NIP}",
                f"--proposer-position={LOOK_ALIKES[(k + 4) % n]}", "--proposer-echelon=iva",
                "--initiator=ASN", "--category=pelayanan publik", "--kind=non digital",
                "--stage=uji coba", "--submitted=2018-04-20", "--trial-date=2018-09-01",
                "--budget=150000000", f"--problem={text}", f"--description={word}",
                f"--goal={LOOK_ALIKES[(k + 5) % n]}", f"--tag={item}", "--tag=2018-04-03",
                f"--step={item}", "--due=2018-06-30")
            expected[f"ideas/{iid}.yaml"] = {
                "id": iid, "title": word, "unit": "u-0",
                "proposer": {"name": LOOK_ALIKES[(k + 3) % n], "nip": NIP,
                             "position": LOOK_ALIKES[(k + 4) % n], "echelon": "IV.a"},
                "initiator": "civil-servant", "category": "public-service",
                "kind": "non-digital", "stage": "trial", "submitted": d(2018, 4, 20),
                "trial_date": d(2018, 9, 1), "budget": 150000000, "problem": text,
                "description": word, "goal": LOOK_ALIKES[(k + 5) % n],
                "plan": [{"step": item, "due": d(2018, 6, 30)}],
                "tags": [item, "2018-04-03"],
            }

        # Ideas through a CSV import, as a spreadsheet would save them.
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["id", "title", "unit", "implemented_date", "stage", "tags", "plan",
                         "benefit"])
        for k, word in enumerate(LOOK_ALIKES):
            cell = "'" + word if word[:1] in "=+-@" else word  # as an export neutralises it
            writer.writerow([f"c-{k}", cell, "u-1", "2019-01-15", "penerapan",
                             f"{word};1e3", f"{word} @ 2018-06-30 / 2018-07-01",
                             TEXTS[k % len(TEXTS)]])
            expected[f"ideas/c-{k}.yaml"] = {
                "id": f"c-{k}", "title": word, "unit": "u-1", "stage": "implemented",
                "implemented_date": d(2019, 1, 15), "benefit": TEXTS[k % len(TEXTS)],
                "plan": [{"step": word, "due": d(2018, 6, 30), "done": d(2018, 7, 1)}],
                "tags": [word, "1e3"],
            }
        run(binary, root, "add-idea", "--from", "-", stdin=out.getvalue())

        result = subprocess.run([binary, "-C", root, "check"], capture_output=True, text=True)
        if result.returncode != 0 or result.stdout or result.stderr:
            failures.append(f"inovasi check exited {result.returncode}:\n{result.stderr}")

        seen = set()
        for folder, _, files in os.walk(root):
            for name in files:
                if not name.endswith(".yaml"):
                    continue
                path = os.path.relpath(os.path.join(folder, name), root)
                seen.add(path)
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    text = f.read()
                try:
                    data = yaml.safe_load(text)
                except yaml.YAMLError as e:
                    failures.append(f"{path}: PyYAML cannot read it: {e}\n{text}")
                    continue
                if path not in expected:
                    failures.append(f"{path}: not written by this test")
                    continue
                before = len(failures)
                same(path, data, expected[path])
                if len(failures) > before:
                    failures.append(f"--- {path} as written:\n{text}")
        for path in sorted(set(expected) - seen):
            failures.append(f"{path}: not written")

    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(expected)} records, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
