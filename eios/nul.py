"""Nothing a visitor sends holds a NUL character: such a request is refused whole (400).

Nobody types one. PostgreSQL refuses it in any string, so wherever a view stored or
looked up what it was sent (a reason for blocking, a session cookie, a search) the
answer was a server error; SQLite's full-text search ends a query at it. Django's form
fields refuse it already; the views that read the request directly (ours, Wagtail's,
allauth's, the session middleware) are covered here, once, before any of them runs.
"""

from django.core.exceptions import BadRequest

NUL = "\x00"


def _holds_nul(data) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


class NulRefusingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Form fields only: files are read by the views that expect them.
        form = request.POST if request.method == "POST" else {}
        if (
            NUL in request.path
            or _holds_nul(request.GET)
            or (form and _holds_nul(form))
            or any(NUL in key + value for key, value in request.COOKIES.items())
        ):
            raise BadRequest("A NUL character in the request.")
        return self.get_response(request)
