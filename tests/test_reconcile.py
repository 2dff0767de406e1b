"""Reconciliation: dating articles against the series and a verdict per claim, on small
synthetic series, then on the default corpus against the real series where it is cached."""
from __future__ import annotations

from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, strategies as st

from lossclaims import reconcile as rc
from lossclaims import reference
from lossclaims.cli import main
from lossclaims.evaluation import read_claims
from lossclaims.pipeline import write_frame

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "reference" / "general-staff"
DAY = pd.Timedelta(days=1)
START = pd.Timestamp("2025-06-10")


def make_series(**columns: list[int | None]) -> pd.DataFrame:
    """A tidy series from START, one value a day per category (None: not tracked yet)."""
    rows = [
        (START + i * DAY, cat, v)
        for cat, values in columns.items()
        for i, v in enumerate(values)
        if v is not None
    ]
    return pd.DataFrame(rows, columns=["date", "category", "value"]).astype({"value": "int64"})


# 2025-06-10 .. 2025-06-15
SERIES = make_series(
    personnel=[999010, 1000340, 1001410, 1002530, 1003640, 1004710],
    tanks=[10900, 10905, 10910, 10915, 10920, 10925],
    drones=[40010, 40120, 40230, 40340, 40450, 40560],
    submarines=[None, None, 1, 1, 1, 1],
)
D = {i: START + i * DAY for i in range(6)}  # D[3] is 2025-06-13


def cumul(article, category, value, qualifier="exact", measure=None, source="ukraine_official",
          party="russia", period="cumulative", flags=""):
    measure = measure or ("casualties" if category == "personnel" else "lost")
    return (article, party, category, measure, value, qualifier, period, source, flags)


def run(claims_of, *rows, published=None) -> rc.Reconciliation:
    return rc.reconcile(claims_of(*rows), SERIES, published)


def verdict_of(result: rc.Reconciliation, i: int) -> pd.Series:
    return result.verdicts.iloc[i]


# --------------------------------------------------------------------------- reading figures


@pytest.mark.parametrize(
    "value, step", [(11000, 1000), (10980, 10), (1_000_000, 1_000_000), (1_020_010, 10), (7, 1), (1020.01, 1)]
)
def test_rounding_step_is_the_place_value_of_the_last_significant_digit(value, step):
    assert rc.rounding_step(value) == step


@pytest.mark.parametrize(
    "value, qualifier, official, ok",
    [
        (11000, "at_most", 10980, True),     # "nearly 11,000" vs 10,980
        (11000, "at_most", 11010, False),    # "nearly" is not over
        (11000, "at_most", 9000, False),     # nor far under
        (22000, "at_least", 22922, True),    # "over 22,000"
        (22000, "at_least", 21999, False),
        (1_000_000, "at_least", 1_020_010, True),
        (400_000, "approx", 420_000, True),  # "around 400,000"
        (400_000, "approx", 460_000, False),
        (1_000_000, "exact", 1_020_010, True),  # a bare round figure is read as rounded
        (10_980, "exact", 10_981, False),       # a bare precise figure is not
    ],
)
def test_bounds_read_the_qualifier_and_the_rounding(value, qualifier, official, ok):
    lo, hi = rc.bounds(value, qualifier)
    assert (lo <= official <= hi) is ok


def test_bounds_reject_an_unknown_qualifier():
    with pytest.raises(ValueError, match="unknown qualifier 'roughly'"):
        rc.bounds(100, "roughly")


@given(st.integers(100, 10**8), st.data())
def test_one_changed_digit_is_a_slip(official, data):
    digits = str(official)
    i = data.draw(st.integers(0 if len(digits) > 1 else 0, len(digits) - 1))
    new = data.draw(st.sampled_from([d for d in "0123456789" if d != digits[i] and (i or d != "0")]))
    written = int(digits[:i] + new + digits[i + 1:])
    assert rc.is_digit_slip(written, official)
    assert not rc.is_digit_slip(official, official)


