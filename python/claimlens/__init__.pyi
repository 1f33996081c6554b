"""Type stubs of claimlens: the contract's shapes as TypedDicts."""

from typing import Iterable, List, Literal, Optional, TypedDict, Union

__version__: str

ActorKind = Literal["person", "organization", "place", "group"]
HedgeKind = Literal["hedge", "booster", "weasel", "condition"]
Attribution = Literal["named", "vague", "none"]
Form = Literal["nominal", "pronoun"]
Offsets = Literal["codepoints", "utf16"]

class Span(TypedDict):
    start: int
    end: int

class Mention(TypedDict):
    start: int
    end: int
    form: Form

class Sentence(TypedDict):
    start: int
    end: int
    certainty: float

class _ActorBase(TypedDict):
    id: int
    name: str
    kind: ActorKind
    aliases: List[str]
    mentions: List[Span]
    references: List[Mention]

class Actor(_ActorBase, total=False):
    subkind: str
    affiliation: str

# A direct quote in pieces (a quotation interrupted by its cue) is a list of spans.
Content = Union[Span, List[Span]]

class Claim(TypedDict):
    source: Optional[Span]
    cue: Span
    content: Optional[Content]
    actor: Optional[int]
    attribution: Attribution

class Hedge(TypedDict):
    start: int
    end: int
    kind: HedgeKind
    reason: str
    quoted: bool

class Summary(TypedDict):
    words: int
    sentences: int
    actors: int
    claims: int
    claims_named: int
    claims_vague: int
    claims_none: int
    share_named: float
    share_vague: float
    share_none: float
    hedges: int
    boosters: int
    weasels: int
    conditions: int
    hedges_per_100_words: float
    quoted_cues: int
    author_hedges_per_100_words: float
    certainty: float

class Analysis(TypedDict):
    sentences: List[Sentence]
    actors: List[Actor]
    claims: List[Claim]
    hedges: List[Hedge]
    summary: Summary

class Layers(TypedDict, total=False):
    actors: bool
    claims: bool
    hedges: bool

class _UserActorBase(TypedDict):
    name: str
    kind: ActorKind

class UserActor(_UserActorBase, total=False):
    subkind: str

class UserHedge(TypedDict):
    phrase: str
    kind: HedgeKind

def version() -> str: ...

def analyze(
    text: str,
    *,
    layers: Optional[Layers] = ...,
    actors: Optional[List[UserActor]] = ...,
    cues: Optional[List[str]] = ...,
    hedges: Optional[List[UserHedge]] = ...,
    offsets: Offsets = ...,
) -> Analysis: ...

def analyze_many(
    texts: Iterable[str],
    *,
    threads: Optional[int] = ...,
    layers: Optional[Layers] = ...,
    actors: Optional[List[UserActor]] = ...,
    cues: Optional[List[str]] = ...,
    hedges: Optional[List[UserHedge]] = ...,
    offsets: Offsets = ...,
) -> List[Analysis]: ...
