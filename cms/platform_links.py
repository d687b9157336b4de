"""Checking that the web addresses of the platform catalogue still answer (SPEC §2).

A dead link in the catalogue sends parents and students nowhere, so the addresses
are checked on a schedule (`manage.py check_platform_links` from cron) and editors
see the result in the admin listing. The public catalogue does not show it: a
platform that is down for an hour is still the school's platform.
"""

import socket
import ssl
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import requests
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Platform

MAX_REDIRECTS = 5
# Servers that do not implement HEAD answer with one of these; GET is asked instead.
HEAD_REFUSED = frozenset({405, 501})
USER_AGENT = "Mozilla/5.0 (compatible; EIOS platform link check)"
ERROR_MAX_LENGTH = Platform._meta.get_field("link_error").max_length


@dataclass(frozen=True)
class LinkCheckSummary:
    alive: tuple[Platform, ...]
    dead: tuple[Platform, ...]
    # E-mail links and empty addresses: nothing to ask over HTTP.
    unchecked: tuple[Platform, ...]

    @property
    def checked(self) -> int:
        return len(self.alive) + len(self.dead)


def platform_links_check(
    *,
    platforms: Iterable[Platform] | None = None,
    timeout: float | None = None,
    workers: int = 8,
) -> LinkCheckSummary:
    """Ask every web address once, in parallel, and store the verdict on its platform.

    Each request is bounded by `timeout` seconds to connect and as much to wait for
    the answer, so the whole run takes about one time-out per `workers` slow hosts
    rather than one per host.
    """
    if platforms is None:
        platforms = Platform.objects.select_related("school")
    platforms = list(platforms)
    timeout = settings.PLATFORM_LINK_TIMEOUT if timeout is None else timeout
    web = [platform for platform in platforms if platform.is_web]
    # Reasons are stored in the language of the caller, which worker threads do not inherit.
    language = translation.get_language()

    def check(address: str) -> tuple[bool, str]:
        with translation.override(language):
            return address_check(address, timeout=timeout)

    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(web)))) as pool:
        verdicts = list(pool.map(check, [platform.address for platform in web]))

    checked_at = timezone.now()
    for platform, (link_alive, error) in zip(web, verdicts, strict=True):
        platform.link_alive = link_alive
        platform.link_error = error[:ERROR_MAX_LENGTH]
        platform.link_checked_at = checked_at
    unchecked = [platform for platform in platforms if not platform.is_web]
    for platform in unchecked:
        # An address changed from a web link to e-mail must not keep its old verdict.
        platform.link_alive, platform.link_error, platform.link_checked_at = None, "", None
    Platform.objects.bulk_update(platforms, ["link_alive", "link_error", "link_checked_at"])
    return LinkCheckSummary(
        alive=tuple(platform for platform in web if platform.link_alive),
        dead=tuple(platform for platform in web if not platform.link_alive),
        unchecked=tuple(unchecked),
    )


def address_check(address: str, *, timeout: float) -> tuple[bool, str]:
    """(alive, reason): alive when the address answers below 400 within `timeout` per step."""
    try:
        url = ascii_url(address)
    except UnicodeError:
        return False, _("invalid address")
    with requests.Session() as session:
        session.max_redirects = MAX_REDIRECTS
        session.headers["User-Agent"] = USER_AGENT
        try:
            response = _ask(session, "HEAD", url, timeout)
            if response.status_code in HEAD_REFUSED:
                response = _ask(session, "GET", url, timeout)
        except requests.Timeout:
            return False, _("time-out after %(seconds)s s") % {"seconds": f"{timeout:g}"}
        except requests.TooManyRedirects:
            return False, _("more than %(count)s redirects") % {"count": MAX_REDIRECTS}
        except requests.exceptions.SSLError:
            return False, _("secure connection (TLS) failed")
        except requests.ConnectionError as error:
            return False, _connection_error_reason(error)
        except requests.RequestException:
            return False, _("request failed")
    if response.status_code >= 400:
        return False, _("HTTP %(status)s") % {"status": response.status_code}
    return True, ""


def ascii_url(address: str) -> str:
    """The address with an internationalised host (https://рдш.рф/) in its IDNA form."""
    parts = urlsplit(address)
    userinfo, at, hostport = parts.netloc.rpartition("@")
    host, colon, port = hostport.partition(":")
    if host.isascii():
        return address
    ascii_host = host.encode("idna").decode("ascii")
    return urlunsplit(parts._replace(netloc=f"{userinfo}{at}{ascii_host}{colon}{port}"))


def _ask(session: requests.Session, method: str, url: str, timeout: float) -> requests.Response:
    # stream=True: only the status line and headers are read, never a large body.
    response = session.request(
        method, url, timeout=(timeout, timeout), allow_redirects=True, stream=True
    )
    response.close()
    return response


def _connection_error_reason(error: Exception) -> str:
    causes = _causes(error)
    if any(isinstance(cause, socket.gaierror) for cause in causes):
        return _("host not found")
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
        return _("connection refused")
    if any(isinstance(cause, ssl.SSLError) for cause in causes):
        return _("secure connection (TLS) failed")
    return _("connection failed")


def _causes(error: BaseException) -> list[BaseException]:
    """The exception and everything it wraps (urllib3 keeps the socket error in `.reason`)."""
    found: list[BaseException] = []
    pending: list[BaseException] = [error]
    while pending:
        current = pending.pop()
        if current in found:
            continue
        found.append(current)
        wrapped = [current.__cause__, current.__context__, getattr(current, "reason", None)]
        wrapped += list(current.args)
        pending += [item for item in wrapped if isinstance(item, BaseException)]
    return found
