"""Russia vs Ukraine and equipment tables, on hand-made frames and the gold frame."""
from __future__ import annotations


import pandas as pd
import pytest

from lossclaims import analysis
from lossclaims.analysis import (
    COVERAGE_COLUMNS, EQUIPMENT_COLUMNS, LOSSES_COLUMNS, OMISSION_COLUMNS, check_parameters,
    compared_dates, equipment_coverage, equipment_totals, party_losses, side_by_side, source_omissions,
)
from lossclaims.schema import frame
from lossclaims.vocabulary import equipment_categories

R, U, CUM, WIN = "russia", "ukraine", "cumulative", "window"


def test_empty_claims_give_empty_frames_with_columns():
    empty = frame("claims", [])
    assert list(party_losses(empty).columns) == LOSSES_COLUMNS
    assert list(side_by_side(empty).columns) == ["category", "measure", "period", "source", R, U, "like_for_like", "note"]
    assert list(equipment_totals(empty).columns) == EQUIPMENT_COLUMNS
    assert list(equipment_coverage(empty).columns) == COVERAGE_COLUMNS
    assert list(source_omissions(empty).columns) == OMISSION_COLUMNS
    assert all(f(empty).empty for f in (party_losses, side_by_side, equipment_totals, equipment_coverage, source_omissions))


def test_unknown_parameters_raise_one_sentence(claims_of):
    c = claims_of(("a", R, "tanks", "lost", 1, "exact", CUM, "isw"))
    with pytest.raises(ValueError, match=r"^Unknown party 'russa': expected one of .*russia.*\.$"):
        party_losses(c, parties="russa")
    with pytest.raises(ValueError, match="Unknown category 'tank'"):
        equipment_totals(c, categories=["tank"])
    with pytest.raises(ValueError, match="Unknown period 'total'"):
        party_losses(c, periods="total")
    with pytest.raises(ValueError, match="Unknown measure 'dead'"):
        party_losses(c, measures=["dead"])
    with pytest.raises(ValueError, match="exactly two parties"):
        side_by_side(c, parties=(R,))
    with pytest.raises(ValueError, match="by='outlet'"):
        source_omissions(c, by="outlet")
    assert check_parameters([R, U], "tanks") == ((R, U), ("tanks",))


# --- Russia vs Ukraine -------------------------------------------------------------------

def test_party_losses_summarise_per_party_measure_and_source(claims_of):
    c = claims_of(("001", R, "personnel", "casualties", 1020010, "exact", CUM, "ukraine_official"),
                  ("004", R, "personnel", "casualties", 1020010, "exact", CUM, "ukraine_official"),
                  ("002", R, "personnel", "casualties", 1000000, "at_least", CUM, "ukraine_official"),
                  ("001", U, "personnel", "casualties", 400000, "at_least", CUM, "isw"),
                  ("000", U, "personnel", "casualties", 400000, "approx", CUM, "independent"),
                  ("004", R, "personnel", "casualties", 1070, "exact", "daily", "ukraine_official"),
                  ("000", "north_korea", "personnel", "deployed", 11000, "exact", CUM, "unattributed"),
                  ("000", R, "tanks", "lost", 10980, "exact", CUM, "ukraine_official"))
    t = party_losses(c)
    # daily, deployed and equipment claims are left out by the defaults
    assert t[["party", "source", "claims", "articles", "min", "median", "max"]].values.tolist() == [
        [R, "ukraine_official", 3, 3, 1000000.0, 1020010.0, 1020010.0],
        [U, "isw", 1, 1, 400000.0, 400000.0, 400000.0],
        [U, "independent", 1, 1, 400000.0, 400000.0, 400000.0],
    ]
    assert t.loc[0, "figures"] == "≥1,000,000 (002) · 1,020,010 (001, 004)"
    assert party_losses(c, parties=U)["party"].unique().tolist() == [U]
    assert party_losses(c, parties=[U, R])["party"].tolist() == [U, U, R]  # in the order asked for
    assert party_losses(c, periods="daily")["median"].tolist() == [1070.0]


