"""Vendor profiles (DECISIONS D12): how each family of one-stop systems writes its exports, as
data shipped with cchc, detected from a sheet's headers, extended by the user's own files."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

from cchc_cli.catalogue import did_you_mean, phrase
from cchc_cli.errors import ConfigError
from cchc_cli.profiles.model import ProfileFile, read_profile_file, read_profile_text
from cchc_cli.profiles.resolved import FooterWords, HeaderRule, Profile, resolve

BASE = "base"


@cache
def shipped_names() -> tuple[str, ...]:
    """The profiles shipped in the package, base first, then by name."""
    folder = resources.files("cchc_cli.profiles") / "data"
    names = sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))
    return (BASE, *(n for n in names if n != BASE))


@cache
def shipped_file(name: str) -> ProfileFile:
    """A shipped profile file as written."""
    if name not in shipped_names():
        raise ConfigError(
            "config.unknown_profile",
            name=name,
            choices=", ".join(shipped_names()),
            hint=did_you_mean(name, shipped_names()),
        )
    text = (resources.files("cchc_cli.profiles") / "data" / f"{name}.yaml").read_text("utf-8")
    profile = read_profile_text(text, f"{name}.yaml")
    if profile.profile != name:
        raise ConfigError(
            "config.profile_invalid",
            path=f"{name}.yaml",
            location="profile",
            reason=phrase("profile_file.name_must_be", name=name),
        )
    return profile


def _chain(own: ProfileFile, path: str) -> list[ProfileFile]:
    """The files from the most general (base) to `own`, following `extends`."""
    files = [own]
    seen = {own.profile}
    current = own
    while current.extends:
        parent = shipped_file(current.extends)
        if parent.profile in seen:
            raise ConfigError(
                "config.profile_invalid",
                path=path,
                location="extends",
                reason=phrase("profile_file.extends_loop"),
            )
        seen.add(parent.profile)
        files.insert(0, parent)
        current = parent
    return files


@cache
def _shipped(name: str) -> Profile:
    return resolve(_chain(shipped_file(name), f"{name}.yaml"))


def _with_overlay(own: ProfileFile, path: str, overlay: ProfileFile | None) -> Profile:
    """A profile file resolved with its parents and the --columns overlay: the overlay adds
    rules, the profile keeps its own name and identity."""
    files = _chain(own, path)
    if overlay is None:
        return resolve(files)
    resolved = resolve([*files, overlay])
    alone = resolve(files)
    resolved.name, resolved.title, resolved.title_en = alone.name, alone.title, alone.title_en
    resolved.system, resolved.signatures = alone.system, alone.signatures
    resolved.values_only = alone.values_only
    return resolved


def get_profile(name: str, overlay: ProfileFile | None = None) -> Profile:
    """A shipped profile resolved with its parents, and the user's overlay on top."""
    if overlay is None:
        return _shipped(name)
    return _with_overlay(shipped_file(name), f"{name}.yaml", overlay)


def base_profile() -> Profile:
    """The profile every vendor's extends: D1-D3 and the national codes."""
    return get_profile(BASE)


class ProfileSet:
    """The profiles a run may read sheets with, in order of preference (base first), and
    whether the user forced one (`--profile`).

    `profiles` may be given as a function that resolves them: the default set is only needed
    when a file is parsed, and a run served from the cache never parses one (resolving the
    shipped YAML is 0.09 s of a 1 s cached run). Its names are then given beside it.
    """

    def __init__(
        self,
        profiles: list[Profile] | Callable[[], list[Profile]],
        forced: bool = False,
        # Identifies the user's own files (the shipped ones are part of cchc's code digest).
        user_digest: str = "",
        names: tuple[str, ...] | None = None,
    ) -> None:
        if callable(profiles):
            if names is None:
                raise ValueError("a lazily resolved profile set needs its names")
            self._resolve: Callable[[], list[Profile]] | None = profiles
            self._profiles: list[Profile] | None = None
        else:
            self._resolve, self._profiles = None, list(profiles)
            names = tuple(p.name for p in profiles)
        self.names: tuple[str, ...] = names
        self.forced = forced
        self.user_digest = user_digest
        self._lock = threading.Lock()  # files are parsed in threads

    @property
    def profiles(self) -> list[Profile]:
        """The resolved profiles."""
        if self._profiles is None:
            with self._lock:
                if self._profiles is None and self._resolve is not None:
                    self._profiles = self._resolve()
        assert self._profiles is not None
        return self._profiles

    @cached_property
    def known_keys(self) -> frozenset[str]:
        """Every header lookup key any profile knows (a column with none is no header)."""
        keys: set[str] = set()
        for profile in self.profiles:
            for index in profile.indexes.values():
                keys.update(index.rules)
        return frozenset(keys)

    @property
    def digest(self) -> str:
        """Identifies the choice of profiles for the cache key."""
        text = f"{','.join(self.names)}|{self.forced}|{self.user_digest}"
        return hashlib.sha256(text.encode()).hexdigest()


def profile_set(profile: str | None = None, columns: Path | None = None) -> ProfileSet:
    """What `--profile NAME|FILE` and `--columns FILE` ask for: every shipped profile (detected
    per sheet), or the one forced; the --columns file is laid over whichever is used."""
    overlay = read_profile_file(columns, kind="columns") if columns is not None else None
    digest = hashlib.sha256()
    if overlay is not None:
        digest.update(overlay.model_dump_json().encode())
    if profile is None:
        if overlay is None:
            return shipped_set()
        profiles = [get_profile(name, overlay) for name in shipped_names()]
        return ProfileSet(profiles, False, digest.hexdigest())
    if profile in shipped_names():
        return ProfileSet([get_profile(profile, overlay)], True, digest.hexdigest())
    path = Path(profile)
    if path.suffix.lower() not in (".yaml", ".yml") and not path.exists():
        shipped_file(profile)  # unknown name: the catalogued error with a suggestion
    own = read_profile_file(path)
    if own.profile in shipped_names():
        raise ConfigError(
            "config.profile_invalid",
            path=str(path),
            location="profile",
            reason=phrase("profile_file.shipped_name", name=own.profile),
        )
    resolved = _with_overlay(own, str(path), overlay)
    digest.update(own.model_dump_json().encode())
    return ProfileSet([resolved], True, digest.hexdigest())


def shipped_set() -> ProfileSet:
    """Every shipped profile, detected per sheet (the default)."""
    return _shipped_set()


@cache
def _shipped_set() -> ProfileSet:
    def resolved() -> list[Profile]:
        return [get_profile(name) for name in shipped_names()]

    return ProfileSet(resolved, names=shipped_names())


__all__ = [
    "BASE",
    "FooterWords",
    "HeaderRule",
    "Profile",
    "ProfileFile",
    "ProfileSet",
    "base_profile",
    "get_profile",
    "profile_set",
    "shipped_file",
    "shipped_names",
    "shipped_set",
]
