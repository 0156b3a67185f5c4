"""profiles/ (issue #9): the shipped vendor profiles, detection, every label, user profiles."""

from __future__ import annotations

import pandas as pd
import pytest

from cchc_cli.errors import ConfigError
from cchc_cli.ingest import LoadOptions, inspect_input, load_inputs
from cchc_cli.profiles import get_profile, profile_set, shipped_file, shipped_names
from vendor_layouts import LAYOUTS, Layout


def _plain(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.name)
def test_issue_9_vendor_layout_is_read_right(tmp_path, layout: Layout) -> None:
    path = layout.write(tmp_path)
    readout = inspect_input(str(path))
    outcome = readout.sheets[0]
    if layout.missing:
        assert outcome.header is None
        closest = outcome.candidates[0]
        assert closest.profile.name == layout.profile
        assert closest.missing_required == list(layout.missing)
        assert [i.code for i in readout.issues] == ["sheet.no_dataset"]
        return
    header = outcome.header
    assert header is not None, [i.message("en") for i in readout.issues]
    assert header.profile.name == layout.profile
    assert header.header_rows == list(layout.header_rows)
    assert {f: header.text_of(f) for f in header.mapping} == layout.mapping
    assert sorted(c.text for c in header.columns if c.ignored) == sorted(layout.ignored)
    account = outcome.result.account
    assert (
        account.rows_read,
        account.rows_valid,
        account.rows_rejected,
        account.rows_skipped,
    ) == layout.accounting
    assert account.profile == layout.profile
    table = outcome.result.table
    for name, expected in layout.values.items():
        assert [_plain(v) for v in table[name]] == expected, name
    codes = sorted({i.code for i in readout.issues if i.severity.value != "info"})
    assert codes == sorted(layout.issues)


def test_issue_9_every_shipped_profile_has_a_layout() -> None:
    assert {layout.profile for layout in LAYOUTS} == set(shipped_names())


@pytest.mark.parametrize("name", shipped_names())
def test_issue_9_every_label_of_every_profile_reads_as_written(name: str) -> None:
    profile = get_profile(name)
    own = shipped_file(name)
    checked = 0
    for vocabulary_name, rules in own.values.items():
        vocabulary = profile.vocabularies[vocabulary_name]
        for code, labels in rules.labels.items():
            for text in labels:
                assert vocabulary.resolve(text) == code, (vocabulary_name, text)
                checked += 1
        for number, code in (rules.numbers or {}).items():
            assert vocabulary.resolve(number) == code, (vocabulary_name, number)
            checked += 1
    assert checked > 0 or not own.values


@pytest.mark.parametrize(
    ("profile", "vocabulary", "text", "code"),
    [
        # A submission not yet accepted in OpenCPS, an accepted dossier waiting elsewhere.
        ("opencps", "status", "Chờ xử lý", "NEW"),
        ("base", "status", "Chờ xử lý", "PROCESSING"),
        ("cmon", "status", "Chờ xử lý", "PROCESSING"),
        # OpenCPS's old label of done is "Hoàn thành": handed over.
        ("opencps", "status", "Hoàn thành", "RETURNED"),
        ("base", "status", "Hoàn thành", "COMPLETED"),
        # Đà Nẵng's own numbers against the national ones.
        ("cmon", "status", "5", "RETURNED"),
        ("dvcqg", "status", "5", "SUPPLEMENT_REQUESTED"),
        ("cmon", "status", "6", "COMPLETED"),
        ("dvcqg", "status", "6", "AWAITING_PAYMENT"),
        ("cmon", "status", "9", "AWAITING_PAYMENT"),
        ("dvcqg", "status", "9", "COMPLETED"),
        # Paid through the province's own gateway is paid online only where the source says.
        ("dvcqg", "paid_online", "2", "PROVINCIAL_GATEWAY"),
        ("base", "paid_online", "2", "UNKNOWN"),
        # iGate's numbers are not status codes.
        ("igate", "status", "4", "UNKNOWN"),
    ],
)
def test_issue_9_two_profiles_giving_a_label_different_meanings_are_both_honoured(
    profile: str, vocabulary: str, text: str, code: str
) -> None:
    assert get_profile(profile).vocabularies[vocabulary].resolve(text) == code


