"""targets/config.py (with the kinds' checks and targets/filters.py parsing): every way a
targets file is refused, with the location and the reason an officer reads, in both languages.
Table-driven: one row per branch; then mistakes made in the shipped file, through
`cchc targets check`."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from cchc_cli.cli import app
from cchc_cli.errors import ConfigError, ExitCode
from cchc_cli.targets.config import load_targets
from cchc_cli.targets.kinds import KINDS
from conftest import TARGETS

RATIO: dict[str, Any] = {
    "id": "a",
    "name": "A",
    "source": "s",
    "dataset": "dossiers",
    "kind": "ratio",
    "formula": "f",
    "population": "received",
    "numerator": {"channel": "ONLINE"},
    "denominator": {"received_at": {"present": True}},
    "threshold": {"op": ">=", "value": 0.5},
}
TREND = {
    **{k: v for k, v in RATIO.items() if k != "threshold"},
    "kind": "trend",
    "trend": {"step": 0.2},
}
CHANGE = {
    "id": "c",
    "name": "C",
    "source": "s",
    "dataset": "public_units",
    "kind": "count_change",
    "formula": "f",
    "period_field": "year",
    "direction": "decrease",
}
VALUE = {
    "id": "v",
    "name": "V",
    "source": "s",
    "dataset": "values",
    "kind": "value",
    "formula": "f",
    "indicator": "x",
    "threshold": {"op": "<=", "value": 5},
}


def _with(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A copy of a target with keys changed (None removes a key)."""
    target = copy.deepcopy(base)
    for key, value in changes.items():
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value
    return target


