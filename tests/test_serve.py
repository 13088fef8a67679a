"""`slasite serve` over real HTTP on a free loopback port (issue 6): pages, reload events,
the error overlay, ETags, 404s and path traversal."""
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "debug", "slasite")
NOW = "2026-11-24T00:00:00Z"


def ensure_binary():
    if not os.path.exists(BINARY):
        subprocess.run(["swift", "build", "--product", "slasite"], cwd=ROOT, check=True)


class Server:
    def __init__(self, source):
        ensure_binary()
        self.source = source
        self.proc = subprocess.Popen([BINARY, "serve", "--source", source, "--port", "0", "--now", NOW],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        assert line.startswith("serving http://127.0.0.1:"), line + self.proc.stderr.read()
        self.url = line.split()[1]
        self.port = int(self.url.split(":")[2].split("/")[0])

    def get(self, path, headers=None):
        req = urllib.request.Request(self.url.rstrip("/") + path, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=5) as r:
                return r.status, dict(r.headers), r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read().decode()

    def raw(self, path):
        """Sends the path exactly as written (no client-side normalisation)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        return int(data.split(b" ", 2)[1])

    def stop(self):
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise


class Events:
    """A Server-Sent Events client on a raw socket."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.sock.sendall(b"GET /__slasite/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        self.buffer = b""
        self._read_until(b"\r\n\r\n", 5)  # response head
        self._read_until(b": connected", 5)

    def _read_until(self, marker, timeout):
        deadline = time.monotonic() + timeout
        while marker not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no {marker!r} within {timeout}s; got {self.buffer[-300:]!r}")
            self.sock.settimeout(remaining)
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("stream closed")
            self.buffer += chunk
        head, _, self.buffer = self.buffer.partition(marker)
        return head

    def next_event(self, timeout=2.0):
        self._read_until(b"event: ", timeout)
        return self._read_until(b"\n", timeout).decode().strip()

    def close(self):
        self.sock.close()


@pytest.fixture()
def server(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "basic"), site)
    s = Server(str(site))
    yield s
    if s.proc.poll() is None:
        s.stop()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def test_serves_pages_with_the_reload_script_and_never_writes_public(server):
    status, headers, body = server.get("/")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert "/__slasite/events" in body
    status, headers, body = server.get("/sla.json")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert "__slasite" not in body
    assert not os.path.exists(os.path.join(server.source, "public"))


def test_etag_revalidation(server):
    status, headers, _ = server.get("/sla.json")
    etag = headers["ETag"]
    status, _, body = server.get("/sla.json", {"If-None-Match": etag})
    assert status == 304 and body == ""


def test_folder_redirect_and_404_page(server):
    status, _, _ = server.get("/plans/pro/")
    assert status == 200
    status, _, body = server.get("/no/such/page/")
    assert status == 404
    assert "<html" in body.lower()


def test_traversal_attempts_get_404(server):
    for path in ["/../../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd",
                 "/plans/..%2F..%2F..%2Fetc%2Fpasswd", "/%2e%2e%5c%2e%2e%5cetc%5cpasswd", "/sla.json%00"]:
        assert server.raw(path) in (400, 404), path


def test_edit_reloads_with_new_content_within_2s(server):
    events = Events(server.port)
    try:
        plan = os.path.join(server.source, "content", "plans", "pro.md")
        text = open(plan, encoding="utf-8").read()
        t0 = time.monotonic()
        write(plan, text.replace("title: Pro\n", "title: Pro Plus\n"))
        assert events.next_event(timeout=2.0) == "reload"
        status, _, body = server.get("/plans/pro/")
        assert status == 200 and "Pro Plus" in body
        assert time.monotonic() - t0 < 2.0
    finally:
        events.close()


