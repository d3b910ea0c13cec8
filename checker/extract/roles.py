"""Role rules: a person's title and the country or organisation it is of."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from checker.data.folding import fold
from checker.extract.context import ArticleContext, SentenceContext
from checker.extract.patterns import CAPWORD, NAME, heads
from checker.extract.registry import rule
from checker.schema.claims import ClaimBase, RoleClaim


@dataclass(frozen=True)
class RoleMatch:
    rule: str
    start: int
    end: int
    person: str
    title: str
    title_key: str
    organisation: str | None


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    head = heads()
    mods = rf"(?:{CAPWORD}\s+){{0,4}}"
    return {
        "R001": re.compile(
            rf"(?P<org>{CAPWORD}(?:\s+{CAPWORD}){{0,2}})['’]s\s+(?P<title>{mods}(?:{head}))\s+(?P<name>{NAME})"
        ),
        "R002": re.compile(
            rf"(?P<title>(?:{CAPWORD}\s+){{0,3}}?(?:{head}))\s+of\s+(?:the\s+)?"
            rf"(?P<rest>{CAPWORD}(?:\s+{CAPWORD}){{0,6}}(?:\s+(?:to|in)\s+{CAPWORD}(?:\s+{CAPWORD}){{0,4}})?)"
        ),
        "R004": re.compile(
            rf"\b(?P<pron>[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?P<nat>{CAPWORD})\s+)?"
            rf"(?P<rel>counterparts?)\s*,?\s+(?P<name>{NAME})"
        ),
        "R003": re.compile(rf"(?P<title>{mods}(?:{head}))\s+(?P<name>{NAME})"),
        "R005": re.compile(
            rf"(?:(?P<org>{CAPWORD}(?:\s+{CAPWORD}){{0,2}})['’]s\s+|\b[Tt]he\s+)"
            rf"(?P<title>(?:[a-z][a-z-]+\s+){{0,2}}(?i:{head}))\s*,\s+(?P<name>{NAME})"
            r"(?=\s*(?:[,.;]|$))"
        ),
    }


@functools.cache
def _prefilter() -> re.Pattern[str]:
    return re.compile(rf"\b(?i:{heads()}|counterparts?)\b")


def find_roles(ctx: SentenceContext) -> list[RoleMatch]:
    """Every role the sentence states, without overlaps (earlier rules win); cached per sentence."""
    cached = ctx.memo.get("roles")
    if isinstance(cached, list):
        return cached
    found = _find_roles(ctx) if _prefilter().search(ctx.text) else []
    ctx.memo["roles"] = found
    return found


def _find_roles(ctx: SentenceContext) -> list[RoleMatch]:
    art = ctx.art
    found: list[RoleMatch] = []
    taken: list[tuple[int, int]] = []
    for code, pattern in _patterns().items():
        for match in pattern.finditer(ctx.text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            role = _role(code, match, ctx, art)
            if role is None:
                continue
            taken.append((role.start, role.end))
            found.append(role)
    found.sort(key=lambda r: r.start)
    return found


def _role(
    code: str, m: re.Match[str], ctx: SentenceContext, art: ArticleContext
) -> RoleMatch | None:
    lex = art.lexicon
    if code == "R002":
        return _title_of(m, ctx)
    if code == "R004":
        return _counterpart(m, ctx)
    if code == "R005":
        return _appositive(m, ctx)
    name_start, name = _clean_name(m.group("name"), m.start("name"), ctx)
    if name is None:
        return None
    title, org = _split_title(m.group("title"), ctx, sentence_start=m.start("title") == 0)
    if title is None:
        return None
    start = m.start("title")
    if code == "R001":
        org = lex.canonical(m.group("org"))
        start = m.start("org")
    person = art.people.resolve(name) if len(name.split()) == 1 else art.lexicon.canonical(name)
    end = name_start + len(name)
    return RoleMatch(code, start, end, person, title, title_key(title, art), org)


def _appositive(m: re.Match[str], ctx: SentenceContext) -> RoleMatch | None:
    """ "Peru's president, Ana Salazar," / "the interior minister, Carlos Mendez,"."""
    name_start, name = _clean_name(m.group("name"), m.start("name"), ctx)
    if name is None:
        return None
    art = ctx.art
    org = art.lexicon.canonical(m.group("org")) if m.group("org") else None
    start = m.start("org") if m.group("org") else m.start("title")
    person = art.people.resolve(name) if len(name.split()) == 1 else art.lexicon.canonical(name)
    title = m.group("title")
    return RoleMatch(
        "R005", start, name_start + len(name), person, title, title_key(title, art), org
    )


def _clean_name(raw: str, start: int, ctx: SentenceContext) -> tuple[int, str | None]:
    """Trim words that are not part of a person's name (places, months, titles)."""
    lang = ctx.art.lang
    words = raw.split()
    kept: list[str] = []
    for word in words:
        key = fold(word).rstrip(".")
        entity = ctx.art.lexicon.entity(word)
        if (
            key in lang.months
            or key in lang.weekdays
            or word in lang.title_modifiers
            or (entity is not None and entity[1] != "person")
            or fold(word) in lang.stopwords
        ):
            break
        kept.append(word)
    if not kept or fold(kept[-1]) in lang.organisation_nouns:  # "Premier League"
        return start, None
    return start, " ".join(kept)


