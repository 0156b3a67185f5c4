"""schema/ against ingest/validate.py: the Pydantic models are the reference for every value;
the vectorised validator must agree with them row by row on real-looking exports."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from pydantic import ValidationError

from cchc_cli.ingest import LoadOptions, read_input
from cchc_cli.profiles import base_profile
from cchc_cli.readers import expand_inputs
from cchc_cli.schema import DATASETS
from cchc_cli.schema.dossiers import DossierRecord
from conftest import SAMPLE_DATA


def _plain(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


@pytest.mark.parametrize("path", sorted(SAMPLE_DATA.iterdir()), ids=lambda p: p.name)
def test_valid_rows_equal_the_pydantic_model(path) -> None:
    files, _ = expand_inputs([str(path)])
    options = LoadOptions()
    readout = read_input(files[0], list(DATASETS.values()), options)
    checked = 0
    for outcome in readout.sheets:
        assert outcome.result is not None and outcome.header is not None
        cells = outcome.sheet.cells
        context = {"profile": outcome.header.profile}
        for record in outcome.result.table.to_dict("records"):
            raw = {
                name: cells.loc[record["source_row"], column]
                for name, column in outcome.header.mapping.items()
            }
            raw = {k: (None if v is pd.NA else v) for k, v in raw.items()}
            try:
                model = outcome.header.dataset.model.model_validate(raw, context=context)
                emptied: set[str] = set()
            except ValidationError as error:
                # An unreadable optional value: the row stays valid and that value is emptied.
                emptied = {str(e["loc"][0]) for e in error.errors()}
                model = outcome.header.dataset.model.model_validate(
                    {k: v for k, v in raw.items() if k not in emptied}, context=context
                )
            for name in outcome.header.mapping:
                got = _plain(record[name])
                expected = None if name in emptied else getattr(model, name)
                assert got == expected, (record["source_row"], name, raw[name])
            checked += 1
    assert checked >= 4


def test_rejected_rows_fail_the_pydantic_model() -> None:
    context = {"profile": base_profile()}
    with pytest.raises(ValidationError):
        DossierRecord.model_validate(
            {"dossier_code": "H1", "received_at": "31/02/2025"}, context=context
        )
    with pytest.raises(ValidationError):
        DossierRecord.model_validate({"received_at": "01/02/2025"}, context=context)
    DossierRecord.model_validate(
        {"dossier_code": "H1", "received_at": "28/02/2025"}, context=context
    )


def test_records_are_read_with_a_named_profile_issue10() -> None:
    # the schema does not pick a profile itself (profiles are built on the schema)
    with pytest.raises(RuntimeError):
        DossierRecord.model_validate({"dossier_code": "H1", "received_at": "28/02/2025"})