def test_broken_edit_shows_overlay_and_keeps_serving_then_fix_clears_it(server):
    events = Events(server.port)
    try:
        plan = os.path.join(server.source, "content", "plans", "pro.md")
        good = open(plan, encoding="utf-8").read()
        write(plan, good.replace("uptime: 99.9\n", "uptime: 99,9\n"))
        assert events.next_event() == "reload"
        status, _, body = server.get("/plans/pro/")
        assert status == 200, "the last good site is still served"
        assert 'id="slasite-overlay"' in body
        assert "content/plans/pro.md:6:9: uptime must be a number between 0 and 100, got &quot;99,9&quot;" in body
        status, _, other = server.get("/terms/")
        assert 'id="slasite-overlay"' in other, "every page shows the overlay"
        write(plan, good)
        assert events.next_event() == "reload"
        status, _, body = server.get("/plans/pro/")
        assert 'id="slasite-overlay"' not in body
    finally:
        events.close()


def test_burst_of_saves_is_one_rebuild(server):
    events = Events(server.port)
    try:
        incident = os.path.join(server.source, "content", "status", "incidents", "api-oct.md")
        text = open(incident, encoding="utf-8").read()
        for k in range(5):
            write(incident, text.replace("Eight hours down.", f"Eight hours down ({k})."))
            time.sleep(0.01)
        assert events.next_event() == "reload"
        with pytest.raises(TimeoutError):
            events.next_event(timeout=0.8)
    finally:
        events.close()


def test_port_in_use_is_a_clear_error(server, tmp_path):
    proc = subprocess.run([BINARY, "serve", "--source", server.source, "--port", str(server.port)],
                          capture_output=True, text=True, timeout=20)
    assert proc.returncode == 2
    assert f"port {server.port}" in proc.stderr and "already in use" in proc.stderr


def test_ctrl_c_stops_cleanly(server):
    events = Events(server.port)
    assert server.stop() == 0
    events.close()


def read_until_closed(port, request, timeout=5):
    """Sends `request` raw and reads until the server closes; None when it keeps the
    connection open past `timeout` seconds (a client reading to the end would hang)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(request)
        data = b""
        try:
            while chunk := s.recv(65536):
                data += chunk
        except socket.timeout:
            return None, data
    return True, data


def response_heads(data):
    """The status line and headers of each complete answer in `data` (bodies by Content-Length)."""
    heads = []
    while data:
        head, _, rest = data.partition(b"\r\n\r\n")
        lines = head.decode().split("\r\n")
        fields = {k.strip().lower(): v.strip() for k, v in (l.split(":", 1) for l in lines[1:])}
        heads.append((lines[0], fields))
        data = rest[int(fields.get("content-length", "0")):]
    return heads


def test_http10_and_connection_close_end_the_connection(server):
    # RFC 9112 §9.3: HTTP/1.0 without keep-alive closes after the answer; so does
    # `Connection: close` on 1.1 (any case). Both answers say `Connection: close`.
    for request in (b"GET / HTTP/1.0\r\n\r\n",
                    b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    b"GET /terms/ HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n"):
        closed, data = read_until_closed(server.port, request)
        assert closed, f"connection kept open after {request!r}"
        [(status, fields)] = response_heads(data)
        assert status.split()[1] == "200", status
        assert fields["connection"].lower() == "close", fields


def test_persistent_connections_stay_open_and_answer_in_order(server):
    # HTTP/1.1 by default, and HTTP/1.0 with keep-alive, keep the connection: two requests
    # on one connection get two answers, and a last non-persistent request ends it.
    for keep, last in ((b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", b"GET /terms/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                       (b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", b"GET /terms/ HTTP/1.0\r\n\r\n")):
        closed, data = read_until_closed(server.port, keep, timeout=1.5)
        assert closed is None, f"{keep!r}: persistent connection was closed"
        assert response_heads(data)[0][0].split()[1] == "200"
        closed, data = read_until_closed(server.port, keep + last)
        assert closed, f"{last!r}: not closed"
        heads = response_heads(data)
        assert [h[0].split()[1] for h in heads] == ["200", "200"], heads
        assert "connection" not in heads[0][1] and heads[1][1]["connection"].lower() == "close", heads
