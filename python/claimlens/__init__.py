"""claimlens: actors, claims and hedging in news articles, analysed locally.

    >>> import claimlens
    >>> text = "Analysts suggest that Moscow may respond, according to Reuters."
    >>> a = claimlens.analyze(text)
    >>> [text[h["start"]:h["end"]] for h in a["hedges"]]
    ['suggest', 'may']

``analyze`` returns the claimlens JSON contract as dicts and lists. Offsets are
Python string indices (code points) unless ``offsets="utf16"`` asks for UTF-16
code units (JavaScript's indices, as the JS API and the CLI give them).
"""

import json as _json
import os as _os

from . import _claimlens

__all__ = ["analyze", "analyze_many", "version", "__version__"]

__version__ = _claimlens.version()

_OPTION_KEYS = ("layers", "actors", "cues", "hedges")


def version():
    """The claimlens version."""
    return _claimlens.version()


def _options(where, layers, actors, cues, hedges):
    given = {k: v for k, v in zip(_OPTION_KEYS, (layers, actors, cues, hedges)) if v is not None}
    if not given:
        return None
    if isinstance(given.get("cues"), str):
        raise TypeError(f"{where}: cues must be a list of str, not a str")
    try:
        return _json.dumps(given, ensure_ascii=False)
    except (TypeError, ValueError) as e:
        raise TypeError(f"{where}: options must hold only dicts, lists, str and bool ({e})") from None


def _error(where, e):
    """The exception to raise for `e`, its message prefixed with the function's name: a
    TypeError or a ValueError (a UnicodeError, say, from a lone surrogate in an option, is
    reported as the ValueError it is)."""
    kind = TypeError if isinstance(e, TypeError) else ValueError
    return kind(f"{where}: {e}")


def _loads(json_text):
    return _json.loads(json_text)


def analyze(text, *, layers=None, actors=None, cues=None, hedges=None, offsets="codepoints"):
    """Analyses one text and returns the contract (a dict).

    text     -- a str (at most 32 MiB of UTF-8)
    layers   -- {"actors": bool, "claims": bool, "hedges": bool}; every layer by default
    actors   -- extra actors: [{"name": str, "kind": "person" | "organization" | "place"
                | "group", "subkind": str (optional)}]
    cues     -- extra reporting cues: [str]
    hedges   -- extra hedging cues: [{"phrase": str, "kind": "hedge" | "booster" | "weasel"
                | "condition"}]
    offsets  -- "codepoints" (text[start:end] is the marked text) or "utf16"

    Raises TypeError when text is not a str, ValueError for a bad option or a text over
    the limit. The GIL is released while the text is analysed.
    """
    opts = _options("claimlens.analyze", layers, actors, cues, hedges)
    try:
        return _loads(_claimlens.analyze(text, opts, offsets))
    except (TypeError, ValueError) as e:
        raise _error("claimlens.analyze", e) from None


def analyze_many(texts, *, threads=None, layers=None, actors=None, cues=None, hedges=None,
                 offsets="codepoints"):
    """Analyses every text of an iterable of str and returns a list of contracts, in order.

    threads  -- how many threads analyse at once (default: os.cpu_count()); the GIL is
                released meanwhile, so other Python threads run.

    The other options are those of analyze(), applied to every text.
    """
    where = "claimlens.analyze_many"
    if isinstance(texts, str):
        raise TypeError(f"{where}: texts must be an iterable of str, not a str")
    texts = list(texts)
    if threads is None:
        threads = _os.cpu_count() or 1
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        raise ValueError(f"{where}: threads must be an int of at least 1 (got {threads!r})")
    opts = _options(where, layers, actors, cues, hedges)
    try:
        out = _claimlens.analyze_many(texts, opts, offsets, threads)
    except (TypeError, ValueError) as e:
        raise _error(where, e) from None
    return [_loads(j) for j in out]
