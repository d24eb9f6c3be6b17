"""A hostile page in the same Chromium cannot make the server work or store a sample
(issue 9, item 1). The page sends what pages can without asking: an <img> and a
<script> with the text in their URL, and no-cors POSTs of a JSON body (which is
sent as text/plain). Chromium adds Sec-Fetch-Site to each; the server refuses
them all before any work, which its own counters show.

The page is served on 127.0.0.1 at another port (the same site as the server)
and on localhost (another site); this test runs its own server with a fresh
data folder, so nothing it does reaches the other tests.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from server_process import LiveServer

SAMPLE = ("This sample was sent by a page the user happened to visit, hoping to be saved in"
          " their Standout samples and matched against every letter they write from now on.")
HOSTILE = """
async ({server, text, sample}) => {
  const q = encodeURIComponent(text);
  const load = (tag, url) => new Promise((done) => {
    const el = document.createElement(tag);
    el.onload = el.onerror = () => done(tag);
    el.src = url;
    document.body.append(el);
  });
  await load('img', `${server}/v2/check?language=en-US&text=${q}`);
  await load('script', `${server}/v2/check?language=en-US&text=${q}`);
  const post = (path, body) => fetch(`${server}${path}`, {method: 'POST', mode: 'no-cors',
    body: JSON.stringify(body)}).then(() => 'sent', (e) => String(e));
  return [
    await post('/v1/check', {text}),
    await post('/v1/samples', {text: sample}),
    await post('/v1/samples/remove', {id: 'user-1'}),
  ];
}
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[LiveServer]:
    data: Path = tmp_path_factory.mktemp("hostile-page-data")
    served = LiveServer("--port", "0", env={"STANDOUT_DATA_DIR": str(data)})
    assert served.url, served.log
    yield served
    served.stop()


def get(server: LiveServer, path: str) -> dict:
    with urllib.request.urlopen(server.url.rstrip("/") + path, timeout=10) as response:
        return json.load(response)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_a_hostile_page_makes_the_server_do_nothing(ext, server, pages_url, host):
    misses = get(server, "/v1/health")["cache"]["misses"]
    page_url = pages_url.replace("127.0.0.1", host) + "/no-such-page"  # a page with no fields
    tab = ext.context.new_page()  # its console fills with the refused loads: the point
    try:
        tab.goto(page_url)
        results = tab.evaluate(HOSTILE, {"server": server.url.rstrip("/"),
                                         "text": "A hostile page wants this checked. " * 20,
                                         "sample": SAMPLE})
    finally:
        tab.close()
    assert results == ["sent", "sent", "sent"]  # the browser sent every request
    assert get(server, "/v1/health")["cache"]["misses"] == misses  # nothing was analysed
    assert get(server, "/v1/samples")["samples"] == []  # nothing was saved
