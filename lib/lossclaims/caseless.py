"""Case-insensitive patterns that scan fast: run case-sensitively over lower-cased text.

Python's `re` cannot skip ahead to a possible first character when a pattern is compiled with
IGNORECASE, and compares every character through case folding, so an IGNORECASE alternation
of words scanning a sentence is two to four times slower than the same pattern, lower-cased,
scanning the lower-cased sentence. `Caseless` keeps the IGNORECASE pattern's interface and
results (spans index the original text, groups return its original letters) and falls back
to the original pattern where lower-casing would change the text's length ("İ" becomes two
characters), so positions could not be trusted.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

__all__ = ["Caseless", "Prefiltered", "caseless", "caseless_module", "lower_pattern"]


def lower_pattern(pattern: str) -> str:
    """`pattern` with its literal letters lower-cased; escapes (\\S, \\W, \\B ...) and group names kept.

    >>> lower_pattern(r"(?P<Cat>Tanks?)\\s+[A-Z]\\B")
    '(?P<Cat>tanks?)\\\\s+[a-z]\\\\B'
    """
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            end = i + 2
            if pattern.startswith("N{", i + 1):  # \N{NAME}: the name is not a literal
                end = pattern.index("}", i) + 1
            out.append(pattern[i:end])
            i = end
        elif pattern.startswith(("(?P<", "(?P="), i):
            end = pattern.index(">" if pattern[i + 3] == "<" else ")", i) + 1
            out.append(pattern[i:end])
            i = end
        else:
            out.append(ch.lower())
            i += 1
    return "".join(out)


_MAX_NEEDLES = 16  # more literals than this cost more to look for than the pattern does


def _needles(pattern: str, flags: int) -> tuple[str, ...] | None:
    """Literal strings at least one of which every match of `pattern` contains, or None if it has none worth
    looking for: a substring test over the text is far cheaper than a scan by the pattern that finds nothing.

    >>> _needles(r"\\b(?:in\\s+total|overall|to\\s+date)\\b", 0), _needles(r"\\bsince\\s+(?:a|b)", 0), _needles(r"\\d+", 0)
    (('date', 'overall', 'total'), ('since',), None)
    >>> _needles(r"(?:launch|launching|rate)", 0)
    ('launch', 'rate')
    """
    if flags & re.IGNORECASE:
        return None
    try:
        from re import _parser as parser  # Python 3.11+
    except ImportError:  # pragma: no cover
        import sre_parse as parser  # type: ignore[no-redef]
    try:
        found = _required(list(parser.parse(pattern, flags)), parser)
    except (re.error, RecursionError):  # pragma: no cover
        return None
    if not found or min(map(len, found)) < 3 or any(n != n.lower() for n in found):
        return None
    return tuple(sorted(n for n in found if not any(m in n for m in found if m != n)))  # "launch" covers "launching"


def _required(items: list, c) -> set[str] | None:
    """The best set of literals one of which every match of the parsed sequence `items` contains (or None)."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, av in items + [(None, None)]:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append({"".join(run)})
            run = []
        inner = None
        if op is c.SUBPATTERN and not av[1] and not av[2]:  # a group without flags of its own
            inner = _required(list(av[3]), c)
        elif op is c.BRANCH:
            alts = [_required(list(alt), c) for alt in av[1]]
            inner = set().union(*alts) if all(alts) else None
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            inner = _required(list(av[2]), c)
        if inner and len(inner) <= _MAX_NEEDLES:
            options.append(inner)
    # the longest shortest literal, then the fewest literals
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)


def _group_end(pattern: str, i: int) -> int:
    """The index of the ")" closing the group opened at `pattern[i]` (escapes and classes skipped), or -1."""
    depth, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch == "[":
            i += 2 if pattern.startswith("[^", i) else 1
            i += 1 if pattern.startswith("]", i) else 0  # a "]" first in a class is a letter
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _alternatives(body: str) -> list[str] | None:
    """`body` split at its top-level "|" (None if a group in it does not close)."""
    out, start, i, n = [], 0, 0, len(body)
    while i < n:
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i += 2 if body.startswith("[^", i) else 1
            i += 1 if body.startswith("]", i) else 0
            while i < n and body[i] != "]":
                i += 2 if body[i] == "\\" else 1
        elif ch == "(":
            i = _group_end(body, i)
            if i < 0:
                return None
        elif ch == "|":
            out.append(body[start:i])
            start = i + 1
        i += 1
    return out + [body[start:]]


