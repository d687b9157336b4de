import pytest
from django.contrib.auth.models import Group

from accounts.models import User
from library.models import Collection, Edition
from library.search.indexing import editions_index


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _database_engine(settings):
    # The Elasticsearch half asks for its engine itself (test_engines.py).
    settings.ELASTICSEARCH_URL = ""


@pytest.fixture
def student(db):
    return User.objects.create_user("student", password="pupil-pass-29", last_name="Кузнецов")


@pytest.fixture
def student2(db):
    return User.objects.create_user("student2", password="pupil-pass-29", last_name="Белоусова")


@pytest.fixture
def teachers(db):
    return Group.objects.create(name="Учителя")


@pytest.fixture
def teacher(teachers):
    user = User.objects.create_user("belova.i", password="teacher-pass-29", last_name="Белова")
    user.groups.add(teachers)
    return user


@pytest.fixture
def librarian(db):
    return User.objects.create_superuser("librarian", password="librarian-pass-29")


@pytest.fixture
def make_edition(db):
    """An edition as the admin saves it, indexed (the task that runs after the commit)."""

    def make(title, **fields):
        fields.setdefault("grade_to", fields.get("grade_from"))
        edition = Edition.objects.create(title=title, **fields)
        editions_index([edition.pk])
        edition.refresh_from_db()
        return edition

    return make


@pytest.fixture
def closed_collection(teachers):
    collection = Collection.objects.create(name="Ответы к контрольным", closed=True)
    collection.reader_groups.add(teachers)
    return collection
