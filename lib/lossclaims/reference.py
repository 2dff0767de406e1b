"""The General Staff's daily series: cache, download, validate, import and load it as a tidy frame.

Most Russian-loss figures in the news copy the daily cumulative totals published by the
General Staff of Ukraine's Armed Forces. The public 2022-Ukraine-Russia-War-Dataset (MIT)
transcribes them; this module keeps a validated copy in a per-user cache and turns it into
a tidy frame (date, category, value) in the taxonomy's keys, so that articles can be
reconciled against it (see `lossclaims.reconcile`) and dated (`lossclaims.dating`).

A snapshot of the series ships with the package (`data/general-staff.parquet`, built by
tools/build_reference_snapshot.py, with the dataset's MIT licence notice and a note of how far
it reaches), so that dating and reconciling work offline; the cache wins when it reaches as far.

    lossclaims reference update          # or: lossclaims reference import DIR
    series = load_series()               # date, category, value
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from ._lazy import lazy_module

pd = lazy_module("pandas")  # loaded on first use (see `lossclaims._lazy`)

#: Where the files live publicly (the dataset's `main` branch on GitHub).
DEFAULT_BASE_URL = (
    "https://raw.githubusercontent.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset/main/data"
)
#: Environment variable that moves the cache (CI points it into the project).
CACHE_ENV = "LOSSCLAIMS_CACHE"
#: Sub-folder of the cache that holds the series.
SERIES_SUBDIR = "general-staff"
PERSONNEL_FILE = "russia_losses_personnel.json"
EQUIPMENT_FILE = "russia_losses_equipment.json"
CORRECTION_FILE = "russia_losses_equipment_correction.json"
#: Files an update must get; the corrections file is fetched too but may be missing.
REQUIRED_FILES = (PERSONNEL_FILE, EQUIPMENT_FILE)
OPTIONAL_FILES = (CORRECTION_FILE,)
#: Provenance of the cached copy: when, from where, and what was fetched.
SOURCE_FILE = "source.json"
#: A download larger than this is refused (the real files are well under 1 MB).
MAX_BYTES = 50_000_000
#: The packaged snapshot (package data, built by tools/build_reference_snapshot.py): the tidy series,
#: its corrections, the dataset's licence notice, and a note of what it covers.
SNAPSHOT_FILE = "general-staff.parquet"
SNAPSHOT_CORRECTIONS_FILE = "general-staff-corrections.parquet"
SNAPSHOT_LICENSE_FILE = "general-staff-LICENSE"
SNAPSHOT_INFO_FILE = "general-staff.json"

#: The dataset's keys -> taxonomy keys. `military auto` + `fuel tank` (before 2022-05-01)
#: become `vehicles_fuel_tanks`; `mobile SRBM system`, `ground robotic systems` and
#: `greatest losses direction` have no taxonomy key and are left out.
CATEGORY_KEYS = {
    "personnel": "personnel",
    "tank": "tanks",
    "APC": "armoured_vehicles",
    "field artillery": "artillery",
    "MRL": "mlrs",
    "anti-aircraft warfare": "air_defence",
    "aircraft": "aircraft",
    "helicopter": "helicopters",
    "drone": "drones",
    "naval ship": "ships",
    "submarines": "submarines",
    "vehicles and fuel tanks": "vehicles_fuel_tanks",
    "special equipment": "special_equipment",
    "cruise missiles": "cruise_missiles",
}
#: The taxonomy keys the series covers, in report order.
SERIES_CATEGORIES = tuple(dict.fromkeys(CATEGORY_KEYS.values()))
#: Keys every equipment record must carry (tracked since the first report).
EQUIPMENT_CORE_KEYS = (
    "aircraft", "helicopter", "tank", "APC", "field artillery", "MRL", "drone",
    "naval ship", "anti-aircraft warfare",
)

HOW_TO_GET = (
    "no General Staff series in {where}: run `lossclaims reference update` "
    "(downloads it) or `lossclaims reference import DIR` (a local copy of the dataset's "
    "JSON files)"
)


class SeriesNotFound(FileNotFoundError):
    """No cached copy of the series: the message says how to get one."""


class InvalidSeries(ValueError):
    """A series file that does not have the dataset's shape (the message says where)."""


