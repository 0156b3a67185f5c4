"""What officers call the things cchc names by an id: datasets, file formats, vendor profiles
(issue 14: no internal code in a Vietnamese view)."""

from __future__ import annotations

from cchc_cli.catalogue import WORDS, label
from cchc_cli.schema import DATASETS


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
