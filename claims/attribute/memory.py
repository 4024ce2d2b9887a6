"""The article memory: who has been named, who spoke last; the names the article gives; and
what carries a statement on past its sentence (a quotation left open, a list of points, a
continuation lead)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from claims.arabic import normalize, normalize_key, normalize_word
from claims.attribute.lexicons import _first_names, _name_form, _outlets, _set
from claims.attribute.names import _after_title, _name_at, _plain_word
from claims.attribute.tokens import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    Token,
    _clean_name,
    _comma_chunks,
    _stem,
    _text,
    _words,
    in_lexicon,
)
from claims.lexicon import word_class
from claims.models import Attribution, Kind


@dataclass
class Speaker:
    kind: Kind
    source: str
    via: str | None = None


@dataclass
class Memory:
    outlet: str | None = None
    names: list[str] = field(default_factory=list)  # full person names seen in the article
    last: Speaker | None = None
    last_by_kind: dict[Kind, Speaker] = field(default_factory=dict)
    speakers: list[Speaker] = field(default_factory=list)  # every source so far, latest last
    quote_open: bool = False  # the last attributed sentence left a quotation open
    last_paragraph_attributed: bool = False  # the sentence before, in this paragraph, had a source
    last_sentence_attributed: bool = False  # the sentence before, in any paragraph, had a source
    list_open: bool = False  # a statement ended with ':' and its points follow
    quote_closes_ahead: bool = False  # a sentence close ahead closes a quotation
    quote_never_closes: bool = False  # no sentence ahead closes a quotation
    quote_ran_on: bool = False  # the sentence before was the rest of a quotation
    previous: Speaker | None = None  # the sentence before, when it had a source
    previous_text: str = ""  # the sentence before, as repaired
    relayed_report: str | None = None  # the outlet whose report the article relays (rule 16)
    own_report: bool = False  # the outlet's own correspondent is the latest to report (rule 8)
    report_spoke: bool = False  # the sentence before quoted the relayed report itself
    paragraph: int = -1
    # `names` and `speakers` indexed as they grow (`_index`), so that a look-up costs the
    # names or speakers that share its key and not a pass over all of them.
    _names_indexed: int = field(default=0, init=False, repr=False)
    _by_suffix: dict[tuple[str, ...], list[int]] = field(
        default_factory=dict, init=False, repr=False
    )
    _by_prefix: dict[tuple[str, ...], list[int]] = field(
        default_factory=dict, init=False, repr=False
    )
    # Per first word of the names of more than one word: the fullest of them (the first of the
    # longest keys) and whether every other one opens it (kept as names come).
    _opening_first_word: dict[tuple[str, ...], tuple[str, bool]] = field(
        default_factory=dict, init=False, repr=False
    )
    _name_set: set[str] = field(default_factory=set, init=False, repr=False)
    # Per family name's consonant skeleton (`_skeleton`): the known names it ends.
    _by_skeleton: dict[str, set[str]] = field(default_factory=dict, init=False, repr=False)
    _name_words: set[str] = field(default_factory=set, init=False, repr=False)
    _speakers_indexed: int = field(default=0, init=False, repr=False)
    # The latest speaker of each sort asked for (`_sorts_of`), by its position in `speakers`.
    _latest: dict[tuple, int] = field(default_factory=dict, init=False, repr=False)

    def remember(self, speaker: Speaker) -> None:
        self.last = speaker
        self.last_by_kind[speaker.kind] = speaker
        self.speakers.append(speaker)
        # A person introduced in full is known by the surname alone from here on (an office
        # standing for its holder, 'وزير الدفاع الروسي', is no name).
        if (
            speaker.kind is Kind.named_person
            and len(speaker.source.split()) >= 2
            and normalize(speaker.source.split()[0]) not in word_class("offices")
            and not self.has_name(speaker.source)
        ):
            self.names.append(speaker.source)

    def last_agreeing(self, plural: bool) -> Speaker | None:
        """The latest speaker a continuation's verb agrees with in number ('وأضافوا' goes on
        with 'ناشطون', 'وأضاف' with the official before them), else the last one."""
        return self._latest_speaker("plural", plural) or self.last

    def latest_named(self, kind: Kind, source: str) -> Speaker | None:
        """The latest speaker of this kind and name."""
        return self._latest_speaker("name", kind, source)

    def latest_via(self) -> str | None:
        """The outlet the latest speaker quoted through one spoke through."""
        latest = self._latest_speaker("via")
        return latest.via if latest else None

    def latest_told_the_outlet(self) -> Speaker | None:
        """The latest unnamed source that spoke to the article's outlet itself (no via)."""
        return self._latest_speaker("told the outlet")

    def is_own_outlet(self, name: str) -> bool:
        """'الجزيرة' in an article of 'الجزيرة نت' is the article's own outlet."""
        if not self.outlet:
            return False
        own, other = (
            normalize_key(_outlets().get(tuple(normalize(n).split()), n)).split()
            for n in (self.outlet, name)
        )
        shorter = min(len(own), len(other))
        return shorter > 0 and own[:shorter] == other[:shorter]

    def named_with(self, head: str) -> Speaker | None:
        """The latest source whose name holds this noun: 'المسؤول' -> 'مسؤول أمني إسرائيلي',
        'المنظمة' -> 'منظمة أطباء بلا حدود'."""
        return self._latest_speaker("stem", _stem(head))

    def _latest_speaker(self, *sort: object) -> Speaker | None:
        self._index()
        latest = self._latest.get(sort)
        return None if latest is None else self.speakers[latest]

    def full_name(self, name: str) -> str:
        """The fullest form of a person's name in the article: 'الهويدي' -> 'عامر هويدي'.
        A known name extends it when the name's key ends the known one's, or, for a name of
        two words or more, opens it; of those with most words, the first known."""
        self._index()
        key = name_key(name)
        extending = self._by_suffix.get(key, [])
        if len(key) >= 2:
            extending = sorted({*extending, *self._by_prefix.get(key, [])})
        best = name
        for known in (self.names[i] for i in extending):
            if len(known.split()) > len(best.split()):
                best = known
        return best

    def sole_name_opening_with(self, name: str) -> str | None:
        """The one known name of more than one word whose key opens with the whole key of
        `name`, a given name alone ('تركي' -> 'تركي الفيصل'); None when there are several.
        Forms of one name that open its fullest form ('شاكر أحمد' of 'شاكر أحمد خالد') are
        that name."""
        self._index()
        fullest, nested = self._opening_first_word.get(name_key(name), (None, False))
        return fullest if nested else None

    def spelled_otherwise(self, word: str) -> str | None:
        """The one known name of two words or more whose family name is this word spelt with
        other long vowels, and close to it: foreign names are transliterated with or without
        them ('وقال نايورت' after 'هيذر نويرت')."""
        self._index()
        form = name_key(word)
        if len(form) != 1 or len(form[0]) < MIN_VARIANT_LETTERS:
            return None
        skeleton = _skeleton(form[0])
        if len(skeleton) < MIN_VARIANT_LETTERS - 1:
            return None
        known = [
            name
            for name in self._by_skeleton.get(skeleton, ())
            if fuzz.ratio(name_key(name)[-1], form[0]) >= MIN_VARIANT_SIMILARITY
        ]
        return known[0] if len(known) == 1 else None

    def has_name(self, name: str) -> bool:
        self._index()
        return name in self._name_set

    def is_name_word(self, form: str) -> bool:
        """A word (in `normalize_word` form) of a known name."""
        self._index()
        return form in self._name_words

    def _index(self) -> None:
        """Index the names and speakers added since the last look-up."""
        for i in range(self._names_indexed, len(self.names)):
            known = self.names[i]
            key = name_key(known)
            for cut in range(1, len(key)):
                self._by_suffix.setdefault(key[cut:], []).append(i)
                self._by_prefix.setdefault(key[:cut], []).append(i)
            if len(known.split()) > 1:
                self._add_opening(known, key)
            self._name_set.add(known)
            if len(key) >= 2:
                self._by_skeleton.setdefault(_skeleton(key[-1]), set()).add(known)
            self._name_words.update(normalize_word(part) for part in known.split())
        self._names_indexed = len(self.names)
        for i in range(self._speakers_indexed, len(self.speakers)):
            for sort in _sorts_of(self.speakers[i]):
                self._latest[sort] = i
        self._speakers_indexed = len(self.speakers)

    def _add_opening(self, known: str, key: tuple[str, ...]) -> None:
        """Count a name of more than one word among those its first word opens: a longer one
        becomes the fullest, and the forms stay nested while each opens the fullest (once two
        are not, no longer name can hold both)."""
        found = self._opening_first_word.get(key[:1])
        if found is None:
            self._opening_first_word[key[:1]] = (known, True)
            return
        fullest, nested = found
        fullest_key = name_key(fullest)
        if len(key) > len(fullest_key):
            nested = nested and key[: len(fullest_key)] == fullest_key
            self._opening_first_word[key[:1]] = (known, nested)
        elif nested and fullest_key[: len(key)] != key:
            self._opening_first_word[key[:1]] = (fullest, False)

    def knows(self, name: str) -> bool:
        return self.full_name(name) != name


