"""Per-page cost inside Django: SQL queries and wall time of one request, no server.

Run by benchmarks.run in a subprocess with a scenario's environment:
`python -m benchmarks.querycount /path/ student@/cabinet/ ...` prints one JSON object; a
path after `name@` is requested signed in as that person.
Queries are the deterministic counter to compare between commits (Moodle's `dbreads`,
perf-reliability §A.4); req/s moves with the machine, query counts do not.
"""

import json
import statistics
import sys
import time

TIMED_REQUESTS = 10


def measure(paths: list[str]) -> dict[str, dict]:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # 127.0.0.1 is in the benchmark's ALLOWED_HOSTS; Django's default "testserver" is not.
    # One client: each new one loads the middleware again, and WhiteNoise then rescans
    # every static file (~200 ms), which would swamp the time of the request itself.
    client = Client(HTTP_HOST="127.0.0.1")
    signed_in = False

    def get(path: str):
        # A cookie from an earlier response would make the visitor non-anonymous.
        if not signed_in:
            client.cookies.clear()
        return client.get(path)

    results = {}
    for requested in paths:
        username, _at, path = requested.rpartition("@")
        client.cookies.clear()
        signed_in = bool(username)
        if signed_in:
            client.force_login(get_user_model().objects.get(username=username))
        get(path)  # warm: per-process caches (site root paths, templates) and the page cache
        with CaptureQueriesContext(connection) as queries:
            response = get(path)
        # Read now: Django empties the query log when the next request starts.
        query_count = len(queries)
        timings = []
        for _ in range(TIMED_REQUESTS):
            start = time.perf_counter()
            get(path)
            timings.append((time.perf_counter() - start) * 1000)
        results[requested] = {
            "status": response.status_code,
            "queries": query_count,
            "ms": round(statistics.median(timings), 2),
            "sets_cookies": sorted(response.cookies),
        }
    return results


if __name__ == "__main__":
    json.dump(measure(sys.argv[1:]), sys.stdout)
