"""The running app serves no file it should not, and a public address needs a password.

The app runs in this process on a free loopback port, over a HashEmbedder-backed service (fast:
no model). Every request goes to 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from conftest import free_port
from click.testing import CliRunner

from qa.app.auth import AuthError, auth_for, checker, is_loopback, load_credentials
from qa.config import Settings
from qa.app.service import QAService

ROOT = Path(__file__).resolve().parents[2]
SECRET = "TOP-SECRET-MARKER-7f3a"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(url, settings): the app over a copy of the bundled corpus, index built with HashEmbedder."""
    from conftest import CORPUS, HashEmbedder

    from qa.app.web import start

    base = tmp_path_factory.mktemp("web-safety")
    corpus = base / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "secret.txt").write_text(f"Internal memo.\n\nThe code word is {SECRET} and stays here.\n")
    settings = Settings().with_(corpus_dir=corpus, index_dir=base / "index")
    service = QAService(settings, embedder=HashEmbedder())
    service.build()
    demo, url = start(settings, service, port=free_port(), env={})
    yield url.rstrip("/"), settings, demo
    demo.close()


def _targets(settings: Settings) -> dict[str, tuple[Path, str]]:
    """Files that must never be served: path -> a string that betrays their content."""
    index_dir = Path(settings.index_dir).resolve()
    meta = next(index_dir.rglob("meta.sqlite"))
    manifest = next(index_dir.rglob("manifest.json"))
    venv_cfg = Path(sys.prefix) / "pyvenv.cfg"
    out = {
        "meta": (meta, "SQLite format 3"),
        "manifest": (manifest, '"files"'),
        "service": (ROOT / "qa" / "service.py", "class QAService"),
        "pyproject": (ROOT / "pyproject.toml", "[project]"),
        "passwd": (Path("/etc/passwd"), "root:"),
        "corpus": (Path(settings.corpus_dir).resolve() / "secret.txt", SECRET),
    }
    if venv_cfg.exists():
        out["venv"] = (venv_cfg, "home")
    return out


def _assert_refused(resp: httpx.Response, marker: str, what: str) -> None:
    assert resp.status_code in (400, 401, 403, 404, 405), f"{what}: HTTP {resp.status_code}"
    assert marker not in resp.text, f"{what}: content leaked"


def test_project_index_venv_and_system_files_are_not_served(served):
    url, settings, _ = served
    with httpx.Client(timeout=10) as client:
        for name, (path, marker) in _targets(settings).items():
            for prefix in ("/gradio_api/file=", "/file=", "/gradio_api/file/"):
                resp = client.get(url + prefix + str(path))
                _assert_refused(resp, marker, f"{name} via {prefix}")
        # relative to the working directory, where Gradio once served anything
        cwd = os.getcwd()
        try:
            os.chdir(ROOT)
            for rel, marker in (("qa/service.py", "class QAService"), ("pyproject.toml", "[project]")):
                _assert_refused(client.get(f"{url}/gradio_api/file={rel}"), marker, rel)
        finally:
            os.chdir(cwd)


def _traversals(upload_dir: Path, target: Path) -> list[str]:
    """`..` spelt every way a server might decode it, starting from the served upload folder."""
    ups = "../" * (len(upload_dir.parts) + 2)
    raw = f"{upload_dir}/{ups}{str(target).lstrip('/')}"
    return [
        raw,
        quote(raw, safe=""),  # %2F and %2E%2E
        raw.replace("..", "%2e%2e"),
        raw.replace("../", "..%2f"),
        raw.replace("../", "%2e%2e%2f"),
        raw.replace("../", "%252e%252e%252f"),  # double-encoded
        raw.replace("../", "..%5c"),  # backslash
        raw.replace("../", "....//"),
        raw.replace("/", "//"),
        f"{upload_dir}/%00/{ups}{str(target).lstrip('/')}",
        f"{ups}{str(target).lstrip('/')}",
    ]


def test_dot_dot_traversal_from_the_upload_folder_is_refused(served):
    from qa.app.web import upload_folder

    url, settings, _ = served
    upload_dir = upload_folder()
    targets = _targets(settings)
    with httpx.Client(timeout=10) as client:
        for name in ("passwd", "service", "meta"):
            path, marker = targets[name]
            for variant in _traversals(upload_dir, path):
                for prefix in ("/gradio_api/file=", "/gradio_api/file/", "/file=", "/static/", "/assets/"):
                    resp = client.get(url + prefix + variant)
                    _assert_refused(resp, marker, f"{name} via {prefix}{variant}")


