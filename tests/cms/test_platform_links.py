"""The platform link check against a local HTTP server: never the internet."""

import http.server
import socket
import threading
import time

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from cms.models import Platform, PlatformCatalogPage
from cms.platform_links import ascii_url, platform_links_check
from eios.models import School

pytestmark = pytest.mark.django_db

# Long enough that a loaded CI machine answers a redirect in time, short enough that
# the slow path costs the suite little.
TIMEOUT = 2.0
# The slow path answers long after the time-out; a run that waited for it would show.
SLOW_SECONDS = 20 * TIMEOUT
IDN_HOST = "школа.рф"
IDN_HOST_ASCII = "xn--80atdl2c.xn--p1ai"


class Handler(http.server.BaseHTTPRequestHandler):
    stop: threading.Event

    def do_HEAD(self):
        if self.path == "/no-head":
            self._answer(405)
        else:
            self._route()

    def do_GET(self):
        self._route()

    def _route(self):
        if self.path == "/slow":
            self.stop.wait(SLOW_SECONDS)
            self._answer(200)
        elif self.path == "/moved":
            self._answer(301, location="/ok")
        elif self.path == "/loop":
            self._answer(302, location="/loop")
        else:
            status = {"/ok": 200, "/no-head": 200, "/missing": 404, "/broken": 500}
            self._answer(status.get(self.path, 404))

    def _answer(self, status, location=None):
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    # Nine hosts asked at once overflow the default backlog of five; a dropped SYN is
    # retried only after a second, which would read as a time-out.
    request_queue_size = 64


