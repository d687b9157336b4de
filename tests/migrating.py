"""Moving the test database along the migration graph, for the tests of data migrations
(fixture `every_migration_back` in tests/conftest.py brings it to the end again)."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(*targets: tuple[str, str]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(list(targets))
    return executor


def migrate_to_the_end() -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    return migrate(*executor.loader.graph.leaf_nodes())
