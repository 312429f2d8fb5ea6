"""Rebuild ``data/heart.csv`` from the copy of the Cleveland data inside the orange3 wheel.

The course never runs this: ``data/heart.csv`` is committed and checksummed. It documents exactly
how the file was made, so anyone can re-create and verify it::

    pip download --no-deps orange3==3.40.0 -d /tmp/orange
    unzip -o /tmp/orange/orange3-*.whl 'Orange/datasets/heart_disease.tab' -d /tmp/orange
    python -m tools.convert_heart /tmp/orange/Orange/datasets/heart_disease.tab data/heart.csv

Orange stores several codes as text labels; this maps them back to the numeric codes of the UCI
``processed.cleveland.data`` file (see ``data/README.md``). Missing values (``?``) stay empty.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from regutils.datasets import HEART_COLUMNS

# Orange's column name -> (UCI name, mapping from Orange's label to the UCI code or None to keep).
ORANGE_TO_UCI: dict[str, tuple[str, dict[str, str] | None]] = {
    "age": ("age", None),
    "gender": ("sex", {"female": "0", "male": "1"}),
    "chest pain": (
        "cp",
        {
            "typical ang": "1",
            "atypical ang": "2",
            "non-anginal": "3",
            "asymptomatic": "4",
        },
    ),
    "rest SBP": ("trestbps", None),
    "cholesterol": ("chol", None),
    "fasting blood sugar > 120": ("fbs", {"0": "0", "1": "1"}),
    "rest ECG": (
        "restecg",
        {
            "normal": "0",
            "ST-T abnormal": "1",
            "left vent hypertrophy": "2",
        },
    ),
    "max HR": ("thalach", None),
    "exerc ind ang": ("exang", {"0": "0", "1": "1"}),
    "ST by exercise": ("oldpeak", None),
    "slope peak exc ST": ("slope", {"upsloping": "1", "flat": "2", "downsloping": "3"}),
    "major vessels colored": ("ca", None),
    "thal": ("thal", {"normal": "3", "fixed defect": "6", "reversable defect": "7"}),
    "diameter narrowing": ("target", {"0": "0", "1": "1"}),
}


def convert(tab_path: Path, csv_path: Path) -> int:
    """Convert Orange's tab file to the UCI-coded CSV; return the number of rows written."""
    lines = tab_path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = [line.split("\t") for line in lines[3:] if line.strip()]  # 3 header lines in .tab
    if list(header) != list(ORANGE_TO_UCI):
        raise SystemExit(f"unexpected columns in {tab_path}: {header}")
    out = []
    for row in rows:
        record = {}
        for orange_name, value in zip(header, row):
            name, mapping = ORANGE_TO_UCI[orange_name]
            value = value.strip()
            if value in ("?", ""):
                record[name] = ""
            elif mapping is None:
                record[name] = value
            else:
                record[name] = mapping[value]  # KeyError means an unknown label: stop loudly
        out.append(record)
    with csv_path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=HEART_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    return len(out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    n = convert(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote {n} rows to {sys.argv[2]}")
