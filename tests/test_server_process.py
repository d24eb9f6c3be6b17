"""A real `standout serve` (waitress) in a subprocess."""

from __future__ import annotations

import http.client
import json
import signal
import socket
import threading
from urllib.parse import urlparse

from server_process import LiveServer

CLIENTS = 8
REQUESTS_EACH = 200


def connect(url: str) -> http.client.HTTPConnection:
    parsed = urlparse(url)
    return http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)


def post_json(conn, path: str, body: dict) -> tuple[int, dict]:
    conn.request("POST", path, body=json.dumps(body),
                 headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    return response.status, json.loads(response.read())


def test_eight_clients_two_hundred_requests_each_no_errors(live_server):
    errors: list[str] = []
    done = [0] * CLIENTS

    def client(number: int) -> None:
        conn = connect(live_server.url)
        try:
            for i in range(REQUESTS_EACH):
                marker = f"q{number}x{i}"
                kind = i % 4
                if kind == 0:
                    status, body = post_json(conn, "/v1/check", {
                        "text": f"😀 I am a team player. {marker}\n\nI shipped {i} things.",
                        "context": {"company": "Acme"},
                    })
                    ok = status == 200 and body["findings"][0]["rule"] == "cliche.team-player" \
                        and body["findings"][0]["offset"] == 10
                elif kind == 1:
                    status, body = post_json(conn, "/v1/check/batch", {"items": [
                        {"id": marker, "text": "I am writing to apply."}]})
                    ok = status == 200 and body["results"][0]["id"] == marker
                elif kind == 2:
                    form = f"language=en-US&text=I+am+a+team+player+{marker}."
                    conn.request("POST", "/v2/check", body=form, headers={
                        "Content-Type": "application/x-www-form-urlencoded"})
                    response = conn.getresponse()
                    status, body = response.status, json.loads(response.read())
                    ok = status == 200 and body["matches"][0]["offset"] == 7
                else:
                    conn.request("GET", "/v1/health")
                    response = conn.getresponse()
                    status, body = response.status, json.loads(response.read())
                    ok = status == 200 and body["status"] == "ok"
                if not ok:
                    errors.append(f"client {number} request {i}: {status}")
                done[number] += 1
        except Exception as exc:  # a dropped connection is an error too
            errors.append(f"client {number}: {type(exc).__name__}: {exc}")
        finally:
            conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    assert done == [REQUESTS_EACH] * CLIENTS
    assert live_server.proc.poll() is None


def test_foreign_host_and_origin_are_refused_over_the_wire(live_server):
    conn = connect(live_server.url)
    conn.request("GET", "/v1/health", headers={"Host": "evil.example"})
    response = conn.getresponse()
    assert response.status == 403
    response.read()
    conn.request("POST", "/v1/check", body=b'{"text": "x"}',
                 headers={"Origin": "https://evil.example"})
    response = conn.getresponse()
    assert response.status == 403
    assert response.getheader("Access-Control-Allow-Origin") is None
    response.read()
    conn.close()


def test_bad_input_over_the_wire(live_server):
    conn = connect(live_server.url)
    conn.request("POST", "/v1/check", body=b"{oops", headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    assert response.status == 400
    assert json.loads(response.read())["error"]["code"] == "invalid_json"
    conn.request("POST", "/v1/check", body=b"x" * (1024 * 1024 + 1))
    response = conn.getresponse()
    assert response.status == 413
    assert json.loads(response.read())["error"]["code"] == "payload_too_large"
    conn.close()
    assert live_server.proc.poll() is None


def test_the_users_text_is_not_logged(live_server):
    secret = "Zebracorn unmistakable private sentence"
    conn = connect(live_server.url)
    status, _ = post_json(conn, "/v1/check", {"text": f"I am a team player. {secret}"})
    assert status == 200
    status, _ = post_json(conn, "/v1/check", {"text": f"{secret}\u0000"})
    assert status == 400
    conn.request("POST", "/v2/check", body=f"language=en&text={secret}",
                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    conn.getresponse().read()
    conn.close()
    # The start-up line is there; no request was logged, and the text nowhere.
    assert "serving on" in live_server.log
    assert "Zebracorn" not in live_server.log
    assert "/v1/check" not in live_server.log


def test_port_in_use_is_one_line_and_exit_2(live_server):
    port = urlparse(live_server.url).port
    second = LiveServer("--port", str(port), timeout=30)
    code = second.stop()
    assert code == 2
    lines = [line for line in second.lines if line.strip()]
    assert len(lines) == 1
    assert "already in use" in lines[0] and str(port) in lines[0]
    assert "Traceback" not in second.log


def test_remote_address_needs_the_flag(tmp_path):
    refused = LiveServer("--host", "0.0.0.0", "--port", "0", timeout=30)
    assert refused.stop() == 2
    assert "--allow-remote" in refused.log
    assert refused.url is None


def test_remote_address_with_the_flag_warns():
    server = LiveServer("--host", "0.0.0.0", "--port", "0", "--allow-remote")
    try:
        assert server.url is not None
        assert "warning" in server.log
        port = urlparse(server.url).port
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"GET /v1/health HTTP/1.0\r\nHost: localhost\r\n\r\n")
            assert sock.recv(100).startswith(b"HTTP/1.0 200")
    finally:
        assert server.stop() == 0


def test_ctrl_c_and_sigterm_stop_cleanly():
    for sig in (signal.SIGINT, signal.SIGTERM):
        server = LiveServer("--port", "0")
        assert server.url is not None
        lines_before = len(server.lines)
        assert server.stop(sig) == 0
        assert "stopped" in "".join(server.lines[lines_before:])
        assert "Traceback" not in server.log
        startup = [line for line in server.lines if "serving on" in line]
        assert len(startup) == 1
