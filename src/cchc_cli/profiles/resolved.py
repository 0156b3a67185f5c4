"""A profile as the readers use it: base rules, then a vendor's, then the user's, merged into one
header index per dataset, one lookup per vocabulary, date forms and footer words."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from cchc_cli.parsing import STANDARD_DATE_FORMS
from cchc_cli.profiles.model import IGNORE, HeaderAlias, IgnoredHeader, ProfileFile
from cchc_cli.schema import DATASETS
from cchc_cli.schema.vocabularies import VOCABULARY_KINDS, Vocabulary
from cchc_cli.text import add_layer, match_key, normalize_label


@dataclass(frozen=True, slots=True)
class HeaderRule:
    """What one header text means to a profile: a field (with its priority) or "leave out"."""

    field: str | None
    priority: int = 1
    why: str = ""
    why_en: str = ""

    def reason(self, lang: str) -> str:
        """Why the header is left out, in `lang`."""
        return (self.why_en if lang == "en" and self.why_en else self.why) or ""

    @property
    def ignored(self) -> bool:
        return self.field is None


@dataclass
class FieldIndex:
    """Header text -> rule for one dataset: exact normalised form, then without diacritics."""

    dataset: str
    rules: dict[str, HeaderRule] = field(default_factory=dict)
    # Each header text as written, by its diacritic-free key (the last source's wins).
    written: dict[str, tuple[str, HeaderRule]] = field(default_factory=dict)

    def add_layer(self, entries: Iterable[tuple[str, HeaderRule]]) -> None:
        """Add one source's rules; they win over an earlier source's rule for the same words."""
        layer: dict[str, HeaderRule] = {}
        for text, rule in entries:
            # "Group / Leaf" names a leaf under its group: the readers look it up as the two
            # texts joined by a space.
            words = text.replace(" / ", " ")
            layer.setdefault(normalize_label(words), rule)
            layer.setdefault("~" + match_key(words), rule)
            self.written[match_key(words)] = (text, rule)
        add_layer(self.rules, layer)

    @property
    def headers(self) -> dict[str, list[tuple[str, int]]]:
        """The header texts of each field, with their priority (for `profile show`, `init`)."""
        found: dict[str, list[tuple[str, int]]] = {}
        for text, rule in self.written.values():
            if rule.field is not None:
                found.setdefault(rule.field, []).append((text, rule.priority))
        return found

    def ignored(self, lang: str = "vi") -> dict[str, str]:
        """The header texts deliberately left out, with the reason."""
        return {
            text: rule.reason(lang) for text, rule in self.written.values() if rule.field is None
        }

    def lookup(self, keys: tuple[str, ...]) -> HeaderRule | None:
        """The rule for the first of a column's lookup keys that this index knows."""
        for key in keys:
            found = self.rules.get(key)
            if found is not None:
                return found
        return None


def header_keys(text: str) -> tuple[str, str]:
    """The two keys a header text is looked up by: exact normalised, then diacritic-free."""
    return normalize_label(text), "~" + match_key(text)


def signature_key(text: str) -> str:
    """The key a `detect` header is compared by ("Group / Leaf" as the joined texts)."""
    return "~" + match_key(text.replace(" / ", " "))


@dataclass(frozen=True)
class FooterWords:
    """Words that open the footer below the data (D4), as comparison keys."""

    totals: frozenset[str]
    signatures: tuple[str, ...]