@lru_cache(maxsize=4096)
def name_key(name: str) -> tuple[str, ...]:
    """The words of a name's merging key (`normalize_key`), remembered: an article asks for
    the fullest form of its names again and again."""
    return tuple(normalize_key(name).split())


def _skeleton(word: str) -> str:
    """A word without its long vowels and hamza seats (in `normalize` form)."""
    return word.translate(_LONG_VOWELS)


_LONG_VOWELS = str.maketrans("", "", "اويىء")
# A family name named back in another spelling has this many letters at least, and the
# spellings are this close (rapidfuzz ratio, 0-100): 'نايورت' and 'نويرت' score 73.
MIN_VARIANT_LETTERS = 4
MIN_VARIANT_SIMILARITY = 70


def _sorts_of(speaker: Speaker) -> list[tuple]:
    """The sorts of speaker a speaker is one of, as `Memory._latest_speaker` asks for them."""
    sorts: list[tuple] = [("stem", _stem(w)) for w in normalize(speaker.source).split()]
    sorts += [("name", speaker.kind, speaker.source), ("plural", _speak_as_many(speaker))]
    if speaker.via:
        sorts.append(("via",))
    if speaker.kind is Kind.anonymous and speaker.via is None:
        sorts.append(("told the outlet",))
    return sorts


