"""Wagtail's database search backend, with Russian word forms on every engine.

`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "eios.search.backend"}}`. The engine's
own backend (SQLite FTS5, PostgreSQL full text, …) is kept as it is; two things change:

- every text an object gives the index through a `SearchField` is stored as its stems
  (eios/search/words.py), on its way into the backend's own indexer;
- every whole-word query is stemmed the same way before the backend compiles it, whoever
  asks (the site search, the admin's search of pages, documents, images …).

Autocomplete fields and queries are left alone: they match beginnings of words as typed.
PostgreSQL gets the `simple` configuration, which only lower-cases, so it does not stem
the stems again with whatever the server's default language is.

After this backend replaces another, `manage.py update_index` rewrites the index in stems.
"""

from modelsearch.backends.database import SearchBackend as engine_backend
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

from .words import stem_text


# Named as Wagtail looks a backend up: a callable `SearchBackend` in the module.
def SearchBackend(params):
    params = {"SEARCH_CONFIG": "simple", **params}
    engine_class = type(engine_backend(params))
    index_class = type(
        f"Stemming{engine_class.index_class.__name__}",
        (StemmingIndexMixin, engine_class.index_class),
        {},
    )
    backend_class = type(
        f"Stemming{engine_class.__name__}",
        (StemmingBackendMixin, engine_class),
        {"index_class": index_class},
    )
    return backend_class(params)


class StemmingBackendMixin:
    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(stemmed_query(query), model_or_queryset, *args, **kwargs)


class StemmingIndexMixin:
    def add_items(self, model, objs):
        super().add_items(model, [_Stemmed(obj) for obj in objs])


def stemmed_query(query):
    """A query string or a tree of query objects, each of its words a stem."""
    if isinstance(query, str):
        return stem_text(query)
    if isinstance(query, PlainText):
        return PlainText(stem_text(query.query_string), query.operator, query.boost)
    if isinstance(query, Phrase):
        return Phrase(stem_text(query.query_string))
    if isinstance(query, Fuzzy):
        return Fuzzy(stem_text(query.query_string), query.operator, query.unaccent)
    if isinstance(query, (And, Or)):
        return type(query)([stemmed_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(stemmed_query(query.subquery))
    if isinstance(query, Boost):
        return Boost(stemmed_query(query.subquery), query.boost)
    return query  # MatchAll


def _stemmed_value(value):
    # The shapes the backends' indexers accept: text, lists and dicts of them, anything else.
    if isinstance(value, str):
        return stem_text(value)
    if isinstance(value, (list, tuple)):
        return [_stemmed_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _stemmed_value(item) for key, item in value.items()}
    if value is None:
        return ""
    return stem_text(str(value))


class _Stemmed:
    """An object as the engine's indexer sees it: the same fields, searchable text in stems.

    The indexers ask an object only for its `pk` and `get_search_fields()`, and each field
    for `get_value(obj)`; the fields here answer for the real object.
    """

    def __init__(self, obj):
        self.obj = obj
        self.pk = obj.pk

    def get_search_fields(self):
        return [_stemmed_field(field) for field in self.obj.get_search_fields()]


def _real(obj):
    return obj.obj if isinstance(obj, _Stemmed) else obj


def _stemmed_field(field):
    if isinstance(field, SearchField):
        return _StemmedSearchField(field)
    if isinstance(field, AutocompleteField):
        return _AutocompleteField(field)
    if isinstance(field, RelatedFields):
        return _StemmedRelatedFields(field)
    return field  # filter fields: the database indexers do not read them


class _StemmedSearchField(SearchField):
    def __init__(self, field):
        super().__init__(field.field_name, boost=field.boost, **field.kwargs)
        self.field = field

    def get_value(self, obj):
        return _stemmed_value(self.field.get_value(_real(obj)))


class _AutocompleteField(AutocompleteField):
    """Unchanged: autocomplete matches beginnings of words as they are typed."""

    def __init__(self, field):
        super().__init__(field.field_name, **field.kwargs)
        self.field = field

    def get_value(self, obj):
        return self.field.get_value(_real(obj))


class _StemmedRelatedFields(RelatedFields):
    def __init__(self, field):
        super().__init__(field.field_name, [_stemmed_field(sub) for sub in field.fields])
        self.field = field

    def get_value(self, obj):
        return self.field.get_value(_real(obj))
