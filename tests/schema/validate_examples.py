#!/usr/bin/python3
"""json_schemas: the JSON Schemas in data/schema/ against the records.

- data/schema/ is what scripts/gen-schemas writes from the code, one schema
  per record type, each a valid draft-07 schema;
- every example record (examples/tuban-2018) and every fixture record that
  inovasi reads without an error passes its schema, read as yaml-language-
  server reads it (YAML 1.2: dates stay text); the fixtures of 'inovasi check'
  whose errors one file shows fail it, those whose errors need other records
  pass it;
- hand-made records: an unknown stage, an impossible date, ... fail; the
  Indonesian words, in any case, pass;
- the patterns agree with inovasi's own rules: dates with the calendar,
  enumerations with enum_key;
- given the inovasi binary: the examples with editor_schema: true, after
  'inovasi fmt', each start with the hint naming their own schema, and pass.

Usage: validate_examples.py [INOVASI]
"""
import datetime
import importlib.machinery
import importlib.util
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import jsonschema
    import yaml
except ImportError as e:
    print(f"json_schemas: {e}; install python3-yaml and python3-jsonschema (scripts/install-deps)")
    sys.exit(1)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA_DIR = os.path.join(ROOT, "data", "schema")
FAILURES = []


def fail(message):
    FAILURES.append(message)


# ------------------------------------------------------------ YAML as editors read it


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML with the YAML 1.2 core schema, as yaml-language-server reads
    files: 2018-04-03 is text, yes is text, 0123 is 123."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(pattern), list(first))


def _int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)


def _float(loader, node):
    text = loader.construct_scalar(node).lower().replace(".inf", "inf").replace(".nan", "nan")
    return float(text)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float)
Yaml12Loader.add_constructor(
    "tag:yaml.org,2002:bool", lambda loader, node: loader.construct_scalar(node).lower() == "true"
)