def _speak_as_many(speaker: Speaker) -> bool:
    """Speakers named by a sound plural ('ناشطون', 'مسؤولين أمريكيين', 'الحوثيون') take a
    plural verb; a person's name ending alike ('حسين') does not count."""
    if speaker.kind is Kind.named_person:
        return False
    first = normalize(speaker.source).split()[0] if speaker.source.strip() else ""
    return _sound_plural(first)


def _sound_plural(word: str) -> bool:
    return word.endswith(("ون", "ين")) and len(_stem(word)) < len(word.removeprefix("ال"))


def collect_names(passages: Iterable[tuple[str, list[Token]]]) -> list[str]:
    """Person names anywhere in the article's (text, tokens) passages, opened by a given name
    or a rank title."""
    names: dict[str, None] = {}  # in order of finding
    first_names, name_links = _first_names(), word_class("name_links")  # asked of every word
    for text, tokens in passages:
        for i, token in enumerate(tokens):
            opens_name = _name_form(token.text) in first_names and token.norm not in name_links
            if opens_name or _after_title(tokens, i):
                # 'أبو محمد الجولاني': a kunya opens the name before the given name.
                start = i - 1 if i and tokens[i - 1].norm in name_links else i
                name = _name_at(tokens, start, text)
                if name and len(name.split()) >= 2:
                    names[name] = None
        for name in _appositive_names(text, tokens):
            names[name] = None
    return list(names)


def _appositive_names(text: str, tokens: list[Token]) -> list[str]:
    """Names set off by commas after a title phrase: 'وزير الدفاع التركي، يشار غولر، …'."""
    found = []
    chunks = _comma_chunks(tokens)
    for before, chunk in zip(chunks, chunks[1:], strict=False):
        words = _words(chunk)
        if (
            2 <= len(words) <= 3
            and any(w.norm in _set("titles") for w in _words(before))
            and not words[0].bare.startswith("ال")
            and all(_plain_word(w) for w in words)
        ):
            found.append(_clean_name(_text(chunk, text)))
    return found