@given(st.integers(100, 10**8), st.data())
def test_swapped_neighbours_dropped_digits_and_misread_separators_are_slips(official, data):
    digits = str(official)
    i = data.draw(st.integers(0, len(digits) - 2))
    if digits[i] != digits[i + 1] and (i or digits[i + 1] != "0"):
        swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:]
        assert rc.is_digit_slip(int(swapped), official)
    dropped = digits[:i + 1] + digits[i + 2:]
    assert rc.is_digit_slip(int(dropped), official)
    if official % 1000:
        assert rc.is_digit_slip(official / 1000, official)  # "1,020.010" read as 1020.01


@pytest.mark.parametrize("written, official", [(28, 29), (1_000_340, 1_020_010), (10_800, 10_980), (5, 500)])
def test_other_differences_are_not_slips(written, official):
    assert not rc.is_digit_slip(written, official)


# --------------------------------------------------------------------------- dating


def test_precise_figures_pin_the_report_they_copy(claims_of):
    r = run(claims_of, cumul("a", "personnel", 1002530), cumul("a", "tanks", 10915))
    a = r.asof.iloc[0]
    assert (a["asof"], a["last"], a["reports"]) == (D[3], D[3], 1)
    assert (a["score"], a["support"], a["claims"]) == (1.0, 2, 2)
    assert a["dates"] == "2025-06-13"


def test_bounded_and_rounded_figures_narrow_the_date(claims_of):
    # over 10,910 tanks: 06-12 on; at most 40,400 drones: up to 06-13
    r = run(claims_of, cumul("b", "tanks", 10910, "at_least"), cumul("b", "drones", 40400, "at_most"))
    a = r.asof.iloc[0]
    assert (a["asof"], a["last"], a["reports"]) == (D[2], D[3], 2)
    assert a["dates"] == "2025-06-12..2025-06-13"
    assert a["support"] == 2


def test_the_report_most_figures_copy_wins_over_a_stale_one(claims_of):
    r = run(claims_of, cumul("c", "personnel", 1003640), cumul("c", "tanks", 10920), cumul("c", "drones", 40120))
    a = r.asof.iloc[0]
    assert a["asof"] == D[4]
    assert a["score"] == pytest.approx(2 / 3, abs=1e-3)
    assert (a["support"], a["claims"]) == (2, 3)


def test_a_known_publication_date_bounds_the_dates_and_measures_staleness(claims_of):
    rows = [cumul("d", "personnel", 1_000_000, "at_least"), cumul("a", "personnel", 1002530)]
    r = run(claims_of, *rows, published={"d": "2025-06-13", "a": "2025-06-15T09:30:00+03:00"})
    d, a = r.asof.set_index("article").loc["d"], r.asof.set_index("article").loc["a"]
    assert (d["asof"], d["last"]) == (D[1], D[3])
    assert d["days_stale"] == 0
    assert a["days_stale"] == 2
    r = run(claims_of, *rows)
    assert r.asof.set_index("article").loc["d", "last"] == D[5]
    assert r.asof["days_stale"].isna().all()


def test_an_article_without_running_totals_is_not_dated(claims_of):
    r = run(claims_of, cumul("e", "personnel", 45000, party="ukraine"),
            cumul("e", "tanks", 300, period="window"))
    a = r.asof.iloc[0]
    assert pd.isna(a["asof"]) and a["claims"] == 0 and a["reports"] == 0
    assert r.verdicts["verdict"].tolist() == ["not_comparable", "window"]


def test_a_casualties_figure_called_deaths_still_dates_the_article(claims_of):
    r = run(claims_of, cumul("f", "personnel", 1000340, measure="killed"),
            cumul("f", "personnel", 250000, "approx", measure="killed"))
    assert r.asof.iloc[0]["asof"] == D[1]
    assert r.asof.iloc[0]["claims"] == 1  # a rounded death count does not date