def test_a_symlink_in_the_upload_folder_does_not_lead_out(served):
    from qa.app.web import upload_folder

    url, settings, _ = served
    folder = upload_folder() / "qa-test-symlink"
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / "passwd.txt"
    link.unlink(missing_ok=True)
    link.symlink_to("/etc/passwd")
    try:
        resp = httpx.get(f"{url}/gradio_api/file={link}", timeout=10)
        _assert_refused(resp, "root:", "symlink out of the upload folder")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_uploaded_files_are_saved_to_the_corpus_and_not_left_to_be_served(served, tmp_path):
    """Gradio serves its own upload folder back; once the app has copied an upload into the
    corpus, that temporary copy is deleted and the corpus copy is never served."""
    from qa.app.web import discard_uploaded, upload_folder

    url, settings, demo = served
    body = b"Field notes.\n\nThe ferry to Orkney left at dawn on 3 May 2021.\n"
    with httpx.Client(timeout=10) as client:
        resp = client.post(f"{url}/gradio_api/upload", files=[("files", ("../../notes.txt", body, "text/plain"))])
        assert resp.status_code == 200, resp.text
        (temp_path,) = resp.json()
        temp = Path(temp_path).resolve()
        assert temp.is_relative_to(upload_folder()) and temp.name == "notes.txt"  # no ../ kept
        assert client.get(f"{url}/gradio_api/file={temp}").content == body  # the uploader's own copy

        report = demo.chat_service.upload([(temp.name, temp)])
        discard_uploaded([temp])  # what the page's upload callback does after saving
        assert report.saved == ["notes.txt"]
        saved = Path(settings.corpus_dir).resolve() / "notes.txt"
        assert saved.read_bytes() == body
        assert not temp.exists()
        _assert_refused(client.get(f"{url}/gradio_api/file={temp}"), "Orkney", "discarded upload")
        _assert_refused(client.get(f"{url}/gradio_api/file={saved}"), "Orkney", "saved corpus copy")
    saved.unlink()


def test_discard_uploaded_only_touches_the_upload_folder(tmp_path):
    from qa.app.web import discard_uploaded

    outside = tmp_path / "keep.txt"
    outside.write_text("keep me")
    discard_uploaded([outside, "/etc/passwd", tmp_path / "missing.txt"])
    assert outside.read_text() == "keep me" and Path("/etc/passwd").exists()


def test_launch_settings_block_the_project_index_and_venv(tmp_path):
    from qa.app.web import blocked_paths, launch_kwargs, upload_folder

    settings = Settings().with_(corpus_dir=tmp_path / "c", index_dir=tmp_path / "i")
    kw = launch_kwargs(settings)
    assert kw["share"] is False and kw["allowed_paths"] == [] and kw["server_name"] == "127.0.0.1"
    blocked = [Path(p) for p in kw["blocked_paths"]]
    for must in (ROOT, Path(sys.prefix).resolve(), (tmp_path / "i").resolve(), (tmp_path / "c").resolve()):
        assert must in blocked
    assert not any(upload_folder().is_relative_to(b) for b in blocked)
    assert Path("/") not in blocked and blocked == [Path(p) for p in blocked_paths(settings)]


def test_allowed_paths_from_the_environment_do_not_open_the_project(served, monkeypatch, tmp_path):
    """Gradio reads $GRADIO_ALLOWED_PATHS when launch gets no allowed_paths; the blocked paths
    set at launch still win, so a stray variable cannot expose the project, index or /etc."""
    from conftest import HashEmbedder

    from qa.app.web import start

    _, settings, _ = served
    monkeypatch.setenv("GRADIO_ALLOWED_PATHS", f"{ROOT},/etc,{Path(settings.index_dir).resolve()},{sys.prefix}")
    demo, url = start(settings, QAService(settings, embedder=HashEmbedder()), port=free_port(), env={})
    try:
        assert str(ROOT) in demo.blocked_paths
        with httpx.Client(timeout=10) as client:
            for name, (path, marker) in _targets(settings).items():
                _assert_refused(client.get(f"{url.rstrip('/')}/gradio_api/file={path}"), marker, name)
    finally:
        demo.close()


# ----------------------------------------------------------------------------- authentication
@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
def test_loopback_needs_no_password(host):
    assert is_loopback(host) and auth_for(host, env={}) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.org", ""])
def test_public_address_without_password_refuses_to_start(host):
    with pytest.raises(AuthError, match="without a password: set QA_AUTH"):
        auth_for(host, env={})


def test_credentials_from_env_and_file(tmp_path):
    assert load_credentials({"QA_AUTH": "ana:correct horse"}) == [("ana", "correct horse")]
    f = tmp_path / "users"
    f.write_text("# analysts\nana:s3cret-pass:with-colon\n\nbo:another-pass\n")
    assert load_credentials({"QA_AUTH_FILE": str(f)}) == [("ana", "s3cret-pass:with-colon"), ("bo", "another-pass")]
    check = checker(load_credentials({"QA_AUTH_FILE": str(f)}))
    assert check("ana", "s3cret-pass:with-colon") and check("bo", "another-pass")
    assert not check("ana", "another-pass") and not check("", "") and not check("ana", "")
    assert auth_for("0.0.0.0", env={"QA_AUTH_FILE": str(f)}) is not None


