"""Rewrite the issue-code table of README.md from the catalogue (src/cchc_cli/issues.py).

python scripts/update_readme_codes.py
"""

from __future__ import annotations

import re
from pathlib import Path

from cchc_cli.catalogue import ISSUES

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- codes:start -->", "<!-- codes:end -->"


def table() -> str:
    lines = [
        "| code | default severity | message (Vietnamese; `--lang en` for English) |",
        "|---|---|---|",
    ]
    for code, entry in ISSUES.items():
        lines.append(f"| `{code}` | {entry.severity} | {entry.vi.replace('|', '/')} |")
    return "\n".join(lines)


def main() -> None:
    text = README.read_text(encoding="utf-8")
    block = f"{START}\n{table()}\n{END}"
    text = re.sub(re.escape(START) + ".*?" + re.escape(END), block, text, flags=re.S)
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