def _split_title(
    raw: str, ctx: SentenceContext, *, sentence_start: bool
) -> tuple[str | None, str | None]:
    """``"Azerbaijan President"`` -> title ``President``, organisation ``Azerbaijan``."""
    lang = ctx.art.lang
    words = raw.split()
    head_words: list[str] = []
    # The head itself may be several words ("Vice President"): find it at the end.
    for head in lang.title_heads:
        if raw.endswith(head):
            head_words = head.split()
            break
    body = words[: len(words) - len(head_words)]
    title_words: list[str] = []
    while body and body[-1] in lang.title_modifiers:
        title_words.insert(0, body.pop())
    title = " ".join([*title_words, *head_words])
    if not body:
        return title, None
    org_text = " ".join(body)
    entity = ctx.art.lexicon.entity(org_text)
    if entity is not None:
        return title, entity[0]
    if sentence_start and len(body) == 1:
        return title, None  # a capitalised first word is not evidence of an organisation
    return title, org_text


def _title_of(m: re.Match[str], ctx: SentenceContext) -> RoleMatch | None:
    """``Vice President of Azerbaijan Hikmet Hajiyev``, ``Ambassador of X to Y Name``."""
    art = ctx.art
    title = m.group("title")
    lang = art.lang
    words = title.split()
    while (
        len(words) > 1
        and words[0] not in lang.title_modifiers
        and " ".join(words) not in lang.title_heads
    ):
        words.pop(0)
    title = " ".join(words)
    rest = m.group("rest")
    post = re.search(r"\s+(?:to|in)\s+", rest)
    tokens_before = rest[: post.start()].split() if post else rest.split()
    if post:
        whole = art.lexicon.entity(" ".join(tokens_before))
        org: str | None = whole[0] if whole else " ".join(tokens_before)
        _place, name_tokens = _split_entity(rest[post.end() :].split(), ctx)
    else:
        org, name_tokens = _split_entity(tokens_before, ctx)
    if org is None or not name_tokens:
        return None
    name = " ".join(name_tokens)
    _, cleaned = _clean_name(name, 0, ctx)
    if cleaned is None:
        return None
    end = m.start("rest") + rest.index(name_tokens[0], (post.end() if post else 0)) + len(cleaned)
    start = m.start("title") + (len(m.group("title")) - len(title))
    person = (
        art.people.resolve(cleaned) if len(cleaned.split()) == 1 else art.lexicon.canonical(cleaned)
    )
    return RoleMatch("R002", start, end, person, title, title_key(title, art), org)


def _split_entity(tokens: list[str], ctx: SentenceContext) -> tuple[str | None, list[str]]:
    """Longest known entity at the front of ``tokens`` and the tokens after it."""
    for size in range(min(len(tokens) - 1, 4), 0, -1):
        entity = ctx.art.lexicon.entity(" ".join(tokens[:size]))
        if entity is not None and entity[1] != "person":
            return entity[0], tokens[size:]
    return None, tokens


def _counterpart(m: re.Match[str], ctx: SentenceContext) -> RoleMatch | None:
    """``his Azerbaijani counterpart Ilham Aliyev``: the office of the person "his" is."""
    art = ctx.art
    _, name = _clean_name(m.group("name"), m.start("name"), ctx)
    if name is None:
        return None
    before = ctx.text[: m.start()]
    referent = _referent(before, ctx)
    key = "counterpart"
    if referent is not None:
        person = art.people.persons.get(referent)
        if person is not None and person.title_key:
            key = person.title_key
    nationality = m.group("nat")
    org = None
    if nationality:
        entity = art.lexicon.entity(nationality)
        org = entity[0] if entity else nationality
    person_name = (
        art.people.resolve(name) if len(name.split()) == 1 else art.lexicon.canonical(name)
    )
    title = ctx.text[m.start("nat") if nationality else m.start("rel") : m.end("rel")]
    return RoleMatch("R004", m.start(), m.start("name") + len(name), person_name, title, key, org)