class UpdateError(RuntimeError):
    """A download or validation failed; the previous cached copy was kept."""


# --------------------------------------------------------------------------- cache


def cache_dir(override: str | Path | None = None) -> Path:
    """The cache folder: `override`, else `$LOSSCLAIMS_CACHE`, else the per-user cache folder.

    >>> cache_dir("/tmp/x").as_posix()
    '/tmp/x'
    """
    if override:
        return Path(override).expanduser()
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    return _user_cache_dir(os.environ.get("XDG_CACHE_HOME", ""), os.environ.get("HOME", ""))


@lru_cache(maxsize=4)
def _user_cache_dir(xdg_cache_home: str, home: str) -> Path:
    """platformdirs' per-user cache folder, asked once per environment that decides it (dating asks per article)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("lossclaims"))


def series_dir(cache: str | Path | None = None) -> Path:
    """The folder of the cached series (`<cache>/general-staff`).

    >>> series_dir("/tmp/x").as_posix()
    '/tmp/x/general-staff'
    """
    return cache_dir(cache) / SERIES_SUBDIR


def find_series(reference: str | Path | None = None) -> Path | None:
    """The folder holding the series: `reference` (a folder with the JSON files, or a cache
    folder with a `general-staff/` inside), else the cache; None when there is none.

    >>> find_series("/nonexistent") is None
    True
    """
    candidates = []
    if reference is not None:
        ref = Path(reference).expanduser()
        candidates = [ref, ref / SERIES_SUBDIR]
    else:
        candidates = [series_dir()]
    for c in candidates:
        if all((c / name).is_file() for name in REQUIRED_FILES):
            return c
    return None


def provenance(folder: str | Path | None = None) -> dict[str, Any]:
    """What `source.json` records about a cached copy (fetched when, from where), or {}.

    >>> provenance("/nonexistent")
    {}
    """
    folder = Path(folder) if folder is not None else series_dir()
    path = folder / SOURCE_FILE
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


# --------------------------------------------------------------------------- validation


def _is_date(s: Any) -> bool:
    if not isinstance(s, str) or len(s) != 10:
        return False
    try:
        datetime.strptime(s, "%Y-%m-%d")
    except ValueError:
        return False
    return True


def _is_count(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and v == v and v >= 0 and v < 1e12


def validate_records(name: str, records: Any) -> list[dict]:
    """Check one file's parsed JSON against the dataset's shape; return it or raise `InvalidSeries`.

    Personnel and equipment files are lists of records with increasing, unique ISO dates and
    non-negative counts; the corrections file holds signed adjustments.

    >>> validate_records(PERSONNEL_FILE, [{"date": "2022-02-25", "personnel": 2800}])[0]["personnel"]
    2800
    >>> validate_records(PERSONNEL_FILE, [{"date": "25.02.2022", "personnel": 2800}])
    Traceback (most recent call last):
    ...
    lossclaims.reference.InvalidSeries: russia_losses_personnel.json record 0: date '25.02.2022' is not YYYY-MM-DD
    """
    if not isinstance(records, list) or not records:
        raise InvalidSeries(f"{name}: expected a non-empty JSON list of daily records")
    previous = ""
    for i, rec in enumerate(records):
        if not isinstance(rec, dict):
            raise InvalidSeries(f"{name} record {i}: expected an object, got {type(rec).__name__}")
        date = rec.get("date")
        if not _is_date(date):
            raise InvalidSeries(f"{name} record {i}: date {date!r} is not YYYY-MM-DD")
        if name != CORRECTION_FILE:
            if date <= previous:
                raise InvalidSeries(f"{name} record {i}: date {date} does not follow {previous}")
            previous = date
        if name == PERSONNEL_FILE:
            required: tuple[str, ...] = ("personnel",)
        elif name == EQUIPMENT_FILE:
            required = EQUIPMENT_CORE_KEYS
        else:
            required = ()
        for key in required:
            if key not in rec:
                raise InvalidSeries(f"{name} record {i} ({date}): missing {key!r}")
        for key, value in rec.items():
            if key in CATEGORY_KEYS or key in ("military auto", "fuel tank"):
                if value is None:
                    continue
                ok = _is_count(value) if name != CORRECTION_FILE else (
                    isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) < 1e9
                )
                if not ok:
                    raise InvalidSeries(f"{name} record {i} ({date}): {key} = {value!r} is not a count")
    return records


def read_records(path: str | Path) -> list[dict]:
    """Read and validate one of the dataset's JSON files.

    >>> read_records("/nonexistent/russia_losses_personnel.json")
    Traceback (most recent call last):
    ...
    FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent/russia_losses_personnel.json'
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    return _parse_bytes(path.name, text.encode("utf-8"))