# --------------------------------------------------------------------------- verdicts


def test_exact_and_rounded(claims_of):
    r = run(claims_of, cumul("a", "personnel", 1002530), cumul("a", "tanks", 11000, "at_most"),
            cumul("a", "personnel", 1_000_000))
    v = r.verdicts
    assert v["verdict"].tolist() == ["exact", "rounded", "rounded"]
    assert v["official"].tolist() == [1002530, 10915, 1002530]
    assert (v["matched"] == D[3]).all() and (v["asof"] == D[3]).all()
    assert "10,915" in v.loc[1, "note"]


def test_stale_names_the_earlier_report_and_how_far_behind(claims_of):
    r = run(claims_of, cumul("c", "personnel", 1003640), cumul("c", "tanks", 10920), cumul("c", "drones", 40120))
    s = verdict_of(r, 2)
    assert s["verdict"] == "stale"
    assert s["matched"] == D[1] and s["days_behind"] == 3
    assert "2025-06-11" in s["note"]


def test_stale_bounded_figure(claims_of):
    # "nearly 40,100 drones" was true on 06-10 only; the article copies 06-14
    r = run(claims_of, cumul("c", "personnel", 1003640), cumul("c", "tanks", 10920),
            cumul("c", "drones", 40100, "at_most"))
    assert verdict_of(r, 2)["verdict"] == "stale"
    assert verdict_of(r, 2)["matched"] == D[0]


@pytest.mark.parametrize(
    "row",
    [
        cumul("a", "tanks", 10951),                                  # swapped digits
        cumul("a", "tanks", 10815),                                  # one digit
        cumul("a", "drones", 4340),                                  # a dropped digit
        cumul("a", "personnel", 1002.53),                            # "1,002.530" read as a decimal
        cumul("a", "personnel", 1002530, flags="headline;separator_typo"),  # the parser's reading
    ],
)
def test_typo_lands_on_the_as_of_figure(claims_of, row):
    r = run(claims_of, cumul("a", "personnel", 1002530), cumul("a", "tanks", 10915), row)
    t = verdict_of(r, 2)
    assert t["verdict"] == "typo", t["note"]
    assert t["matched"] == D[3]
    assert "slip" in t["note"]


@pytest.mark.parametrize(
    "row, matched",
    [
        (cumul("a", "personnel", 1000340, measure="killed"), D[1]),              # an earlier report's casualties
        (cumul("a", "personnel", 1002530, measure="killed"), D[3]),              # this report's casualties
        (cumul("a", "personnel", 1_000_000, "at_least", measure="killed"), D[3]),  # "death toll surpassed a million"
    ],
)
def test_mislabelled_casualties_called_deaths(claims_of, row, matched):
    r = run(claims_of, cumul("a", "personnel", 1002530), cumul("a", "tanks", 10915), row)
    m = verdict_of(r, 2)
    assert m["verdict"] == "mislabelled"
    assert m["matched"] == matched
    assert "deaths" in m["note"]


def test_a_death_count_that_is_not_the_casualties_figure_is_not_comparable(claims_of):
    r = run(claims_of, cumul("a", "personnel", 1002530), cumul("a", "personnel", 250000, "approx", measure="killed"))
    assert verdict_of(r, 1)["verdict"] == "not_comparable"
    assert "casualties, not deaths" in verdict_of(r, 1)["note"]