@pytest.fixture
def server(monkeypatch):
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    stop = threading.Event()
    handler = type("TestHandler", (Handler,), {"stop": stop})
    httpd = Server(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    stop.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def local_dns(monkeypatch, server):
    """Resolve the IDN test host to the local server; every other name is unknown."""
    real_getaddrinfo = socket.getaddrinfo
    asked = []

    def getaddrinfo(host, *args, **kwargs):
        asked.append(host)
        if host == IDN_HOST_ASCII:
            host = "127.0.0.1"
        elif host not in ("127.0.0.1", "localhost"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


@pytest.fixture
def refused_url():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


@pytest.fixture
def school(school_site):
    return School.for_site(school_site)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def platform(school, name, address):
    return Platform.objects.create(school=school, name=name, address=address)


def verdict(name):
    found = Platform.objects.get(name=name)
    return found.link_alive, found.link_error


def test_alive_and_dead_addresses_with_reasons(school, server, refused_url):
    for name, path in [
        ("ok", "/ok"),
        ("missing", "/missing"),
        ("broken", "/broken"),
        ("moved", "/moved"),
        ("no head", "/no-head"),
        ("loop", "/loop"),
        ("slow", "/slow"),
    ]:
        platform(school, name, server + path)
    platform(school, "refused", refused_url)
    platform(school, "tls", server.replace("http://", "https://") + "/ok")

    started = time.monotonic()
    summary = platform_links_check(timeout=TIMEOUT)
    elapsed = time.monotonic() - started

    assert verdict("ok") == (True, "")
    assert verdict("moved") == (True, "")
    assert verdict("no head") == (True, "")
    assert verdict("missing") == (False, "HTTP 404")
    assert verdict("broken") == (False, "HTTP 500")
    assert verdict("loop") == (False, "more than 5 redirects")
    assert verdict("slow") == (False, f"time-out after {TIMEOUT:g} s")
    assert verdict("refused") == (False, "connection refused")
    assert verdict("tls") == (False, "secure connection (TLS) failed")
    assert {p.name for p in summary.alive} == {"ok", "moved", "no head"}
    assert summary.checked == 9 and len(summary.dead) == 6
    assert Platform.objects.filter(link_checked_at__isnull=True).count() == 0
    assert elapsed < SLOW_SECONDS


def test_slow_hosts_are_asked_in_parallel(school, server):
    for number in range(6):
        platform(school, f"slow {number}", f"{server}/slow")

    started = time.monotonic()
    summary = platform_links_check(timeout=TIMEOUT, workers=8)
    elapsed = time.monotonic() - started

    assert len(summary.dead) == 6
    # One after another the six would need at least 6 × the time-out.
    assert elapsed < 4 * TIMEOUT


def test_idn_host_is_asked_in_its_ascii_form(school, server, local_dns):
    port = server.rpartition(":")[2]
    platform(school, "idn", f"http://{IDN_HOST}:{port}/ok")
    platform(school, "unknown", "https://no-such-school.example/")

    platform_links_check(timeout=TIMEOUT)

    assert verdict("idn") == (True, "")
    assert verdict("unknown") == (False, "host not found")
    assert IDN_HOST_ASCII in local_dns
    assert ascii_url("https://рдш.рф/путь?q=1") == "https://xn--d1axz.xn--p1ai/путь?q=1"


def test_mail_and_empty_addresses_are_not_checked(school, server):
    mail = platform(school, "mail", "mailto:school@example.ru")
    platform(school, "none", "")
    # Once a web link that was found dead, now an e-mail address.
    Platform.objects.filter(pk=mail.pk).update(link_alive=False, link_error="HTTP 404")

    summary = platform_links_check(timeout=TIMEOUT)

    assert verdict("mail") == (None, "")
    assert verdict("none") == (None, "")
    assert summary.checked == 0 and len(summary.unchecked) == 2


def test_command_reports_dead_links_and_exits_with_1(school, server, settings, capsys):
    settings.PLATFORM_LINK_TIMEOUT = TIMEOUT
    platform(school, "Сферум", f"{server}/ok")
    platform(school, "НЭБ", f"{server}/missing")
    platform(school, "Почта", "mailto:school@example.ru")

    with pytest.raises(SystemExit) as exit_info:
        execute_from_command_line(["manage.py", "check_platform_links"])

    assert exit_info.value.code == 1
    out = capsys.readouterr().out
    assert f"НЭБ: {server}/missing — HTTP 404" in out
    assert "Сферум" not in out
    assert "alive: 1; dead: 1; not checked (e-mail or no address): 1." in out


def test_command_exits_with_0_when_every_link_works(school, server, settings, capsys):
    settings.PLATFORM_LINK_TIMEOUT = TIMEOUT
    platform(school, "Сферум", f"{server}/ok")

    call_command("check_platform_links", "--school-site", "localhost")

    assert "Links checked: 1; alive: 1; dead: 0;" in capsys.readouterr().out


def test_command_checks_only_the_given_school_site(school, server, settings, capsys):
    from cms.services import school_site_create

    settings.PLATFORM_LINK_TIMEOUT = TIMEOUT
    other = School.for_site(
        school_site_create(full_name="Школа № 2", hostname="school2", is_default=False)
    )
    platform(school, "ours", f"{server}/ok")
    platform(other, "theirs", f"{server}/missing")

    call_command("check_platform_links", "--school-site", "localhost")

    assert verdict("ours") == (True, "")
    assert verdict("theirs") == (None, "")
    with pytest.raises(CommandError, match=r"No site with the hostname nowhere\.example"):
        call_command("check_platform_links", "--school-site", "nowhere.example")


def test_editors_see_dead_links_but_the_public_does_not(
    school, server, home, admin_client, settings
):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    platform(school, "НЭБ", f"{server}/missing")
    platform(school, "Сферум", f"{server}/ok")
    platform(school, "Почта", "mailto:school@example.ru")
    platform_links_check(timeout=TIMEOUT)
    home.add_child(instance=PlatformCatalogPage(title="Платформы", slug="platforms"))

    listing = admin_client.get(reverse("wagtailsnippets_cms_platform:list")).content.decode()
    assert "dead</span> HTTP 404" in listing
    assert ">alive</span>" in listing
    assert ">not checked</span>" in listing

    dead = Platform.objects.get(name="НЭБ")
    edit = admin_client.get(reverse("wagtailsnippets_cms_platform:edit", args=[dead.pk]))
    assert "The address did not work at the last check" in edit.content.decode()

    public = Client().get("/platforms/").content.decode()
    assert "НЭБ" in public
    assert "HTTP 404" not in public