def _parse_bytes(name: str, data: bytes) -> list[dict]:
    try:
        records = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidSeries(f"{name}: not valid JSON ({exc})") from None
    return validate_records(name, records)


# --------------------------------------------------------------------------- update / import


@dataclass
class UpdateReport:
    """What an update or import did: the folder, the files written, the series' last date."""

    folder: Path
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    last_date: str = ""
    warnings: list[str] = field(default_factory=list)


def _fetch(url: str, timeout: float) -> bytes:
    import urllib.request  # here, not at the top: only an update needs it (and `lossclaims --help` starts faster)

    req = urllib.request.Request(url, headers={"User-Agent": "lossclaims (reference update)"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (scheme checked)
        data = resp.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise UpdateError(f"{url}: larger than {MAX_BYTES} bytes, refused")
    return data


def _last_date(records: list[dict]) -> str:
    return max(r["date"] for r in records)


def _install(folder: Path, files: dict[str, bytes], source: dict[str, Any]) -> UpdateReport:
    """Validate every file, refuse a copy older than the cached one, then replace atomically."""
    parsed = {name: _parse_bytes(name, data) for name, data in files.items()}
    missing = [n for n in REQUIRED_FILES if n not in parsed]
    if missing:
        raise UpdateError(f"missing {', '.join(missing)}; the cached copy is unchanged")
    report = UpdateReport(folder=folder, last_date=_last_date(parsed[PERSONNEL_FILE]))
    for name in REQUIRED_FILES:
        old = folder / name
        if old.is_file():
            try:
                old_last = _last_date(read_records(old))
            except (OSError, InvalidSeries):
                continue
            new_last = _last_date(parsed[name])
            if new_last < old_last:
                raise UpdateError(
                    f"{name}: the new copy ends {new_last}, before the cached one ({old_last}); "
                    "the cached copy is unchanged"
                )
    folder.mkdir(parents=True, exist_ok=True)
    entries = {}
    for name, data in files.items():
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, folder / name)
        report.written.append(name)
        recs = parsed[name]
        entries[name] = {
            "sha256": hashlib.sha256(data).hexdigest(),
            "bytes": len(data),
            "records": len(recs),
            "first": min(r["date"] for r in recs),
            "last": _last_date(recs),
            **({"url": source["urls"][name]} if name in source.get("urls", {}) else {}),
        }
    report.kept = [n for n in OPTIONAL_FILES if n not in files and (folder / n).is_file()]
    record = {k: v for k, v in source.items() if k != "urls"}
    record["files"] = {**provenance(folder).get("files", {}), **entries}
    (folder / SOURCE_FILE).write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return report


def update(
    cache: str | Path | None = None, base_url: str = DEFAULT_BASE_URL, timeout: float = 60.0
) -> UpdateReport:
    """Download the series into the cache; keep the previous copy if a file fails or is invalid.

    Records in `source.json` when and from where it was fetched. Tests point `base_url` at a
    server on 127.0.0.1 (see tests/test_reference.py).
    """
    import urllib.error

    if not base_url.startswith(("http://", "https://")):
        raise ValueError(f"--base-url must be an http(s) URL, not {base_url!r}")
    folder = series_dir(cache)
    files: dict[str, bytes] = {}
    urls: dict[str, str] = {}
    warnings: list[str] = []
    for name in REQUIRED_FILES + OPTIONAL_FILES:
        url = f"{base_url.rstrip('/')}/{name}"
        try:
            data = _fetch(url, timeout)
            _parse_bytes(name, data)
        except (urllib.error.URLError, OSError, InvalidSeries, UpdateError) as exc:
            if isinstance(exc, urllib.error.HTTPError):
                reason = f"HTTP {exc.code} {exc.reason}"
            else:
                reason = getattr(exc, "reason", None) or exc
            if name in REQUIRED_FILES:
                raise UpdateError(
                    f"{url}: {reason}; the cached copy is unchanged"
                ) from None
            warnings.append(f"{name} not updated ({reason})")
            continue
        files[name] = data
        urls[name] = url
    source = {
        "fetched": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "from": base_url,
        "urls": urls,
    }
    report = _install(folder, files, source)
    report.warnings = warnings
    return report


def import_dir(directory: str | Path, cache: str | Path | None = None) -> UpdateReport:
    """Copy a local copy of the dataset's JSON files (and its LICENSE) into the cache, validated.

    >>> import_dir("/nonexistent")
    Traceback (most recent call last):
    ...
    NotADirectoryError: /nonexistent is not a folder
    """
    src = Path(directory).expanduser()
    if not src.is_dir():
        raise NotADirectoryError(f"{src} is not a folder")
    if not (src / PERSONNEL_FILE).is_file() and (src / SERIES_SUBDIR).is_dir():
        src = src / SERIES_SUBDIR
    files = {n: (src / n).read_bytes() for n in REQUIRED_FILES + OPTIONAL_FILES if (src / n).is_file()}
    missing = [n for n in REQUIRED_FILES if n not in files]
    if missing:
        raise FileNotFoundError(f"{src} has no {', '.join(missing)}")
    folder = series_dir(cache)
    source = {
        "fetched": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "from": f"import of {src.resolve()}",
    }
    report = _install(folder, files, source)
    if (src / "LICENSE").is_file():
        shutil.copyfile(src / "LICENSE", folder / "LICENSE")
    return report


# --------------------------------------------------------------------------- loading


def _require(reference: str | Path | None) -> Path:
    folder = find_series(reference)
    if folder is None:
        where = f"{reference}" if reference is not None else f"the cache ({series_dir()})"
        raise SeriesNotFound(HOW_TO_GET.format(where=where))
    return folder


def _tidy(wide: pd.DataFrame) -> pd.DataFrame:
    long = wide.melt(id_vars="date", var_name="category", value_name="value").dropna(subset=["value"])
    long["date"] = pd.to_datetime(long["date"])
    long["category"] = long["category"].astype(str)
    long["value"] = long["value"].round().astype("int64")
    order = {c: i for i, c in enumerate(SERIES_CATEGORIES)}
    long = long.sort_values(["category", "date"], key=lambda s: s.map(order) if s.name == "category" else s)
    return long.reset_index(drop=True)[["date", "category", "value"]]


def load_series(reference: str | Path | None = None) -> pd.DataFrame:
    """The series as a tidy frame (date, category, value) in the taxonomy's keys.

    From `reference` (a folder) when given, else from the cache when it reaches at least as far as
    the packaged snapshot, else from the snapshot (`series_origin` says which).

    `date` is the report's publication day. `personnel` is Russian casualties (killed and
    wounded); `vehicles_fuel_tanks` before 2022-05-01 is `military auto` + `fuel tank`.
    A category tracked later than 2022-02-25 (special equipment, cruise missiles,
    submarines) simply has no rows before it starts. Raises `SeriesNotFound` (saying how
    to get one) when there is no copy. Tested in tests/test_reference.py.
    """
    origin = series_origin(reference)
    if origin.folder is None:
        return _read_snapshot(SNAPSHOT_FILE)
    folder = origin.folder
    personnel = pd.DataFrame(read_records(folder / PERSONNEL_FILE))
    equipment = pd.DataFrame(read_records(folder / EQUIPMENT_FILE))
    if "vehicles and fuel tanks" not in equipment:
        equipment["vehicles and fuel tanks"] = float("nan")
    if {"military auto", "fuel tank"} <= set(equipment.columns):
        before = equipment["military auto"] + equipment["fuel tank"]
        equipment["vehicles and fuel tanks"] = equipment["vehicles and fuel tanks"].fillna(before)
    keep = [k for k in CATEGORY_KEYS if k in equipment.columns and k != "personnel"]
    wide = equipment[["date", *keep]].merge(personnel[["date", "personnel"]], on="date", how="outer")
    wide = wide.rename(columns=CATEGORY_KEYS)
    return _tidy(wide)


def load_corrections(reference: str | Path | None = None) -> pd.DataFrame:
    """The corrections file as a tidy frame (date, category, value) of non-zero adjustments.

    The published totals already include these adjustments: they explain most of the days
    where a total falls (see `falls`). Empty when the copy has no corrections file.
    """
    origin = series_origin(reference)
    if origin.folder is None:
        return _read_snapshot(SNAPSHOT_CORRECTIONS_FILE)
    path = origin.folder / CORRECTION_FILE
    if not path.is_file():
        return pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"),
                             "category": pd.Series(dtype=str), "value": pd.Series(dtype="int64")})
    raw = pd.DataFrame(read_records(path))
    keep = [k for k in CATEGORY_KEYS if k in raw.columns]
    tidy = _tidy(raw[["date", *keep]].rename(columns=CATEGORY_KEYS))
    return tidy[tidy["value"] != 0].reset_index(drop=True)