def test_side_by_side_says_when_sources_differ(claims_of):
    c = claims_of(("001", R, "personnel", "casualties", 1020010, "exact", CUM, "ukraine_official"),
                  ("001", U, "personnel", "casualties", 400000, "at_least", CUM, "isw"),
                  ("000", U, "personnel", "casualties", 400000, "approx", CUM, "independent"))
    t = side_by_side(c).set_index("source")
    assert not t["like_for_like"].any()
    assert t.loc["ukraine_official", U] == "—" and t.loc["isw", R] == "—"
    assert t.loc["independent", "note"].startswith("no russia casualties figure from independent estimates")
    assert "not a like-for-like comparison" in t.loc["independent", "note"]
    assert "ISW, independent estimates" in t.loc["ukraine_official", "note"]


def test_side_by_side_same_source_and_missing_measure(claims_of):
    c = claims_of(("003", R, "personnel", "killed", 1000340, "exact", CUM, "ukraine_official"),
                  ("003", U, "personnel", "killed", 45000, "at_least", CUM, "ukraine_official"),
                  ("003", U, "personnel", "wounded", 390000, "exact", CUM, "ukraine_official"),
                  ("001", "north_korea", "personnel", "killed", 6000, "at_least", CUM, "unattributed"))
    t = side_by_side(c).set_index("measure")
    assert list(t.index) == ["killed", "wounded"]  # measure order of the vocabulary
    assert t.loc["killed", "like_for_like"] and t.loc["killed", R] == "1,000,340 (003)"
    assert "ukraine's own losses set against its claim about russia's" in t.loc["killed", "note"]
    assert not t.loc["wounded", "like_for_like"]
    assert t.loc["wounded", "note"] == "no russia wounded figure from any source; russia has killed instead: the measures differ"
    # any two parties can be compared, in the order given
    t2 = side_by_side(c, parties=("north_korea", U))
    assert list(t2.columns[4:6]) == ["north_korea", U]
    assert t2.set_index(["measure", "source"]).loc[("killed", "unattributed"), "north_korea"] == "≥6,000 (001)"


def test_gold_side_by_side_shows_isw_independent_and_zelensky(gold_claims):
    t = side_by_side(gold_claims).set_index(["measure", "source"])
    assert t.loc[("casualties", "isw"), U] == "≥400,000 (001)"
    assert t.loc[("casualties", "independent"), U] == "~400,000 (000)"
    assert t.loc[("killed", "ukraine_official"), U] == "≥45,000 (003)"      # Zelensky
    assert t.loc[("wounded", "ukraine_official"), U] == "390,000 (003)"     # Zelensky
    assert "1,020,010 (001, 004)" in t.loc[("casualties", "ukraine_official"), R]
    assert t.loc[("killed", "unattributed"), R] == "1,000,340 (003)"
    # ISW's and the independent estimate of Ukraine are never silently set against Kyiv's claim about Russia
    for src in ("isw", "independent"):
        assert not t.loc[("casualties", src), "like_for_like"]
        assert "not a like-for-like comparison" in t.loc[("casualties", src), "note"]
    assert "see conflations" in t.loc[("casualties", "ukraine_official"), "note"]


# --- equipment ---------------------------------------------------------------------------

def test_rollup_of_ifv_into_armoured_vehicles_and_spa_into_artillery(claims_of):
    c = claims_of(("002", R, "armoured_vehicles", "lost", 1149, "approx", WIN, "csis"),
                  ("002", R, "ifv", "lost", 3098, "approx", WIN, "csis"),
                  ("002", R, "self_propelled_artillery", "lost", 300, "approx", WIN, "csis"),
                  ("002", R, "tanks", "lost", 1865, "approx", WIN, "csis"))
    t = equipment_totals(c).set_index(["category", "level"])
    assert t.loc[("armoured_vehicles", "rollup"), "median"] == 1149 + 3098
    assert t.loc[("armoured_vehicles", "rollup"), "includes"] == "armoured_vehicles + ifv"
    assert t.loc[("armoured_vehicles", "rollup"), "figures"] == "~4,247 (002)"
    assert t.loc[("armoured_vehicles", "own"), "median"] == 1149
    assert t.loc[("artillery", "rollup"), "median"] == 300
    assert "children only, a lower bound" in t.loc[("artillery", "rollup"), "note"]
    assert t.loc[("ifv", "own"), "parent"] == "armoured_vehicles"
    assert ("tanks", "rollup") not in t.index  # nothing to roll up