_THE_TITLE = re.compile(r"\b[Tt]he\s+(?P<title>(?:[a-z]+\s+){0,2}[a-z]+)\b")


def _referent(before: str, ctx: SentenceContext) -> str | None:
    """Who "his" refers to: a person named earlier in the sentence, or "the <title>"."""
    art = ctx.art
    named = art.people.mentioned(before)
    if named:
        return named[0]
    for match in _THE_TITLE.finditer(before):
        words = match.group("title").split()
        for size in range(len(words), 0, -1):  # "the president also held" -> "president"
            holder = art.people.with_title(title_key(" ".join(words[:size]), art))
            if holder:
                return holder
    return art.people.last_speaker


def title_key(title: str, art: ArticleContext) -> str:
    """Normalised office: ``National Defense Minister`` -> ``defence minister``."""
    for short, full in art.lang.title_abbreviations.items():
        title = title.replace(short, full)
    canonical = art.lexicon.canonical(title.replace("-", " "))
    words = [w for w in fold(canonical).split() if w not in art.lang.title_key_drop]
    key = " ".join(words)
    return art.lang.same_office.get(key, key)  # "premier" -> "prime minister"


def discover(ctx: SentenceContext) -> None:
    """Register the people this sentence names with a title (first pass over the article)."""
    for role in find_roles(ctx):
        ctx.art.people.add(role.person, role.title, role.title_key, role.organisation)


def _claims(ctx: SentenceContext, code: str) -> list[ClaimBase]:
    out: list[ClaimBase] = []
    for role in find_roles(ctx):
        if role.rule != code:
            continue
        out.append(
            ctx.make(
                RoleClaim,
                code,
                role.start,
                role.end,
                person=role.person,
                title=role.title,
                title_key=role.title_key,
                organisation=role.organisation,
            )
        )
    return out


@rule("R001", "possessive title", sections=("body", "caption"))
def possessive_title(ctx: SentenceContext) -> list[ClaimBase]:
    """<Country>'s <Title> <Name>: "Turkey's National Defence Minister Hulusi Akar".

    The person is canonical through the alias table; the title is kept as
    written and keyed (``defence minister``); the country is the organisation.
    """
    return _claims(ctx, "R001")


@rule("R002", "title of organisation", sections=("body", "caption"))
def title_of(ctx: SentenceContext) -> list[ClaimBase]:
    """<Title> of <Country> <Name>: "Vice President of Azerbaijan Hikmet Hajiyev".

    A posting after the country ("Ambassador of Azerbaijan to Ankara Rashad
    Mammadov") is skipped; the organisation is the country the title is of.
    """
    return _claims(ctx, "R002")


@rule("R003", "title before name", sections=("body", "caption"))
def title_before_name(ctx: SentenceContext) -> list[ClaimBase]:
    """[<Country or organisation>] <Title> <Name>: "Azerbaijan President Ilham Aliyev".

    Capitalised words before the title head that are title modifiers
    ("National Defense") stay in the title; a country, nationality
    ("Azerbaijani") or other capitalised name before them is the organisation.
    """
    return _claims(ctx, "R003")


@rule("R004", "counterpart", sections=("body", "caption"))
def counterpart(ctx: SentenceContext) -> list[ClaimBase]:
    """his <Nationality> counterpart <Name>: the counterpart holds the office of the
    person "his" refers to (named earlier in the sentence, or "the president"
    resolved to the article's last person with that title); the nationality is
    the organisation. Without a known referent the title key is ``counterpart``.
    """
    return _claims(ctx, "R004")


@rule("R005", "title in apposition", sections=("body", "caption"))
def title_in_apposition(ctx: SentenceContext) -> list[ClaimBase]:
    """[<Country>'s | the] <title>, <Name>,: "Peru's president, Ana Salazar, said",
    "said the interior minister, Carlos Mendez." (British style: a lower-case
    title set off by commas). The organisation is the possessor when named.
    """
    return _claims(ctx, "R005")