def wide(series: pd.DataFrame) -> pd.DataFrame:
    """The tidy series as one row per report date and one column per category (NaN before a
    category starts).

    >>> s = pd.DataFrame({"date": pd.to_datetime(["2025-06-30"]), "category": ["tanks"], "value": [10980]})
    >>> wide(s).loc["2025-06-30", "tanks"]
    np.float64(10980.0)
    """
    if series.empty:
        return pd.DataFrame(index=pd.DatetimeIndex([], name="date"))
    w = series.pivot_table(index="date", columns="category", values="value", aggfunc="last")
    w = w.reindex(columns=[c for c in SERIES_CATEGORIES if c in w.columns]).astype(float)
    w.columns.name = None
    return w.sort_index()


@dataclass(frozen=True, eq=False)  # hashed by identity: dating caches its answers per copy
class SeriesColumns:
    """The series as `wide` gives it, in numpy arrays: what dating one article at a time reads.

    `dates` holds the report days in order (`datetime.date`s, an object array), `columns` one float
    array per category aligned with them (NaN before it starts), `values` every value a category took.
    """

    dates: Any
    columns: dict[str, Any]
    values: dict[str, frozenset[float]]


def series_columns(reference: str | Path | None = None) -> SeriesColumns:
    """The series `load_series(reference)` reads, as numpy columns; read once per copy in a process.

    From the packaged snapshot it is read without pandas (pyarrow and numpy only), which is most of
    the start-up of parsing one undated article. Raises `SeriesNotFound` when there is no copy.

    >>> s = series_columns(); int(s.columns["tanks"][list(s.dates).index(date(2025, 6, 30))])
    10980
    """
    return _series_columns(series_origin(reference))


