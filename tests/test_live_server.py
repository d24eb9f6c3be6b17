"""The tests' LiveServer helper: a failed start leaves no process running and no pipe open."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from server_process import LiveServer, ServerStartError


def test_no_address_in_time_kills_the_server_and_raises_one_error(monkeypatch):
    started: list[LiveServer] = []
    real_init = LiveServer.__init__

    def remember(self, *args, **kwargs):
        started.append(self)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(LiveServer, "__init__", remember)
    # Loading the engine takes far longer than 10 ms, so no address can appear in time.
    with pytest.raises(ServerStartError, match=r"printed no address within 0\.01 s"):
        LiveServer("--port", "0", timeout=0.01)
    (server,) = started
    assert server.proc.returncode is not None, "the server is still running"
    assert server.proc.stderr.closed
    assert not server._reader.is_alive()
    assert server.url is None


def test_a_server_that_refuses_to_start_is_reaped():
    refused = LiveServer("--host", "0.0.0.0", "--port", "0", timeout=30)
    assert refused.url is None
    assert refused.proc.returncode == 2
    assert refused.proc.stderr.closed
    assert "--allow-remote" in refused.log
    assert refused.stop() == 2  # stopping it again is harmless


def test_env_is_added_to_the_servers_environment(tmp_path):
    """The server reads its samples from the STANDOUT_DATA_DIR it was given."""
    (tmp_path / "samples.json").write_text("not json", encoding="utf-8")
    server = LiveServer("--port", "0", env={"STANDOUT_DATA_DIR": str(tmp_path)})
    try:
        assert server.url is not None, server.log
        with urllib.request.urlopen(server.url + "v1/samples", timeout=30):
            pytest.fail("a corrupt store must not be listed")
    except urllib.error.HTTPError as exc:
        body = json.loads(exc.read())
        exc.close()
        assert exc.code == 409
        assert str(tmp_path / "samples.json") in body["error"]["message"]
    finally:
        assert server.stop() == 0
    assert server.proc.stderr.closed
