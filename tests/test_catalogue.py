"""catalogue/, the word catalogue: every key the code says is there, in both languages, with
the same placeholders; phrases are worded where the language is known."""

from __future__ import annotations

import ast
import re
import string

import pytest

from cchc_cli.catalogue import WORDS, Phrase, did_you_mean, label, phrase
from cchc_cli.issues import Issue, Severity, render_message
from cchc_cli.readers.grid import FileFormat
from cchc_cli.report.excel import SHEETS
from cchc_cli.schema.vocabularies import AdminLevel
from cchc_cli.targets.results import TargetStatus
from cchc_cli.targets.timeliness import Timeliness
from conftest import ROOT

SRC = ROOT / "src" / "cchc_cli"
# Calls whose first argument is a catalogue key, and the prefix that key takes.
KEYED_CALLS = {
    "label": "",
    "phrase": "",
    "Phrase": "",
    "Note": "",
    "make_issue": "",
    "render_message": "",
    "ConfigError": "",
    "InputError": "",
    "UsageError": "",
    "UnusableInputs": "",
    "PydanticCustomError": "",
}


def _called_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _families_said_in_src() -> set[str]:
    """Prefixes of keys built in the code: f"profile_draft.{key}", and `_w(name)` (report.)."""
    prefixes: set[str] = set()
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name, first = _called_name(node), node.args[0]
            if name == "_w" and not isinstance(first, ast.Constant):
                prefixes.add("report.")
            if name in KEYED_CALLS and isinstance(first, ast.JoinedStr) and first.values:
                head = first.values[0]
                if isinstance(head, ast.Constant) and str(head.value).endswith((".", "_")):
                    prefixes.add(str(head.value))
    return prefixes


# Codes no longer raised (the `--columns` file became vendor profiles, issue 9), kept
# because codes are a contract: a script matching one still finds it documented.
RETIRED = {
    "config.columns_unreadable",
    "config.columns_invalid",
    # a count change without this period's rows: the engine's result.period_not_covered (#11)
    "result.no_current_data",
}


def _keys_said_in_src() -> dict[str, str]:
    """key -> where it is said, for every literal key passed to a keyed call in src/."""
    said: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _called_name(node)
            first = node.args[0]
            if name == "_w" and isinstance(first, ast.Constant) and isinstance(first.value, str):
                own = f"report.{first.value}"
                key = own if own in WORDS else first.value
            elif name in KEYED_CALLS and isinstance(first, ast.Constant):
                if not isinstance(first.value, str):
                    continue
                key = KEYED_CALLS[name] + first.value
            else:
                continue
            said.setdefault(key, f"{path.relative_to(ROOT)}:{node.lineno}")
    return said


def _dynamic_keys() -> set[str]:
    """Keys the code builds from a value (a status, a level, a sheet)."""
    keys = {f"status_{s.value}" for s in TargetStatus}
    keys |= {str(severity) for severity in Severity}
    keys |= {f"timeliness_{t.value}" for t in Timeliness}
    keys |= {f"level_{level.value}" for level in AdminLevel if level.value != "UNKNOWN"}
    keys |= {f"report.sheet_{sheet}" for sheet in SHEETS}
    keys |= {f"format_{fmt.value.replace('-', '_')}" for fmt in FileFormat}
    keys |= {key for key in WORDS if key.startswith("oserror.")}  # by the error's number
    return keys


def test_every_key_said_in_src_is_in_the_catalogue_issue10() -> None:
    said = _keys_said_in_src()
    assert len(said) > 150, "the scan must find the keys the code says"
    missing = {key: where for key, where in said.items() if key not in WORDS}
    assert not missing, missing
    assert _dynamic_keys() <= WORDS.keys()


def test_every_catalogue_entry_is_said_somewhere_issue10() -> None:
    # the catalogue's sections name every key: look everywhere else
    source = "\n".join(
        p.read_text("utf-8")
        for p in SRC.rglob("*.py")
        if p.parent.name != "catalogue" or p.name == "__init__.py"
    )
    said = set(_keys_said_in_src()) | _dynamic_keys() | RETIRED
    families = tuple(_families_said_in_src())
    assert "profile_draft." in families
    unused = [
        key
        for key in WORDS
        if key not in said and f'"{key}"' not in source and not key.startswith(families)
    ]
    assert not unused, unused


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(WORDS))
def test_both_languages_say_the_same_things_issue10(key: str) -> None:
    vi, en = WORDS[key]
    assert vi.strip() and en.strip(), key
    assert _placeholders(vi) == _placeholders(en), key
    # no Vietnamese left in the English text, beyond quoted data ('Hạn xử lý', (Có, Không))
    words = re.sub(r"'[^']*'|\([^)]*\)", "", en)
    assert not re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", words), key


def test_a_phrase_is_worded_in_the_language_of_the_message_it_fills_issue10() -> None:
    reason = phrase("reason.unknown_dataset", hint=did_you_mean("dosiers", ["dossiers"]))
    params = {"path": "t.yaml", "target": "a", "location": "targets[0].dataset", "reason": reason}
    vi = render_message("config.targets_invalid", "vi", params)
    en = render_message("config.targets_invalid", "en", params)
    assert "không có loại dữ liệu này. Có phải 'dossiers'?" in vi
    assert "no such dataset. Did you mean 'dossiers'?" in en
    assert str(reason) == reason.render("vi")


def test_nothing_close_gives_no_hint_issue10() -> None:
    assert did_you_mean("zzz", ["dossiers", "ratings"]) == ""
    assert isinstance(did_you_mean("rating", ["dossiers", "ratings"]), Phrase)


def test_an_unknown_key_fails_where_it_is_said_issue10() -> None:
    with pytest.raises(KeyError):
        phrase("targets.no_such_reason")


def test_keys_named_like_parameters_are_passed_through_issue10() -> None:
    # `key` and `lang` are ordinary template parameters, not the lookup's own arguments
    text = label("targets.kind_needs", "en", kind="ratio", key="numerator")
    assert text == "a 'ratio' target needs 'numerator'"


def test_an_issue_message_fills_the_consequence_in_its_language_issue10() -> None:
    issue = Issue(
        "value.date_unparseable", Severity.ERROR, value="31/02", params={"required": True}
    )
    assert issue.message("vi").endswith("Đây là cột bắt buộc; dòng bị loại.")
    assert issue.message("en").endswith("This column is required; row rejected.")


def test_the_catalogue_sections_do_not_share_a_key_issue10() -> None:
    from cchc_cli.catalogue import cli, files, issues, labels, profiles, score, targets, wording

    sections = [
        set(issues.ISSUES),
        set(labels.LABELS),
        set(wording.WORDING),
        set(targets.REASONS),
        set(profiles.REASONS),
        set(files.REASONS),
        set(cli.WORDS),
        set(cli.HELP),
        set(score.WORDS),
    ]
    assert sum(len(s) for s in sections) == len(WORDS)


def test_the_systems_common_refusals_are_said_in_the_officers_language_issue14() -> None:
    import errno

    from cchc_cli.catalogue import os_reason

    full = os_reason(OSError(errno.ENOSPC, "No space left on device"))
    assert isinstance(full, Phrase) and full.render("vi") == "hết chỗ trống trên đĩa"
    assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == (
        "Invalid cross-device link"  # a rare one keeps the system's words
    )
    for key in (k for k in WORDS if k.startswith("oserror.")):
        assert key.removeprefix("oserror.") in errno.errorcode.values(), key