@pytest.mark.parametrize(
    ("profile", "text", "code"),
    [
        ("inet", "Đã tạm dừng", "PAUSED"),
        ("igate", "Đã dừng xử lý", "STOPPED"),
        ("danang", "Hồ sơ chờ bổ sung hồ sơ", "SUPPLEMENT_REQUESTED"),
        # Only where the profile says so: never by guessing.
        ("base", "Đã tạm dừng", "UNKNOWN"),
        ("base", "Hồ sơ chờ bổ sung hồ sơ", "UNKNOWN"),
        # The full forms the issue names are labels of their own.
        ("base", "Đã có kết quả", "COMPLETED"),
        ("base", "Đã hoàn thành", "COMPLETED"),
        ("base", "Hồ sơ chuyển phòng chuyên môn", "PROCESSING"),
    ],
)
def test_issue_9_vendor_prefixes_are_removed_only_where_a_profile_says_so(
    profile: str, text: str, code: str
) -> None:
    assert get_profile(profile).vocabularies["status"].resolve(text) == code


def test_issue_9_paused_is_a_status() -> None:
    status = get_profile("base").vocabularies["status"]
    assert status.resolve("Tạm dừng") == "PAUSED"
    assert status.resolve("Tạm dừng xử lý") == "PAUSED"


def test_issue_9_forced_profile_reads_every_sheet_with_it(tmp_path) -> None:
    layout = next(lay for lay in LAYOUTS if lay.name == "danang-trang-thai-so")
    path = layout.write(tmp_path)
    forced = load_inputs([str(path)], LoadOptions(profiles=profile_set("dvcqg")))
    assert forced.accounts[0].profile == "dvcqg"
    # 0, 15 and 19 are no national code: the column is numbered by another list, so not one
    # of its numbers is read as a national code (5 would be "supplement requested").
    assert set(forced.tables["dossiers"]["status"]) == {"UNKNOWN"}
    assert {i.code for i in forced.issues} >= {"value.numbers_foreign"}


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        (["5", "9", "10"], ["SUPPLEMENT_REQUESTED", "COMPLETED", "RETURNED"]),
        (["5", "9", "20"], ["UNKNOWN", "UNKNOWN", "UNKNOWN"]),
    ],
)
def test_issue_9_numbers_outside_the_list_make_the_whole_column_untrusted(
    tmp_path, numbers: list[str], expected: list[str]
) -> None:
    from conftest import write_xlsx

    rows = [["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Trạng thái"]]
    rows += [[f"H{i}", "Khai sinh", "03/03/2025", n] for i, n in enumerate(numbers)]
    result = load_inputs([str(write_xlsx(tmp_path / "so.xlsx", rows))])
    assert result.accounts[0].profile == "base"
    assert list(result.tables["dossiers"]["status"]) == expected


def test_issue_9_user_profile_file_extends_a_shipped_one(tmp_path) -> None:
    profile = tmp_path / "phan-mem.yaml"
    profile.write_text(
        "profile: phan-mem\nextends: base\ndatasets:\n  dossiers:\n    read_as:\n"
        "      'Số phiếu': dossier_code\n      'Bước hiện tại': ignore\n      'Cột lạ': ~\n"
        "values:\n  status:\n    read_as:\n      'Đã ký duyệt': COMPLETED\n      'Lạ': ~\n",
        encoding="utf-8",
    )
    rows = [
        ["Số phiếu", "Tên thủ tục", "Ngày tiếp nhận", "Bước hiện tại", "Trạng thái"],
        ["P-1", "Khai sinh", "03/03/2025", "Thẩm định", "Đã ký duyệt"],
    ]
    from conftest import write_xlsx

    path = write_xlsx(tmp_path / "moi.xlsx", rows)
    result = load_inputs([str(path)], LoadOptions(profiles=profile_set(str(profile))))
    assert result.accounts[0].profile == "phan-mem"
    assert list(result.tables["dossiers"]["dossier_code"]) == ["P-1"]
    assert list(result.tables["dossiers"]["status"]) == ["COMPLETED"]
    assert result.issues == []


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("profile: x\nextends: nope\n", "config.unknown_profile"),
        ("profile: x\ndatasets:\n  dossiers:\n    fields:\n      due_att: [a]\n", "due_at"),
        ("profile: x\nvalues:\n  status:\n    read_as:\n      a: DONE\n", "read_as.a"),
        ("profile: x\ndates: [mdy]\n", "dates"),
        ("profile: X Y\n", "profile"),
        ("profile: x\nvalues:\n  status:\n    numbers:\n      a: NEW\n", "numbers.a"),
    ],
)
def test_issue_9_bad_profile_file_is_a_configuration_error(tmp_path, text, location) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        profile_set(str(path))
    assert location in caught.value.code + str(caught.value.params)


