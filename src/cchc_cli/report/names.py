"""What officers call the things cchc names by an id: datasets, file formats, vendor profiles
(issue 14: no internal code in a Vietnamese view)."""

from __future__ import annotations

from cchc_cli.catalogue import WORDS, label
from cchc_cli.schema import DATASETS
from cchc_cli.schema.vocabularies import VOCABULARY_KINDS


def format_name(fmt: str | None, lang: str) -> str:
    """A file format as officers call it ("Excel (.xlsx)", "HTML lưu thành .xls")."""
    key = f"format_{(fmt or '').replace('-', '_')}"
    return label(key, lang) if key in WORDS else (fmt or "")


def profile_title(name: str | None, lang: str) -> str:
    """A shipped vendor profile's title ("Chung (mọi phần mềm một cửa)"), not its id; a
    profile of the officer's own file keeps its name."""
    from cchc_cli.profiles import get_profile, shipped_names

    if not name or name not in shipped_names():
        return name or ""
    profile = get_profile(name)
    return (profile.title_en if lang == "en" and profile.title_en else profile.title) or name


def dataset_name(dataset: str | None, lang: str) -> str:
    """A dataset's own name in `lang` ("Danh sách hồ sơ"), not its id."""
    return DATASETS[dataset].title(lang) if dataset in DATASETS else (dataset or "")


def field_name(dataset: str | None, field: str, lang: str, ids: bool = False) -> str:
    """A canonical field as its column is called ("Ngày tiếp nhận"); with `ids`, its id after
    it, for a columns file or a profile."""
    spec = DATASETS[dataset].fields.get(field) if dataset in DATASETS else None
    name = spec.label(lang) if spec is not None else field
    return f"{name} ({field})" if ids and name != field else name


def code_name(vocabulary: str, code: str, lang: str) -> str:
    """A vocabulary code as exports write it ("Đã trả kết quả" for RETURNED): the first label
    the shipped base profile gives it; in English, and for a code with no label, the code."""
    from cchc_cli.profiles import base_profile

    if code == "UNKNOWN":
        return label("blank_group", lang)
    kind = VOCABULARY_KINDS.get(vocabulary)
    if kind is not None and code in (kind.yes, kind.no) and code not in (None, ""):
        # a yes/no code ("paid online, platform not stated") reads as the plain word
        return label("yes" if code == kind.yes else "no", lang)
    if lang == "en":
        return code
    found = base_profile().vocabularies.get(vocabulary)
    written = found.labels.get(code, []) if found is not None else []
    return next((w for w in written if w != code), code)
