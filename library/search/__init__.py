"""The library's search (issue 13): one service, two engines, one results page.

Elasticsearch when `ELASTICSEARCH_URL` is set (elastic.py), the database otherwise
(database.py); both take `SearchParams` and answer `SearchResults`.
"""

from .params import PER_PAGE, SORTS, FacetOption, SearchParams, SearchResults


def catalogue_search(params: SearchParams) -> SearchResults:
    from . import database, elastic

    engine = elastic if elastic.configured() else database
    return engine.search(params)


__all__ = [
    "PER_PAGE",
    "SORTS",
    "FacetOption",
    "SearchParams",
    "SearchResults",
    "catalogue_search",
]