def _unbounded(pattern: str) -> str:
    """`pattern` without the word boundaries that open the alternatives of a group it opens with one:
    `\\b(?:since|\\bmonthly)` is `\\b(?:since|monthly)`, and `re` then skips an alternative at its first letter.

    >>> _unbounded(r"\\b(?:since|\\bmonthly\\b|(?:a|\\bb))x|\\bc")
    '\\\\b(?:since|monthly\\\\b|(?:a|\\\\bb))x|\\\\bc'
    """
    if not pattern.startswith("\\b(?:"):
        return pattern
    end = _group_end(pattern, 2)
    alts = _alternatives(pattern[5:end]) if end > 0 else None
    if not alts or not any(a.startswith("\\b") for a in alts):
        return pattern
    return "\\b(?:" + "|".join(a[2:] if a.startswith("\\b") else a for a in alts) + pattern[end:]


# A run of word characters right before a mandatory space can give nothing back that the space would take:
# made possessive ("\\w++\\s+"), re stops retrying it one character shorter at every word.
_WORD_RUN_BEFORE_SPACE = re.compile(r"(?<!\\)((?:\\\\)*)(\\w|\[\\w-\]|\[\\w'-\])\+(?=\\s(?![*?{]))")


def _possessive(pattern: str) -> str:
    """`pattern` with each word run before a space made possessive: the same matches, found with less backtracking.

    >>> print(_possessive(r"(?:\\w+\\s+){0,2}x|[\\w-]+\\s+y|\\w+\\s*z|\\\\w+\\s"))
    (?:\\w++\\s+){0,2}x|[\\w-]++\\s+y|\\w+\\s*z|\\\\w+\\s
    """
    return _WORD_RUN_BEFORE_SPACE.sub(r"\1\2++", pattern)


class _Match:
    """A match over the lower-cased text that reads its groups from the original text."""

    __slots__ = ("_m", "string")

    def __init__(self, m: re.Match, string: str) -> None:
        self._m, self.string = m, string

    def start(self, group: int | str = 0) -> int:
        return self._m.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._m.end(group)

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._m.span(group)

    def group(self, *groups: int | str) -> str | tuple[str | None, ...] | None:
        if len(groups) > 1:
            return tuple(self._one(g) for g in groups)
        return self._one(groups[0] if groups else 0)

    def _one(self, group: int | str) -> str | None:
        a, b = self._m.span(group)
        return None if a < 0 else self.string[a:b]

    __getitem__ = _one

    def groups(self) -> tuple[str | None, ...]:
        return tuple(self._one(i) for i in range(1, self._m.re.groups + 1))

    def groupdict(self) -> dict[str, str | None]:
        return {name: self._one(name) for name in self._m.re.groupindex}

    @property
    def lastgroup(self) -> str | None:
        return self._m.lastgroup

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return f"<caseless match; span={self.span()}, match={self.group()!r}>"


_END = 2**62  # endpos meaning "to the end"
_SAME, _FOLDED, _LONGER = 0, 1, 2  # lower-casing left the text as it was / changed letters only / changed its length
_last: tuple[str, str, int] = ("", "", _SAME)  # the last text lower-cased and how: patterns scan one sentence in turn


def _fold(string: str) -> tuple[str, int]:
    """`string` lower-cased and how it folded (`_SAME`, `_FOLDED`, `_LONGER`); the last answer is reused."""
    global _last
    seen, low, kind = _last  # one tuple, read and written whole: safe across threads
    if seen is not string:
        low = string.lower()
        kind = _SAME if low == string else _FOLDED if len(low) == len(string) else _LONGER
        _last = (string, low, kind)
    return low, kind


def _lower(string: str) -> str | None:
    """`string` lower-cased, or None if that changes its length; the last answer is reused."""
    low, kind = _fold(string)
    return None if kind == _LONGER else low


