"""Both engines give the same answers for the same catalogue (issue 13 §3). The
Elasticsearch half runs whenever ELASTICSEARCH_URL is set; what it would send — the
index's mapping with its Russian analyser, and the query — is asserted always."""

import os

import pytest
from django.core.management import call_command

from library.search import SearchParams, catalogue_search
from library.search.elastic import EditionDocument, build_search

from .catalogue import catalogue_fill

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")


def test_the_index_folds_yo_and_stems_russian():
    index = EditionDocument._index.to_dict()
    analysis = index["settings"]["analysis"]
    assert analysis["char_filter"]["yo_folding"] == {
        "type": "mapping",
        "mappings": ["ё => е", "Ё => Е"],
    }
    assert analysis["analyzer"]["russian_folded"] == {
        "type": "custom",
        "tokenizer": "standard",
        "char_filter": ["yo_folding"],
        "filter": ["lowercase", "russian_stop", "russian_stemmer"],
    }
    assert analysis["filter"]["russian_stemmer"] == {"type": "stemmer", "language": "russian"}
    fields = index["mappings"]["properties"]
    assert fields["title"]["analyzer"] == "russian_folded"
    assert fields["title"]["copy_to"] == ["text"] or fields["title"]["copy_to"] == "text"
    assert fields["subject"]["type"] == "keyword"
    assert fields["grades"]["type"] == "integer"


def test_the_query_matches_every_word_forgives_typos_and_counts_facets():
    params = SearchParams(q="матиматика учебник", subject="Математика", grade=5, sort="year_desc")
    sent = build_search(params).to_dict()
    query = sent["query"]["bool"]
    assert query["must"] == [
        {"match": {"text": {"query": "матиматика учебник", "operator": "and", "fuzziness": "AUTO"}}}
    ]
    assert {"term": {"subject": "Математика"}} in query["filter"]
    assert {"term": {"grades": 5}} in query["filter"]
    assert set(sent["aggs"]) == {"subject", "grade", "kind", "year", "federal"}
    assert sent["aggs"]["federal"] == {"filter": {"term": {"on_federal_list": True}}}
    assert sent["highlight"]["fields"] == {"title": {}}
    assert sent["highlight"]["encoder"] == "html"
    assert sent["sort"][0] == {"year": {"order": "desc", "missing": "_last"}}
    assert sent["track_total_hits"] is True
    assert (sent["from"], sent["size"]) == (0, 20)


def test_closed_collections_are_left_out_of_the_query():
    sent = build_search(SearchParams(hidden_collections=(3, 7), page=2)).to_dict()
    assert sent["query"]["bool"]["filter"] == [
        {"bool": {"must_not": [{"terms": {"collection": [3, 7]}}]}}
    ]
    assert (sent["from"], sent["size"]) == (20, 20)


def test_editions_granted_one_by_one_are_let_through_closed_collections():
    params = SearchParams(hidden_collections=(3, 7), granted_editions=(12, 40))
    assert build_search(params).to_dict()["query"]["bool"]["filter"] == [
        {
            "bool": {
                "should": [
                    {"bool": {"must_not": [{"terms": {"collection": [3, 7]}}]}},
                    {"ids": {"values": ["12", "40"]}},
                ],
                "minimum_should_match": 1,
            }
        }
    ]


QUESTIONS = [
    SearchParams(q="учебник математики", sort="title"),
    SearchParams(q="Математика. Учебник", sort="title"),
    SearchParams(q="ежик"),
    SearchParams(q="матиматика", sort="title"),
    SearchParams(q="учебник", subject="Физика", sort="year_desc"),
    SearchParams(q="учебник", federal=True, sort="title"),
    SearchParams(q="учебник", sort="title", page=2),
    SearchParams(sort="year_asc"),
]


def answer(params: SearchParams):
    results = catalogue_search(params)
    return (
        results.total,
        [hit.title for hit in results.hits],
        {
            name: sorted((option.value, option.count) for option in options)
            for name, options in results.facets.items()
        },
    )


@pytest.mark.parametrize("params", QUESTIONS, ids=lambda params: params.q or "all")
def test_the_database_engine_answers_every_question(make_edition, params):
    catalogue_fill(make_edition)
    total, titles, facets = answer(params)
    assert total and titles and facets


@pytest.mark.skipif(not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set")
def test_both_engines_answer_the_same(make_edition, settings):
    catalogue_fill(make_edition)
    from_database = [answer(params) for params in QUESTIONS]
    settings.ELASTICSEARCH_URL = ELASTICSEARCH_URL
    call_command("library_index", rebuild=True)
    EditionDocument._index.refresh(using="library")
    assert [answer(params) for params in QUESTIONS] == from_database