def _file(*targets: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {"version": 1, **top, "targets": list(targets)}


# (case, document, target id, location, Vietnamese reason, English reason)
CASES: list[tuple[str, Any, str, str, str, str]] = [
    ("not a mapping", [RATIO], "-", "/", "cần một bảng có 'version'", "expected a mapping"),
    (
        "unknown top-level key",
        {**_file(RATIO), "grops": {}},
        "-",
        "grops",
        "khóa không hợp lệ. Có phải 'groups'?",
        "unknown key. Did you mean 'groups'?",
    ),
    (
        "version missing",
        {"targets": [RATIO]},
        "-",
        "version",
        "thiếu khóa bắt buộc",
        "this key is required",
    ),
    (
        "kind missing",
        _file(_with(RATIO, kind=None)),
        "a",
        "targets[0].kind",
        "cần 'kind' là một trong: ratio, trend, count_change, value, score766.",
        "'kind' must be one of: ratio, trend, count_change, value, score766.",
    ),
    (
        "kind misspelt",
        _file(_with(RATIO, kind="ratoi")),
        "a",
        "targets[0].kind",
        "Có phải 'ratio'?",
        "Did you mean 'ratio'?",
    ),
    (
        "key of another kind",
        _file(_with(RATIO, filter={"channel": "ONLINE"})),
        "a",
        "targets[0].filter",
        "khóa 'filter' không dùng cho chỉ tiêu loại 'ratio' (chỉ cho: count_change)",
        "'filter' is not a key of a 'ratio' target (only of: count_change)",
    ),
    (
        "key misspelt",
        _file(_with(RATIO, thresold={"op": ">=", "value": 0.5})),
        "a",
        "targets[0].thresold",
        "khóa không hợp lệ. Có phải 'threshold'?",
        "unknown key. Did you mean 'threshold'?",
    ),
    (
        "nested key misspelt",
        _file(_with(TREND, trend={"stpe": 0.2})),
        "a",
        "targets[0].trend.stpe",
        "Có phải 'step'?",
        "Did you mean 'step'?",
    ),
    (
        "key the kind needs",
        _file(_with(RATIO, numerator=None)),
        "a",
        "targets[0].numerator",
        "chỉ tiêu loại 'ratio' cần 'numerator'",
        "a 'ratio' target needs 'numerator'",
    ),
    (
        "id not snake_case",
        _file(_with(RATIO, id="Ho-so")),
        "Ho-so",
        "targets[0].id",
        "id phải viết thường",
        "an id is lower case",
    ),
    (
        "reported period",
        _file(_with(VALUE, reported=[{"period": "quý 1", "value": 3}])),
        "v",
        "targets[0].reported[0].period",
        "kỳ không hợp lệ",
        "not a period",
    ),
    (
        "not a number",
        _file(_with(RATIO, threshold={"op": ">=", "value": "cao"})),
        "a",
        "targets[0].threshold.value",
        "cần một số",
        "expected a number",
    ),
    (
        "not a finite number",
        _file(_with(RATIO, threshold={"op": ">=", "value": float("nan")})),
        "a",
        "targets[0].threshold.value",
        "giá trị không hợp lệ (",
        "invalid value (",
    ),
    (
        "operator written backwards",
        _file(_with(RATIO, threshold={"op": "=>", "value": 0.5})),
        "a",
        "targets[0].threshold.op",
        "cần một trong: >=, >, <=, <, ==. Có phải '>='?",
        "expected one of: >=, >, <=, <, ==. Did you mean '>='?",
    ),
    (
        "warning band as a percentage",
        _file(_with(RATIO, warning_band=5)),
        "a",
        "targets[0].warning_band",
        "cần một số không lớn hơn 1",
        "expected a number at most 1",
    ),
    (
        "direction misspelt",
        _file(_with(CHANGE, direction="decrese")),
        "c",
        "targets[0].direction",
        "cần một trong: decrease, increase. Có phải 'decrease'?",
        "expected one of: decrease, increase. Did you mean 'decrease'?",
    ),
    (
        "base year of two digits",
        _file(_with(CHANGE, compare_to=21)),
        "c",
        "targets[0].compare_to",
        "cần một số không nhỏ hơn 1990",
        "expected a number at least 1990",
    ),
    (
        "another version",
        {**_file(RATIO), "version": 2},
        "-",
        "version",
        "cần một trong: 1.",
        "expected one of: 1.",
    ),
    (
        "yes or no of a value target",
        _file(_with(VALUE, any_period="có")),
        "v",
        "targets[0].any_period",
        "cần true hoặc false",
        "expected true or false",
    ),
    (
        "deadline not a date",
        _file(_with(VALUE, deadline="cuối năm")),
        "v",
        "targets[0].deadline",
        "cần một ngày dạng 2025-12-31",
        "expected a date like 2025-12-31",
    ),
    (
        "group without values",
        _file(RATIO, groups={"g": {"name": "G", "field": "field_name", "contains": []}}),
        "-",
        "groups.g.contains",
        "không được để trống",
        "must not be empty",
    ),
    (
        "duplicate id",
        _file(RATIO, RATIO),
        "a",
        "targets[1].id",
        "trùng mã chỉ tiêu",
        "duplicate target id",
    ),
    (
        "unknown dataset",
        _file(_with(RATIO, dataset="dosiers")),
        "a",
        "targets[0].dataset",
        "không có loại dữ liệu này. Có phải 'dossiers'?",
        "no such dataset. Did you mean 'dossiers'?",
    ),
    (
        "group of an unknown field",
        _file(RATIO, groups={"g": {"name": "G", "field": "linh_vuc", "contains": ["x"]}}),
        "-",
        "groups.g.field",
        "không có trường này.",
        "no such field.",
    ),
    (
        "dossiers without population",
        _file(_with(RATIO, population=None)),
        "a",
        "targets[0].population",
        "chỉ tiêu về hồ sơ cần population",
        "dossier targets need population",
    ),
    (
        "population of a register",
        _file(_with(CHANGE, population="received")),
        "c",
        "targets[0].population",
        "population chỉ dùng cho hồ sơ",
        "population is for dossiers only",
    ),
    (
        "period_field of dossiers",
        _file(_with(RATIO, period_field="received_at")),
        "a",
        "targets[0].period_field",
        "hồ sơ xếp vào kỳ theo population",
        "dossiers are placed in the period by population",
    ),
    (
        "period_field not a date",
        _file(_with(CHANGE, period_field="unit_name")),
        "c",
        "targets[0].period_field",
        "cần một trường ngày hoặc năm của 'public_units': year, budget_payroll.",
        "needs a date or year field of 'public_units': year, budget_payroll.",
    ),
    (
        "measure not a number",
        _file(_with(CHANGE, measure={"sum": "budget_payrol"})),
        "c",
        "targets[0].measure",
        "cần một trường số của 'public_units': year, budget_payroll. Có phải 'budget_payroll'?",
        "needs a number field of 'public_units': year, budget_payroll. Did you mean",
    ),
    (
        "rate above one",
        _file(_with(RATIO, threshold={"op": ">=", "value": 95})),
        "a",
        "targets[0].threshold.value",
        "tỷ lệ viết dạng phân số từ 0 đến 1",
        "a rate is a fraction from 0 to 1",
    ),
    (
        "trend per an unknown field",
        _file(_with(TREND, trend={"per": "admin_levl"})),
        "a",
        "targets[0].trend.per",
        "không có trường này. Có phải 'admin_level'?",
        "no such field. Did you mean 'admin_level'?",
    ),
    (
        "trend per a date",
        _file(_with(TREND, trend={"per": "received_at"})),
        "a",
        "targets[0].trend.per",
        "chỉ tính theo trường danh mục hoặc chữ",
        "only a label or text field",
    ),
    (
        "trend baseline of an unknown level",
        _file(_with(TREND, trend={"baselines": {2024: {"comune": 0.5}}})),
        "a",
        "targets[0].trend.baselines.2024.comune",
        "không phải giá trị của admin_level",
        "not a value of admin_level",
    ),
    (
        "value without a source",
        _file(_with(VALUE, indicator=None)),
        "v",
        "targets[0]",
        "chỉ tiêu 'value' cần 'indicator' hoặc 'reported'",
        "a 'value' target needs 'indicator' or 'reported'",
    ),
    (
        "fallback key of another kind",
        _file(_with(CHANGE, fallback=[{"dataset": "staff", "numerator": {"x": 1}}])),
        "c",
        "targets[0].fallback[0].numerator",
        "khóa 'numerator' không dùng cho chỉ tiêu loại 'count_change'",
        "'numerator' is not a key of a 'count_change' target",
    ),
    (
        "fallback without what the kind needs",
        _file(
            _with(
                RATIO,
                dataset="payments",
                population=None,
                period_field="paid_at",
                numerator={"method": "ONLINE"},
                denominator={"paid_at": {"present": True}},
                fallback=[{"dataset": "dossiers", "population": "ended"}],
            )
        ),
        "a",
        "targets[0].fallback[0].numerator",
        "chỉ tiêu loại 'ratio' cần 'numerator'",
        "a 'ratio' target needs 'numerator'",
    ),
    (
        "local choice without its reason",
        _file(_with(RATIO, local=True)),
        "a",
        "targets[0]",
        "cần local_reason",
        "needs local_reason",
    ),
    (
        "lookup in an unknown register",
        _file(_with(RATIO, numerator={"procedure_code": {"in_register": {"dataset": "tthc"}}})),
        "a",
        "targets[0].numerator.procedure_code.in_register.dataset",
        "không có loại dữ liệu này.",
        "no such dataset.",
    ),
    (
        "lookup in a register without the field",
        _file(_with(RATIO, numerator={"procedure_code": {"in_register": {"dataset": "staff"}}})),
        "a",
        "targets[0].numerator.procedure_code.in_register.dataset",
        "sổ 'staff' không có trường 'procedure_code'",
        "the register 'staff' has no field 'procedure_code'",
    ),
    (
        "lookup without a register",
        _file(_with(RATIO, numerator={"procedure_code": {"in_register": "procedures"}})),
        "a",
        "targets[0].numerator.procedure_code.in_register",
        "cần {dataset: SỔ",
        "expected {dataset: REGISTER",
    ),
    (
        "lookup condition on the other register's fields",
        _file(
            _with(
                RATIO,
                numerator={
                    "procedure_code": {
                        "in_register": {"dataset": "procedures", "where": {"online_pay": True}}
                    }
                },
            )
        ),
        "a",
        "targets[0].numerator.procedure_code.in_register.where.online_pay",
        "Có phải 'online_payment'?",
        "Did you mean 'online_payment'?",
    ),
    # filters
    (
        "filter not a mapping",
        _file(_with(RATIO, numerator=["ONLINE"])),
        "a",
        "targets[0].numerator",
        "cần một bảng khóa: giá trị",
        "expected a mapping of key: value",
    ),
    (
        "filter without conditions",
        _file(_with(RATIO, numerator={})),
        "a",
        "targets[0].numerator",
        "cần một bảng điều kiện",
        "expected a mapping of conditions",
    ),
    (
        "negation of a value",
        _file(_with(RATIO, numerator={"not": "ONLINE"})),
        "a",
        "targets[0].numerator.not",
        "cần một bảng điều kiện",
        "expected a mapping of conditions",
    ),
    (
        "filter empty",
        _file(_with(RATIO, numerator={"all": []})),
        "a",
        "targets[0].numerator.all",
        "cần một danh sách điều kiện",
        "expected a list of conditions",
    ),
    (
        "filter of an unknown field",
        _file(_with(RATIO, numerator={"chanel": "ONLINE"})),
        "a",
        "targets[0].numerator.chanel",
        "không có trường này. Có phải 'channel'?",
        "no such field. Did you mean 'channel'?",
    ),
    (
        "condition without operator",
        _file(_with(RATIO, numerator={"channel": {}})),
        "a",
        "targets[0].numerator.channel",
        "thiếu điều kiện",
        "no condition",
    ),
    (
        "unknown operator",
        _file(_with(RATIO, numerator={"channel": {"eqq": "ONLINE"}})),
        "a",
        "targets[0].numerator.channel.eqq",
        "không có phép so sánh này. Có phải 'eq'?",
        "no such operator. Did you mean 'eq'?",
    ),
    (
        "present not true or false",
        _file(_with(RATIO, numerator={"received_at": {"present": "có"}})),
        "a",
        "targets[0].numerator.received_at.present",
        "cần true hoặc false",
        "expected true or false",
    ),
    (
        "in_group of a label",
        _file(_with(RATIO, numerator={"channel": {"in_group": "g"}})),
        "a",
        "targets[0].numerator.channel.in_group",
        "in_group chỉ dùng cho trường chữ",
        "in_group is for text fields only",
    ),
    (
        "unknown group",
        _file(_with(RATIO, numerator={"field_name": {"in_group": "dat_dai"}})),
        "a",
        "targets[0].numerator.field_name.in_group",
        "chưa khai báo nhóm này trong 'groups' (có: -)",
        "no such group in 'groups' (known: -)",
    ),
    (
        "group of another field",
        _file(
            _with(RATIO, numerator={"field_name": {"in_group": "g"}}),
            groups={"g": {"name": "G", "field": "agency_name", "contains": ["x"]}},
        ),
        "a",
        "targets[0].numerator.field_name.in_group",
        "nhóm này dành cho trường 'agency_name'",
        "this group is for the field 'agency_name'",
    ),
    (
        "comparison of a label",
        _file(_with(RATIO, numerator={"channel": {"gt": 1}})),
        "a",
        "targets[0].numerator.channel.gt",
        "chỉ so sánh lớn/nhỏ với trường số",
        "only number fields compare greater or less",
    ),
    (
        "membership without values",
        _file(_with(RATIO, numerator={"channel": {"in": []}})),
        "a",
        "targets[0].numerator.channel.in",
        "cần một danh sách giá trị",
        "expected a list of values",
    ),
    (
        "number expected",
        _file(_with(RATIO, numerator={"fee_amount": {"gt": "0"}})),
        "a",
        "targets[0].numerator.fee_amount.gt",
        "cần một số",
        "expected a number",
    ),
    (
        "not a code",
        _file(_with(RATIO, numerator={"channel": "ONLNE"})),
        "a",
        "targets[0].numerator.channel.eq",
        "'ONLNE' không thuộc danh mục channel (DIRECT, ONLINE, POSTAL, UNKNOWN). Có phải",
        "'ONLNE' is not a code of channel (DIRECT, ONLINE, POSTAL, UNKNOWN). Did you mean",
    ),
    (
        "yes or no expected",
        _file(_with(RATIO, numerator={"reused_data": "có"})),
        "a",
        "targets[0].numerator.reused_data.eq",
        "cần true hoặc false",
        "expected true or false",
    ),
    (
        "a date compared",
        _file(_with(RATIO, numerator={"received_at": "2025-01-01"})),
        "a",
        "targets[0].numerator.received_at.eq",
        "trường ngày chỉ dùng 'present'",
        "date fields take 'present' only",
    ),
    (
        "text expected",
        _file(_with(RATIO, numerator={"field_name": 5})),
        "a",
        "targets[0].numerator.field_name.eq",
        "cần một chuỗi",
        "expected text",
    ),
    (
        "filter nested in all",
        _file(_with(RATIO, numerator={"all": [{"channel": "ONLINE"}, {"chanel": "X"}]})),
        "a",
        "targets[0].numerator.all[1].chanel",
        "không có trường này.",
        "no such field.",
    ),
]


@pytest.mark.parametrize(
    ("document", "target", "location", "vi", "en"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_a_refused_targets_file_names_target_location_and_reason_issue10(
    tmp_path: Path, document: Any, target: str, location: str, vi: str, en: str
) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_targets(path)
    error = caught.value
    assert error.code == "config.targets_invalid"
    assert error.exit_code is ExitCode.CONFIGURATION
    assert (error.params["target"], error.params["location"]) == (target, location)
    assert vi in error.message("vi")
    assert en in error.message("en")
    assert f"'{location}'" in error.message("vi")


def test_the_base_targets_are_valid_as_written(tmp_path: Path) -> None:
    # the table above changes one key of these: they must load as they are
    path = tmp_path / "targets.yaml"
    document = _file(RATIO, TREND | {"id": "t"}, CHANGE, VALUE)
    path.write_text(yaml.safe_dump(document, allow_unicode=True), "utf-8")
    config = load_targets(path)
    assert [t.spec.kind for t in config.targets] == ["ratio", "trend", "count_change", "value"]
    assert set(KINDS) == {"ratio", "trend", "count_change", "value", "score766"}


def test_an_unreadable_targets_file_is_its_own_error(tmp_path: Path) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text("version: 1\ntargets: [\n", "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_targets(path)
    assert caught.value.code == "config.targets_unreadable"
    # where the parser stopped, in the officer's language
    assert "dòng 3, cột 1:" in caught.value.message("vi")
    assert "line 3, column 1:" in caught.value.message("en")


def test_a_fallback_source_replaces_the_keys_it_names(tmp_path: Path) -> None:
    target = _with(
        RATIO,
        dataset="payments",
        population=None,
        period_field="paid_at",
        numerator={"method": "ONLINE"},
        denominator={"paid_at": {"present": True}},
        fallback=[
            {
                "dataset": "dossiers",
                "population": "ended",
                "numerator": {"paid_online": True},
                "denominator": {"fee_amount": {"gt": 0}},
            }
        ],
    )
    path = tmp_path / "targets.yaml"
    path.write_text(yaml.safe_dump(_file(target)), "utf-8")
    (loaded,) = load_targets(path).targets
    (alternative,) = loaded.alternatives
    assert alternative.spec.dataset == "dossiers"
    assert alternative.spec.population == "ended"
    assert alternative.spec.period_field is None  # left out by the source: not inherited
    assert alternative.spec.threshold == loaded.spec.threshold
    assert alternative.numerator is not None and alternative.denominator is not None


def test_a_target_names_every_field_it_reads_issue12(tmp_path: Path) -> None:
    # what a run keeps of the personal fields (`run.personal_kept`) rests on this list
    shipped = {t.id: t for t in load_targets(TARGETS).targets}
    payments = shipped["giao_dich_thanh_toan_truc_tuyen"].fields()
    # its own filters and period field, the catalogue it looks in and that lookup's `where`,
    # and its fallback on the dossier export
    assert {"method", "payment_status", "paid_at", "procedure_code", "online_payment"} <= payments
    assert {"paid_online", "fee_amount", "received_at"} <= payments
    assert "field_name" in shipped["hai_long_dat_dai_xay_dung_dau_tu"].fields()  # in_group
    by_address = _with(
        TREND,
        trend={"step": 0.2, "per": "admin_level"},
        numerator={"applicant_address": {"in_group": "pho_ninh"}},
        denominator={"not": {"applicant_phone": {"present": False}}},
    )
    groups = {"pho_ninh": {"name": "Phổ Ninh", "field": "applicant_address", "contains": ["Ninh"]}}
    path = tmp_path / "targets.yaml"
    path.write_text(yaml.safe_dump(_file(by_address, groups=groups), allow_unicode=True), "utf-8")
    (loaded,) = load_targets(path).targets
    assert {"applicant_address", "applicant_phone", "admin_level"} <= loaded.fields()
    assert "applicant_name" not in loaded.fields()


def test_dossier_targets_need_a_population_issue3(runner, tmp_path) -> None:
    bad = tmp_path / "t.yaml"
    bad.write_text(
        TARGETS.read_text(encoding="utf-8").replace(
            "    population: received\n    numerator: {channel: ONLINE}",
            "    numerator: {channel: ONLINE}",
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["targets", "check", str(bad)])
    assert result.exit_code == 4 and "population" in result.stderr


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        (
            "field_name: {in_group: dat_dai_xay_dung_dau_tu}\n    threshold",
            "field_name: {in_group: [dat_dai_xay_dung_dau_tu]}\n    threshold",
            "in_group",
        ),
        (
            "2024: {province: 0.40, district: 0.35, commune: 0.45}",
            "2024: {province: 0.40, distrct: 0.35, commune: 0.45}",
            "district",
        ),
        (
            "2024: {province: 0.40, district: 0.35, commune: 0.45}",
            "2024: {province: 40, district: 0.35, commune: 0.45}",
            "baselines",
        ),
        ('threshold: {op: ">=", value: 0.50}', 'threshold: {op: ">=", value: 50}', "0.5"),
        ('threshold: {op: ">=", value: 0.50}', 'threshold: {op: ">=", value: .nan}', "value"),
        ("      baselines:", "      baseline:", "baselines"),
        ('threshold: {op: ">=", value: 0.50}', 'threshold: {op: ">=", valeu: 0.50}', "valeu"),
    ],
)
def test_bounded_rates_baselines_and_nested_keys_are_checked_issue3(
    runner, tmp_path, old, new, fragment
) -> None:
    text = TARGETS.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "t.yaml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = runner.invoke(app, ["targets", "check", str(bad)])
    assert result.exit_code == 4, result.output
    assert fragment in result.stderr


def test_a_value_by_indicator_reads_the_values_register(tmp_path: Path) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text(yaml.safe_dump(_file(_with(VALUE, dataset="staff"))), "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_targets(path)
    assert caught.value.params["location"] == "targets[0].dataset"
    assert "needs dataset: values" in caught.value.message("en")
