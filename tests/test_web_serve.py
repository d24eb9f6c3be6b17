"""serve.py's decisions, without starting a server (the real one: test_server_process.py)."""

from __future__ import annotations

import errno

import pytest

from standout.web import serve


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.8.9.10", True), ("localhost", True), ("LOCALHOST", True),
     ("::1", True), ("[::1]", True), ("0.0.0.0", False), ("::", False),
     ("192.168.1.2", False), ("example.com", False), ("", False)],
)
def test_is_loopback(host, loopback):
    assert serve.is_loopback(host) is loopback


def test_url_for_address():
    assert serve.url_for_address("127.0.0.1", 8765) == "http://127.0.0.1:8765/"
    assert serve.url_for_address("::1", 1) == "http://[::1]:1/"
    assert serve.url_for_address("[::1]", 1) == "http://[::1]:1/"


def test_remote_host_names():
    assert serve.remote_host_names("192.168.1.2") == ("192.168.1.2",)
    names = serve.remote_host_names("0.0.0.0")
    assert names and all(isinstance(n, str) and n for n in names)


def test_non_loopback_without_the_flag_is_refused_before_loading_anything(monkeypatch):
    monkeypatch.setattr(serve, "create_app", lambda *a, **k: pytest.fail("engine loaded"))
    with pytest.raises(serve.ServeError) as caught:
        serve.run(host="0.0.0.0", port=0, allow_remote=False)
    assert caught.value.exit_code == 2
    assert "--allow-remote" in caught.value.message


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.EADDRINUSE, "already in use"), (errno.EACCES, "not allowed"),
     (errno.EADDRNOTAVAIL, "cannot listen")],
)
def test_bind_problems_are_one_line(code, words):
    message = serve._bind_problem("127.0.0.1", 80, OSError(code, "boom"))
    assert words in message and "\n" not in message