# ---------------------------------------------------------------------------
# Statements that run on into the next sentences


def _opens_quote(text: str) -> bool:
    """Whether the sentence leaves a quotation open at its end."""
    opened = sum(text.count(q) for q in OPEN_QUOTES) - sum(text.count(q) for q in CLOSE_QUOTES)
    return opened > 0 or text.count('"') % 2 == 1


def _starts_with_quote(text: str) -> bool:
    return text.lstrip()[:1] in OPEN_QUOTES + '"'


# A quotation is longer than a quoted name: '"شهداء القريتين" فضّل …' opens with a name.
MIN_QUOTATION_WORDS = 4


def _opens_with_quotation(text: str) -> bool:
    """The sentence opens with a quotation, not with a quoted name."""
    text = text.lstrip()
    if not _starts_with_quote(text):
        return False
    close = next((k for k, ch in enumerate(text[1:], 1) if ch in CLOSE_QUOTES + '"'), len(text))
    return len(text[1:close].split()) >= MIN_QUOTATION_WORDS


# A sentence cut after a number's decimal point ('… نحو 2.' | '5 مليون …') or after an initial
# ('… لوكالة الأنباء الألمانية (د.' | 'ب.' | 'أ) إن …'): the next one is its rest (rule 18).
DECIMAL_CUT = re.compile(r"[0-9\u0660-\u0669]\.\s*$")
DECIMAL_REST = re.compile(r"^\s*[0-9\u0660-\u0669]+\s+\w")
INITIAL_CUT = re.compile(r"(?:^|[\s(])\w\.\s*$")


def _cut_before(previous: str, text: str) -> bool:
    """The sentence is the rest of the one before, split by a bad cut."""
    return bool(
        DECIMAL_CUT.search(previous) and DECIMAL_REST.match(text) or INITIAL_CUT.search(previous)
    )


# A point in a list: '- …', '• …', '1- …', '٢) …'.
LIST_ITEM = re.compile(r"^\s*(?:[-–•*▪]|[0-9\u0660-\u0669]{1,2}\s*[-.)])\s*\S")
# 'يوضح نقاط الاتفاق الخمس وهي: 1 - التزام المعارضة …': the first point glued after the colon.
FIRST_POINT_AFTER_COLON = re.compile(r":\s*[1\u0661]\s*[-.)]\s*\S")


def _continued(attribution: Attribution, last: Speaker, certainty: float) -> Attribution:
    """The attribution of a sentence that carries on the last speaker's statement."""
    return attribution.model_copy(
        update={
            "kind": last.kind,
            "source": last.source,
            "via": last.via,
            "continuation": True,
            "certainty": certainty,
        }
    )


def _continues(tokens: list[Token]) -> bool:
    words = _words(tokens)
    return (
        len(words) > 1
        and words[0].norm in word_class("continuation_leads")
        and words[1].norm != "ان"
    )


# 'ثم إن …', 'بل إن …': connectives before the inna that opens a sentence of speech.
VOICE_LEADS = frozenset(normalize(w) for w in ("ثم", "بل"))


def _in_speakers_voice(tokens: list[Token]) -> bool:
    """'ثم إن أي انتخابات لا تعتبر …', 'وكنتم أنتم أول من …': a sentence that opens with inna
    or speaks in the first or second person is someone's speech, not the article's narrative
    (rule 12)."""
    words = _words(tokens)
    k = 1 if words and words[0].norm in VOICE_LEADS else 0
    if len(words) > k + 1 and words[k].norm == "ان":
        return True
    voice = word_class("speaker_voice")
    return any(in_lexicon(w, voice) for w in words)  # 'ونحن', 'وكنتم' too


def _ends_quotation(text: str) -> bool:
    """The sentence closes a quotation opened before it: more closing marks than opening ones,
    or an odd straight quote (inside a quotation, the closing one)."""
    closers = sum(text.count(q) for q in CLOSE_QUOTES) - sum(text.count(q) for q in OPEN_QUOTES)
    return closers > 0 or text.count('"') % 2 == 1


def _closes_quote(text: str) -> bool:
    return any(q in text for q in CLOSE_QUOTES) and not _opens_quote(text)
