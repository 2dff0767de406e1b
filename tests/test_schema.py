"""Rows checked without pandas (`schema.plain_rows`) and written to CSV without a frame agree with pandera and pandas."""
from __future__ import annotations

import io
import math

import pandera.errors
import pytest

from lossclaims import schema
from lossclaims.pipeline import FrameWriter

CLAIM = ("a", "russia", "tanks", "lost", 10980.0, "exact", "cumulative", "unattributed",
         "Russia has lost 10,980 tanks.", 16, 22, "", "2025-06-30", "", "sentence")
MENTION = ("a", "18", 18.0, "date", "June 18, 2025", 5, 7)


def _with(row: tuple, i: int, value: object) -> tuple:
    return (*row[:i], value, *row[i + 1:])


# Each breaks one rule of the claims schema: pandera refuses it, and so does `plain_rows`.
INVALID_CLAIMS = [
    _with(CLAIM, 1, "Russia"), _with(CLAIM, 2, "spaceships"), _with(CLAIM, 3, "killed"), _with(CLAIM, 4, -1.0),
    _with(CLAIM, 4, math.nan), _with(CLAIM, 4, math.inf), _with(CLAIM, 5, "about"), _with(CLAIM, 6, "weekly"),
    _with(CLAIM, 7, "rumour"), _with(CLAIM, 8, None), _with(CLAIM, 9, -1), _with(CLAIM, 10, 16),
    _with(CLAIM, 12, "30.06.2025"), _with(CLAIM, 12, ""), _with(CLAIM, 14, "today"), CLAIM[:14],
]
# pandera takes these once coerced (or by a looser pattern: "$" before a final newline, any script's digits);
# `plain_rows` leaves them to the frame, whose coerced values are then written.
COERCED_CLAIMS = [
    _with(CLAIM, 1, "russia\n"), _with(CLAIM, 4, "10980"), _with(CLAIM, 4, True), _with(CLAIM, 9, 16.0),
    _with(CLAIM, 12, "2025-06-\u0663\u0660"), _with(CLAIM, 11, 3),
]


def _frame_accepts(kind: str, rows: list[tuple]) -> bool:
    try:
        schema.frame(kind, rows)
    except (pandera.errors.SchemaError, pandera.errors.SchemaErrors, ValueError, TypeError):
        return False
    return True


def test_plain_rows_take_valid_rows_as_the_frame_holds_them() -> None:
    rows = [CLAIM, _with(CLAIM, 4, 10980), CLAIM[:12]]
    plain = schema.plain_rows("claims", rows)
    assert plain is not None
    assert [list(r) for r in plain] == schema.frame("claims", rows).values.tolist()
    assert [type(r[4]) for r in plain] == [float] * 3
    mentions = [MENTION, _with(MENTION, 2, None), _with(MENTION, 2, 7)]
    plain = schema.plain_rows("mentions", mentions)
    assert plain is not None and plain[2][2] == 7.0 and math.isnan(plain[1][2])


@pytest.mark.parametrize("row", INVALID_CLAIMS, ids=range(len(INVALID_CLAIMS)))
def test_a_row_pandera_refuses_is_not_plain(row: tuple) -> None:
    assert not _frame_accepts("claims", [row])
    assert schema.plain_rows("claims", [CLAIM, row]) is None


@pytest.mark.parametrize("row", COERCED_CLAIMS, ids=range(len(COERCED_CLAIMS)))
def test_a_row_needing_coercion_is_left_to_the_frame(row: tuple) -> None:
    assert _frame_accepts("claims", [row])
    assert schema.plain_rows("claims", [CLAIM, row]) is None


def test_plain_rows_refuse_what_pandera_refuses_for_every_kind() -> None:
    assert schema.plain_rows("mentions", [_with(MENTION, 3, "because")]) is None
    assert schema.plain_rows("mentions", [_with(MENTION, 2, math.inf)]) is None
    article = ("a", "a.txt", "", "", "", "", "", "utf-8", 10, 2)
    assert schema.plain_rows("articles", [article]) == [article]
    assert schema.plain_rows("articles", [article, article]) is None  # ids are unique
    assert not _frame_accepts("articles", [article, article])
    assert schema.plain_rows("problems", [("a.txt", "empty", None)]) is None


TRICKY = [
    _with(_with(CLAIM, 8, 'He said "10,980, at least",\nthen left.'), 4, 1e16),
    _with(_with(CLAIM, 8, "Україна: 1 000 000 — ’quoted’"), 4, 0.1),
    _with(_with(CLAIM, 8, ""), 4, 123456789.125),
    _with(_with(CLAIM, 8, " leading and trailing \r "), 4, 7),
]


@pytest.mark.parametrize("kind, rows", [
    ("claims", TRICKY), ("claims", []),
    ("mentions", [MENTION, _with(MENTION, 2, None), _with(MENTION, 1, 'a "b", c')]),
    ("problems", [("a,b.txt", "empty", ""), ("c.txt", "binary", "line\nbreak")]),
])
def test_csv_written_without_a_frame_is_what_pandas_writes(tmp_path, kind: str, rows: list[tuple]) -> None:
    assert schema.plain_rows(kind, rows) is not None
    out = tmp_path / "x.csv"
    with FrameWriter(kind, out, block_rows=2) as w:
        w.write(rows)
    expected = io.StringIO()
    schema.frame(kind, rows).to_csv(expected, index=False)
    assert out.read_bytes() == expected.getvalue().encode("utf-8")


def test_a_block_needing_coercion_is_written_through_the_frame(tmp_path) -> None:
    rows = [CLAIM, _with(CLAIM, 9, 16.0)]  # a float offset: valid once coerced, so not plain
    out = tmp_path / "x.csv"
    with FrameWriter("claims", out) as w:
        w.write(rows)
    expected = io.StringIO()
    schema.frame("claims", rows).to_csv(expected, index=False)
    assert out.read_text(encoding="utf-8") == expected.getvalue()