class Caseless:
    """An IGNORECASE pattern with the methods extraction uses, several times faster where it scans.

    >>> rx = caseless(re.compile(r"\\b(?:general\\s+staff|kyiv)\\b", re.I))
    >>> m = rx.search("Per the General Staff in KYIV")
    >>> m.span(), m.group(), [x.group() for x in rx.finditer("Per the General Staff in KYIV")]
    ((8, 21), 'General Staff', ['General Staff', 'KYIV'])
    """

    __slots__ = ("original", "folded", "pattern", "flags", "groupindex", "groups", "_search", "_match", "needles")

    def __init__(self, original: re.Pattern) -> None:
        self.original = original
        self.folded = re.compile(_possessive(_unbounded(lower_pattern(original.pattern))), original.flags & ~re.IGNORECASE)
        self.pattern, self.flags = original.pattern, original.flags
        self.groupindex, self.groups = original.groupindex, original.groups
        self._search, self._match = self.folded.search, self.folded.match  # bound once: the hot path
        self.needles = _needles(self.folded.pattern, self.folded.flags)  # one is in every match: looked for first

    # search and match are the hot path (hundreds of thousands of calls): `_fold` is inlined in them.
    def search(self, string: str, pos: int = 0, endpos: int = _END) -> _Match | re.Match | None:
        global _last
        seen, low, kind = _last
        if seen is not string:
            low = string.lower()
            kind = _SAME if low == string else _FOLDED if len(low) == len(string) else _LONGER
            _last = (string, low, kind)
        if kind == _LONGER:
            return self.original.search(string, pos, endpos)
        needles = self.needles
        if needles is not None:  # (a loop, not any(): this runs some 300,000 times a corpus)
            # (looked for in pos:endpos only: a search of a few characters of a long text stays cheap)
            for n in needles:
                if low.find(n, pos - 64 if pos > 64 else 0, endpos) >= 0:  # (a lookbehind may read before pos)
                    break
            else:
                return None
        if kind == _SAME:  # nothing to fold back: the plain match reads the same letters
            return self._search(string, pos, endpos)
        m = self._search(low, pos, endpos)
        return m and _Match(m, string)

    def match(self, string: str, pos: int = 0, endpos: int = _END) -> _Match | re.Match | None:
        global _last
        seen, low, kind = _last
        if seen is not string:
            low = string.lower()
            kind = _SAME if low == string else _FOLDED if len(low) == len(string) else _LONGER
            _last = (string, low, kind)
        if kind == _SAME:
            return self._match(string, pos, endpos)
        if kind == _FOLDED:
            m = self._match(low, pos, endpos)
            return m and _Match(m, string)
        return self.original.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _END) -> _Match | re.Match | None:
        low, kind = _fold(string)
        if kind == _LONGER:
            return self.original.fullmatch(string, pos, endpos)
        m = self.folded.fullmatch(string if kind == _SAME else low, pos, endpos)
        return m if m is None or kind == _SAME else _Match(m, string)

    def finditer(self, string: str, pos: int = 0, endpos: int = _END) -> Iterator[_Match | re.Match]:
        low, kind = _fold(string)
        if kind == _LONGER:
            return self.original.finditer(string, pos, endpos)
        needles = self.needles
        if needles is not None:
            for n in needles:
                if low.find(n, pos - 64 if pos > 64 else 0, endpos) >= 0:  # (a lookbehind may read before pos)
                    break
            else:
                return iter(())
        if kind == _SAME:  # nothing to fold back: the plain matches read the same letters
            return self.folded.finditer(string, pos, endpos)
        return (_Match(m, string) for m in self.folded.finditer(low, pos, endpos))

    def sub(self, repl: str | Callable[[_Match], str], string: str, count: int = 0) -> str:
        low = _lower(string)
        if low is None or not callable(repl) and "\\" in repl:
            return self.original.sub(repl, string, count)  # a template's groups would read lower-cased text
        out, last = [], 0
        for i, m in enumerate(self.folded.finditer(low)):
            if count and i >= count:
                break
            out.append(string[last:m.start()])
            out.append(repl(_Match(m, string)) if callable(repl) else repl)
            last = m.end()
        out.append(string[last:])
        return "".join(out)

    def __repr__(self) -> str:
        return f"caseless({self.original!r})"