@lru_cache(maxsize=2)
def _series_columns(origin: Origin) -> SeriesColumns:
    rows = _snapshot_rows(SNAPSHOT_FILE) if origin.folder is None else _json_rows(origin.folder)
    if rows is not None:
        return _columns_of_rows(*rows)
    series = load_series(origin.folder) if origin.folder is not None else _read_snapshot(SNAPSHOT_FILE)
    w = wide(series)
    import numpy as np

    values = {c: frozenset(g.astype(float)) for c, g in series.groupby("category")["value"]}
    return SeriesColumns(np.array([d.date() for d in w.index], dtype=object),
                         {c: w[c].to_numpy(dtype=float) for c in w.columns}, values)


def _snapshot_rows(name: str) -> tuple[list[date], list[str], list[int]] | None:
    """The packaged snapshot's (date, category, value) columns read with pyarrow alone, or None when its
    dates are not all plain ISO days (then pandas reads it, as `_read_snapshot`)."""
    import pyarrow.parquet as pq

    path = _snapshot_path(name)
    if not path.is_file():
        raise SeriesNotFound(HOW_TO_GET.format(where=f"the cache ({series_dir()}) nor a packaged snapshot"))
    with path.open("rb") as fh:
        table = pq.ParquetFile(fh).read(columns=["date", "category", "value"])
    texts, categories, values = (table.column(c).to_pylist() for c in ("date", "category", "value"))
    if not all(isinstance(t, str) and len(t) == 10 for t in texts) or None in categories or None in values:
        return None
    try:
        days = [date.fromisoformat(t) for t in texts]
    except ValueError:
        return None
    return days, [str(c) for c in categories], [int(v) for v in values]