def test_issue_9_unknown_profile_name_suggests_one() -> None:
    with pytest.raises(ConfigError) as caught:
        profile_set("opencp")
    assert caught.value.code == "config.unknown_profile"
    assert "opencps" in caught.value.message("vi")


def test_issue_9_shipped_profiles_hold_no_label_twice_within_a_file() -> None:
    from cchc_cli.text import match_key

    for name in shipped_names():
        for vocabulary_name, rules in shipped_file(name).values.items():
            seen: dict[str, str] = {}
            for code, labels in rules.labels.items():
                for text in labels:
                    key = match_key(text)
                    assert seen.get(key, code) == code, (name, vocabulary_name, text)
                    seen[key] = code


def _read(tmp_path, rows: list[list[object]], name: str = "f.xlsx"):
    from conftest import write_xlsx

    return load_inputs([str(write_xlsx(tmp_path / name, rows))])


def test_issue_9_vendors_that_read_a_sheet_differently_are_not_guessed_between(tmp_path) -> None:
    # OpenCPS's on-screen list without its countdown column: OpenCPS, iNet and the Đà Nẵng
    # report all read "Tên hồ sơ", none is identified, and they disagree on other columns.
    rows = [
        [
            "STT",
            "Mã hồ sơ",
            "Tên hồ sơ",
            "Chủ hồ sơ",
            "Ngày tiếp nhận",
            "Ngày hẹn trả",
            "Trạng thái",
        ],
        [1, "HG-1", "Đăng ký khai sinh", "A", "02/03/2025", "04/03/2025", "Chờ xử lý"],
    ]
    result = _read(tmp_path, rows)
    assert result.accounts == []
    assert [i.code for i in result.issues] == ["sheet.profile_unclear"]
    assert "opencps" in result.issues[0].message("vi")


def test_issue_9_one_stray_number_does_not_bring_another_numbering(tmp_path) -> None:
    # National codes and one 0: not Đà Nẵng's list (it would read 5 as returned); the column
    # holds a number outside the national list, so none of its numbers is read, said once.
    rows = [["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Trạng thái"]]
    rows += [[f"H{i}", "Khai sinh", "03/03/2025", n] for i, n in enumerate("459260")]
    result = _read(tmp_path, rows)
    assert result.accounts[0].profile == "base"
    assert set(result.tables["dossiers"]["status"]) == {"UNKNOWN"}
    foreign = [i for i in result.issues if i.code == "value.numbers_foreign"]
    assert len(foreign) == 1 and foreign[0].value == "0, 2, 4, 5, 6, 9"


def test_issue_9_a_vendor_reading_clearly_more_is_suggested(tmp_path) -> None:
    # An OpenCPS "Báo cáo động" whose site dropped "Chủ hồ sơ" and the countdown: not
    # identified, read the generic way, and OpenCPS is suggested.
    rows = [
        [
            "STT",
            "Mã hồ sơ",
            "Tên thủ tục",
            "Ngày tiếp nhận",
            "Ngày hẹn trả",
            "Trạng thái",
            "Trực tuyến",
            "Cơ quan thụ lý",
            "Ngày gửi",
            "Ghi chú xử lý",
        ],
        [
            1,
            "HG-1",
            "Khai sinh",
            "02/03/2025",
            "04/03/2025",
            "Đang xử lý",
            "true",
            "Sở Tư pháp",
            "01/03/2025",
            "",
        ],
    ]
    result = _read(tmp_path, rows)
    assert result.accounts[0].profile == "base"
    suggested = [i for i in result.issues if i.code == "profile.suggested"]
    assert suggested and suggested[0].params["profile"] == "opencps"


def test_issue_9_inspect_notes_numbers_read_as_national_codes(tmp_path) -> None:
    from cchc_cli.report.inspection import inspection_json
    from conftest import write_xlsx

    rows = [
        ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Trạng thái"],
        ["H1", "K", "03/03/2025", 5],
    ]
    readout = inspect_input(str(write_xlsx(tmp_path / "so.xlsx", rows)))
    details = inspection_json(readout, "vi", 1)["sheets"][0]["details"]
    assert details["national_numbers"] == "Trạng thái: 5"
