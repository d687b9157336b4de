"""The Elasticsearch engine (when `ELASTICSEARCH_URL` is set), through elasticsearch-dsl:
an index with a Russian analyser (Snowball's Russian stemmer, the same algorithm as the
database engine) that folds «ё» into «е» before anything else; facets as aggregations
over the whole result set; the title highlighted; typos forgiven by fuzzy matching.

Koha's Elasticsearch mapping has folding but no stemmer (feature-anchors §4.8): here the
analyser has both.
"""

from django.conf import settings
from django.utils.safestring import mark_safe
from elasticsearch.helpers import bulk
from elasticsearch_dsl import (
    Boolean,
    Document,
    Integer,
    Keyword,
    Search,
    Text,
    analyzer,
    char_filter,
    connections,
    token_filter,
)

from ..models import GRADES, Edition, EditionKind
from .params import PER_PAGE, FacetOption, SearchParams, SearchResults

INDEX = "eios-library-editions"
ALIAS = "library"

yo_folding = char_filter("yo_folding", type="mapping", mappings=["ё => е", "Ё => Е"])
russian_folded = analyzer(
    "russian_folded",
    tokenizer="standard",
    char_filter=[yo_folding],
    filter=[
        "lowercase",
        token_filter("russian_stop", type="stop", stopwords="_russian_"),
        token_filter("russian_stemmer", type="stemmer", language="russian"),
    ],
)


class EditionDocument(Document):
    # Every searchable field is copied into `text`, which the query matches as a whole
    # (as the database engine matches all of an edition's stems).
    title = Text(analyzer=russian_folded, copy_to="text", fields={"raw": Keyword()})
    authors = Text(analyzer=russian_folded, copy_to="text")
    publisher = Text(analyzer=russian_folded, copy_to="text")
    description = Text(analyzer=russian_folded, copy_to="text")
    codes = Text(analyzer=russian_folded, copy_to="text")
    text = Text(analyzer=russian_folded)
    subject = Keyword(copy_to="text")
    kind = Keyword()
    year = Integer()
    grades = Integer(multi=True)
    on_federal_list = Boolean()
    collection = Integer()

    class Index:
        name = INDEX
        settings = {"number_of_shards": 1, "number_of_replicas": 0}


def configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def client():
    try:
        return connections.get_connection(ALIAS)
    except KeyError:
        return connections.create_connection(ALIAS, hosts=[settings.ELASTICSEARCH_URL])


def document_of(edition: Edition) -> EditionDocument:
    return EditionDocument(
        meta={"id": edition.pk},
        title=edition.title,
        authors=edition.authors.replace(";", " "),
        publisher=edition.publisher,
        description=edition.description,
        codes=" ".join(filter(None, [edition.udc, edition.bbk, edition.isbn])),
        subject=edition.subject or None,
        kind=edition.kind,
        year=edition.year,
        grades=edition.grades,
        on_federal_list=edition.on_federal_list,
        collection=edition.collection_id,
    )


def index_create(*, fresh: bool = False) -> None:
    index = EditionDocument._index.clone(using=ALIAS)
    if fresh and index.exists(using=client()):
        index.delete(using=client())
    if not index.exists(using=client()):
        EditionDocument.init(using=client())


def index_editions(editions, *, refresh: bool = False) -> None:
    actions = (document_of(edition).to_dict(include_meta=True) for edition in editions)
    bulk(client(), actions, index=INDEX, refresh=refresh)


def index_remove(pks, *, refresh: bool = False) -> None:
    actions = ({"_op_type": "delete", "_index": INDEX, "_id": pk} for pk in pks)
    bulk(client(), actions, raise_on_error=False, refresh=refresh)


SORTS = {
    "relevance": ["_score", "title.raw"],
    "title": ["title.raw"],
    "year_desc": [{"year": {"order": "desc", "missing": "_last"}}, "title.raw"],
    "year_asc": [{"year": {"order": "asc", "missing": "_last"}}, "title.raw"],
}


