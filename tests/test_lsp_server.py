"""The language server driven by a real LSP client (pytest-lsp) over stdio."""

from __future__ import annotations

import asyncio
import sys

import pytest
import pytest_lsp
from lsprotocol import types as T
from lsprotocol.converters import get_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import SHARED
from test_lsp_format import ASTRAL, MARKER, apply_edits, slice16

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "kijilint", "lsp"])
CONVERTER = get_converter()
# One server for the module (it starts in about a second); each test uses its own files.
pytestmark = pytest.mark.asyncio(loop_scope="module")


async def session(lsp_client: LanguageClient, root, editor: str):
    lsp_client.registrations = []

    @lsp_client.feature(T.CLIENT_REGISTER_CAPABILITY)
    def register(params: T.RegistrationParams):  # as an editor does: accept and remember
        lsp_client.registrations.extend(params.registrations)

    await lsp_client.initialize_session(T.InitializeParams(
        capabilities=client_capabilities(editor), root_uri=root.as_uri()))


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, tmp_path_factory):
    await session(lsp_client, tmp_path_factory.mktemp("workspace"), "visual-studio-code")
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER, scope="module")
async def emacs(lsp_client: LanguageClient, tmp_path_factory):
    # Emacs (eglot) prefers UTF-32 positions; pygls grants it.
    await session(lsp_client, tmp_path_factory.mktemp("emacs"), "emacs")
    yield
    await lsp_client.shutdown_session()


def as_json(obj):
    return CONVERTER.unstructure(obj)


async def open_doc(client: LanguageClient, path, text: str, version: int = 1):
    waiter = client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    client.text_document_did_open(T.DidOpenTextDocumentParams(
        T.TextDocumentItem(uri=path.as_uri(), language_id="markdown", version=version, text=text)))
    await waiter
    return client.diagnostics[path.as_uri()]


async def change_doc(client: LanguageClient, path, versions_texts):
    """Send full-text changes back to back (no save); wait for the next diagnostics."""
    waiter = client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    for version, text in versions_texts:
        client.text_document_did_change(T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
            content_changes=[T.TextDocumentContentChangeWholeDocument(text=text)]))
    params = await waiter
    return params


