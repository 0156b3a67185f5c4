"""cli/ (inspect, validate, template and what every command shares) with the validation view
(report/validation.py): the JSON contract (D11), exit codes (D10), no tracebacks, data and
file names shown as text, help and version."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from cchc_cli.cli import app
from cchc_cli.ingest import load_inputs
from cchc_cli.report.validation import validation_json
from conftest import SAMPLE_DATA, write_xlsx
from golden_rows import NUMBERED_HEADER, UNITS

GOOD = [["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận"], ["H001", "Khai sinh", "03/03/2025"]]
BAD = [["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận"], ["H001", "Khai sinh", "31/02/2025"]]


def test_validate_sample_data_json_matches_the_contract(runner) -> None:
    result = runner.invoke(app, ["validate", str(SAMPLE_DATA), "--format", "json"])
    document = json.loads(result.stdout)
    assert set(document) == {"inputs", "issues", "duplicates"}
    assert len(document["inputs"]) == 14
    for entry in document["inputs"]:
        assert set(entry) == {
            "path",
            "format",
            "dataset",
            "sheet",
            "profile",
            "header_rows",
            "rows_read",
            "rows_valid",
            "rows_rejected",
            "rows_skipped",
        }
        assert entry["rows_read"] == (
            entry["rows_valid"] + entry["rows_rejected"] + entry["rows_skipped"]
        )
    assert {e["format"] for e in document["inputs"]} == {"xlsx", "html-xls", "csv"}
    for issue in document["issues"]:
        assert set(issue) == {
            "code",
            "severity",
            "path",
            "sheet",
            "row",
            "column",
            "value",
            "message",
        }
        assert issue["severity"] in {"error", "warning", "info"}
    assert document["duplicates"] == sum(
        1 for i in document["issues"] if i["code"] == "duplicate.dossier"
    )
    # the sample carries a handful of deliberately bad rows
    assert sum(e["rows_rejected"] for e in document["inputs"]) == 4
    assert result.exit_code == 3


def test_validate_json_equals_the_library_result(runner) -> None:
    result = runner.invoke(app, ["validate", str(SAMPLE_DATA), "--format", "json"])
    assert json.loads(result.stdout) == validation_json(load_inputs([str(SAMPLE_DATA)]), "vi")


def test_clean_input_exits_0(runner, tmp_path) -> None:
    path = write_xlsx(tmp_path / "ok.xlsx", GOOD)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "Hợp lệ" in result.stdout


def test_rejected_rows_exit_3(runner, tmp_path) -> None:
    path = write_xlsx(tmp_path / "bad.xlsx", BAD)
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 3
    issues = json.loads(result.stdout)["issues"]
    assert [(i["code"], i["row"], i["column"]) for i in issues] == [
        ("value.date_impossible", 2, "Ngày tiếp nhận")
    ]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (None, "input.not_found"),
        (b"PK\x03\x04garbage", "file.unreadable"),
        (b"\x00\x01\x02" * 50, "file.unreadable"),
        (b"\x81\x8d\x8f\x90;\xff\n", "file.encoding"),
        ("Tên;Tuổi\nAn;3\n".encode(), "sheet.no_header"),
    ],
)
def test_bad_inputs_exit_3_with_a_message_and_no_traceback(runner, tmp_path, content, code):
    path = tmp_path / "input.xlsx"
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    issues = json.loads(result.stdout)["issues"]
    assert [i["code"] for i in issues] == [code]
    assert issues[0]["severity"] == "error"
    assert issues[0]["message"]


def test_empty_folder_exits_3(runner, tmp_path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path), "--format", "json"])
    assert result.exit_code == 3
    assert [i["code"] for i in json.loads(result.stdout)["issues"]] == ["input.no_files"]


def test_glob_and_folder_inputs(runner, tmp_path) -> None:
    write_xlsx(tmp_path / "a.xlsx", GOOD)
    (tmp_path / "sub").mkdir()
    write_xlsx(tmp_path / "sub" / "b.xlsx", [GOOD[0], ["H002", "Kết hôn", "04/03/2025"]])
    (tmp_path / "~$a.xlsx").write_bytes(b"lock")  # Excel's lock file is not data
    folder = runner.invoke(app, ["validate", str(tmp_path), "--format", "json"])
    pattern = runner.invoke(app, ["validate", str(tmp_path / "*.xlsx"), "--format", "json"])
    assert folder.exit_code == 0 and pattern.exit_code == 0
    assert [e["path"][-6:] for e in json.loads(folder.stdout)["inputs"]] == ["a.xlsx", "b.xlsx"]
    assert [e["path"][-6:] for e in json.loads(pattern.stdout)["inputs"]] == ["a.xlsx"]


@pytest.mark.parametrize(
    ("yaml_text", "fragment"),
    [
        ("dossiers:\n  due_att: ['Hạn trả']\n", "due_at"),
        ("dosiers:\n  due_at: ['Hạn trả']\n", "dossiers"),
        ("dossiers: [unclosed\n", "config.columns_unreadable"),
        ("values:\n  status:\n    PROCESING: ['Chờ']\n", "PROCESSING"),
        ("dossiers:\n  due_at: 5\n", "dossiers.due_at"),
    ],
)
def test_bad_columns_file_exits_4_naming_the_place(runner, tmp_path, yaml_text, fragment):
    columns = tmp_path / "cot.yaml"
    columns.write_text(yaml_text, encoding="utf-8")
    path = write_xlsx(tmp_path / "ok.xlsx", GOOD)
    result = runner.invoke(app, ["validate", str(path), "--columns", str(columns)])
    assert result.exit_code == 4
    assert fragment in result.stderr
    assert "Traceback" not in result.output


def test_columns_file_is_never_executed(runner, tmp_path) -> None:
    columns = tmp_path / "cot.yaml"
    columns.write_text("!!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    path = write_xlsx(tmp_path / "ok.xlsx", GOOD)
    result = runner.invoke(app, ["validate", str(path), "--columns", str(columns)])
    assert result.exit_code == 4
    assert "pwned" not in result.stdout


def test_unknown_dataset_exits_4_with_suggestion(runner, tmp_path) -> None:
    path = write_xlsx(tmp_path / "ok.xlsx", GOOD)
    result = runner.invoke(app, ["validate", str(path), "--dataset", "dossier"])
    assert result.exit_code == 4
    assert "dossiers" in result.stderr


def test_usage_error_exits_2(runner) -> None:
    assert runner.invoke(app, ["validate"]).exit_code == 2
    assert runner.invoke(app, ["validate", "x", "--format", "yaml"]).exit_code == 2


def test_internal_error_is_one_line_exit_5(runner, tmp_path, monkeypatch) -> None:
    import cchc_cli.ingest as ingest

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(ingest, "load_inputs", broken)
    path = write_xlsx(tmp_path / "ok.xlsx", GOOD)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 5
    assert "Traceback" not in result.output
    assert "internal.error" in result.stderr and "boom" in result.stderr
    debug = runner.invoke(app, ["--debug", "validate", str(path)])
    assert isinstance(debug.exception, RuntimeError)


def test_english_messages(runner, tmp_path) -> None:
    path = write_xlsx(tmp_path / "bad.xlsx", BAD)
    result = runner.invoke(app, ["validate", str(path), "--format", "json", "--lang", "en"])
    message = json.loads(result.stdout)["issues"][0]["message"]
    assert "does not exist in the calendar" in message


def test_personal_values_are_masked_in_issues(runner, tmp_path) -> None:
    rows = [
        ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Thanh toán trực tuyến", "Chủ hồ sơ"],
        ["H001", "Khai sinh", "03/03/2025", "?", "Nguyễn Văn An"],
    ]
    path = write_xlsx(tmp_path / "p.xlsx", rows)
    result = runner.invoke(app, ["inspect", str(path), "--format", "json"])
    assert "Nguyễn Văn An" not in result.stdout
    preview = json.loads(result.stdout)["sheets"][0]["preview"]
    assert preview[0]["applicant_name"] == "N***"


def test_inspect_shows_the_mapping(runner) -> None:
    path = SAMPLE_DATA / "2025-02 danh sach ho so - thi xa Duc Pho.xlsx"
    result = runner.invoke(app, ["inspect", str(path), "--format", "json"])
    assert result.exit_code == 0
    sheet = json.loads(result.stdout)["sheets"][0]
    assert sheet["recognised"] and sheet["header_rows"] == [7, 8]
    fields = {c["header"]: c["field"] for c in sheet["columns"]}
    assert fields["Ngày, tháng, năm / Ngày tiếp nhận"] == "received_at"
    assert fields["STT"] is None
    accounting = sheet["accounting"]
    assert accounting["rows_read"] == sum(
        accounting[k] for k in ("rows_valid", "rows_rejected", "rows_skipped")
    )
    table = runner.invoke(app, ["inspect", str(path)])
    assert table.exit_code == 0
    assert "Ngày tiếp nhận" in table.stdout and "Dòng tiêu đề: 7, 8" in table.stdout


def test_inspect_names_fields_codes_and_formats_as_officers_do_issue14(runner) -> None:
    path = SAMPLE_DATA / "2025-03 DanhSachHoSo_20250401_0815.xls"
    shown = runner.invoke(app, ["inspect", str(path)], env={"COLUMNS": "160"}).stdout
    # the field, the format and the codes by their names; ids only when asked
    assert "Trang HTML lưu thành .xls" in shown and "html-xls" not in shown
    for internal in ("received_at", "RETURNED", "NOT_PAID", "district", "True", "--profile base;"):
        assert (internal in shown) == (internal == "--profile base;"), internal
    assert "Đã trả kết quả" in shown and "Cấp huyện" in shown
    # a date as a date, an amount with its separators
    assert "29/01/2025 10:10" in shown and "100.000" in shown
    with_ids = runner.invoke(app, ["inspect", str(path), "--ids"], env={"COLUMNS": "160"})
    assert "Mã hồ sơ (dossier_code)" in with_ids.stdout
    # scripts keep the canonical forms
    document = json.loads(runner.invoke(app, ["inspect", str(path), "--format", "json"]).stdout)
    first = document["sheets"][0]["preview"][0]
    assert first["status"] == "RETURNED" and first["received_at"].startswith("2025-01-29T")


def test_inspect_missing_file_exits_3(runner, tmp_path) -> None:
    result = runner.invoke(app, ["inspect", str(tmp_path / "nope.xlsx")])
    assert result.exit_code == 3
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["inspect", "validate"])
def test_every_command_has_help_with_an_example(runner, command) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Ví dụ" in result.stdout and f"cchc {command}" in result.stdout


def test_version(runner) -> None:
    from cchc_cli import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"cchc {__version__}"


def test_python_dash_m_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cchc_cli", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.startswith("cchc ")


def test_non_utf8_file_names_do_not_crash_issue2(runner, tmp_path) -> None:
    folder = os.fsencode(tmp_path) + b"/b\xe1o c\xe1o"
    try:
        os.mkdir(folder)
    except OSError:  # a file system that refuses such names cannot have the problem
        pytest.skip("file system does not accept non-UTF-8 names")
    write_xlsx(
        os.fsdecode(folder + b"/h\xf4 s\xf4.xlsx"),
        [NUMBERED_HEADER, [1, "H1", "Khai sinh", "03/03/2025", "9"]],
    )
    result = runner.invoke(app, ["validate", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    path = json.loads(result.stdout)["inputs"][0]["path"]
    assert "\\xe1" in path and "\\xf4" in path


def test_brackets_in_data_and_paths_are_shown_as_text_issue2(runner, tmp_path) -> None:
    rows = [NUMBERED_HEADER, [1, "H[bold]1", "Khai sinh", "[/b]", "9"]]
    path = write_xlsx(tmp_path / "m[1].xlsx", rows)
    for command in (["validate", str(path)], ["inspect", str(path)]):
        result = runner.invoke(app, command)
        assert result.exit_code in (0, 3), result.output
        assert "[/b]" in result.stdout
    columns = tmp_path / "x[red]y.yaml"
    columns.write_text("dossiers:\n  due_att: []\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path), "--columns", str(columns)])
    assert result.exit_code == 4
    assert "x[red]y.yaml" in result.stderr


def test_columns_values_as_a_list_is_a_configuration_error_issue2(runner, tmp_path) -> None:
    columns = tmp_path / "v.yaml"
    columns.write_text("values:\n  status: [x]\n", encoding="utf-8")
    path = write_xlsx(
        tmp_path / "a.xlsx", [NUMBERED_HEADER, [1, "H1", "Khai sinh", "03/03/2025", "9"]]
    )
    result = runner.invoke(app, ["validate", str(path), "--columns", str(columns)])
    assert result.exit_code == 4
    assert "values.status" in result.stderr


def test_a_stray_text_file_in_a_folder_is_passed_over_issue2(runner, tmp_path) -> None:
    write_xlsx(tmp_path / "a.xlsx", [NUMBERED_HEADER, [1, "H1", "Khai sinh", "03/03/2025", "9"]])
    (tmp_path / "readme.txt").write_text("Ghi chú: dữ liệu tháng 3\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    codes = [(i["code"], i["severity"]) for i in json.loads(result.stdout)["issues"]]
    assert ("file.not_data", "warning") in codes
    named = runner.invoke(app, ["validate", str(tmp_path / "readme.txt")])
    assert named.exit_code == 3


def test_a_huge_number_is_a_warning_issue4(runner, tmp_path) -> None:
    rows = [UNITS[0], ["U1", 2025, "Nhóm 3", 10**20]]
    result = runner.invoke(
        app, ["validate", str(write_xlsx(tmp_path / "u.xlsx", rows)), "--format", "json"]
    )
    assert result.exit_code == 0
    assert [i["code"] for i in json.loads(result.stdout)["issues"]] == ["value.integer_invalid"]


def test_an_unwritable_output_is_an_output_error_issue14(runner, tmp_path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["template", "staff", "-o", str(blocker / "x.xlsx")])
    assert result.exit_code == 3  # D10: an output that cannot be written
    assert "output.unwritable" in result.stderr


def test_a_bad_workers_setting_is_said_and_the_run_goes_on_issue12(runner, monkeypatch) -> None:
    monkeypatch.setenv("CCHC_WORKERS", "hai")
    result = runner.invoke(app, ["validate", str(SAMPLE_DATA), "--format", "json"])
    assert "CCHC_WORKERS='hai'" in result.stderr
    monkeypatch.setenv("CCHC_WORKERS", "1")
    plain = runner.invoke(app, ["validate", str(SAMPLE_DATA), "--format", "json"])
    assert "CCHC_WORKERS" not in plain.stderr
    # the same run either way: scripts get the same exit code and JSON, the note is on stderr
    assert result.exit_code == plain.exit_code != 5
    assert json.loads(result.stdout) == json.loads(plain.stdout)


def _hostile_csv(tmp_path):
    import csv

    from golden_rows import HEADER, MAR

    hostile = "\x1b[2J\x1b]0;pwned\x07UBND xã X <img src=x onerror=alert(1)>"
    rows = [list(HEADER)] + [list(row) for row in MAR]
    unit = HEADER.index("Đơn vị")
    for row in rows[1:]:
        row[unit] = hostile
    path = tmp_path / "t3.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_control_characters_from_cells_never_reach_the_terminal_issue13(runner, tmp_path) -> None:
    path = _hostile_csv(tmp_path)
    done = runner.invoke(
        app, ["compute", str(path), "--period", "2025-03", "--by", "agency_name", "--no-cache"]
    )
    assert done.exit_code == 0, done.output
    assert "\x1b" not in done.output and "\x07" not in done.output
    assert "␛[2J␛]0;pwned" in done.output  # shown, harmless (Rich itself drops the bell)


def test_markdown_output_carries_no_live_html_from_cells_issue13(runner, tmp_path) -> None:
    path = _hostile_csv(tmp_path)
    done = runner.invoke(
        app,
        [
            "compute",
            str(path),
            "--period",
            "2025-03",
            "--by",
            "agency_name",
            "--format",
            "markdown",
            "--no-cache",
        ],
    )
    assert done.exit_code == 0, done.output
    assert "<img" not in done.stdout
    assert "&lt;img src=x onerror=alert(1)&gt;" in done.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stopped_run_ends_with_one_line_and_no_temporary_file_issue13(
    tmp_path, signum, code
) -> None:
    out = tmp_path / "bao-cao.xlsx"
    env = dict(os.environ, CCHC_CACHE_DIR=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "cchc_cli", "report", str(SAMPLE_DATA), "-o", str(out)]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    time.sleep(0.6)  # somewhere in the run: importing, reading, computing or writing
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    if process.returncode in (0, -signum) and "Đã ghi" in stderr:
        return  # a fast machine finished first (the signal came while exiting): nothing to check
    assert process.returncode == code, stderr
    assert "Traceback" not in stderr
    assert "Đã dừng" in stderr
    assert not list(tmp_path.glob(".bao-cao.xlsx.*"))  # no temporary file left
    assert not out.exists()


PERSONAL = {
    "Chủ hồ sơ": ["Nguyễn Văn Bình", "Trần Thị Cúc", "Lê Hoàng Dũng"],
    "Địa chỉ": [
        "15 Phan Bội Châu, phường Trần Hưng Đạo, TP Quảng Ngãi",
        "thôn An Hải, xã Tịnh Kỳ, TP Quảng Ngãi",
        "27 Hùng Vương, phường Nghĩa Chánh, TP Quảng Ngãi",
    ],
    "Số điện thoại": ["0905111222", "0914333444", "0987555666"],
    "Số CCCD": ["051090001111", "051185002222", "051299003333"],
    "Email": ["binh.nv@gmail.com", "cuc.tt@yahoo.com", "dung.lh@outlook.com"],
}


def _personal_workbook(tmp_path):
    from golden_rows import HEADER, MAR

    header = [*HEADER, *PERSONAL]
    rows = [header]
    for number, row in enumerate(MAR):
        rows.append([*row, *(values[number % 3] for values in PERSONAL.values())])
    status, due = HEADER.index("Trạng thái"), HEADER.index("Ngày hẹn trả")
    rows[2][status] = PERSONAL["Chủ hồ sơ"][1]  # cells shifted: a name in the status column
    rows[3][due] = PERSONAL["Số điện thoại"][2]  # and a phone number among the dates
    rows[4][status] = PERSONAL["Email"][0]
    return write_xlsx(tmp_path / "2025-03 ho so.xlsx", rows)


def test_personal_data_appears_in_no_output_of_any_command_issue13(runner, tmp_path) -> None:
    from openpyxl import load_workbook

    path = str(_personal_workbook(tmp_path))
    period = ["--period", "2025-03", "--no-cache"]
    runs = [
        ["validate", path, "--no-cache"],
        ["validate", path, "--no-cache", "--format", "json", "--max-issues", "0"],
        ["inspect", path, "--rows", "20"],
        ["inspect", path, "--rows", "20", "--format", "json"],
        *(
            ["compute", path, *period, "--by", "agency_name", "--format", kind]
            for kind in ("table", "json", "csv", "markdown")
        ),
    ]
    said = []
    for command in runs:
        done = runner.invoke(app, command)
        assert done.exit_code in (0, 1), (command, done.output)
        said.append(done.output)
    report = tmp_path / "bao-cao.xlsx"
    done = runner.invoke(app, ["report", path, *period, "-o", str(report)])
    assert done.exit_code in (0, 1), done.output
    said.append(done.output)
    book = load_workbook(report, read_only=True)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            said.extend(str(v) for v in row if v is not None)
    everything = "\n".join(said)
    assert "***" in everything  # the shifted cells were found and masked, not dropped
    for values in PERSONAL.values():
        for value in values:
            assert value not in everything, value


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_stop_while_the_program_starts_ends_quietly_issue13(signum, code) -> None:
    # the signal arrives while cchc's own modules are being imported (before `run`)
    program = f"""