def _json_rows(folder: Path) -> tuple[list[date], list[str], list[int]] | None:
    """The tidy rows `load_series(folder)` builds from the JSON files, in plain Python (see there for
    the rules), or None when a date is not a plain ISO day (then pandas reads them)."""
    rows: list[tuple[str, str, Any]] = []
    for rec in read_records(folder / EQUIPMENT_FILE):
        rec = dict(rec)
        if rec.get("vehicles and fuel tanks") is None and None not in (rec.get("military auto"), rec.get("fuel tank")):
            rec["vehicles and fuel tanks"] = rec["military auto"] + rec["fuel tank"]
        rows.extend((rec["date"], CATEGORY_KEYS[k], v) for k, v in rec.items()
                    if k in CATEGORY_KEYS and k != "personnel" and v is not None and v == v)
    rows.extend((rec["date"], "personnel", rec["personnel"]) for rec in read_records(folder / PERSONNEL_FILE)
                if rec.get("personnel") is not None and rec["personnel"] == rec["personnel"])
    try:
        days = [date.fromisoformat(d) for d, _, _ in rows]
    except (TypeError, ValueError):
        return None
    return days, [c for _, c, _ in rows], [round(v) for _, _, v in rows]


def _columns_of_rows(days: list[date], categories: list[str], values: list[int]) -> SeriesColumns:
    """`wide`'s columns of tidy rows: a day's last value per category, the categories in report order."""
    import numpy as np

    order = sorted(set(days))
    at = {d: i for i, d in enumerate(order)}
    cats = [c for c in SERIES_CATEGORIES if c in set(categories)]
    columns = {c: np.full(len(order), np.nan) for c in cats}
    seen: dict[str, set[float]] = {}
    for d, c, v in zip(days, categories, values):
        seen.setdefault(c, set()).add(float(v))
        if c in columns:
            columns[c][at[d]] = float(v)
    return SeriesColumns(np.array(order, dtype=object), columns, {c: frozenset(v) for c, v in seen.items()})


def falls(series: pd.DataFrame, corrections: pd.DataFrame | None = None) -> pd.DataFrame:
    """The report dates where a cumulative total is lower than the day before (a quirk of the
    series), with the correction published that day (or the day before) when there is one.

    >>> s = pd.DataFrame({"date": pd.to_datetime(["2022-10-12", "2022-10-13"]),
    ...                   "category": ["armoured_vehicles"] * 2, "value": [5181, 5167]})
    >>> falls(s)[["category", "before", "after"]].values.tolist()
    [['armoured_vehicles', 5181, 5167]]
    """
    w = wide(series)
    rows = []
    for cat in w.columns:
        col = w[cat].dropna()
        drop = col.diff() < 0
        for day in col.index[drop]:
            prev = col[col.index < day].iloc[-1]
            rows.append((day, cat, int(prev), int(col[day])))
    out = pd.DataFrame(rows, columns=["date", "category", "before", "after"])
    out["correction"] = pd.array([pd.NA] * len(out), dtype="Int64")
    if corrections is not None and not corrections.empty and len(out):
        # the corrections file is sometimes dated the day before the report that applies it
        key = corrections.groupby(["date", "category"])["value"].sum()
        day = pd.Timedelta(days=1)
        out["correction"] = pd.array(
            [key.get((d, c), key.get((d - day, c), pd.NA)) for d, c in zip(out["date"], out["category"])],
            dtype="Int64",
        )
    return out.sort_values(["date", "category"]).reset_index(drop=True)