async def eventually(condition, seconds: float = 20) -> None:
    """Wait until ``condition()`` holds (for what arrives without a reply to wait on)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)


def codes(diagnostics) -> list[str]:
    return [d.code for d in diagnostics]


async def code_actions(client: LanguageClient, path, rng: T.Range):
    return await client.text_document_code_action_async(T.CodeActionParams(
        text_document=T.TextDocumentIdentifier(uri=path.as_uri()), range=rng,
        context=T.CodeActionContext(diagnostics=[])))


def edits_of(action: T.CodeAction) -> list[dict]:
    edit = as_json(action.edit)
    if "documentChanges" in edit:
        return [e for change in edit["documentChanges"] for e in change["edits"]]
    return [e for edits in edit["changes"].values() for e in edits]


async def test_open_publishes_exact_utf16_ranges(client: LanguageClient, tmp_path):
    path = tmp_path / "a.md"
    diags = await open_doc(client, path, "前の行です。\n" + ASTRAL)
    [cite] = [d for d in diags if d.code == "CM001"]
    rng = as_json(cite.range)
    assert rng == {"start": {"line": 1, "character": 6}, "end": {"line": 1, "character": 20}}
    assert slice16("前の行です。\n" + ASTRAL, rng) == MARKER
    assert cite.source == "kijilint" and cite.severity == T.DiagnosticSeverity.Error
    assert cite.data["fix"]["safe"] is True


async def test_change_relints_the_buffer_without_saving(client: LanguageClient, tmp_path):
    path = tmp_path / "a.md"
    text = f"一つ目{MARKER}です。\n\n二つ目{MARKER}です。\n"
    assert codes(await open_doc(client, path, text)).count("CM001") == 2
    # Three quick edits: one lint, for the last version.
    params = await change_doc(client, path, [
        (2, text + "追記"), (3, text + "追記です"), (4, f"一つ目{MARKER}です。\n\n二つ目です。\n")])
    assert params.version == 4
    assert codes(params.diagnostics).count("CM001") == 1


async def test_incremental_change(client: LanguageClient, tmp_path):
    path = tmp_path / "a.md"
    await open_doc(client, path, ASTRAL)
    waiter = client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    # Delete the marker by range (UTF-16 characters 6–20 of line 0).
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
        content_changes=[T.TextDocumentContentChangePartial(
            range=T.Range(T.Position(0, 6), T.Position(0, 20)), text="")]))
    params = await waiter
    assert "CM001" not in codes(params.diagnostics)


async def test_code_action_quick_fix_removes_the_marker(client: LanguageClient, tmp_path):
    path = tmp_path / "a.md"
    diags = await open_doc(client, path, ASTRAL)
    [cite] = [d for d in diags if d.code == "CM001"]
    actions = await code_actions(client, path, cite.range)
    fix = actions[0]
    assert fix.kind == T.CodeActionKind.QuickFix and fix.is_preferred
    assert "CM001" in fix.title and "(unsafe)" not in fix.title
    assert [d.code for d in fix.diagnostics] == ["CM001"]
    assert apply_edits(ASTRAL, edits_of(fix)) == "😀𠮷です。\n"
    # The edit names the version it was computed for.
    assert as_json(fix.edit)["documentChanges"][0]["textDocument"]["version"] == 1


async def test_code_action_disable_on_this_line(client: LanguageClient, tmp_path):
    path = tmp_path / "a.md"
    text = f"# 見出し\n\n{MARKER}です。\n"
    diags = await open_doc(client, path, text)
    [cite] = [d for d in diags if d.code == "CM001"]
    actions = await code_actions(client, path, cite.range)
    [disable] = [a for a in actions if "無効" in a.title]
    fixed = apply_edits(text, edits_of(disable))
    assert fixed == f"# 見出し\n\n<!-- kijilint-disable-next-line CM001 -->\n{MARKER}です。\n"
    params = await change_doc(client, path, [(2, fixed)])
    assert "CM001" not in codes(params.diagnostics)


async def test_code_action_elsewhere_and_other_kinds_offer_nothing(client: LanguageClient, tmp_path):
    path = tmp_path / "a.md"
    await open_doc(client, path, f"{MARKER}です。\n\n本文です。\n")
    assert not await code_actions(client, path, T.Range(T.Position(2, 0), T.Position(2, 1)))
    refactor = await client.text_document_code_action_async(T.CodeActionParams(
        text_document=T.TextDocumentIdentifier(uri=path.as_uri()), range=T.Range(T.Position(0, 0), T.Position(0, 3)),
        context=T.CodeActionContext(diagnostics=[], only=[T.CodeActionKind.Refactor])))
    assert not refactor


async def test_code_action_right_after_an_edit_uses_the_new_text(client: LanguageClient, tmp_path):
    path = tmp_path / "a.md"
    await open_doc(client, path, "本文です。\n")
    new = f"追記{MARKER}です。\n"
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
        content_changes=[T.TextDocumentContentChangeWholeDocument(text=new)]))
    # Asked before the debounced lint ran: the server lints the current text first.
    actions = await code_actions(client, path, T.Range(T.Position(0, 3), T.Position(0, 3)))
    assert apply_edits(new, edits_of(actions[0])) == "追記です。\n"


async def test_close_clears_diagnostics(client: LanguageClient, tmp_path):
    path = tmp_path / "a.md"
    assert await open_doc(client, path, ASTRAL)
    waiter = client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    client.text_document_did_close(T.DidCloseTextDocumentParams(T.TextDocumentIdentifier(uri=path.as_uri())))
    await waiter
    assert list(client.diagnostics[path.as_uri()]) == []


async def test_config_is_found_from_the_file(client: LanguageClient, tmp_path):
    sub = tmp_path / "posts"
    sub.mkdir()
    (sub / ".kijilint.yaml").write_text("ignore: [CM001]\n", encoding="utf-8")
    assert "CM001" not in codes(await open_doc(client, sub / "a.md", ASTRAL))
    assert "CM001" in codes(await open_doc(client, tmp_path / "b.md", ASTRAL))


async def test_a_failing_rule_is_logged_and_the_rest_still_published(client: LanguageClient, tmp_path):
    (tmp_path / ".kijilint.yaml").write_text('rules:\n  FM009:\n    max_chars_per_minute: "abc"\n', encoding="utf-8")
    text = "---\ntitle: a\nreading_time: 3\n---\n" + ASTRAL
    assert "CM001" in codes(await open_doc(client, tmp_path / "a.md", text))
    assert any("FM009" in m.message for m in client.log_messages)
    # Still alive and answering.
    assert "CM001" in codes(await open_doc(client, tmp_path / "b.md", ASTRAL))


async def test_utf32_client_gets_code_point_positions(emacs: LanguageClient, tmp_path):
    path = tmp_path / "a.md"
    [cite] = [d for d in await open_doc(emacs, path, ASTRAL) if d.code == "CM001"]
    assert as_json(cite.range) == {"start": {"line": 0, "character": 4}, "end": {"line": 0, "character": 18}}
    [fix, *_] = await code_actions(emacs, path, cite.range)
    assert as_json(edits_of(fix)[0]["range"]) == as_json(cite.range)


SEED = SHARED / "corpus" / "seeds"
MARKER_LINE = "---END---"


async def test_seed_003_markers_ranges_edit_and_quick_fix(client: LanguageClient, tmp_path):
    [seed] = SEED.glob("003_*.md")
    text = seed.read_text(encoding="utf-8")
    path = tmp_path / "seed.md"
    diags = await open_doc(client, path, text)
    marker_lines = [i for i, line in enumerate(text.split("\n")) if line == MARKER_LINE]
    assert len(marker_lines) >= 2
    # One diagnostic on each marker line, selecting exactly the marker.
    markers = [d for d in diags if d.code == "EN001"]
    assert sorted(d.range.start.line for d in markers) == marker_lines
    assert all(slice16(text, as_json(d.range)) == MARKER_LINE for d in markers)
    # Citation markers: the range selects exactly the text the message quotes.
    cites = [d for d in diags if d.code == "CM001"]
    assert cites
    for d in cites:
        assert f'"{slice16(text, as_json(d.range))}"' in d.message
    # Delete one marker line (no save): fewer diagnostics, one marker fewer.
    lines = text.split("\n")
    del lines[marker_lines[0]]
    params = await change_doc(client, path, [(2, "\n".join(lines))])
    assert len(params.diagnostics) < len(diags)
    assert codes(params.diagnostics).count("EN001") == len(markers) - 1
    # A quick fix on a remaining marker removes it.
    edited = "\n".join(lines)
    [target, *_] = [d for d in params.diagnostics if d.code == "EN001"]
    actions = await code_actions(client, path, target.range)
    fix = next(a for a in actions if a.is_preferred)
    after = apply_edits(edited, edits_of(fix))
    assert after.split("\n").count(MARKER_LINE) == len(markers) - 2
    assert after.replace("\n", "") == edited.replace("\n", "").replace(MARKER_LINE, "", 1)


async def test_config_change_relints_open_buffers(client: LanguageClient, tmp_path):
    # The server asks for file watching right after `initialized`, without being asked.
    await eventually(lambda: client.registrations)
    [watch] = [r for r in client.registrations if r.method == T.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert {w["globPattern"] for w in watch.register_options["watchers"]} >= {"**/.kijilint.yaml", "**/pyproject.toml"}
    path = tmp_path / "a.md"
    assert "CM001" in codes(await open_doc(client, path, ASTRAL))
    config = tmp_path / ".kijilint.yaml"
    config.write_text("ignore: [CM001]\n", encoding="utf-8")
    before = client.diagnostics[path.as_uri()]
    client.workspace_did_change_watched_files(T.DidChangeWatchedFilesParams(
        changes=[T.FileEvent(uri=config.as_uri(), type=T.FileChangeType.Created)]))
    # Every open buffer is re-published in one burst: wait for ours to be replaced.
    await eventually(lambda: client.diagnostics[path.as_uri()] is not before)
    assert "CM001" not in codes(client.diagnostics[path.as_uri()])


async def test_unsafe_fix_is_labelled_and_not_preferred(client: LanguageClient, tmp_path):
    path = tmp_path / "a.md"
    text = "# 記事\n\n市場市場の動向を見る。\n"
    [doubled] = [d for d in await open_doc(client, path, text) if d.code == "RP005"]
    [fix, *_] = await code_actions(client, path, doubled.range)
    assert fix.title.endswith("(unsafe) [RP005]") and not fix.is_preferred
    assert apply_edits(text, edits_of(fix)) == "# 記事\n\n市場の動向を見る。\n"


async def test_fix_all_applies_every_safe_fix_only_when_asked(client: LanguageClient, tmp_path):
    path = tmp_path / "a.md"
    text = f"# 記事\n\n一つ目{MARKER}です。\n\n市場市場の動向を見る{MARKER}。\n"
    await open_doc(client, path, text)
    everything = T.Range(T.Position(0, 0), T.Position(5, 0))
    assert not [a for a in await code_actions(client, path, everything) if a.kind != T.CodeActionKind.QuickFix]
    [fix_all] = await client.text_document_code_action_async(T.CodeActionParams(
        text_document=T.TextDocumentIdentifier(uri=path.as_uri()), range=T.Range(T.Position(0, 0), T.Position(0, 0)),
        context=T.CodeActionContext(diagnostics=[], only=[T.CodeActionKind.SourceFixAll])))
    assert fix_all.kind == "source.fixAll.kijilint"
    # Both markers go; the doubled word's fix is unsafe and stays for the writer to decide.
    assert apply_edits(text, edits_of(fix_all)) == "# 記事\n\n一つ目です。\n\n市場市場の動向を見る。\n"