@dataclass
class Profile:
    """One profile, resolved: what a sheet read "as this vendor" means."""

    name: str
    title: str
    title_en: str
    system: str
    chain: tuple[str, ...]
    sources: tuple[str, ...]
    indexes: dict[str, FieldIndex]
    vocabularies: dict[str, Vocabulary]
    date_forms: tuple[str, ...]
    footer: FooterWords
    files: tuple[ProfileFile, ...] = ()
    # The header sets that identify the system (its own file's `detect`).
    signatures: tuple[frozenset[str], ...] = ()
    # A profile that only says what values mean (no header rules of its own): chosen over the
    # base profile when it reads more of a sheet's values.
    values_only: bool = False

    def title_in(self, lang: str) -> str:
        """The profile's human name."""
        return (self.title_en if lang == "en" and self.title_en else self.title) or self.name

    def index(self, dataset: str) -> FieldIndex:
        """The header index of a dataset."""
        return self.indexes[dataset]

    @cached_property
    def digest(self) -> str:
        """Identifies every rule of this profile (for the cache key)."""
        text = "\n".join(f.model_dump_json() for f in self.files)
        return hashlib.sha256(text.encode()).hexdigest()


def _dataset_layer(dataset: str, profile: ProfileFile) -> list[tuple[str, HeaderRule]]:
    rules = profile.datasets.get(dataset)
    if rules is None:
        return []
    entries: list[tuple[str, HeaderRule]] = []
    for header, target in rules.read_as.items():
        if target is None:
            continue
        field = None if target == IGNORE else target
        entries.append((header, HeaderRule(field)))
    for ignored in rules.ignore:
        if isinstance(ignored, IgnoredHeader):
            rule = HeaderRule(None, why=ignored.why, why_en=ignored.why_en)
            entries.append((ignored.header, rule))
        else:
            entries.append((ignored, HeaderRule(None)))
    for field_name, aliases in rules.fields.items():
        for alias in aliases:
            text, priority = (
                (alias.header, alias.priority) if isinstance(alias, HeaderAlias) else (alias, 1)
            )
            entries.append((text, HeaderRule(field_name, priority)))
    return entries


def resolve(files: list[ProfileFile]) -> Profile:
    """Merge profile files, most general first (base, vendor, user overlay)."""
    indexes: dict[str, FieldIndex] = {}
    for name, dataset in DATASETS.items():
        index = FieldIndex(name)
        # A canonical field name is always its own header (cchc's CSV output reads back).
        index.add_layer(
            (name, HeaderRule(name)) for name, spec in dataset.fields.items() if not spec.derived
        )
        for profile in files:
            index.add_layer(_dataset_layer(name, profile))
        indexes[name] = index
    vocabularies: dict[str, Vocabulary] = {}
    for name, kind in VOCABULARY_KINDS.items():
        vocabulary = Vocabulary(kind)
        vocabulary.add_labels({code: [code] for code in kind.code_values})
        for profile in files:
            rules = profile.values.get(name)
            if rules is None:
                continue
            layer = {code: list(labels) for code, labels in rules.labels.items()}
            for label, code in rules.read_as.items():
                if code is not None:
                    layer.setdefault(code, []).append(label)
            vocabulary.add_labels(layer)
            if rules.numbers is not None:
                vocabulary.set_numbers(rules.numbers, profile.profile)
            if rules.strip_prefixes is not None:
                vocabulary.set_strip_prefixes(rules.strip_prefixes)
        vocabularies[name] = vocabulary
    date_forms = list(STANDARD_DATE_FORMS)
    totals: set[str] = set()
    signatures: list[str] = []
    sources: list[str] = []
    for profile in files:
        date_forms += [f for f in profile.dates if f not in date_forms]
        totals |= {match_key(t) for t in profile.footer.totals}
        signatures += [match_key(s) for s in profile.footer.signatures]
        sources += profile.sources
    own = files[-1]
    vendor_files = [f for f in files if f.extends is not None]
    return Profile(
        name=own.profile,
        title=own.title,
        title_en=own.title_en,
        system=own.system,
        chain=tuple(f.profile for f in files),
        sources=tuple(sources),
        indexes=indexes,
        vocabularies=vocabularies,
        date_forms=tuple(date_forms),
        footer=FooterWords(frozenset(totals), tuple(dict.fromkeys(signatures))),
        files=tuple(files),
        signatures=tuple(frozenset(signature_key(h) for h in headers) for headers in own.detect),
        values_only=bool(vendor_files) and not any(f.datasets for f in vendor_files),
    )