def describe(reference: str | Path | None = None) -> dict[str, Any]:
    """A summary of the series in use: where it is (`origin`: folder, cache or snapshot), its
    provenance, date range, rows, categories. Raises `SeriesNotFound` when there is none."""
    origin = series_origin(reference)
    series = load_series(reference)
    return {
        "origin": origin.kind,
        "folder": str(origin.folder) if origin.folder is not None else str(_snapshot_path(SNAPSHOT_FILE)),
        "provenance": provenance(origin.folder) if origin.folder is not None else snapshot_info(),
        "first": series["date"].min().date().isoformat(),
        "last": series["date"].max().date().isoformat(),
        "reports": int(series["date"].nunique()),
        "categories": {
            c: g["date"].min().date().isoformat() for c, g in series.groupby("category", sort=False)
        },
        "falls": len(falls(series)),
        "snapshot_last": snapshot_info().get("last", ""),
    }


# --------------------------------------------------------------------------- the packaged snapshot


@dataclass(frozen=True)
class Origin:
    """Where the series comes from: `folder` (given), `cache`, or the packaged `snapshot` (folder None)."""

    kind: str
    folder: Path | None
    last: str


def _snapshot_path(name: str) -> Any:
    return _package_data().joinpath(name)


@lru_cache(maxsize=1)
def _package_data() -> Any:
    """The package's data folder (a `Traversable`), looked up once."""
    from importlib import resources

    return resources.files("lossclaims").joinpath("data")


