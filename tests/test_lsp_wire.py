"""The language server's process under hostile input: raw bytes on its stdin, no LSP client."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading

import pytest

TIMEOUT = 30  # seconds; only reached if the server hangs or died


class RawServer:
    """``kijilint lsp`` in a subprocess; messages are framed (or mangled) by hand."""

    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, "-m", "kijilint", "lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                elif not line.strip():
                    break
            self.messages.put(json.loads(out.read(length)))

    def send_raw(self, data: bytes) -> None:
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, id_: int, method: str, params=None) -> dict:
        self.send({"jsonrpc": "2.0", "id": id_, "method": method, "params": params})
        return self.response(id_)

    def response(self, id_: int) -> dict:
        while True:
            msg = self.messages.get(timeout=TIMEOUT)
            if msg.get("id") == id_ and "method" not in msg:
                return msg

    def initialize(self) -> None:
        assert "capabilities" in self.request(1, "initialize", {"processId": None, "rootUri": None, "capabilities": {}})["result"]
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def wait(self) -> int:
        return self.proc.wait(timeout=TIMEOUT)


@pytest.fixture
def server():
    s = RawServer()
    yield s
    if s.proc.poll() is None:
        s.proc.kill()
        s.proc.wait()


GARBAGE = [
    b"\x00\xff\xfe garbage \x80\x81\r\n\r\n",
    b"Content-Length: 7\r\n\r\n{bad: }",  # invalid JSON
    b"Content-Length: 4\r\n\r\n\xff\xfe\x00\x01",  # not UTF-8
    b"Content-Length: abc\r\n\r\n{}",  # non-numeric length
    b"Content-Length: 99999999999999\r\n\r\nxyz\r\n",  # absurd length
    b"Content-Length: 5\r\n\r\n[1,2]",  # JSON, not a message
    b"Content-Length: 2\r\n\r\n{}",
    b'Content-Length: 17\r\n\r\n{"jsonrpc":"2.0"}',
    # Length too short: the rest of the body runs into the next message's header.
    b'Content-Length: 10\r\n\r\n{"jsonrpc":"2.0","id":77,"method":"shutdown"}',
]


def test_garbage_on_the_wire_does_not_kill_the_server(server: RawServer):
    server.initialize()
    for chunk in GARBAGE:
        server.send_raw(chunk)
    # Still alive: answers a real request, with a real answer.
    actions = server.request(2, "textDocument/codeAction", {
        "textDocument": {"uri": "file:///nowhere.md"},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}})
    assert actions["result"] == []
    # A request whose params are wrong gets an error answer (not silence).
    bad = server.request(3, "textDocument/codeAction", {"bogus": 1})
    assert bad["error"]["code"] == -32602
    unknown = server.request(4, "kijilint/noSuchMethod", {})
    assert unknown["error"]["code"] == -32601
    # And still lints.
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file:///tmp/kijilint-wire-test.md", "languageId": "markdown", "version": 1,
        "text": "本文です[cite: OpenAI]。\n"}}})
    while True:
        msg = server.messages.get(timeout=TIMEOUT)
        if msg.get("method") == "textDocument/publishDiagnostics":
            break
    assert "CM001" in [d["code"] for d in msg["params"]["diagnostics"]]
    assert server.request(5, "shutdown")["result"] is None
    server.send({"jsonrpc": "2.0", "method": "exit"})
    assert server.wait() == 0


def test_exit_without_shutdown_is_status_1(server: RawServer):
    server.initialize()
    server.send({"jsonrpc": "2.0", "method": "exit"})
    assert server.wait() == 1


def test_closed_stdin_ends_the_server(server: RawServer):
    server.initialize()
    server.proc.stdin.close()
    assert server.wait() == 1
