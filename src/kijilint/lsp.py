"""The language server: ``kijilint lsp`` speaks LSP over stdio (pygls / lsprotocol).

- Diagnostics for the buffer's *current* text: at once on ``didOpen`` and ``didSave``, and
  ``DEBOUNCE`` seconds after the last ``didChange`` (no save needed); ``didClose`` clears them.
- ``textDocument/codeAction``: each rule fix under the cursor as a quick fix (safe ones preferred,
  unsafe ones titled "(unsafe)"), and "disable CODE on this line", which inserts
  ``<!-- kijilint-disable-next-line CODE -->`` above the line (see ``disable_edit``); and, when
  asked for ``source.fixAll`` (e.g. on save), every safe fix at once, as ``check --fix``.
- Configuration is found upward from the file, as the CLI does; when a config file changes
  (watched through the client, or saved in it) every open buffer is re-linted.
- Positions follow the negotiated encoding (UTF-16 by default; UTF-8 / UTF-32 if the client
  prefers them, as Neovim and Emacs may).
- It does not die: a rule error or a bad message is logged (``window/logMessage``) and the
  server carries on; garbage on the wire is skipped until the next ``Content-Length`` header.
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import traceback
from dataclasses import dataclass

from lsprotocol import types as T
from lsprotocol.converters import get_converter
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from kijilint import __version__
from kijilint import config as config_mod
from kijilint import runner
from kijilint.document import Document
from kijilint.engine import lint_document
from kijilint.formatters.lsp import diagnostic
from kijilint.source import LineMap
from kijilint._lazy_re import lazy_re

DEBOUNCE = 0.2  # seconds of quiet typing before a re-lint
MAX_BODY = runner.MAX_BYTES  # a Content-Length above this is garbage, not an allocation
QUICK_FIX = T.CodeActionKind.QuickFix.value
FIX_ALL = T.CodeActionKind.SourceFixAll.value + ".kijilint"
_CONVERTER = get_converter()


# --- positions ------------------------------------------------------------------------------------
class Positions:
    """Offsets into a document's normalised text ↔ LSP positions in the negotiated encoding."""

    def __init__(self, line_map: LineMap, encoding: str = T.PositionEncodingKind.Utf16):
        self.lm = line_map
        self.encoding = encoding

    def position(self, offset: int) -> tuple[int, int]:
        if self.encoding == T.PositionEncodingKind.Utf16:
            return self.lm.utf16(offset)
        offset = max(0, min(offset, len(self.lm.text)))
        line = self.lm.line_index(offset)
        prefix = self.lm.text[self.lm.starts[line]:offset]
        if self.encoding == T.PositionEncodingKind.Utf8:
            return line, len(prefix.encode("utf-8", "surrogatepass"))
        return line, len(prefix)

    def offset(self, line: int, character: int) -> int:
        if self.encoding == T.PositionEncodingKind.Utf16:
            return self.lm.from_utf16(max(0, line), max(0, character))
        if line < 0:
            return 0
        if line >= self.lm.line_count:
            return len(self.lm.text)
        start = self.lm.starts[line]
        text = self.lm.line_text(line)
        if self.encoding == T.PositionEncodingKind.Utf8:
            units = 0
            for i, ch in enumerate(text):
                if units >= character:
                    return start + i
                units += len(ch.encode("utf-8", "surrogatepass"))
            return start + len(text)
        return start + min(max(0, character), len(text))

    def range(self, start: int, end: int) -> dict:
        (l0, c0), (l1, c1) = self.position(start), self.position(end)
        return {"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}}


# --- one analysis of one buffer ------------------------------------------------------------------
@dataclass
class Analysis:
    uri: str
    version: int | None
    doc: Document
    findings: list
    positions: Positions

    def diagnostic(self, finding) -> T.Diagnostic:
        edits = [self.positions.range(e.start, e.end) for e in finding.fix.edits] if finding.fix else None
        d = diagnostic(finding, self.positions.range(finding.start, finding.end), edits)
        return _CONVERTER.structure(d, T.Diagnostic)


def relint(text: str, path: str, rules: list, previous: Document | None = None):
    """Lint a buffer's text, reusing the tokens of the blocks an edit left alone."""
    doc = Document.from_text(text, path)
    if previous is not None and previous.path == path:
        doc.reuse_tokens(previous)
    return doc, lint_document(doc, rules)


_frozen = False


def freeze_warm_objects() -> None:
    """Once, after the first lint: move what is loaded by then (modules, the tagger, rule packs)
    out of the garbage collector's sight.  Its collections otherwise keep re-scanning them and
    made one re-lint in ten about twice as slow."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


def uri_path(uri: str) -> str | None:
    """The file path of a ``file:`` URI; None for untitled buffers and other schemes."""
    if uri.startswith("file:"):
        try:
            return to_fs_path(uri)
        except Exception:
            return None
    return None


# --- the server ---------------------------------------------------------------------------------
class Protocol(LanguageServerProtocol):
    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as err:
            # A request whose params do not validate still deserves an answer, or the client
            # waits for ever; pygls only logs it.
            if isinstance(data, dict) and "method" in data and data.get("id") is not None:
                self._send_response(data["id"], error=err.to_response_error())
            raise


class KijiServer(LanguageServer):
    def __init__(self):
        super().__init__("kijilint", __version__, text_document_sync_kind=T.TextDocumentSyncKind.Incremental,
                         protocol_cls=Protocol)
        self.analyses: dict[str, Analysis] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.shut_down = False
        self.exit_code: int | None = None
        self._logged: set[str] = set()

    # Errors go to the client's log, not into pop-ups: the writer keeps typing.
    def report_server_error(self, error, source):
        self.log(f"kijilint: {type(error).__name__}: {error}", T.MessageType.Error)

    def log(self, message: str, level: T.MessageType = T.MessageType.Log) -> None:
        try:
            self.window_log_message(T.LogMessageParams(type=level, message=message))
        except Exception:  # the transport itself is broken: nothing more to do
            print(message, file=sys.stderr)

    def log_once(self, message: str, level: T.MessageType = T.MessageType.Warning) -> None:
        if message not in self._logged:
            self._logged.add(message)
            self.log(message, level)

    # --- linting ----------------------------------------------------------------------------
    def rules_for(self, path: str | None) -> list:
        target = path or os.path.join(self.workspace.root_path or os.getcwd(), "untitled.md")
        try:
            return runner.rules_for(target, runner.Options())
        except (config_mod.ConfigError, ValueError) as err:
            self.log_once(f"kijilint: 設定を読めないため既定のルールを使います: {err}")
            return config_mod.selected_rules(config_mod.Config())

    def analyse(self, uri: str) -> Analysis | None:
        """Lint the buffer's current text (None if it is not open, or excluded by config)."""
        if uri not in self.workspace.text_documents:
            return None
        td = self.workspace.get_text_document(uri)
        path = uri_path(uri)
        if path is not None and runner.excluded(path, runner.Options()):
            analysis = Analysis(uri, td.version, Document.from_text("", path), [], Positions(LineMap("")))
        else:
            previous = self.analyses.get(uri)
            doc, result = relint(td.source, path or uri, self.rules_for(path), previous.doc if previous else None)
            for err in result.errors:
                self.log_once(f"kijilint: internal error: {err}", T.MessageType.Error)
            analysis = Analysis(uri, td.version, doc, result.findings,
                                Positions(doc.line_map, self.workspace.position_encoding or T.PositionEncodingKind.Utf16))
        self.analyses[uri] = analysis
        return analysis

    def current(self, uri: str) -> Analysis | None:
        """The analysis of the buffer as it is now (re-lints if an edit is still debouncing)."""
        a = self.analyses.get(uri)
        if uri not in self.workspace.text_documents:
            return None
        version = self.workspace.get_text_document(uri).version
        if a is None or a.version != version:
            self.cancel(uri)
            a = self.safely(self.analyse, uri)
        return a

    def publish(self, uri: str) -> None:
        self.cancel(uri)
        a = self.safely(self.analyse, uri)
        if a is None:
            return
        diagnostics = [a.diagnostic(f) for f in a.findings]
        self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=a.version))
        freeze_warm_objects()

    def schedule(self, uri: str) -> None:
        self.cancel(uri)
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(DEBOUNCE, self.safely, self.publish, uri)

    def cancel(self, uri: str) -> None:
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()

    def clear(self, uri: str) -> None:
        self.cancel(uri)
        self.analyses.pop(uri, None)
        self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def safely(self, fn, *args):
        try:
            return fn(*args)
        except Exception as err:  # never let one buffer take the server down
            self.log(f"kijilint: {fn.__name__} failed: {err!r}\n{traceback.format_exc(limit=5)}", T.MessageType.Error)
            return None

    def watch_config_files(self) -> None:
        """Ask the client to tell us when a config file changes (if it can watch files)."""
        ws = self.client_capabilities.workspace
        watch = ws.did_change_watched_files if ws else None
        if not (watch and watch.dynamic_registration):
            return
        watchers = [T.FileSystemWatcher(glob_pattern=f"**/{name}") for name in config_mod.CONFIG_FILES]
        options = T.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
        future = self.client_register_capability(T.RegistrationParams(registrations=[T.Registration(
            id="kijilint-config-files", method=T.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))
        future.add_done_callback(lambda f: f.cancelled() or f.exception() is None
                                 or self.log(f"kijilint: 設定ファイルを監視できません: {f.exception()}"))

    def config_changed(self) -> None:
        # Config is cached by file and mtime, so linting again is enough to pick up the change.
        self._logged.clear()
        for uri in list(self.analyses):
            self.safely(self.publish, uri)

    # --- code actions -----------------------------------------------------------------------
    def code_actions(self, params: T.CodeActionParams) -> list[T.CodeAction]:
        a = self.current(params.text_document.uri)
        if a is None:
            return []
        only = params.context.only
        actions = []
        if not only or any(QUICK_FIX.startswith(k) for k in only):
            actions += self.quick_fixes(a, params.range)
        if only and any(FIX_ALL.startswith(k) for k in only):  # e.g. on save; never unasked
            actions += self.fix_all(a)
        return actions

    def fix_all(self, a: Analysis) -> list[T.CodeAction]:
        """Every safe fix at once (``source.fixAll.kijilint``), as ``kijilint check --fix``."""
        from kijilint.fixes import fix_document

        if not any(f.fix is not None and f.fix.safe for f in a.findings):
            return []
        td = self.workspace.get_text_document(a.uri)
        doc = Document.from_text(td.source, a.doc.path)
        outcome = fix_document(doc, self.rules_for(uri_path(a.uri)))
        if not outcome.changed:
            return []
        edit = self.workspace_edit(a, [(0, len(a.doc.text), outcome.source.original)])
        return [T.CodeAction(title=f"kijilint: 安全な修正をすべて適用（{outcome.fixed} 件）", kind=FIX_ALL, edit=edit)]

    def quick_fixes(self, a: Analysis, rng: T.Range) -> list[T.CodeAction]:
        lo = a.positions.offset(rng.start.line, rng.start.character)
        hi = a.positions.offset(rng.end.line, rng.end.character)
        fixes: list[T.CodeAction] = []
        disables: dict[tuple[int, str], T.CodeAction] = {}
        for f in a.findings:
            if f.start > hi or f.end < lo:
                continue
            diag = a.diagnostic(f)
            if f.fix is not None:
                title = f.fix.title if f.fix.safe else f"{f.fix.title} (unsafe)"
                edits = [(e.start, e.end, e.content) for e in f.fix.edits]
                fixes.append(T.CodeAction(title=f"{title} [{f.code}]", kind=T.CodeActionKind.QuickFix, diagnostics=[diag],
                                          is_preferred=f.fix.safe or None, edit=self.workspace_edit(a, edits)))
            insert = disable_edit(a.doc, f)
            if insert is not None:
                key = (insert[0], f.code)
                if key in disables:
                    disables[key].diagnostics.append(diag)
                    continue
                disables[key] = T.CodeAction(title=f"{f.code} をこの行で無効にする", kind=T.CodeActionKind.QuickFix,
                                             diagnostics=[diag], edit=self.workspace_edit(a, [(insert[0], insert[0], insert[1])]))
        # Safe fixes first, then unsafe, then the suppressions.
        fixes.sort(key=lambda ca: not ca.is_preferred)
        return fixes + list(disables.values())

    def workspace_edit(self, a: Analysis, edits: list[tuple[int, int, str]]) -> T.WorkspaceEdit:
        text_edits = [T.TextEdit(range=_CONVERTER.structure(a.positions.range(s, e), T.Range), new_text=c) for s, e, c in edits]
        caps = self.client_capabilities
        versioned = bool(caps and caps.workspace and caps.workspace.workspace_edit
                         and caps.workspace.workspace_edit.document_changes)
        if versioned:
            ident = T.OptionalVersionedTextDocumentIdentifier(uri=a.uri, version=a.version)
            return T.WorkspaceEdit(document_changes=[T.TextDocumentEdit(text_document=ident, edits=text_edits)])
        return T.WorkspaceEdit(changes={a.uri: text_edits})


_QUOTE_PREFIX = lazy_re(r"[ \t]*(?:>[ \t]?)*")


def disable_edit(doc: Document, finding) -> tuple[int, str] | None:
    """The suppression comment for ``finding`` as an insertion (offset, text), or None where any
    comment would change the document: in the front matter (it would break the YAML), in a code
    block (it would be code) or inside a table.

    On the first line of a block the comment goes on its own line above (``disable-next-line``,
    indented and quoted like the line); inside a paragraph a line of its own would split the
    paragraph in two, so it goes at the end of the line (``disable-line``)."""
    if doc.front_matter is not None and finding.start < doc.body_start:
        return None
    lm = doc.line_map
    line0 = lm.line_index(finding.start)
    block = doc.block_at(finding.start)
    mdx = doc.path.lower().endswith(".mdx")
    if block is not None and block.kind == "code":
        return None
    if block is None or block.line == line0 + 1:
        text = lm.line_text(line0)
        comment = _directive("disable-next-line", finding.code, mdx)
        return lm.starts[line0], _QUOTE_PREFIX.match(text).group(0) + comment + "\n"
    if block.kind == "paragraph":
        end = lm.starts[line0] + len(lm.line_text(line0))
        return end, " " + _directive("disable-line", finding.code, mdx)
    return None


def _directive(kind: str, code: str, mdx: bool) -> str:
    # MDX has no HTML comments; suppress.py reads {/* … */} there.
    return f"{{/* kijilint-{kind} {code} */}}" if mdx else f"<!-- kijilint-{kind} {code} -->"


def create_server() -> KijiServer:
    server = KijiServer()

    @server.feature(T.INITIALIZED)
    def initialized(ls: KijiServer, params: T.InitializedParams):
        ls.safely(ls.watch_config_files)

    @server.feature(T.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(ls: KijiServer, params: T.DidChangeWatchedFilesParams):
        ls.config_changed()

    @server.feature(T.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: KijiServer, params: T.DidOpenTextDocumentParams):
        ls.safely(ls.publish, params.text_document.uri)

    @server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: KijiServer, params: T.DidChangeTextDocumentParams):
        ls.schedule(params.text_document.uri)

    @server.feature(T.TEXT_DOCUMENT_DID_SAVE, T.SaveOptions(include_text=False))
    def did_save(ls: KijiServer, params: T.DidSaveTextDocumentParams):
        path = uri_path(params.text_document.uri) or ""
        if os.path.basename(path) in config_mod.CONFIG_FILES:
            ls.config_changed()
        ls.safely(ls.publish, params.text_document.uri)

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: KijiServer, params: T.DidCloseTextDocumentParams):
        ls.clear(params.text_document.uri)

    @server.feature(T.TEXT_DOCUMENT_CODE_ACTION, T.CodeActionOptions(code_action_kinds=[QUICK_FIX, FIX_ALL]))
    def code_action(ls: KijiServer, params: T.CodeActionParams):
        return ls.safely(ls.code_actions, params) or []

    @server.feature(T.SHUTDOWN)
    def shutdown(ls: KijiServer, *args):
        ls.shut_down = True
        for uri in list(ls.timers):
            ls.cancel(uri)

    @server.feature(T.EXIT)
    def exit_(ls: KijiServer, *args):
        ls.exit_code = 0 if ls.shut_down else 1

    return server


# --- the wire -----------------------------------------------------------------------------------
class WireReader:
    """stdin for pygls' message loop, hardened against garbage.

    pygls only recognises a ``Content-Length`` header at the start of a line, so after a broken
    body the next header (glued to the garbage) would be lost and every later message with it:
    here a header in the middle of a line starts a line of its own.  An absurd Content-Length
    is refused instead of allocated (the bytes that follow are then skipped as garbage).
    """

    HEADER = b"Content-Length:"

    def __init__(self, raw):
        self.raw = raw
        self.pending = b""

    def readline(self) -> bytes:
        if self.pending:
            line, self.pending = self.pending, b""
        else:
            line = self.raw.readline()
        i = line.find(self.HEADER, 1)
        if i > 0:
            self.pending = line[i:]
            line = line[:i]
            # Never blank: a blank line would end the headers of the message being read.
            return line if line.strip() else b"-"
        return line

    def read(self, n: int) -> bytes:
        if n > MAX_BODY:
            return b"\x00"  # not JSON: logged and skipped
        data, self.pending = self.pending[:n], self.pending[n:]
        if len(data) < n:
            data += self.raw.read(n - len(data))
        return data


def serve() -> None:
    """Run the server on stdin/stdout until ``exit`` (status 0 after ``shutdown``, else 1)."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print() must never corrupt the protocol stream
    server = create_server()
    server.start_io(WireReader(stdin), stdout)
    code = server.exit_code if server.exit_code is not None else (0 if server.shut_down else 1)
    sys.stdout.flush()
    os._exit(code)