def snapshot_info() -> dict[str, Any]:
    """What the packaged snapshot covers (first, last, reports, where built from), or {} without one.

    >>> snapshot_info().get("first", "2022-02-25")
    '2022-02-25'
    """
    path = _snapshot_path(SNAPSHOT_INFO_FILE)
    try:
        stat = os.stat(path) if isinstance(path, os.PathLike) else None
    except OSError:
        return {}
    if stat is None:  # not a file on disk (a zipped package): read it each time
        return _json_or_empty(path)
    return dict(_json_of_version(str(path), stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=4)
def _json_of_version(path: str, mtime_ns: int, size: int) -> dict[str, Any]:
    """A JSON file read once per version of it (dating asks for the snapshot's reach per article)."""
    return _json_or_empty(Path(path))


def _json_or_empty(path: Any) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _read_snapshot(name: str) -> pd.DataFrame:
    path = _snapshot_path(name)
    if not path.is_file():
        raise SeriesNotFound(HOW_TO_GET.format(where=f"the cache ({series_dir()}) nor a packaged snapshot"))
    with path.open("rb") as fh:
        tidy = pd.read_parquet(fh)
    tidy["date"] = pd.to_datetime(tidy["date"])  # as `_tidy` parses the JSON's dates
    tidy["category"] = tidy["category"].astype(str)
    tidy["value"] = tidy["value"].astype("int64")
    return tidy[["date", "category", "value"]]


def _cache_last(folder: Path) -> str:
    last = provenance(folder).get("files", {}).get(PERSONNEL_FILE, {}).get("last", "")
    if last:
        return last
    path = folder / PERSONNEL_FILE
    try:
        stat = path.stat()
    except OSError:
        return ""
    return _last_in_file(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _last_in_file(path: str, mtime_ns: int, size: int) -> str:
    """The last day of a series file, read once per version of the file (dating asks per article)."""
    try:
        return _last_date(read_records(Path(path)))
    except (OSError, InvalidSeries):
        return ""


def series_origin(reference: str | Path | None = None) -> Origin:
    """Which copy `load_series(reference)` reads: the folder given; else the cache when it reaches at
    least as far as the packaged snapshot; else the snapshot. Raises `SeriesNotFound` without any.

    >>> series_origin().kind in ("cache", "snapshot")
    True
    """
    if reference is not None:
        folder = _require(reference)
        return Origin("folder", folder, "")
    cached = find_series()
    snap = snapshot_info().get("last", "") if _snapshot_path(SNAPSHOT_FILE).is_file() else ""
    if cached is not None:
        last = _cache_last(cached)
        if not snap or last >= snap:
            return Origin("cache", cached, last)
    if snap:
        return Origin("snapshot", None, snap)
    raise SeriesNotFound(HOW_TO_GET.format(where=f"the cache ({series_dir()}) nor a packaged snapshot"))


# --------------------------------------------------------------------------- command line


def _cmd_update(args: argparse.Namespace) -> int:
    try:
        report = update(args.cache, base_url=args.base_url, timeout=args.timeout)
    except (UpdateError, InvalidSeries) as exc:
        print(f"lossclaims reference update: {exc}")
        return 1
    for w in report.warnings:
        print(f"warning: {w}")
    print(f"updated {', '.join(report.written)} in {report.folder} (series to {report.last_date})")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    try:
        report = import_dir(args.dir, args.cache)
    except (UpdateError, InvalidSeries) as exc:
        print(f"lossclaims reference import: {exc}")
        return 1
    print(f"imported {', '.join(report.written)} into {report.folder} (series to {report.last_date})")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    try:
        info = describe(args.cache)
    except SeriesNotFound as exc:
        print(exc)
        return 1
    prov = info["provenance"]
    if info["origin"] == "snapshot":
        print(f"series: the packaged snapshot ({info['folder']}); no cache reaches as far "
              f"(`lossclaims reference update` downloads a newer one)")
        print(f"built: {prov.get('built', '?')} from {prov.get('from', '?')}; "
              f"licence: {SNAPSHOT_LICENSE_FILE} beside it (MIT)")
    else:
        where = "the cache" if info["origin"] == "cache" else "the folder given"
        print(f"series: {where}, {info['folder']}")
        if prov:
            print(f"fetched: {prov.get('fetched', '?')} from {prov.get('from', '?')}")
        else:
            print("fetched: unknown (copied into the cache by hand)")
        if info["origin"] == "cache" and info["snapshot_last"]:
            print(f"(the packaged snapshot reaches {info['snapshot_last']}; the cache is used as it reaches as far)")
    print(f"reports: {info['reports']} from {info['first']} to {info['last']}; "
          f"{info['falls']} falling totals")
    for cat, first in info["categories"].items():
        print(f"  {cat:<20} since {first}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `lossclaims reference update|import|show`."""
    p = sub.add_parser("reference", help="get and inspect the General Staff's daily series")
    rsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    cache_help = f"cache folder (default: ${CACHE_ENV} or the per-user cache)"

    u = rsub.add_parser("update", help="download the series into the cache")
    u.add_argument("--cache", help=cache_help)
    u.add_argument("--base-url", default=DEFAULT_BASE_URL, help="where the JSON files are served")
    u.add_argument("--timeout", type=float, default=60.0, help="seconds per file (default 60)")
    u.set_defaults(func=_cmd_update)

    i = rsub.add_parser("import", help="copy a local copy of the JSON files into the cache")
    i.add_argument("dir", help="folder holding russia_losses_personnel.json and russia_losses_equipment.json")
    i.add_argument("--cache", help=cache_help)
    i.set_defaults(func=_cmd_import)

    s = rsub.add_parser("show", help="which series is in use (cache or packaged snapshot), where from, what it covers")
    s.add_argument("--cache", help=cache_help)
    s.set_defaults(func=_cmd_show)
