"""The article memory's and the concordance's indexes answer as a pass over every name, speaker
or word would: the passes are written out here as the reference, the indexes are what the
attribution uses so that a long article costs no more per sentence than a short one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.arabic import normalize, normalize_word
from claims.attribute import Memory, Speaker, tokenize
from claims.attribute.concordance import Concordance
from claims.attribute.memory import _speak_as_many, name_key
from claims.attribute.tokens import _stem, _words
from claims.models import Kind

# Words that share merging keys and stems in several ways: with and without the article, two
# spellings of one name, a compound's links, plurals.
WORDS = [
    "عامر",
    "هويدي",
    "الهويدي",
    "أحمد",
    "احمد",
    "عبد",
    "الله",
    "محمد",
    "الأسد",
    "بشار",
    "أبو",
    "المهندسون",
    "مهندسين",
    "مسؤول",
    "المسؤول",
    "أمني",
    "منظمة",
]
names = st.lists(st.sampled_from(WORDS), min_size=0, max_size=4).map(" ".join)
kinds = st.sampled_from([Kind.named_person, Kind.anonymous, Kind.organization])
vias = st.sampled_from([None, "", "رويترز", "الجزيرة"])
steps = st.lists(
    st.one_of(
        st.tuples(st.just("name"), names),  # a name found anywhere in the article
        st.tuples(st.just("speaker"), st.tuples(kinds, names, vias)),  # a source that spoke
        st.tuples(st.just("ask"), names),
    ),
    max_size=25,
)


def full_name_by_pass(memory: Memory, name: str) -> str:
    key = name_key(name)
    best = name
    for known in memory.names:
        known_key = name_key(known)
        if len(known_key) > len(key) and known_key[-len(key) :] == key:
            if len(known.split()) > len(best.split()):
                best = known
        elif known_key[: len(key)] == key and len(known_key) > len(key) and len(key) >= 2:
            best = known if len(known.split()) > len(best.split()) else best
    return best


def sole_opening_by_pass(memory: Memory, name: str) -> str | None:
    """The fullest known name of several words that the given name opens, when every other
    one opens that fullest form too."""
    opening = [
        known
        for known in memory.names
        if len(known.split()) > 1 and name_key(known)[:1] == name_key(name)
    ]
    if not opening:
        return None
    fullest = max(opening, key=lambda known: len(name_key(known)))
    key = name_key(fullest)
    nested = all(key[: len(name_key(known))] == name_key(known) for known in opening)
    return fullest if nested else None


def latest_by_pass(memory: Memory, sort) -> Speaker | None:
    return next((speaker for speaker in reversed(memory.speakers) if sort(speaker)), None)


def holds_stem(head: str):
    return lambda speaker: _stem(head) in (_stem(w) for w in normalize(speaker.source).split())


@settings(max_examples=300, deadline=None)
@given(st.lists(names, max_size=6), steps)
def test_the_memorys_look_ups_answer_as_a_pass_over_all_it_holds(first_names, steps):
    memory = Memory(names=list(dict.fromkeys(first_names)))
    for step, value in steps:
        if step == "name" and value not in memory.names:
            memory.names.append(value)
        elif step == "speaker":
            memory.remember(Speaker(*value))
        elif step == "ask":
            assert memory.full_name(value) == full_name_by_pass(memory, value)
            assert memory.knows(value) == (full_name_by_pass(memory, value) != value)
            assert memory.named_with(value) is latest_by_pass(memory, holds_stem(value))
            assert memory.sole_name_opening_with(value) == sole_opening_by_pass(memory, value)
            for kind in Kind:
                assert memory.latest_named(kind, value) is latest_by_pass(
                    memory, lambda s, kind=kind, name=value: s.kind is kind and s.source == name
                )
            for plural in (False, True):
                assert memory.last_agreeing(plural) is (
                    latest_by_pass(memory, lambda s, plural=plural: _speak_as_many(s) == plural)
                    or memory.last
                )
            with_via = latest_by_pass(memory, lambda s: s.via)
            assert memory.latest_via() == (with_via.via if with_via else None)
            assert memory.latest_told_the_outlet() is latest_by_pass(
                memory, lambda s: s.kind is Kind.anonymous and s.via is None
            )
            assert memory.has_name(value) == (value in memory.names)
            words = {normalize_word(part) for known in memory.names for part in known.split()}
            for word in value.split():
                assert memory.is_name_word(normalize_word(word)) == (normalize_word(word) in words)


def test_a_surname_finds_the_full_name_added_after_the_first_look_up():
    memory = Memory(names=["بشار الأسد"])
    assert memory.full_name("هويدي") == "هويدي"
    memory.remember(Speaker(Kind.named_person, "عامر هويدي"))
    assert memory.full_name("الهويدي") == "عامر هويدي"


sentences = st.lists(st.sampled_from([*WORDS, "،", ":", "وقال", "والمسؤول"]), max_size=12).map(
    " ".join
)


@settings(max_examples=200, deadline=None)
@given(st.lists(sentences, max_size=6), st.sampled_from([*WORDS, "قال", "مسؤول"]))
def test_the_concordance_gives_every_place_of_a_word_in_reading_order(texts, word):
    passages = [(text, tokenize(text)) for text in texts]
    concordance = Concordance(passages)
    norm = normalize_word(word)
    words = [_words(tokens) for _, tokens in passages]
    assert concordance.words == words
    assert concordance.words_with_norm(norm) == [
        (p, k) for p, ws in enumerate(words) for k, w in enumerate(ws) if w.norm == norm
    ]
    assert concordance.words_with_bare(norm) == [
        (p, k) for p, ws in enumerate(words) for k, w in enumerate(ws) if w.bare == norm
    ]
    for p, k in concordance.words_with_norm(norm):
        assert passages[p][1][concordance.word_tokens[p][k]] == words[p][k]
    article = [w for ws in words for w in ws]
    assert concordance.article_words == article
    assert concordance.article_positions(norm) == [
        k for k, w in enumerate(article) if w.norm == norm
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(sentences, max_size=6), st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))
def test_the_concordance_finds_a_text_as_a_pass_over_the_passages_does(texts, words):
    concordance = Concordance([(text, tokenize(text)) for text in texts])
    wanted = normalize(" ".join(words))
    found = any(wanted in form for form in concordance.forms)
    assert concordance.contains(wanted) is found
    assert concordance.contains(wanted) is found  # remembered


def test_a_text_split_between_two_passages_is_not_found_in_either():
    concordance = Concordance([(text, tokenize(text)) for text in ("وقال عامر", "هويدي إن")])
    assert concordance.contains(normalize("عامر"))
    assert not concordance.contains(normalize("عامر هويدي"))
    # nor across the line that joins the passages' forms, for a text that holds one
    assert not concordance.contains(normalize("عامر\nهويدي"))