class Prefiltered:
    """An IGNORECASE pattern with case-sensitive parts ("(?-i:[A-Z])"), scanned first in its caseless form.

    The caseless form reads each case-sensitive part in either case, so it matches wherever the
    pattern does and at some more places: the pattern itself is tried only at those (lookbehinds
    still see the text before), instead of scanning the text with IGNORECASE.

    >>> rx = caseless(re.compile(r"\\bsince\\s+(?-i:[A-Z])\\w+", re.I))
    >>> rx.search("fighting SINCE april"), rx.search("fighting since April").group()
    (None, 'since April')
    """

    __slots__ = ("original", "folded", "pattern", "flags", "groupindex", "groups")

    def __init__(self, original: re.Pattern) -> None:
        self.original = original
        self.folded = re.compile(_possessive(_unbounded(lower_pattern(original.pattern))), original.flags & ~re.IGNORECASE)
        self.pattern, self.flags = original.pattern, original.flags
        self.groupindex, self.groups = original.groupindex, original.groups

    def _search(self, string: str, low: str, pos: int, endpos: int) -> re.Match | None:
        """The pattern's first match from `pos`: tried only where the caseless form matches."""
        find, match = self.folded.search, self.original.match
        while (c := find(low, pos, endpos)) is not None:
            m = match(string, c.start(), endpos)
            if m is not None:
                return m
            pos = c.start() + 1
        return None

    def search(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match | None:
        low, kind = _fold(string)
        if kind == _LONGER:
            return self.original.search(string, pos, endpos)
        return self._search(string, low, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match | None:
        low, kind = _fold(string)
        if kind != _LONGER and self.folded.match(low, pos, endpos) is None:
            return None
        return self.original.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match | None:
        return self.original.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match]:
        low, kind = _fold(string)
        if kind == _LONGER:
            return self.original.finditer(string, pos, endpos)
        return self._iter(string, low, pos, endpos)

    def _iter(self, string: str, low: str, pos: int, endpos: int) -> Iterator[re.Match]:
        while (m := self._search(string, low, pos, endpos)) is not None:
            if m.end() == m.start():  # an empty match: the original's own rules for what may follow it
                yield from self.original.finditer(string, pos, endpos)
                return
            yield m
            pos = m.end()

    def sub(self, repl: str | Callable[[re.Match], str], string: str, count: int = 0) -> str:
        return self.original.sub(repl, string, count)

    def __repr__(self) -> str:
        return f"caseless({self.original!r})"


def _islands_widen(rx: re.Pattern) -> bool:
    """Whether lower-casing `rx` and its text only widens what its case-sensitive parts accept: they hold
    letters and plain classes of letters (no negation), and no negative lookaround or back-reference holds them."""
    try:
        from re import _parser as parser  # Python 3.11+
    except ImportError:  # pragma: no cover
        import sre_parse as parser  # type: ignore[no-redef]
    c = parser  # opcodes live beside the parser
    ok = True

    def walk(items, island: bool, negated: bool) -> None:
        nonlocal ok
        for op, av in items:
            if op is c.SUBPATTERN:
                inner = island or bool(av[2] & re.IGNORECASE)
                if inner and negated:
                    ok = False
                walk(av[3], inner, negated)
            elif op in (c.ASSERT, c.ASSERT_NOT):
                walk(av[1], island, negated or op is c.ASSERT_NOT)
            elif op is c.BRANCH:
                for alt in av[1]:
                    walk(alt, island, negated)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
                walk(av[2], island, negated)
            elif op is getattr(c, "ATOMIC_GROUP", None):
                walk(av, island, negated)
            elif op in (c.GROUPREF, c.GROUPREF_EXISTS):
                ok = False
            elif island and op is c.NOT_LITERAL:
                ok = False
            elif island and op is c.IN:
                for kind, value in av:
                    if kind is c.NEGATE or kind is c.CATEGORY and "NOT" in str(value) or kind is c.RANGE and not (
                            chr(value[0]).isalpha() and chr(value[1]).isalpha()
                            and chr(value[0]).isupper() == chr(value[1]).isupper()):
                        ok = False

    walk(parser.parse(rx.pattern, rx.flags), False, False)
    return ok


def caseless(rx: re.Pattern) -> Caseless | Prefiltered | re.Pattern:
    """`rx` made a `Caseless` if it is compiled IGNORECASE and has no case-sensitive part, a `Prefiltered`
    if its case-sensitive parts are plain letters; else `rx`."""
    if not rx.flags & re.IGNORECASE:
        return rx
    if "(?-i" in rx.pattern:
        return Prefiltered(rx) if _islands_widen(rx) else rx
    return Caseless(rx)


def caseless_module(namespace: dict) -> None:
    """Make every compiled pattern of a module's namespace `caseless` (call at the module's end)."""
    for name, value in list(namespace.items()):
        if isinstance(value, re.Pattern):
            namespace[name] = caseless(value)