import builtins, os
real = builtins.__import__
def importing(name, *args, **kwargs):
    if name == "cchc_cli.errors":
        os.kill(os.getpid(), {int(signum)})
    return real(name, *args, **kwargs)
builtins.__import__ = importing
import cchc_cli.__main__
print("not stopped")
"""
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    assert "Đã dừng" in done.stderr and "not stopped" not in done.stdout


@pytest.mark.parametrize("code_page", ["cp1252", "cp1258"])
def test_redirected_output_is_utf8_whatever_the_code_page_issue14(tmp_path, code_page) -> None:
    # Windows encodes redirected output (`> kq.txt`, a scheduled task) in its ANSI code page,
    # which has no room for most Vietnamese letters: the run died with exit 5
    env = dict(os.environ, PYTHONIOENCODING=code_page, CCHC_CACHE_DIR=str(tmp_path / "cache"))
    for extra in ([], ["--format", "json"]):
        done = subprocess.run(
            [sys.executable, "-m", "cchc_cli", "compute", str(SAMPLE_DATA), *extra],
            capture_output=True,
            env=env,
            timeout=120,
        )
        assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
        shown = done.stdout.decode("utf-8")  # UTF-8, not the code page
        assert "Tỷ lệ hồ sơ giải quyết đúng hạn" in shown
        assert "Kỳ báo cáo" in done.stderr.decode("utf-8")


def test_quiet_prints_nothing_on_success_but_still_warns_issue14(runner, tmp_path) -> None:
    out = tmp_path / "kq.json"
    done = runner.invoke(
        app, ["compute", str(SAMPLE_DATA), "-q", "--format", "json", "-o", str(out)]
    )
    assert done.exit_code == 0, done.output
    assert done.stdout == "" and done.stderr == ""  # a nightly job's owner gets no mail
    report = runner.invoke(app, ["report", str(SAMPLE_DATA), "-q", "-o", str(tmp_path / "r.xlsx")])
    assert report.exit_code == 0 and report.stderr == ""
    # a warning is still said: months of the period with no data
    gap = runner.invoke(
        app, ["compute", str(SAMPLE_DATA), "-q", "--period", "2025", "-o", str(out)]
    )
    assert "coverage" in gap.stderr.lower() or "tháng" in gap.stderr


def test_each_step_after_reading_says_what_it_does_at_a_terminal_issue14(monkeypatch) -> None:
    import io

    from cchc_cli.cli import common

    shown = io.StringIO()
    monkeypatch.setattr(common.sys.stderr, "isatty", lambda: True, raising=False)
    made = []

    class Watching(common.DataSafeConsole):
        def __init__(self, *args, **kwargs):
            kwargs.update(file=shown, force_terminal=True)
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(common, "DataSafeConsole", Watching)
    with common.phase(False, "vi", "phase_computing"):
        pass
    assert made  # a spinner was drawn at a terminal
    assert "Đang tính chỉ tiêu" in shown.getvalue()
    made.clear()
    with common.phase(True, "vi", "phase_computing"):  # --quiet: nothing
        pass
    assert not made


@pytest.mark.parametrize("width", ["80", "120"])
def test_issue_tables_fit_the_window_and_never_cut_a_message_issue14(runner, width) -> None:
    env = dict(os.environ, COLUMNS=width)
    shown = runner.invoke(app, ["validate", str(SAMPLE_DATA), "--max-issues", "5"], env=env)
    lines = shown.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(width)
    document = json.loads(
        runner.invoke(app, ["validate", str(SAMPLE_DATA), "--format", "json"]).stdout
    )
    rank = {"error": 0, "warning": 1, "info": 2}
    first = sorted(document["issues"], key=lambda i: rank[i["severity"]])[:5]
    flowing = " ".join(line.replace("│", " ") for line in lines)
    for issue in first:
        for word in issue["message"].split():
            if len(word) < 12:  # a long word may be folded across lines
                assert word in flowing, (word, issue["message"])


@pytest.mark.parametrize("width", ["80", "120"])
def test_the_accounting_table_keeps_whole_words_in_a_narrow_window_issue14(runner, width) -> None:
    env = dict(os.environ, COLUMNS=width)
    shown = runner.invoke(app, ["validate", str(SAMPLE_DATA), "--max-issues", "3"], env=env)
    lines = shown.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(width)
    table = shown.stdout[: shown.stdout.index("Các vấn đề")]
    # the dataset's name and the counts are read whole: no word folded inside itself
    assert "Danh sách hồ sơ" in table and "1.704" in table
    assert "Excel (.xlsx)" not in table  # the format is for inspect and JSON in this layout
    # an issue code breaks at its dot, not inside a word
    assert "value.date_impos" not in shown.stdout and "date_impossible" in shown.stdout
    wide = runner.invoke(
        app, ["validate", str(SAMPLE_DATA)], env=dict(os.environ, COLUMNS="180")
    ).stdout
    assert "Excel (.xlsx)" in wide and "Cấu hình phần mềm" in wide


@pytest.mark.parametrize("arguments", [["compute"], ["compute", "--format", "json"]])
def test_a_reader_that_stops_reading_ends_the_run_with_0_issue14(arguments) -> None:
    # `cchc compute … | head -1`: Click and Rich exited 1 there, the code of a missed target
    process = subprocess.Popen(
        [sys.executable, "-m", "cchc_cli", *arguments, str(SAMPLE_DATA)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.read(10)
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=120) == 0, stderr
    assert "Traceback" not in stderr and "Exception" not in stderr


def test_a_finished_run_ends_after_its_exit_handlers_without_teardown_issue12(
    monkeypatch,
) -> None:
    import cchc_cli.__main__ as entry

    order: list[object] = []
    monkeypatch.setattr(entry.atexit, "_run_exitfuncs", lambda: order.append("handlers"))
    monkeypatch.setattr(entry.os, "_exit", order.append)
    monkeypatch.setattr(entry.sys, "getprofile", lambda: None)
    monkeypatch.setattr(entry.sys, "gettrace", lambda: None)
    entry._end(None)
    entry._end(3)
    assert order == ["handlers", 0, "handlers", 3]
    order.clear()
    entry._end("a message for the usual exit to print")
    monkeypatch.setattr(entry.sys, "gettrace", lambda: print)  # coverage or a debugger
    entry._end(0)
    assert order == []  # the usual exit follows
    monkeypatch.setattr(entry.sys, "gettrace", lambda: None)
    # a file still being read in a worker thread when an error ended the run: waited for
    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        entry._end(2)
    finally:
        release.set()
        worker.join()
    assert order == []
    monkeypatch.setattr(entry.sys, "stdout", None)  # pythonw: no console
    entry._end(0)
    assert order == ["handlers", 0]


def test_the_exit_code_and_the_whole_output_survive_the_quick_end_issue12(tmp_path) -> None:
    env = dict(os.environ, CCHC_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, "-m", "cchc_cli", "compute", str(SAMPLE_DATA), "--format", "json"],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert json.loads(done.stdout)["targets"]  # the JSON is whole: flushed before the end
    missing = subprocess.run(
        [sys.executable, "-m", "cchc_cli", "compute", str(tmp_path / "none.xlsx")],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert missing.returncode == 3 and b"none.xlsx" in missing.stderr


def test_output_that_cannot_be_flushed_leaves_the_exit_handlers_to_the_usual_exit_issue12(
    monkeypatch,
) -> None:
    import io

    import cchc_cli.__main__ as entry

    class Closed(io.StringIO):
        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")  # `cchc compute | head -1`

    order: list[object] = []
    monkeypatch.setattr(entry.atexit, "_run_exitfuncs", lambda: order.append("handlers"))
    monkeypatch.setattr(entry.os, "_exit", order.append)
    monkeypatch.setattr(entry.sys, "getprofile", lambda: None)
    monkeypatch.setattr(entry.sys, "gettrace", lambda: None)
    monkeypatch.setattr(entry.sys, "stdout", Closed())
    entry._end(0)
    assert order == []  # run once, by the usual exit, not twice