@pytest.mark.parametrize(
    "row, verdict, note",
    [
        (cumul("a", "tanks", 1865, "approx", period="window"), "window", "another period"),
        (cumul("a", "tanks", 1865, "approx", period="window", source="csis"), "window", "another period"),
        (cumul("a", "tanks", 10915, source="csis"), "not_comparable", "another source: csis"),
        (cumul("a", "tanks", 10915, source="uk_official"), "not_comparable", "uk_official"),
        (cumul("a", "personnel", 1002530, party="ukraine"), "not_comparable", "ukraine"),
        (cumul("a", "ifv", 3098), "not_comparable", "ifv"),
        (cumul("a", "personnel", 5000, measure="wounded"), "not_comparable", "wounded"),
        (cumul("a", "equipment", 60000), "not_comparable", "equipment"),
    ],
)
def test_window_and_not_comparable(claims_of, row, verdict, note):
    r = run(claims_of, cumul("a", "personnel", 1002530), row)
    assert verdict_of(r, 1)["verdict"] == verdict
    assert note in verdict_of(r, 1)["note"]
    assert r.asof.iloc[0]["claims"] == 1  # none of these dates the article


def test_mismatch_says_what_the_report_says(claims_of):
    r = run(claims_of, cumul("a", "personnel", 1002530), cumul("a", "tanks", 10915), cumul("a", "tanks", 13337),
            cumul("a", "drones", 40560), cumul("a", "tanks", 9000, "at_least"))
    v = r.verdicts
    assert r.asof.iloc[0]["dates"] == "2025-06-13"
    assert v["verdict"].tolist() == ["exact", "exact", "mismatch", "mismatch", "mismatch"]
    assert "10,915" in v.loc[2, "note"]
    assert "later report (2025-06-15)" in v.loc[3, "note"]


def test_a_category_not_yet_tracked_is_not_exact(claims_of):
    r = run(claims_of, cumul("f", "personnel", 1000340), cumul("f", "tanks", 10905), cumul("f", "submarines", 1))
    assert r.asof.iloc[0]["dates"] == "2025-06-11"
    assert verdict_of(r, 2)["verdict"] == "mismatch"
    assert np.isnan(verdict_of(r, 2)["official"])


def test_figures_that_pin_different_reports_equally_give_every_date(claims_of):
    r = run(claims_of, cumul("g", "personnel", 1002530), cumul("g", "drones", 40560))
    a = r.asof.iloc[0]
    assert (a["asof"], a["last"], a["reports"], a["score"]) == (D[3], D[5], 2, 0.5)
    assert a["dates"] == "2025-06-13; 2025-06-15"


def test_daily_figures_are_the_reports_daily_increase(claims_of):
    r = run(claims_of, cumul("a", "personnel", 1002530),
            cumul("a", "personnel", 1120, period="daily"),          # 1,002,530 - 1,001,410
            cumul("a", "personnel", 1000, "approx", period="daily"),
            cumul("a", "personnel", 1330, period="daily"),          # 06-11's increase
            cumul("a", "tanks", 7, period="daily"))
    assert r.verdicts["verdict"].tolist() == ["exact", "exact", "rounded", "stale", "mismatch"]
    assert verdict_of(r, 3)["matched"] == D[1]
    assert r.asof.iloc[0]["claims"] == 1


def test_verdict_counts_cover_every_verdict_and_every_claim(claims_of):
    r = run(claims_of, cumul("a", "personnel", 1002530), cumul("a", "tanks", 10951),
            cumul("b", "tanks", 10910, "at_least"), cumul("b", "tanks", 1, period="window"))
    counts = r.counts()
    assert counts.columns.tolist() == list(rc.VERDICTS)
    assert counts.sum(axis=1).to_dict() == {"a": 2, "b": 2}
    assert counts.loc["a", "typo"] == 1 and counts.loc["b", "window"] == 1
    s = rc.summary(r)
    assert s.loc["a", "as of"] == "2025-06-13" and s.loc["a", "support"] == "1/2"


def test_reconcile_rejects_what_it_cannot_read(claims_of):
    with pytest.raises(ValueError, match="claims frame"):
        rc.reconcile(pd.DataFrame({"x": [1]}), SERIES)
    with pytest.raises(ValueError, match="series is empty"):
        rc.reconcile(claims_of(cumul("a", "tanks", 1)), SERIES.iloc[0:0])