def build_search(params: SearchParams) -> Search:
    """The request for `params`, as elasticsearch-dsl would send it (tests read it with
    `to_dict()` without a server)."""
    search = Search(index=INDEX)
    if params.q:
        # Every word somewhere in the edition (typos forgiven); those in the title rank first.
        search = search.query(
            "bool",
            must=[{"match": {"text": {"query": params.q, "operator": "and", "fuzziness": "AUTO"}}}],
            should=[{"match": {"title": {"query": params.q, "boost": 3}}}],
        )
    if params.hidden_collections and params.granted_editions:
        shown = [
            {"bool": {"must_not": [{"terms": {"collection": list(params.hidden_collections)}}]}},
            {"ids": {"values": [str(pk) for pk in params.granted_editions]}},
        ]
        search = search.filter("bool", should=shown, minimum_should_match=1)
    elif params.hidden_collections:
        search = search.exclude("terms", collection=list(params.hidden_collections))
    for field, value in (
        ("subject", params.subject),
        ("grades", params.grade),
        ("kind", params.kind),
        ("year", params.year),
        ("on_federal_list", True if params.federal else None),
    ):
        if value:
            search = search.filter("term", **{field: value})
    search.aggs.bucket("subject", "terms", field="subject", size=200)
    search.aggs.bucket("grade", "terms", field="grades", size=len(GRADES))
    search.aggs.bucket("kind", "terms", field="kind", size=len(EditionKind.values))
    search.aggs.bucket("year", "terms", field="year", size=500)
    search.aggs.bucket("federal", "filter", term={"on_federal_list": True})
    sort = SORTS[params.sort] if params.q or params.sort != "relevance" else SORTS["title"]
    search = search.sort(*sort).highlight_options(
        encoder="html", number_of_fragments=0, pre_tags=["<mark>"], post_tags=["</mark>"]
    )
    search = search.highlight("title").extra(track_total_hits=True)
    start = (params.page - 1) * PER_PAGE
    return search[start : start + PER_PAGE]


def search(params: SearchParams) -> SearchResults:
    response = build_search(params).using(client()).execute()
    found = Edition.objects.select_related("collection").in_bulk(
        [int(hit.meta.id) for hit in response.hits]
    )
    hits = []
    for hit in response.hits:
        edition = found.get(int(hit.meta.id))
        if edition is None:
            continue  # deleted since it was indexed; the index catches up on commit
        marked = getattr(getattr(hit.meta, "highlight", None), "title", None)
        # The html encoder escaped the title; only <mark> is ours.
        edition.highlighted_title = mark_safe(marked[0]) if marked else edition.title  # noqa: S308
        hits.append(edition)
    total = response.hits.total.value
    return SearchResults(
        total=total,
        hits=hits,
        facets=_facets(response.aggregations) if total else {},
        page=params.page,
    )


def _facets(aggregations) -> dict[str, list[FacetOption]]:
    kinds = dict(EditionKind.choices)
    years = sorted(aggregations.year.buckets, key=lambda bucket: -bucket.key)
    subjects = sorted(aggregations.subject.buckets, key=lambda b: (-b.doc_count, b.key))
    federal = aggregations.federal.doc_count
    return {
        "subject": [FacetOption(b.key, b.key, b.doc_count) for b in subjects],
        "grade": [
            FacetOption(str(b.key), str(b.key), b.doc_count)
            for b in sorted(aggregations.grade.buckets, key=lambda bucket: bucket.key)
        ],
        "kind": [
            FacetOption(kind, str(label), count)
            for kind, label in kinds.items()
            if (count := _count(aggregations.kind.buckets, kind))
        ],
        "year": [FacetOption(str(b.key), str(b.key), b.doc_count) for b in years],
        "federal": [FacetOption("1", "", federal)] if federal else [],
    }


def _count(buckets, key) -> int:
    return next((bucket.doc_count for bucket in buckets if bucket.key == key), 0)