def test_rollup_sums_within_articles_then_summarises_across(claims_of):
    c = claims_of(("a", R, "armoured_vehicles", "lost", 100, "exact", CUM, "isw"),
                  ("a", R, "apc", "lost", 10, "exact", CUM, "isw"),
                  ("b", R, "armoured_vehicles", "lost", 200, "at_least", CUM, "isw"),
                  ("b", R, "apc", "lost", 20, "exact", CUM, "isw"),
                  ("c", R, "armoured_vehicles", "lost", 150, "exact", CUM, "isw"))  # no children: no roll-up
    roll = equipment_totals(c, categories="armoured_vehicles").set_index("level").loc["rollup"]
    assert (roll["claims"], roll["min"], roll["median"], roll["max"]) == (2, 110, 165, 220)
    assert roll["figures"] == "110 (a) · ≥220 (b)"
    own = equipment_totals(c, categories="armoured_vehicles").set_index("level").loc["own"]
    assert (own["claims"], own["median"]) == (3, 150)


def test_window_kept_apart_from_cumulative_and_sources_apart(claims_of):
    c = claims_of(("001", R, "tanks", "lost", 10980, "exact", CUM, "ukraine_official"),
                  ("002", R, "tanks", "lost", 1865, "approx", WIN, "csis"),
                  ("005", R, "tanks", "lost", 3000, "approx", CUM, "independent"))
    t = equipment_totals(c)
    assert t[["period", "source", "median"]].values.tolist() == [
        [CUM, "ukraine_official", 10980.0], [CUM, "independent", 3000.0], [WIN, "csis", 1865.0]]
    assert equipment_totals(c, periods=CUM)["period"].unique().tolist() == [CUM]


def test_gold_equipment_totals_keep_csis_window_apart(gold_claims):
    t = equipment_totals(gold_claims, parties=R)
    cum = t[(t["period"] == CUM) & (t["category"] == "tanks")]
    assert cum[["source", "figures", "min", "max"]].values.tolist() == [
        ["ukraine_official", "10,980 (001, 004) · ≤11,000 (000)", 10980.0, 11000.0]]
    win = t[t["period"] == WIN]
    assert set(win["source"]) == {"csis"}
    assert win.set_index(["category", "level"]).loc[("tanks", "own"), "median"] == 1865
    assert win.set_index(["category", "level"]).loc[("armoured_vehicles", "rollup"), "median"] == 4247
    assert (t.loc[t["period"] == CUM, "level"] == "own").all()  # the General Staff lists no finer categories


def test_equipment_coverage_is_a_full_grid(claims_of):
    c = claims_of(("000", R, "tanks", "lost", 11000, "at_most", CUM, "ukraine_official"),
                  ("001", R, "tanks", "lost", 10980, "exact", CUM, "ukraine_official"),
                  ("001", R, "mlrs", "lost", 1427, "exact", CUM, "ukraine_official"),
                  ("002", U, "personnel", "killed", 5, "exact", CUM, "isw"))
    cov = equipment_coverage(c)
    assert len(cov) == 1 * 3 * len(equipment_categories())  # russia x every article x every category
    rep = cov[cov["reported"]]
    assert rep[["article", "category", "figures"]].values.tolist() == [
        ["000", "tanks", "≤11,000 (000)"], ["001", "tanks", "10,980 (001)"], ["001", "mlrs", "1,427 (001)"]]
    assert not cov[cov["article"] == "002"]["reported"].any()
    assert set(equipment_coverage(c, parties=[R, U], categories="tanks")["party"]) == {R, U}


def test_source_omissions_by_article_and_by_source(claims_of):
    c = claims_of(("000", R, "tanks", "lost", 11000, "at_most", CUM, "ukraine_official"),
                  ("001", R, "tanks", "lost", 10980, "exact", CUM, "ukraine_official"),
                  ("001", R, "mlrs", "lost", 1427, "exact", CUM, "ukraine_official"),
                  ("001", R, "air_defence", "lost", 1190, "exact", CUM, "ukraine_official"),
                  ("002", R, "tanks", "lost", 1865, "approx", WIN, "csis"),
                  ("009", R, "tanks", "lost", 9000, "exact", CUM, "independent"))
    by_art = source_omissions(c)
    assert by_art[["article", "source", "category", "reported_by"]].values.tolist() == [
        ["000", "ukraine_official", "mlrs", "001"], ["000", "ukraine_official", "air_defence", "001"]]
    by_src = source_omissions(c, by="source")
    assert by_src[["source", "category", "reported_by"]].values.tolist() == [
        ["independent", "mlrs", "ukraine_official"], ["independent", "air_defence", "ukraine_official"]]
    assert (by_src["article"] == "").all()
    assert source_omissions(c, categories="tanks").empty


