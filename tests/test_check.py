"""`claims check`: what the store says about a statement (issue 9 item 4), on SQLite and
PostgreSQL: the stored claims that contradict or corroborate it, contradictions first, never a
claim that merely shares the topic."""

from __future__ import annotations

import json
from collections import Counter
from itertools import chain

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from claims.cli import app
from claims.link import stored_keys, stored_keys_numbered
from claims.models import Kind
from claims.store import Store, ingest, link_keys
from claims.store.check import Checker, check
from claims.store.linking import link_store
from claims.store.tables import LINK_INDEX, LINK_KEY
from tests.store_helpers import make_article

TOLL = "سقط 30 قتيلاً في غارات روسية على مدينة إدلب"
CAPTURE = "سيطرت فصائل المعارضة على منطقة محروثة في البادية الشامية"
SCHOOL = "افتتحت مدرسة جديدة في مدينة الباب بريف حلب"
K = LINK_INDEX.c


@pytest.fixture
def checked_store(db_url):
    store = Store.open(db_url)
    ingest(store, make_article("a.txt", [(TOLL, Kind.organization, "المرصد السوري")]))
    ingest(
        store,
        make_article(
            "b.txt",
            [(CAPTURE, Kind.anonymous, "ناشطون"), (SCHOOL, Kind.author, None)],
            outlet="عنب بلدي",
        ),
    )
    link_store(store)  # a claim is found by the keys linking stores
    yield store
    store.close()


def test_a_statement_is_answered_by_the_claims_that_contradict_or_corroborate_it(checked_store):
    against = check(checked_store, "سقط 150 قتيلاً في غارات روسية على مدينة إدلب")
    assert [(e.relation, e.claim.claim) for e in against] == [("contradicts", TOLL)]
    assert any("150" in reason for reason in against[0].reasons)
    assert against[0].claim.source == "المرصد السوري" and against[0].claim.outlet == "المدن"
    backing = check(checked_store, "تمكنت فصائل المعارضة من السيطرة على منطقة محروثة في البادية")
    assert [(e.relation, e.claim.claim) for e in backing] == [("corroborates", CAPTURE)]


def test_a_statement_on_another_matter_finds_nothing(checked_store):
    assert check(checked_store, "ارتفعت أسعار الخبز والوقود في أسواق دمشق") == []
    assert check(checked_store, "") == []


def test_one_checker_answers_each_statement_as_a_checker_of_its_own(checked_store):
    # the stored keys are counted once; a statement's own keys count only while it is checked
    checker = Checker(checked_store)
    counts = checker.stored.held.tolist()
    with checked_store.session() as session:
        numbered = session.scalar(select(func.count()).select_from(LINK_KEY))
    statements = [
        "سقط 150 قتيلاً في غارات روسية على مدينة إدلب",
        "قالت مصادر إن 150 قتيلاً سقطوا في إدلب",
        "تمكنت فصائل المعارضة من السيطرة على منطقة محروثة في البادية",
    ]
    for statement in statements * 2:
        found = [(e.relation, e.claim.id, e.score) for e in checker.check(statement)]
        assert found == [(e.relation, e.claim.id, e.score) for e in check(checked_store, statement)]
        # nothing left behind: no count changed, no key of a statement numbered
        assert checker.stored.held.tolist() == counts
        with checked_store.session() as session:
            assert session.scalar(select(func.count()).select_from(LINK_KEY)) == numbered


def test_the_claims_holding_a_key_are_those_a_pass_over_every_claim_finds(checked_store):
    # the reference: every stored claim's keys decoded one by one and spelled from link_key
    checker = Checker(checked_store)
    with checked_store.session() as session:
        spelled = {n: key for n, key in session.execute(select(LINK_KEY.c.id, LINK_KEY.c.key))}
        stored = {
            claim_id: [spelled[n] for n in link_keys.decode(numbers).tolist()]
            for claim_id, numbers in session.execute(select(K.claim_id, K.key_numbers))
        }
        number_of = {key: n for n, key in spelled.items()}
        every_key = sorted(set(chain.from_iterable(stored.values())))
        assert len(every_key) > 10
        held = Counter(chain.from_iterable(stored.values()))
        assert {key: checker.stored.count(number_of[key]) for key in every_key} == held
        assert checker.stored.count(None) == 0 and checker.stored.count(len(spelled) + 5) == 0
        for wanted in (every_key[:1], every_key[::7], every_key[-3:]):
            found, counts = checker.stored.partners(session, {number_of[k] for k in wanted}, {})
            as_text = {cid: [spelled[n] for n in numbers] for cid, numbers in found.items()}
            assert as_text == {
                cid: keys for cid, keys in stored.items() if not set(wanted).isdisjoint(keys)
            }
            assert counts == {key: held[key] for key in chain.from_iterable(as_text.values())}
            # the keys of the claims found, as blocking reads them, made from their numbers
            assert stored_keys_numbered(found, spelled) == {
                cid: stored_keys(keys) for cid, keys in as_text.items()
            }
        assert checker.stored.partners(session, {len(spelled) + 5}, {}) == ({}, {})