@pytest.mark.parametrize(
    "env, message",
    [
        ({"QA_AUTH": "justauser"}, "user:password"),
        ({"QA_AUTH": ":password123"}, "user:password"),
        ({"QA_AUTH": "ana:"}, "user:password"),
        ({"QA_AUTH": "ana:short"}, "at least 8"),
        ({"QA_AUTH_FILE": "/nonexistent/users"}, "cannot read"),
    ],
)
def test_bad_credentials_are_refused_in_one_line(env, message):
    with pytest.raises(AuthError, match=message) as e:
        auth_for("0.0.0.0", env=env)
    assert "\n" not in str(e.value)


def test_empty_auth_file_is_refused(tmp_path):
    f = tmp_path / "users"
    f.write_text("# nobody yet\n")
    with pytest.raises(AuthError, match="no user:password"):
        load_credentials({"QA_AUTH_FILE": str(f)})


def test_qa_serve_on_all_interfaces_without_password_exits_1(monkeypatch, tmp_path):
    from qa.app.cli import main

    monkeypatch.delenv("QA_AUTH", raising=False)
    monkeypatch.delenv("QA_AUTH_FILE", raising=False)
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--index", str(tmp_path / "i")])
    assert result.exit_code == 1
    out = result.output.strip()
    assert out.startswith("Error: refusing to serve on 0.0.0.0 without a password") and "\n" not in out
    assert "Traceback" not in out


def test_app_py_on_all_interfaces_without_password_exits_1(monkeypatch, tmp_path, capsys):
    sys.path.insert(0, str(ROOT))
    import app

    monkeypatch.delenv("QA_AUTH", raising=False)
    monkeypatch.delenv("QA_AUTH_FILE", raising=False)
    monkeypatch.setattr("qa.app.service.QAService.index", lambda self: pytest.fail("loaded before the auth check"))
    assert app.main(["--host", "0.0.0.0", "--index", str(tmp_path / "i")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("Error: refusing to serve on 0.0.0.0") and "\n" not in err


def test_with_a_password_the_page_files_and_api_need_sign_in(tmp_path):
    from conftest import CORPUS, HashEmbedder

    from qa.app.web import start

    settings = Settings().with_(corpus_dir=CORPUS, index_dir=tmp_path / "index")
    service = QAService(settings, embedder=HashEmbedder())
    service.build()
    demo, url = start(settings, service, port=free_port(), env={"QA_AUTH": "analyst:long-enough-pw"})
    url = url.rstrip("/")
    try:
        with httpx.Client(timeout=10) as anon:
            assert anon.get(f"{url}/gradio_api/info").status_code == 401
            assert anon.get(f"{url}/config").status_code == 401
            upload = anon.post(f"{url}/gradio_api/upload", files=[("files", ("a.txt", b"hello", "text/plain"))])
            assert upload.status_code == 401
            assert anon.post(f"{url}/login",
                             data={"username": "analyst", "password": "wrong-password"}).status_code == 400
        with httpx.Client(timeout=10) as user:
            ok = user.post(f"{url}/login", data={"username": "analyst", "password": "long-enough-pw"})
            assert ok.status_code == 200
            assert user.get(f"{url}/gradio_api/info").status_code == 200
            _assert_refused(user.get(f"{url}/gradio_api/file=/etc/passwd"), "root:", "passwd after sign-in")
        from gradio_client import Client

        client = Client(url, auth=("analyst", "long-enough-pw"), verbose=False)
        out = client.predict("Who hosted the workshop?", 3, api_name="/ask")
        assert "citations" in out or "error" in out
    finally:
        demo.close()


def test_no_share_link_even_if_the_environment_asks(monkeypatch, tmp_path):
    from qa.app.web import launch_kwargs

    monkeypatch.setenv("GRADIO_SHARE", "True")
    assert launch_kwargs(Settings().with_(index_dir=tmp_path))["share"] is False


def test_temp_dir_is_not_blocked_but_tmp_index_is(tmp_path):
    from qa.app.web import blocked_paths

    settings = Settings().with_(corpus_dir=tmp_path / "c", index_dir=Path(tempfile.gettempdir()) / "qa-idx-x")
    blocked = blocked_paths(settings)
    assert str((Path(tempfile.gettempdir()) / "qa-idx-x").resolve()) in blocked
    assert str(Path(tempfile.gettempdir()).resolve()) not in blocked
