"""Write the bundled sample_data/ (seeded, so the files are the same on every machine).

python scripts/make_sample_data.py [--out sample_data] [--seed 2025]
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic


def _template(code: str, procedure_code: str, unit: str, received: datetime) -> synthetic.Dossier:
    procedure = next(p for p in synthetic.PROCEDURES if p.code == procedure_code)
    unit_row = next(u for u in synthetic.UNITS if u[0] == unit)
    done = received + timedelta(hours=3)
    return synthetic.Dossier(
        code=code,
        procedure=procedure,
        unit=unit_row,
        channel="Trực tiếp",
        submitted_at=received,
        received_at=received,
        due_at=synthetic.add_working_days(received, procedure.days),
        original_due_at=None,
        completed_at=done,
        returned_at=done + timedelta(hours=2),
        supplement_requested_at=None,
        supplement_received_at=None,
        supplement_count=0,
        rejected_at=None,
        status="RETURNED",
        fee=procedure.fee,
        paid_online=False,
        reused_data=True,
        data_shared=False,
        inter_agency=False,
        inter_agency_electronic=False,
        rating="Hài lòng",
        applicant="Lê Văn Tư",
        address="Thôn An Thạch, Phổ Hòa",
        phone="0905123456",
    )


def _column(columns: list[str], name: str) -> int:
    return columns.index(name)


def bad_rows_vendor_a() -> list[list[object]]:
    """Deliberately bad rows: what the tool must reject or warn about, never drop silently.

    Each is a real-looking row with one cell spoiled (positions after the STT column)."""
    leaves = [leaf for _, leaf in synthetic.VENDOR_A_COLUMNS][1:]
    rng = random.Random(0)
    spoiled: list[tuple[str, str, object]] = [
        # impossible received date -> rejected
        ("000.32.32.H48-250228-9001", "Ngày tiếp nhận", "31/02/2025"),
        # missing dossier code -> rejected
        ("000.32.32.H48-250212-9002", "Mã hồ sơ", None),
        # vendor-specific status label -> UNKNOWN with a warning, row kept
        ("000.32.32.H48-250214-9003", "Trạng thái", "Chờ ý kiến lãnh đạo"),
        # fee written in words -> warning, value left empty, row kept
        ("000.32.32.H48-250218-9004", "Phí, lệ phí", "năm mươi nghìn"),
    ]
    rows = []
    for index, (code, column, value) in enumerate(spoiled):
        received = datetime(2025, 2, 12 + 2 * index, 9, 15)
        dossier = _template(code, "2.000815", "UBND phường Phổ Hòa", received)
        row = synthetic.vendor_a_row(rng, 0, dossier, 0.0)[1:]
        row[_column(leaves, column)] = value
        rows.append(row)
    return rows


def bad_rows_vendor_b() -> list[list[str]]:
    """Bad rows in the HTML layout (cells after STT)."""
    leaves: list[str] = []
    for text, _, _, sub in synthetic.VENDOR_B_HEADER:
        leaves.extend(sub or [text])
    leaves = leaves[1:]
    spoiled: list[tuple[str, dict[str, str]]] = [
        # impossible received date -> rejected
        ("000.38.32.H48-250331-9101", {"Ngày nhận": "32/03/2025 08:00"}),
        # neither procedure code nor name -> rejected
        ("000.38.32.H48-250320-9102", {"Mã TTHC": "", "Tên TTHC": ""}),
        # unreadable yes/no value -> warning, row kept
        ("000.38.32.H48-250321-9103", {"Đã thanh toán trực tuyến": "?"}),
    ]
    rows = []
    for index, (code, changes) in enumerate(spoiled):
        received = datetime(2025, 3, 20 + index, 8, 30)
        dossier = _template(code, "1.001193", "UBND xã Phổ Nhơn", received)
        row = synthetic.vendor_b_cells(0, dossier)[1:]
        for column, value in changes.items():
            row[_column(leaves, column)] = value
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("sample_data"))
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--per-month", type=int, default=320)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    dossiers = synthetic.simulate(args.seed, ["2025-01", "2025-02", "2025-03"], args.per_month)
    february = list(synthetic.handled_in(dossiers, "2025-02"))
    march = list(synthetic.handled_in(dossiers, "2025-03"))
    synthetic.write_vendor_a(
        february,
        args.out / "2025-02 danh sach ho so - thi xa Duc Pho.xlsx",
        "2025-02",
        seed=args.seed,
        bad_rows=bad_rows_vendor_a(),
    )
    synthetic.write_vendor_b(
        march,
        args.out / "2025-03 DanhSachHoSo_20250401_0815.xls",
        "2025-03",
        bad_rows=bad_rows_vendor_b(),
    )
    ward = [
        d
        for d in march
        if d.unit[0] == "UBND phường Nguyễn Nghiêm"
        and d.received_at >= synthetic.month_start("2025-03")
    ]
    # The ward's own export is taken a few days later: some of its dossiers have moved on.
    rng = random.Random(args.seed)
    later = synthetic.month_end("2025-03").replace(day=31)
    ward = [d for d in dossiers if d.code in {w.code for w in ward}]
    ward = [d.as_of(later) if rng.random() < 0.5 else d.as_of(later.replace(day=28)) for d in ward]
    synthetic.write_vendor_c(ward, args.out / "2025-03 phuong Nguyen Nghiem.csv", "2025-03")
    # The previous year, for the "+20 points a year" target (D9): less data sharing then.
    last_year = synthetic.simulate(
        args.seed + 2024, [f"2024-{m:02d}" for m in range(1, 13)], 140, data_shared=(0.45, 0.33)
    )
    # Exported after the year closed, so the dossiers of late December show how they ended.
    exported = synthetic.month_end("2025-01")
    synthetic.write_vendor_a(
        [d.as_of(exported) for d in last_year],
        args.out / "2024 danh sach ho so ca nam.xlsx",
        "2024-12",
        seed=args.seed,
        first_month="2024-01",
    )
    counts = synthetic.write_registers(args.out, args.seed, march)
    print(
        f"wrote {len(february)} + {len(march)} + {len(ward)} + {len(last_year)} dossiers "
        f"and {counts} to {args.out}"
    )


if __name__ == "__main__":
    main()