# --------------------------------------------------------------------------- inputs, chart, command line


def test_gold_claims_read_the_first_alternative_and_the_flags_the_notes_imply(gold_claims):
    raw = pd.read_csv(ROOT / "data" / "gold" / "seed_gold.csv", dtype=str, keep_default_na=False)
    assert len(gold_claims) == len(raw)
    first = gold_claims.iloc[0]  # "casualties|killed", "exact|at_least", "ukraine_official|unattributed"
    assert (first["measure"], first["qualifier"], first["source"]) == ("casualties", "exact", "ukraine_official")
    assert gold_claims["flags"].str.contains("headline").sum() == raw["note"].str.lower().str.startswith("headline").sum()
    typo = gold_claims[gold_claims["flags"].str.contains("separator_typo")]
    assert typo["value"].tolist() == [1020010.0]


def test_read_claims_takes_a_parse_output_or_a_gold_file(tmp_path, claims_of):
    claims = claims_of(cumul("a", "personnel", 1002530, flags="headline"), cumul("a", "tanks", 10915))
    for suffix in (".csv", ".parquet", ".json"):
        write_frame(claims, tmp_path / f"c{suffix}")
        back = read_claims(tmp_path / f"c{suffix}")
        assert back[["article", "value", "flags"]].values.tolist() == [["a", 1002530.0, "headline"], ["a", 10915.0, ""]]
    gold = read_claims(ROOT / "data" / "gold" / "seed_gold.csv")
    assert len(gold) == len(pd.read_csv(ROOT / "data" / "gold" / "seed_gold.csv"))
    with pytest.raises(ValueError, match="format"):
        read_claims(Path(__file__))


def test_chart_places_claims_on_the_series(claims_of):
    r = run(claims_of, cumul("a", "personnel", 1002530), cumul("a", "tanks", 11000, "at_most"),
            cumul("a", "tanks", 1, period="window"))
    assert rc.placed_claims(r)["category"].tolist() == ["personnel", "tanks"]
    fig = rc.plot_reconciliation(SERIES, r)
    axes = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in axes] == ["personnel", "tanks"]
    assert all(ax.get_xlabel() == "report date" and ax.get_ylabel() for ax in axes)
    assert len(axes[1].collections) == 1  # one claim marker
    assert "General Staff" in fig.texts[0].get_text()
    with pytest.raises(ValueError, match="no series for civilians"):
        rc.plot_reconciliation(SERIES, r, categories=["civilians"])
    matplotlib.pyplot.close("all")