def as_json(value):
    """Mapping keys become text, as in JSON."""
    if isinstance(value, dict):
        return {json_key(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def json_key(key):
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    return str(key)


class Unreadable(Exception):
    pass


def load(text):
    try:
        return as_json(yaml.load(text, Loader=Yaml12Loader))
    except yaml.YAMLError as e:
        raise Unreadable(str(e).splitlines()[0])


# ------------------------------------------------------------ the schemas

FOLDERS = {"units": "unit", "ideas": "idea", "contracts": "contract", "regulations": "regulation"}


def record_type(relative):
    """The record type of a file by its place in a programme, or None."""
    parts = relative.split("/")
    if parts == ["inovasi.yaml"]:
        return "programme"
    if parts == ["workspace.yaml"]:
        return "workspace"
    if not parts[-1].endswith(".yaml"):
        return None
    if len(parts) == 2 and parts[0] in FOLDERS:
        return FOLDERS[parts[0]]
    if len(parts) == 3 and parts[0] == "reports":
        return "report"
    return None


def load_generator():
    path = os.path.join(ROOT, "scripts", "gen-schemas")
    loader = importlib.machinery.SourceFileLoader("gen_schemas", path)
    spec = importlib.util.spec_from_loader("gen_schemas", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def check_generated(gen):
    """data/schema/ holds exactly what scripts/gen-schemas writes."""
    expected = gen.generate()
    present = sorted(n for n in os.listdir(SCHEMA_DIR) if n.endswith(".schema.json"))
    if present != sorted(expected):
        fail(f"data/schema holds {present}, scripts/gen-schemas writes {sorted(expected)}")
    for name, text in expected.items():
        path = os.path.join(SCHEMA_DIR, name)
        if os.path.exists(path) and open(path, encoding="utf-8").read() != text:
            fail(f"data/schema/{name} is not what scripts/gen-schemas writes: run it")
    # The hint names <kType>.schema.json: every record type has its schema.
    types = set()
    for header in ["include/inovasi/model/records.h", "include/inovasi/model/workspace.h"]:
        text = open(os.path.join(ROOT, header), encoding="utf-8").read()
        types |= set(re.findall(r'static constexpr const char\* kType = "(\w+)";', text))
    if {f"{t}.schema.json" for t in types} != set(expected):
        fail(f"record types {sorted(types)} and schemas {sorted(expected)} differ")


def read_schemas():
    validators = {}
    for name in sorted(os.listdir(SCHEMA_DIR)):
        if not name.endswith(".schema.json"):
            continue
        with open(os.path.join(SCHEMA_DIR, name), encoding="utf-8") as f:
            schema = json.load(f)
        try:
            jsonschema.Draft7Validator.check_schema(schema)
        except jsonschema.SchemaError as e:
            fail(f"data/schema/{name} is not a valid draft-07 schema: {e.message}")
            continue
        validators[name[: -len(".schema.json")]] = jsonschema.Draft7Validator(schema)
    return validators


def problems(validators, kind, data):
    """What the schema says about a record, one line each ("" when it passes)."""
    errors = sorted(validators[kind].iter_errors(data), key=lambda e: list(e.absolute_path))
    return ["/".join(str(p) for p in e.absolute_path) + ": " + e.message[:160] for e in errors]


# ------------------------------------------------------------ the records


def record_files(folder):
    """(relative path, type) of the record files of a programme folder."""
    for base, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(base, name)
            relative = os.path.relpath(path, folder)
            kind = record_type(relative)
            if kind and not os.path.islink(path):
                yield relative, kind


def check_valid_folder(validators, folder):
    count = 0
    for relative, kind in record_files(folder):
        shown = os.path.relpath(os.path.join(folder, relative), ROOT)
        try:
            data = load(open(os.path.join(folder, relative), encoding="utf-8").read())
        except Unreadable as e:
            fail(f"{shown}: not readable YAML: {e}")
            continue
        for p in problems(validators, kind, data):
            fail(f"{shown}: valid for inovasi, refused by {kind}.schema.json: {p}")
        count += 1
    return count


# Errors of 'inovasi check' that the schema sees in the file alone. Every
# other error needs other records, several fields, or the spelling of a
# value YAML reads as a number.
SEEN_BY_SCHEMA = [
    r"^unknown field ",
    r"^missing required field ",
    r"is not a date",
    r"is not an? (unit kind|kind|stage|category|initiator|polarity|mode|echelon|language) \(",
    r"is not a period",
    r"is not a (whole )?number$",
    r"must be (a single value|a list|a mapping), not ",
    r"must not be empty$",
    r"is not a valid id",
    r"NIP '[^']*'( must be 18 digits|: birth date|: appointment month|: sex digit)",
    r"weight must be greater than 0",
    r"by_period takes quarters",
    r"is not a quarter; reports are quarterly",
    r"^(reporting|evaluation)\.every_months is",
    r"^expected a mapping of fields",
    r"^file is empty",
    r"must not be negative",
    r"is not true or false",
    r"^scale\.cap must be",
]
# Values YAML 1.2 reads as numbers: 0300, 1e3. inovasi refuses their spelling.
SPELLING_ONLY = [r"leading zeros are ambiguous", r"'[0-9.]+e[0-9]+' is not a number"]


def seen_by_schema(message):
    if any(re.search(p, message) for p in SPELLING_ONLY):
        return False
    return any(re.search(p, message) for p in SEEN_BY_SCHEMA)


def check_fixtures(validators, fixtures):
    """Each record file of each 'inovasi check' fixture: refused by its
    schema exactly when check reports an error the schema can see."""
    counts = {"passed": 0, "refused": 0}
    for name in sorted(os.listdir(fixtures)):
        folder = os.path.join(fixtures, name)
        expected = os.path.join(folder, "expected.txt")
        if not os.path.exists(expected):
            continue
        errors = {}
        for line in open(expected, encoding="utf-8"):
            m = re.match(r"^(\S+?):(?:\d+:\d+:)? (error|warning): (.*)$", line.rstrip("\n"))
            if m and m.group(2) == "error":
                errors.setdefault(m.group(1), []).append(m.group(3))
        for relative, kind in record_files(folder):
            shown = f"tests/fixtures/check/{name}/{relative}"
            mine = errors.get(relative, [])
            try:
                data = load(open(os.path.join(folder, relative), encoding="utf-8").read())
            except Unreadable as e:
                if not mine:
                    fail(f"{shown}: inovasi reads it, PyYAML does not: {e}")
                continue
            found = problems(validators, kind, data)
            should_refuse = [m for m in mine if seen_by_schema(m)]
            if should_refuse and not found:
                fail(f"{shown}: {kind}.schema.json passes it, but check says: {should_refuse[0]}")
            elif not should_refuse and found:
                fail(f"{shown}: {kind}.schema.json refuses it ({found[0]}), check does not")
            counts["refused" if found else "passed"] += 1
    return counts


IDEA = "id: sigap\ntitle: SIGAP\nunit: bappeda\n"
CONTRACT = (
    "id: rsud-2018\nunit: rsud-koesma\nstart: 2018-04-01\nend: 2019-03-31\n"
    "targets:\n  - id: waktu-tunggu\n    name: Waktu tunggu\n"
)
REPORT = "contract: rsud-2018\nperiod: 2018-Q3\nsubmitted: 2018-10-08\n"

# (type, record, passes): records made to pass or fail one rule each.
CASES = [
    ("idea", IDEA, True),
    ("idea", IDEA + "stage: selesai\n", False),  # no such stage
    ("idea", IDEA + "stage: Uji Coba\n", True),  # Indonesian, any case
    ("idea", IDEA + "stage: ujicoba\n", True),
    ("idea", IDEA + "stage: uji-coba\n", True),
    ("idea", IDEA + "kind: Non Digital\ninitiator: ASN\ncategory: pelayanan publik\n", True),
    ("idea", IDEA + "proposer: {echelon: iii-a}\n", True),
    ("idea", IDEA + "proposer: {echelon: IV.c}\n", False),
    ("idea", IDEA + "submitted: 2018-02-30\n", False),  # February 2018 has 28 days
    ("idea", IDEA + "submitted: 2019-02-29\n", False),
    ("idea", IDEA + "submitted: 2020-02-29\n", True),
    ("idea", IDEA + "submitted: 2000-02-29\n", True),
    ("idea", IDEA + "submitted: 1900-02-29\n", False),
    ("idea", IDEA + "submitted: 2018-13-01\n", False),
    ("idea", IDEA + "submitted: 0000-01-01\n", False),
    ("idea", IDEA + "submitted: 18-01-01\n", False),
    ("idea", IDEA + "budjet: 100\n", False),  # unknown field
    ("idea", IDEA + "proposer: {nmae: Sri}\n", False),  # unknown nested field
    ("idea", IDEA + "plan: [{step: Rapat, due: 2018-06-01, done: 2018-06-02}]\n", True),
    ("idea", IDEA + "plan: [{due: 2018-06-01}]\n", False),  # a step needs its text
    ("idea", IDEA + "budget: -5\n", False),
    ("idea", IDEA + "budget: 1000000000000000\n", False),  # 16 digits
    ("idea", IDEA + "budget: 150000000\n", True),
    ("idea", IDEA + "budget: banyak\n", False),
    ("idea", IDEA + "proposer: {nip: '198001152005012001'}\n", True),
    ("idea", IDEA + "proposer: {nip: '198002302005012001'}\n", False),  # born February 30th
    ("idea", IDEA + "proposer: {nip: '198001152005013001'}\n", False),  # sex digit 3
    ("idea", IDEA + "proposer: {nip: '198001152005132001'}\n", False),  # month 13
    ("idea", IDEA + "proposer: {nip: 198001152005012001}\n", False),  # a number to YAML
    ("idea", "id: SIGAP_2018\ntitle: SIGAP\nunit: bappeda\n", False),
    ("idea", "id: sigap\nunit: bappeda\n", False),  # no title
    ("idea", "id: sigap\ntitle: ''\nunit: bappeda\n", False),
    ("idea", "id: sigap\ntitle: [a, b]\nunit: bappeda\n", False),
    ("idea", IDEA + "tags: [antrean, digital]\n", True),
    ("idea", IDEA + "tags: antrean\n", False),
    ("unit", "id: rsud-koesma\nname: RSUD dr. R. Koesma\nkind: RSUD\n", True),
    ("unit", "id: rsud-koesma\nname: RSUD dr. R. Koesma\nkind: kampung\n", False),
    ("unit", "id: rsud-koesma\nname: RSUD dr. R. Koesma\n", False),  # kind is required
    ("unit", "id: a\nname: A\nkind: dinas\ncommitment_signed: 2018-04-31\n", False),
    ("unit", "id: a\nname: A\nkind: dinas\nhead: {name: Sri, nip: '', position: Kepala}\n", True),
    ("contract", CONTRACT, True),
    ("contract", CONTRACT + "    by_period: {2018-Q2: 55, 2018-Q3: 45.5}\n", True),
    ("contract", CONTRACT + "    by_period: {2018-Q5: 55}\n", False),
    ("contract", CONTRACT + "    by_period: {2018-H2: 55}\n", False),
    ("contract", CONTRACT + "    by_period: {2018-Q2: lima}\n", False),
    ("contract", CONTRACT + "    weight: 0\n", False),
    ("contract", CONTRACT + "    weight: 0.5\n", True),
    ("contract", CONTRACT + "    polarity: lower\n    mode: per periode\n", True),
    ("contract", CONTRACT + "    polarity: lebih rendah\n", False),
    ("contract", CONTRACT + "    mode: bulanan\n", False),
    ("contract", CONTRACT + "  - id: Waktu Tunggu\n    name: Lagi\n", False),
    ("contract", CONTRACT.replace("end: 2019-03-31\n", ""), False),
    ("report", REPORT, True),
    ("report", "# yaml-language-server: $schema=/usr/share/inovasi/schema/report.schema.json\n"
     + REPORT, True),
    ("report", REPORT.replace("2018-Q3", "2018-H2"), False),
    ("report", REPORT.replace("2018-Q3", "2018"), False),
    ("report", REPORT + "actual: {waktu-tunggu: 43, pengguna: 620}\n", True),
    ("report", REPORT + "actual: {Waktu Tunggu: 43}\n", False),
    ("report", REPORT + "actual: {waktu-tunggu: empat puluh}\n", False),
    ("report", REPORT + "evidence: [docs/foto.jpg, 'https://example.org/a']\n", True),
    ("regulation", "id: perbup-27-2018\nnumber: Perbup No. 27 Tahun 2018\ndate: 2018-08-27\n", True),
    ("regulation", "id: perbup-27-2018\nnumber: ''\ndate: 2018-08-27\n", False),
    ("regulation", "id: p\nnumber: N\ndate: 2018-08-27\nideas: [a, B]\n", False),
    ("programme", "name: X\nregion: Y\n", True),
    ("programme", "name: X\nregion: Y\neditor_schema: true\n", True),
    ("programme", "name: X\nregion: Y\neditor_schema: yes\n", False),  # text in YAML 1.2
    ("programme", "name: X\nregion: Y\neditor_schema: 'true'\n", False),
    ("programme", "name: X\nregion: Y\nlanguage: Bahasa Indonesia\n", True),
    ("programme", "name: X\nregion: Y\nlanguage: jawa\n", False),
    ("programme", "name: X\nregion: Y\nevaluation: {every_months: 12}\n", True),
    ("programme", "name: X\nregion: Y\nevaluation: {every_months: 3}\n", False),
    ("programme", "name: X\nregion: Y\nreporting: {every_months: 4}\n", False),
    ("programme", "name: X\nregion: Y\nreporting: {grace_days: -1}\n", False),
    ("programme", "name: X\nregion: Y\nscale: {cap: 0}\n", False),
    ("programme", "name: X\nregion: Y\nscale: {bands: [{min: 0, label: {id: A}}]}\n", False),
    ("programme", "name: X\nregion: Y\npriorities: [{id: misi-2, title: T}]\n", True),
    ("programme", "name: X\nregion: Y\nindicators: [{id: IKM, name: N}]\n", False),
    ("programme", "name: X\n", False),
    ("workspace", "name: Jawa Timur\nprogrammes: [tuban, kabupaten/bojonegoro]\n", True),
    ("workspace", "programmes: []\n", False),
    ("workspace", "programmes: [/srv/tuban]\n", False),
    ("workspace", "programmes: ['']\n", False),
    ("workspace", "name: Jawa Timur\n", False),
    ("workspace", "programmes: [tuban]\nowner: x\n", False),
]


def check_cases(validators):
    for kind, text, passes in CASES:
        found = problems(validators, kind, load(text))
        if passes and found:
            fail(f"{kind} refused, should pass: {text!r}: {found[0]}")
        if not passes and not found:
            fail(f"{kind} passed, should be refused: {text!r}")


# ------------------------------------------------------------ the patterns


def check_date_pattern(gen):
    date = re.compile(gen.DATE)
    years = list(range(1, 13)) + list(range(1896, 1905)) + list(range(1996, 2105))
    years += [400, 800, 1200, 1600, 2400, 9996, 9999]
    for year in years:
        for month in range(0, 14):
            for day in range(0, 33):
                text = f"{year:04}-{month:02}-{day:02}"
                try:
                    datetime.date(year, month, day)
                    real = True
                except ValueError:
                    real = False
                if bool(date.match(text)) != real:
                    fail(f"the date pattern {'refuses' if real else 'accepts'} {text}")
    for text in ["0000-01-01", "2018-1-01", "2018-01-1", "20180101", "2018/01/01", "12018-01-01"]:
        if date.match(text):
            fail(f"the date pattern accepts {text}")


def check_enum_patterns(gen):
    """Each enumeration's pattern matches what enum_key matches, no more."""
    enums = gen.parse_enums(open(os.path.join(ROOT, "src/model/enums.cpp"), encoding="utf-8").read())
    rng = random.Random(8)
    for enum, entries in enums.items():
        keys = {gen.enum_key(w) for _, tok, aliases in entries for w in [tok] + aliases}
        pattern = re.compile(gen.spelling_pattern(sorted(keys)))
        words = [w for _, tok, aliases in entries for w in [tok] + aliases]
        for word in words:
            for _ in range(20):
                spelled = "".join(
                    (c.upper() if rng.random() < 0.5 else c.lower())
                    + (rng.choice(gen.ENUM_SEPARATORS) if rng.random() < 0.2 else "")
                    for c in word
                )
                if not pattern.match(spelled):
                    fail(f"{enum}: the pattern refuses {spelled!r}, which inovasi reads")
            for k in range(len(word)):
                changed = word[:k] + ("x" if word[k] != "x" else "y") + word[k + 1 :]
                if bool(pattern.match(changed)) != (gen.enum_key(changed) in keys):
                    fail(f"{enum}: the pattern and enum_key disagree on {changed!r}")
            if pattern.match(word + "s") and gen.enum_key(word + "s") not in keys:
                fail(f"{enum}: the pattern accepts {word + 's'!r}")


# ------------------------------------------------------------ records inovasi writes


def check_written(validators, inovasi):
    """The examples with editor_schema: true, after fmt: each file starts
    with the hint naming its own schema, and passes it."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "tuban-2018")
        shutil.copytree(os.path.join(ROOT, "examples", "tuban-2018"), folder,
                        ignore=shutil.ignore_patterns(".inovasi"))
        programme = os.path.join(folder, "inovasi.yaml")
        text = open(programme, encoding="utf-8").read()
        open(programme, "w", encoding="utf-8").write(text + "editor_schema: true\n")
        run = subprocess.run([inovasi, "-C", folder, "fmt"], capture_output=True, text=True)
        if run.returncode != 0 or run.stderr:
            fail(f"inovasi fmt with editor_schema: exit {run.returncode}: {run.stderr}")
            return 0
        count = 0
        for relative, kind in record_files(folder):
            text = open(os.path.join(folder, relative), encoding="utf-8").read()
            first = text.split("\n", 1)[0]
            m = re.match(r"^# yaml-language-server: \$schema=(/\S+)/inovasi/schema/(\w+)\.schema\.json$",
                         first)
            if not m or m.group(2) != kind:
                fail(f"{relative} written with editor_schema starts with {first!r}")
            for p in problems(validators, kind, load(text)):
                fail(f"{relative} written by inovasi fmt: {p}")
            count += 1
        run = subprocess.run([inovasi, "-C", folder, "check"], capture_output=True, text=True)
        if run.returncode != 0 or "canonical" in run.stderr:
            fail(f"inovasi check after fmt with editor_schema: exit {run.returncode}: {run.stderr}")
        return count


def main(argv):
    gen = load_generator()
    check_generated(gen)
    validators = read_schemas()
    if len(validators) < 7:
        fail(f"only {sorted(validators)} of the seven schemas could be read")
        return report()
    examples = check_valid_folder(validators, os.path.join(ROOT, "examples", "tuban-2018"))
    roundtrip = os.path.join(ROOT, "tests", "fixtures", "roundtrip")
    others = sum(check_valid_folder(validators, os.path.join(roundtrip, name))
                 for name in sorted(os.listdir(roundtrip)))
    others += check_valid_folder(validators, os.path.join(ROOT, "tests", "hostile", "programme"))
    fixtures = check_fixtures(validators, os.path.join(ROOT, "tests", "fixtures", "check"))
    check_cases(validators)
    check_date_pattern(gen)
    check_enum_patterns(gen)
    written = check_written(validators, argv[1]) if len(argv) > 1 else 0
    print(f"json_schemas: {examples} example records and {others} fixture records pass; "
          f"check's fixtures: {fixtures['passed']} pass, {fixtures['refused']} refused as check "
          f"refuses them; {len(CASES)} made-up records; {written} records written with the hint")
    return report()


def report():
    for message in FAILURES:
        print("FAIL: " + message)
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