def test_gold_source_omissions(gold_claims):
    om = source_omissions(gold_claims, parties=R)
    assert sorted(om.loc[om["article"].str.startswith("000"), "category"]) == ["air_defence", "mlrs"]
    assert sorted(om.loc[om["article"].str.startswith("004"), "category"]) == [
        "air_defence", "aircraft", "helicopters", "ships", "submarines"]
    assert not om["article"].str.startswith("001").any()  # 001 quotes the full General Staff list
    assert not (om["source"] == "csis").any()  # CSIS is compared with nobody: one article, its own window


# --- Russia vs Ukraine on a corpus of several years ------------------------------------------

def dated(claims: pd.DataFrame, as_of: list[str]) -> pd.DataFrame:
    return claims.assign(as_of=as_of, window_start="", date_basis=["sentence" if d else "none" for d in as_of])


def _years(claims_of) -> pd.DataFrame:
    return dated(claims_of(
        ("a22", R, "personnel", "casualties", 25_000, "exact", CUM, "ukraine_official"),
        ("a23", R, "personnel", "casualties", 135_000, "exact", CUM, "ukraine_official"),
        ("b25", R, "personnel", "casualties", 1_020_010, "exact", CUM, "ukraine_official"),
        ("c23", U, "personnel", "casualties", 100_000, "approx", CUM, "us_official"),
        ("c25", U, "personnel", "casualties", 400_000, "approx", CUM, "us_official"),
        ("d25", R, "personnel", "casualties", 790_000, "approx", CUM, "us_official"),
        ("e", U, "personnel", "killed", 31_000, "exact", CUM, "ukraine_official"),
    ), ["2022-04-28", "2023-02-01", "2025-06-30", "2023-02-03", "2025-06-29", "2025-06-29", ""])


def test_party_losses_show_the_latest_claim_of_each_side_measure_and_source(claims_of):
    t = party_losses(_years(claims_of)).set_index(["party", "measure", "source"])
    gs = t.loc[(R, "casualties", "ukraine_official")]
    assert (gs["as_of"], gs["figures"], gs["left_out"]) == ("2025-06-30", "1,020,010 (b25)", 2)
    assert t.loc[(U, "killed", "ukraine_official"), "as_of"] == "undated"  # nothing dated to prefer
    assert party_losses(_years(claims_of), latest=False).loc[0, "claims"] == 3


def test_party_losses_in_a_window_compare_figures_of_that_period(claims_of):
    t = party_losses(_years(claims_of), since="2023-01-01", until="2023-12-31").set_index(["party", "source"])
    assert t.loc[(R, "ukraine_official"), "figures"] == "135,000 (a23)"
    assert t.loc[(U, "us_official"), "as_of"] == "2023-02-03"
    assert len(t) == 2  # the undated Ukrainian deaths fall in no window
    with pytest.raises(ValueError, match="since must be a day written YYYY-MM-DD"):
        party_losses(_years(claims_of), since="last year")


def test_side_by_side_is_like_for_like_only_for_figures_of_the_same_period(claims_of):
    c = _years(claims_of)
    t = side_by_side(c).set_index(["measure", "source"])
    us = t.loc[("casualties", "us_official")]
    assert us["like_for_like"] and "russia as of 2025-06-29, ukraine as of 2025-06-29" in us["note"]
    assert us[R] == "~790,000 (d25) as of 2025-06-29"
    # the 2025 Russian figure against a 2023 Ukrainian one from the same source: not the same period
    old = c[c["article"] != "c25"]
    us_old = side_by_side(old).set_index(["measure", "source"]).loc[("casualties", "us_official")]
    assert not us_old["like_for_like"] and "877 days apart, not the same period" in us_old["note"]
    # within the window the reader chose, the 2023 figures meet again
    t23 = side_by_side(old, until="2023-12-31").set_index(["measure", "source"])
    assert "—" in t23.loc[("casualties", "us_official"), R]  # no US figure for Russia by 2023
    assert compared_dates(party_losses(old, until="2023-12-31")) == \
        "Figures compared: russia as of 2023-02-01; ukraine as of 2023-02-03."