def test_cli_reconcile_prints_as_of_dates_and_verdict_counts(tmp_path, claims_of, capsys):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "x.txt").write_text("No figures here.\n", encoding="utf-8")
    # the fixture week: tanks 1048 and personnel 23800 are the report of 2022-05-02
    claims = claims_of(cumul("x", "personnel", 23800), cumul("x", "tanks", 1048),
                       cumul("x", "tanks", 1000, "approx"), cumul("x", "personnel", 23000, measure="killed"))
    write_frame(claims, tmp_path / "claims.csv")
    out_file = tmp_path / "verdicts.csv"
    code = main(["reconcile", str(articles), "--claims", str(tmp_path / "claims.csv"),
                 "--reference", str(FIXTURE), "--out", str(out_file)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "2022-05-02" in out
    assert "all: exact 2, rounded 1, mislabelled 1" in out
    assert pd.read_csv(out_file)["verdict"].tolist() == ["exact", "exact", "rounded", "mislabelled"]


def test_cli_reconcile_without_a_series_says_how_to_get_one(tmp_path, capsys):
    assert main(["reconcile", str(ROOT / "data" / "articles"), "--cache", str(tmp_path)]) == 1
    assert "lossclaims reference update" in capsys.readouterr().out


# --------------------------------------------------------------------------- the default corpus



def check_default_corpus(result: rc.Reconciliation) -> None:
    """What the issue says of the default corpus, on any claims frame of it."""
    asof = result.asof.set_index(result.asof["article"].str[:3])
    v = result.verdicts.assign(id=result.verdicts["article"].str[:3])
    for art in ("001", "004"):
        assert asof.loc[art, "asof"] == pd.Timestamp("2025-06-30") and asof.loc[art, "reports"] == 1
        copied = v[(v["id"] == art) & (v["value"].isin([1020010, 10980, 42796]))]
        assert set(copied["category"]) == {"personnel", "tanks", "drones"}
    assert asof.loc["003", "asof"] == pd.Timestamp("2025-06-12") and asof.loc["003", "reports"] == 1
    deaths = v[(v["id"] == "003") & (v["measure"] == "killed") & (v["value"] == 1000340)]
    assert deaths["verdict"].tolist() == ["mislabelled"]
    assert asof.loc["000", "asof"] <= pd.Timestamp("2025-06-30") <= asof.loc["000", "last"]
    rounded = v[(v["id"] == "000") & (v["party"] == "russia") & v["value"].isin([11000, 22000, 54000, 30000, 43000])]
    assert len(rounded) == 5 and (rounded["verdict"] == "rounded").all()
    headline = v[(v["id"] == "004") & (v["value"] == 1020010)]
    assert headline["verdict"].tolist() == ["typo"]
    judged = v[v["party"] == "russia"]
    assert not judged["verdict"].isin(["mismatch", "stale"]).any()


def test_default_corpus_gold_against_the_real_series(real_series, gold_claims):
    result = rc.reconcile(gold_claims, real_series)
    check_default_corpus(result)
    # every precise Russian running total of 001 is the report of 2025-06-30
    v = result.verdicts[result.verdicts["article"].str.startswith("001") & (result.verdicts["party"] == "russia")]
    assert (v["verdict"] == "exact").sum() == len(v) - 1
    assert result.asof.set_index("article")["score"].eq(1.0).all()


def test_default_corpus_parsed_against_the_real_series(real_series):
    from lossclaims import parse

    parsed = parse(ROOT / "data" / "articles")
    if parsed.claims.empty:
        pytest.skip("the parser returns no claims yet")
    check_default_corpus(rc.reconcile(parsed.claims, real_series))


# --------------------------------------------------------------------------- notebook 05 helpers


@pytest.fixture
def shown(monkeypatch):
    """What the notebook helpers show through `reports.say` and `reports.show_table`, in order."""
    from lossclaims import reports

    out: list = []
    monkeypatch.setattr(reports, "say", lambda template, **values: out.append(template.format(**values)))
    monkeypatch.setattr(reports, "show_table",
                        lambda df, empty="": out.append(empty if df.empty and empty else df))
    return out


def test_notebook_with_a_series_dates_the_articles_and_saves_both_charts(tmp_path, shown):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "x.txt").write_text(
        "According to the General Staff, Russia has lost 1,048 tanks since the start of the invasion.\n",
        encoding="utf-8")
    nb = rc.prepare_notebook(articles, FIXTURE, tmp_path / "figures")
    assert nb.folder == FIXTURE and nb.result is not None
    nb.announce_series()
    assert shown[-1] == ("The claims are checked against the General Staff series of 7 daily reports, "
                         "2022-04-28 to 2022-05-04.")
    rc.show_asof(nb)
    assert shown[-1].set_index("article").loc["x", "as of"] == "2022-05-02"
    rc.show_verdicts(nb)
    assert "as of 2022-05-02" in shown[-2]
    assert shown[-1]["verdict"].tolist() == ["exact"]
    rc.show_chart(nb, "05-test", around_days=3)
    assert {p.name for p in (tmp_path / "figures").iterdir()} == {"05-test.png", "05-test.svg"}
    rc.show_falls(nb)
    assert shown[-1][["date", "category", "correction"]].values.tolist() == [["2022-05-03", "armoured_vehicles", -10]]


def test_notebook_on_a_fresh_machine_reconciles_with_the_packaged_snapshot(tmp_path, monkeypatch, shown):
    monkeypatch.setenv(reference.CACHE_ENV, str(tmp_path / "empty"))
    nb = rc.prepare_notebook(None, None, tmp_path / "figures")
    assert nb.folder is None and nb.result is not None
    asof = nb.result.asof.set_index("article")["dates"]
    assert asof["001_5db2fc98dd4a1822"] == "2025-06-30" and asof["003_826785b95fa80457"] == "2025-06-12"
    rc.show_falls(nb)  # the snapshot's corrections explain the falls
    assert shown[-1]["correction"].notna().sum() >= 10


def test_notebook_without_a_series_lists_the_claims_and_says_how_to_get_one(tmp_path, monkeypatch, shown):
    monkeypatch.setenv(reference.CACHE_ENV, str(tmp_path / "empty"))
    monkeypatch.setattr(reference, "SNAPSHOT_FILE", "no-such-snapshot.parquet")
    with pytest.warns(UserWarning, match="not dated by the General Staff series"):
        nb = rc.prepare_notebook(None, None, tmp_path / "figures")
    assert nb.series is None and nb.result is None
    assert (nb.claims["date_basis"] != "reference").all()
    nb.announce_series()
    assert "lossclaims reference update" in shown[-1] and "lossclaims reference import DIR" in shown[-1]
    rc.show_verdicts(nb)
    listed = shown[-1]
    assert len(listed) and set(listed["category"]) <= set(reference.SERIES_CATEGORIES)
    assert set(listed["period"]) <= {"cumulative", "daily"}
    assert len(listed) == len(rc.claims_to_reconcile(nb.claims))
    for show in (rc.show_asof, lambda n: rc.show_chart(n, "x"), rc.show_falls):
        show(nb)
        assert isinstance(shown[-1], str) and "series" in shown[-1]
    assert not (tmp_path / "figures").exists()


def test_claims_to_reconcile_keeps_russian_totals_the_series_can_check(claims_of):
    c = claims_of(cumul("a", "personnel", 1002530), cumul("a", "personnel", 1120, period="daily"),
                  cumul("a", "tanks", 1, period="window"), cumul("a", "ifv", 3),
                  cumul("a", "personnel", 5, party="ukraine"), cumul("a", "personnel", 7, measure="wounded"))
    assert rc.claims_to_reconcile(c)["value"].tolist() == [1002530, 1120]


_SERIES = rc.example_series()
_WIDE = reference.wide(_SERIES)
_FIGURE = st.tuples(
    st.sampled_from([("personnel", "casualties"), ("personnel", "killed"), ("tanks", "lost"), ("aircraft", "lost")]),
    st.sampled_from([1018940, 1020010, 1020980, 1020000, 1000000, 10976, 10980, 10983, 11000, 10000, 5]),
    st.sampled_from(["exact", "approx", "at_least", "at_most"]),
)


@given(st.lists(_FIGURE, min_size=1, max_size=4))
def test_the_numpy_single_report_agrees_with_date_articles(figures):
    """Reference dating of one undated article (numpy, no frames) picks what `date_articles` picks."""
    rows = [("a", "russia", cat, measure, float(v), q, "cumulative", "unattributed", "q", 0, 1, "")
            for (cat, measure), v, q in figures]
    asof = rc.date_articles(rc.schema.frame("claims", rows), _SERIES).iloc[0]
    expected = asof["asof"] if asof["reports"] == 1 else None
    dating = rc.dating_figures((cat, measure, float(v), q) for (cat, measure), v, q in figures)
    columns = {c: _WIDE[c].to_numpy(dtype=float) for c in _WIDE.columns}
    assert rc.single_report(dating, columns, _WIDE.index) == expected