def test_the_command_prints_a_table_or_json_lines_and_reads_a_csv(checked_store, tmp_path):
    runner = CliRunner(env={"COLUMNS": "200"})  # a wide terminal: names on one line
    db = ["--db", checked_store.url]
    table = runner.invoke(app, ["check", "سقط 150 قتيلاً في غارات روسية على مدينة إدلب", *db])
    assert table.exit_code == 0, table.output
    assert "contradicts" in table.output and "المرصد السوري" in table.output
    listed = tmp_path / "claims.csv"
    listed.write_text(
        'claim,note\n"سقط 150 قتيلاً في غارات روسية على مدينة إدلب",x\n'
        '"\x1b[2Jتمكنت فصائل المعارضة من السيطرة على منطقة محروثة في البادية",y\n',
        encoding="utf-8",
    )
    lines = runner.invoke(app, ["check", "--csv", str(listed), "--format", "jsonl", *db])
    assert lines.exit_code == 0, lines.output
    records = [json.loads(line) for line in lines.output.splitlines()]
    assert [(r["relation"], r["claim"]["claim"]) for r in records] == [
        ("contradicts", TOLL),
        ("corroborates", CAPTURE),
    ]
    hostile = runner.invoke(app, ["check", "--csv", str(listed), *db])
    assert "\x1b" not in hostile.output and "\\x1b" in hostile.output


def test_the_command_needs_one_statement_or_a_csv_with_a_claim_column(db_url, tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["check", "--db", db_url]).exit_code == 2
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("text\nنص\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--csv", str(wrong), "--db", db_url])
    assert result.exit_code == 2 and "needs a column 'claim'" in result.output


def test_a_checker_made_before_a_full_relink_answers_as_a_new_one(checked_store):
    # the relink numbers every key again, past the numbers the checker read
    checker = Checker(checked_store)
    statement = "سقط 150 قتيلاً في غارات روسية على مدينة إدلب"
    found = [(e.relation, e.claim.id) for e in checker.check(statement)]
    assert found and found[0][0] == "contradicts"
    link_store(checked_store, all=True)
    assert [(e.relation, e.claim.id) for e in checker.check(statement)] == found
    assert [(e.relation, e.claim.id) for e in check(checked_store, statement)] == found


def test_the_counts_of_the_keys_do_not_grow_with_full_relinks(checked_store):
    # each relink numbers the keys past the old numbers; counts start at the lowest one held
    before = Checker(checked_store).stored
    for _ in range(3):
        link_store(checked_store, all=True)
    after = Checker(checked_store).stored
    assert after.base > before.base
    assert len(after.held) == len(before.held)
    assert sorted(after.held.tolist()) == sorted(before.held.tolist())


def test_a_claims_source_named_in_the_statement_is_read_with_the_claim(db_url):
    # the army's claim is 'إسقاط طائرة …', its source outside it: a statement that names the
    # army as the actor tells the same event, not the claim with two words changed
    from claims.pipeline import extract_bytes

    sentence = (
        "أعلن الجيش الإسرائيلي إسقاط طائرة من دون طيار روسية الصنع فوق مرتفعات الجولان"
        " المحتلة صباح السبت."
    )
    store = Store.open(db_url)
    try:
        ingest(store, extract_bytes(sentence.encode(), "drone.txt"))
        link_store(store)
        [found] = check(store, "أسقط الجيش الإسرائيلي طائرة درون روسية فوق الجولان")
        assert found.claim.source == "الجيش الإسرائيلي"
        assert found.claim.claim.startswith("إسقاط طائرة")
        assert found.relation == "corroborates"
    finally:
        store.close()
