"""The General Staff series: cache, download (from a server on 127.0.0.1), validation, import, loading."""
from __future__ import annotations

import http.server
import json
import shutil
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lossclaims import reference, vocabulary
from lossclaims.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "reference" / "general-staff"
ROOT = Path(__file__).resolve().parents[1]
FILES = reference.REQUIRED_FILES + reference.OPTIONAL_FILES


def fixture_bytes() -> dict[str, bytes]:
    return {name: (FIXTURE / name).read_bytes() for name in FILES}


def records(name: str) -> list[dict]:
    return json.loads((FIXTURE / name).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- a local server


class Server:
    """Serves `routes` (path -> (status, body, delay seconds)) on 127.0.0.1 and counts requests."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, float]] = {}
        self.requests: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                server.requests.append(self.path)
                status, body, delay = server.routes.get(self.path, (404, b"not found", 0.0))
                if delay:
                    time.sleep(delay)
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/data"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def serve(self, files: dict[str, bytes], status: dict[str, int] | None = None, delay: float = 0.0) -> None:
        status = status or {}
        self.routes = {f"/data/{n}": (status.get(n, 200), body, delay) for n, body in files.items()}


@pytest.fixture
def server():
    s = Server()
    s.thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder that the library uses by default (via $LOSSCLAIMS_CACHE)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(reference.CACHE_ENV, str(folder))
    return folder


# --------------------------------------------------------------------------- cache folder


def test_cache_dir_prefers_option_then_environment_then_user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(reference.CACHE_ENV, str(tmp_path / "env"))
    assert reference.cache_dir(tmp_path / "opt") == tmp_path / "opt"
    assert reference.cache_dir() == tmp_path / "env"
    assert reference.series_dir() == tmp_path / "env" / "general-staff"
    monkeypatch.delenv(reference.CACHE_ENV)
    assert reference.cache_dir().name == "lossclaims"
    assert str(tmp_path) not in str(reference.cache_dir())


def test_find_series_accepts_the_folder_or_a_cache_holding_it(tmp_path):
    assert reference.find_series(FIXTURE) == FIXTURE
    assert reference.find_series(FIXTURE.parent) == FIXTURE
    assert reference.find_series(tmp_path) is None


# --------------------------------------------------------------------------- loading


def test_load_series_is_tidy_in_taxonomy_keys():
    s = reference.load_series(FIXTURE)
    assert s.columns.tolist() == ["date", "category", "value"]
    assert pd.api.types.is_datetime64_any_dtype(s["date"])
    assert s["value"].dtype == "int64"
    assert set(s["category"]) <= set(vocabulary.categories())
    assert not s.duplicated(["date", "category"]).any()
    # every key of the fixture that has a taxonomy key is there, none other
    assert set(s["category"]) == {
        "personnel", "tanks", "armoured_vehicles", "artillery", "mlrs", "air_defence", "aircraft",
        "helicopters", "drones", "ships", "vehicles_fuel_tanks", "special_equipment", "cruise_missiles",
    }


def test_load_series_reads_values_as_published():
    s = reference.load_series(FIXTURE).set_index(["date", "category"])["value"]
    for rec in records(reference.PERSONNEL_FILE):
        assert s[(pd.Timestamp(rec["date"]), "personnel")] == rec["personnel"]
    for rec in records(reference.EQUIPMENT_FILE):
        d = pd.Timestamp(rec["date"])
        assert s[(d, "tanks")] == rec["tank"]
        assert s[(d, "armoured_vehicles")] == rec["APC"]
        assert s[(d, "drones")] == rec["drone"]


def test_vehicles_before_may_2022_are_military_auto_plus_fuel_tank():
    s = reference.wide(reference.load_series(FIXTURE))
    for rec in records(reference.EQUIPMENT_FILE):
        expected = rec.get("vehicles and fuel tanks", rec.get("military auto", 0) + rec.get("fuel tank", 0))
        assert s.loc[rec["date"], "vehicles_fuel_tanks"] == expected
    assert s["vehicles_fuel_tanks"].notna().all()


def test_categories_that_start_later_have_no_rows_before_they_start():
    s = reference.load_series(FIXTURE)
    first = s.groupby("category")["date"].min()
    assert first["special_equipment"] == pd.Timestamp("2022-04-29")
    assert first["cruise_missiles"] == pd.Timestamp("2022-05-01")
    assert first["tanks"] == pd.Timestamp("2022-04-28")
    w = reference.wide(s)
    assert pd.isna(w.loc["2022-04-30", "cruise_missiles"])


def test_falls_are_found_with_the_correction_that_explains_them():
    s = reference.load_series(FIXTURE)
    f = reference.falls(s, reference.load_corrections(FIXTURE))
    assert f[["category", "before", "after"]].values.tolist() == [["armoured_vehicles", 2550, 2545]]
    assert f["date"].tolist() == [pd.Timestamp("2022-05-03")]
    assert f["correction"].tolist() == [-10]


def test_corrections_keep_only_nonzero_adjustments():
    c = reference.load_corrections(FIXTURE)
    assert c[["category", "value"]].values.tolist() == [["armoured_vehicles", -10]]


def test_missing_series_says_how_to_get_one(tmp_path, cache, monkeypatch):
    with pytest.raises(FileNotFoundError, match="reference import DIR"):
        reference.load_series(tmp_path)
    # without a cache the packaged snapshot serves; without that too, the error says how to get one
    assert reference.series_origin().kind == "snapshot"
    monkeypatch.setattr(reference, "SNAPSHOT_FILE", "no-such-snapshot.parquet")
    with pytest.raises(reference.SeriesNotFound, match="lossclaims reference update"):
        reference.load_series()


@pytest.mark.parametrize(
    "name, mutate, message",
    [
        (reference.PERSONNEL_FILE, lambda r: r.__setitem__(0, {**r[0], "date": "28.04.2022"}), "not YYYY-MM-DD"),
        (reference.PERSONNEL_FILE, lambda r: r.reverse(), "does not follow"),
        (reference.PERSONNEL_FILE, lambda r: r.__setitem__(1, {**r[1], "personnel": -3}), "is not a count"),
        (reference.PERSONNEL_FILE, lambda r: r.__setitem__(1, {"date": r[1]["date"]}), "missing 'personnel'"),
        (reference.EQUIPMENT_FILE, lambda r: r[2].pop("tank"), "missing 'tank'"),
        (reference.EQUIPMENT_FILE, lambda r: r.__setitem__(2, {**r[2], "drone": "many"}), "is not a count"),
        (reference.EQUIPMENT_FILE, lambda r: r.clear(), "non-empty JSON list"),
    ],
)
def test_validation_rejects_files_that_do_not_have_the_dataset_shape(name, mutate, message):
    recs = records(name)
    reference.validate_records(name, recs)  # the fixture itself is valid
    mutate(recs)
    with pytest.raises(reference.InvalidSeries, match=message):
        reference.validate_records(name, recs)


# --------------------------------------------------------------------------- import


def test_import_copies_a_local_folder_into_the_cache(tmp_path, cache):
    report = reference.import_dir(FIXTURE)
    assert sorted(report.written) == sorted(FILES)
    assert report.last_date == "2022-05-04"
    folder = reference.series_dir()
    for name in FILES:
        assert (folder / name).read_bytes() == (FIXTURE / name).read_bytes()
    prov = reference.provenance(folder)
    assert prov["from"].startswith("import of ")
    assert prov["files"][reference.PERSONNEL_FILE]["last"] == "2022-05-04"
    pd.testing.assert_frame_equal(reference.load_series(reference.series_dir()), reference.load_series(FIXTURE))


def test_import_refuses_a_folder_without_the_files(tmp_path, cache):
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="russia_losses_personnel.json"):
        reference.import_dir(tmp_path / "empty")
    assert not reference.series_dir().exists()


def test_import_refuses_an_invalid_copy_and_keeps_the_cached_one(tmp_path, cache):
    reference.import_dir(FIXTURE)
    bad = tmp_path / "bad"
    shutil.copytree(FIXTURE, bad)
    (bad / reference.EQUIPMENT_FILE).write_text("[{]", encoding="utf-8")
    with pytest.raises(reference.InvalidSeries, match="not valid JSON"):
        reference.import_dir(bad)
    assert (reference.series_dir() / reference.EQUIPMENT_FILE).read_bytes() == (FIXTURE / reference.EQUIPMENT_FILE).read_bytes()


# --------------------------------------------------------------------------- update over HTTP


def test_update_downloads_validates_and_records_where_from(server, cache):
    server.serve(fixture_bytes())
    report = reference.update(base_url=server.url, timeout=5)
    assert sorted(server.requests) == sorted(f"/data/{n}" for n in FILES)
    assert sorted(report.written) == sorted(FILES) and not report.warnings
    folder = reference.series_dir()
    for name in FILES:
        assert (folder / name).read_bytes() == (FIXTURE / name).read_bytes()
    prov = reference.provenance(folder)
    assert prov["from"] == server.url
    assert prov["fetched"].endswith("Z")
    entry = prov["files"][reference.EQUIPMENT_FILE]
    assert entry["url"] == f"{server.url}/{reference.EQUIPMENT_FILE}"
    assert entry["records"] == 7 and entry["first"] == "2022-04-28"
    assert len(entry["sha256"]) == 64
    assert reference.load_series(reference.series_dir())["date"].max() == pd.Timestamp("2022-05-04")


def test_update_honours_the_cache_option(server, tmp_path, cache):
    server.serve(fixture_bytes())
    reference.update(tmp_path / "elsewhere", base_url=server.url, timeout=5)
    assert (tmp_path / "elsewhere" / "general-staff" / reference.PERSONNEL_FILE).is_file()
    assert not reference.series_dir().exists()


def _cached_bytes() -> dict[str, bytes]:
    return {n: (reference.series_dir() / n).read_bytes() for n in FILES}


def _newer_fixture() -> dict[str, bytes]:
    """The fixture with one more day, so that a successful update would change the cache."""
    out = {}
    for name in FILES:
        recs = records(name)
        if name != reference.CORRECTION_FILE:
            extra = dict(recs[-1], date="2022-05-05")
            recs.append(extra)
        out[name] = json.dumps(recs).encode()
    return out


@pytest.mark.parametrize(
    "break_it, message",
    [
        (lambda files, status: status.__setitem__(reference.EQUIPMENT_FILE, 404), "404"),
        (lambda files, status: status.__setitem__(reference.PERSONNEL_FILE, 500), "500"),
        (lambda files, status: files.__setitem__(reference.EQUIPMENT_FILE, b"<html>rate limited</html>"), "not valid JSON"),
        (lambda files, status: files.__setitem__(reference.PERSONNEL_FILE, b'[{"date": "2022-05-05"}]'), "missing 'personnel'"),
    ],
)
def test_update_keeps_the_previous_copy_when_a_download_fails_or_is_invalid(server, cache, break_it, message):
    reference.import_dir(FIXTURE)
    before = _cached_bytes()
    files, status = _newer_fixture(), {}
    break_it(files, status)
    server.serve(files, status)
    with pytest.raises(reference.UpdateError, match=message):
        reference.update(base_url=server.url, timeout=5)
    assert _cached_bytes() == before
    assert reference.load_series(reference.series_dir())["date"].max() == pd.Timestamp("2022-05-04")


def test_update_refuses_a_copy_older_than_the_cached_one(server, cache):
    server.serve(_newer_fixture())
    reference.update(base_url=server.url, timeout=5)
    before = _cached_bytes()
    server.serve(fixture_bytes())  # ends a day earlier
    with pytest.raises(reference.UpdateError, match="before the cached one"):
        reference.update(base_url=server.url, timeout=5)
    assert _cached_bytes() == before


def test_update_without_the_corrections_file_warns_and_keeps_the_old_one(server, cache):
    reference.import_dir(FIXTURE)
    files = _newer_fixture()
    server.serve(files, {reference.CORRECTION_FILE: 404})
    report = reference.update(base_url=server.url, timeout=5)
    assert reference.CORRECTION_FILE not in report.written
    assert report.kept == [reference.CORRECTION_FILE]
    assert any("correction" in w for w in report.warnings)
    assert reference.load_series(reference.series_dir())["date"].max() == pd.Timestamp("2022-05-05")


def test_update_gives_up_on_a_server_that_does_not_answer(server, cache):
    server.serve(fixture_bytes(), delay=1.5)
    start = time.monotonic()
    with pytest.raises(reference.UpdateError, match="unchanged"):
        reference.update(base_url=server.url, timeout=0.2)
    assert time.monotonic() - start < 1.4
    assert not (reference.series_dir() / reference.PERSONNEL_FILE).exists()


def test_update_rejects_a_base_url_that_is_not_http(cache):
    with pytest.raises(ValueError, match="http"):
        reference.update(base_url="file:///etc")


# --------------------------------------------------------------------------- command line


def test_cli_update_import_and_show(server, tmp_path, cache, capsys):
    server.serve(fixture_bytes())
    assert main(["reference", "show", "--cache", str(cache)]) == 1
    assert "lossclaims reference update" in capsys.readouterr().out
    assert main(["reference", "show"]) == 0  # nothing cached: the packaged snapshot
    out = capsys.readouterr().out
    assert "packaged snapshot" in out and f"to {reference.snapshot_info()['last']}" in out
    assert main(["reference", "update", "--base-url", server.url, "--timeout", "5"]) == 0
    assert "series to 2022-05-04" in capsys.readouterr().out
    assert main(["reference", "show"]) == 0  # the cache ends before the snapshot: the snapshot stays in use
    assert "packaged snapshot" in capsys.readouterr().out
    assert main(["reference", "show", "--cache", str(cache)]) == 0
    out = capsys.readouterr().out
    assert f"from {server.url}" in out and "7 from 2022-04-28 to 2022-05-04" in out
    assert "1 falling totals" in out
    other = tmp_path / "other"
    assert main(["reference", "import", str(FIXTURE), "--cache", str(other)]) == 0
    assert (other / "general-staff" / reference.EQUIPMENT_FILE).is_file()
    server.serve(fixture_bytes(), {reference.PERSONNEL_FILE: 404})
    assert main(["reference", "update", "--base-url", server.url, "--timeout", "5"]) == 1
    assert "unchanged" in capsys.readouterr().out


# --------------------------------------------------------------------------- the packaged snapshot


def _shifted_fixture(last: str) -> dict[str, bytes]:
    """The fixture's files with their days moved so that the last one is `last`."""
    shift = pd.Timestamp(last) - pd.Timestamp("2022-05-04")
    out = {}
    for name in FILES:
        recs = records(name)
        for r in recs:
            r["date"] = (pd.Timestamp(r["date"]) + shift).date().isoformat()
        out[name] = json.dumps(recs).encode()
    return out


def test_snapshot_ships_with_its_licence_and_says_how_far_it_reaches():
    info = reference.snapshot_info()
    assert info["first"] == "2022-02-25" and info["last"] >= "2026-08-08"
    data = reference._snapshot_path(reference.SNAPSHOT_FILE).parent
    licence = (data / reference.SNAPSHOT_LICENSE_FILE).read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "Petro Ivaniuk" in licence
    s = reference.load_series()
    assert s["date"].max() == pd.Timestamp(info["last"]) and s["date"].nunique() == info["reports"]
    assert list(s.columns) == ["date", "category", "value"] and set(s["category"]) == set(reference.SERIES_CATEGORIES)


def test_snapshot_build_script_rebuilds_the_same_frame_from_the_json(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("build", ROOT / "tools" / "build_reference_snapshot.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    (tmp_path / "src").mkdir()
    for name in FILES:
        shutil.copyfile(FIXTURE / name, tmp_path / "src" / name)
    (tmp_path / "src" / "LICENSE").write_text("MIT License\n", encoding="utf-8")
    note = build.build(tmp_path / "src", tmp_path / "out")
    assert (note["first"], note["last"], note["reports"]) == ("2022-04-28", "2022-05-04", 7)
    with open(tmp_path / "out" / reference.SNAPSHOT_FILE, "rb") as fh:
        tidy = pd.read_parquet(fh)
    tidy["date"] = pd.to_datetime(tidy["date"])
    expected = reference.load_series(FIXTURE)
    pd.testing.assert_frame_equal(tidy.astype({"category": str}), expected, check_dtype=False)
    assert (tmp_path / "out" / reference.SNAPSHOT_LICENSE_FILE).read_text() == "MIT License\n"


def test_the_cache_is_used_when_it_reaches_as_far_as_the_snapshot(tmp_path, cache):
    last = reference.snapshot_info()["last"]
    assert reference.series_origin().kind == "snapshot"
    reference.import_dir(FIXTURE)  # ends in 2022: older than the snapshot
    assert reference.series_origin().kind == "snapshot"
    newer = tmp_path / "newer"
    newer.mkdir()
    day_after = (pd.Timestamp(last) + pd.Timedelta(days=1)).date().isoformat()
    for name, data in _shifted_fixture(day_after).items():
        (newer / name).write_bytes(data)
    reference.import_dir(newer)
    assert reference.series_origin().kind == "cache"
    assert reference.load_series()["date"].max() == pd.Timestamp(day_after)
    assert reference.describe()["origin"] == "cache"


# --------------------------------------------------------------------------- the real series



def test_real_series_figures_the_articles_copy(real_series):
    w = reference.wide(real_series)
    assert w.loc["2025-06-30", ["personnel", "tanks", "drones"]].tolist() == [1020010, 10980, 42796]
    assert w.loc["2025-06-12", "personnel"] == 1000340


def test_real_series_quirks(real_series):
    w = reference.wide(real_series)
    assert (w.index.to_series().diff().dropna() == pd.Timedelta(days=1)).all()
    first = real_series.groupby("category")["date"].min()
    assert first["cruise_missiles"] == pd.Timestamp("2022-05-01")
    assert first["submarines"] > pd.Timestamp("2023-01-01")
    assert first["special_equipment"] > pd.Timestamp("2022-02-25")
    f = reference.falls(real_series, reference.load_corrections(reference.find_series()))
    assert len(f) == 13
    assert f["correction"].notna().sum() >= 10
    assert (f["after"] < f["before"]).all()
    assert w["vehicles_fuel_tanks"].notna().all()


# --------------------------------------------------------------------------- the series as numpy columns


def _same_columns(light: reference.SeriesColumns, series: pd.DataFrame) -> None:
    w = reference.wide(series)
    assert list(light.dates) == [d.date() for d in w.index]
    assert list(light.columns) == list(w.columns)
    for c in w.columns:
        assert np.array_equal(light.columns[c], w[c].to_numpy(dtype=float), equal_nan=True), c
    assert light.values == {c: frozenset(g.astype(float)) for c, g in series.groupby("category")["value"]}


def test_series_columns_of_the_snapshot_are_its_wide_form_read_without_pandas(cache):
    assert reference.series_origin().kind == "snapshot"
    _same_columns(reference.series_columns(), reference.load_series())


def test_series_columns_of_a_cache_or_folder_are_its_wide_form(tmp_path, cache):
    _same_columns(reference.series_columns(FIXTURE), reference.load_series(FIXTURE))
    newer = tmp_path / "newer"
    newer.mkdir()
    day_after = (pd.Timestamp(reference.snapshot_info()["last"]) + pd.Timedelta(days=1)).date().isoformat()
    for name, data in _shifted_fixture(day_after).items():
        (newer / name).write_bytes(data)
    reference.import_dir(newer)
    assert reference.series_columns().dates[-1].isoformat() == day_after  # the newer cache, not the snapshot
    _same_columns(reference.series_columns(), reference.load_series())
