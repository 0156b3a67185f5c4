"""cli/profile_cmd.py with ingest/drafting.py (`cchc profile list|show|init`, issue #9): an
officer adapts cchc to a new system without code."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from cchc_cli.cli import app
from cchc_cli.profiles import shipped_names
from conftest import write_xlsx

UNKNOWN_SYSTEM = [
    ["DANH SÁCH HỒ SƠ TIẾP NHẬN"],
    ["TT", "Số phiếu", "Tên TTHC", "Ngày nhận HS", "Hẹn trả", "Tình trạng xử lý", "Cán bộ thụ lý"],
    [1, "P-001", "Đăng ký khai sinh", "03/03/2025", "05/03/2025", "Đã ký duyệt", "Nguyễn B"],
    [2, "P-002", "Đăng ký kết hôn", "03/03/2025", "05/03/2025", "Chờ ý kiến", "Nguyễn B"],
    [3, "P-003", "Đăng ký kết hôn", "04/03/2025", "06/03/2025", "15", "Nguyễn B"],
]


@pytest.mark.parametrize("command", ["list", "show", "init"])
def test_issue_9_profile_commands_have_help_with_an_example(runner, command) -> None:
    result = runner.invoke(app, ["profile", command, "--help"])
    assert result.exit_code == 0
    assert "Ví dụ" in result.stdout and f"cchc profile {command}" in result.stdout


def test_issue_9_profile_list_names_every_shipped_profile(runner) -> None:
    result = runner.invoke(app, ["profile", "list", "--format", "json"])
    assert result.exit_code == 0
    assert [p["name"] for p in json.loads(result.stdout)] == list(shipped_names())
    table = runner.invoke(app, ["profile", "list"])
    assert table.exit_code == 0 and "iGate" in table.stdout


def test_issue_9_profile_show_gives_what_the_profile_applies(runner) -> None:
    shown = runner.invoke(app, ["profile", "show", "igate", "--format", "json"])
    assert shown.exit_code == 0
    document = json.loads(shown.stdout)
    dossiers = document["datasets"]["dossiers"]
    assert any(i["header"] == "Hạn xử lý" and i["why"] for i in dossiers["ignore"])
    assert all(h["header"] != "Hạn xử lý" for h in dossiers["fields"]["due_at"])
    assert document["values"]["status"]["numbers"] == {}
    raw = runner.invoke(app, ["profile", "show", "igate", "--format", "yaml"])
    assert "KINGIRIS1/QLHS2025" in raw.stdout  # the sources travel with the rules
    assert runner.invoke(app, ["profile", "show", "igate"]).exit_code == 0


def test_issue_9_profile_show_unknown_name_exits_4_with_a_suggestion(runner) -> None:
    result = runner.invoke(app, ["profile", "show", "igat"])
    assert result.exit_code == 4
    assert "config.unknown_profile" in result.stderr and "igate" in result.stderr


def test_issue_9_profile_init_then_edit_reads_a_new_system(runner, tmp_path) -> None:
    data = write_xlsx(tmp_path / "he-thong-moi.xlsx", UNKNOWN_SYSTEM)
    before = runner.invoke(app, ["validate", str(data), "--format", "json"])
    assert before.exit_code == 3  # nothing recognised yet
    draft = tmp_path / "he-thong-moi.yaml"
    made = runner.invoke(app, ["profile", "init", str(data), "-o", str(draft)])
    assert made.exit_code == 0, made.output
    text = draft.read_text(encoding="utf-8")
    # Loading the draft as it is changes nothing: every entry is undecided.
    assert yaml.safe_load(text)["datasets"]["dossiers"]["read_as"]["Số phiếu"] is None
    assert '"Số phiếu": ~' in text and '"Đã ký duyệt": ~' in text and '"15": ~' in text
    assert re.search(r"# Cột F: .*status", text)  # candidates as comments
    unchanged = runner.invoke(app, ["validate", str(data), "--profile", str(draft)])
    assert unchanged.exit_code == 3
    # The officer fills in the blanks …
    decided = (
        text.replace('"Số phiếu": ~', '"Số phiếu": dossier_code')
        .replace('"Ngày nhận HS": ~', '"Ngày nhận HS": received_at')
        .replace('"Hẹn trả": ~', '"Hẹn trả": due_at')
        .replace('"Tình trạng xử lý": ~', '"Tình trạng xử lý": status')
        .replace('"Cán bộ thụ lý": ~', '"Cán bộ thụ lý": ignore')
        .replace('"Đã ký duyệt": ~', '"Đã ký duyệt": COMPLETED')
        .replace('"Chờ ý kiến": ~', '"Chờ ý kiến": PROCESSING')
        .replace('"15": ~', '"15": PROCESSING')
    )
    draft.write_text(decided, encoding="utf-8")
    # … and the file reads.
    after = runner.invoke(app, ["validate", str(data), "--profile", str(draft), "-f", "json"])
    assert after.exit_code == 0, after.output
    document = json.loads(after.stdout)
    assert document["inputs"][0]["profile"] == "he-thong-moi"
    assert document["inputs"][0]["rows_valid"] == 3
    assert document["issues"] == []


def test_issue_9_profile_init_never_writes_over_its_input(runner, tmp_path) -> None:
    data = write_xlsx(tmp_path / "a.xlsx", UNKNOWN_SYSTEM)
    result = runner.invoke(app, ["profile", "init", str(data), "-o", str(data)])
    assert result.exit_code == 2
    assert data.read_bytes()[:2] == b"PK"
