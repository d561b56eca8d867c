"""Who may use the web app: nobody but this machine, unless a password is configured.

The app binds 127.0.0.1 by default. Binding any other address (``--host 0.0.0.0``, a LAN
address) needs a user name and password, read from

* ``QA_AUTH="user:password"`` (one account), or
* ``QA_AUTH_FILE=/path/to/file`` with one ``user:password`` per line (``#`` comments allowed).

There is no default password, and a password shorter than ``MIN_PASSWORD_CHARS`` is refused.
Without credentials, a non-loopback launch stops with :class:`AuthError` before anything loads.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
from collections.abc import Callable, Mapping
from pathlib import Path

import click

MIN_PASSWORD_CHARS = 8
ENV_AUTH = "QA_AUTH"
ENV_AUTH_FILE = "QA_AUTH_FILE"
_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


class AuthError(click.ClickException):
    """The app must not start as asked; str(e) is one line saying what to set.

    A ClickException, so `qa serve` prints ``Error: <message>`` and exits 1 on its own;
    app.py catches it and does the same.
    """

    def __str__(self) -> str:
        return self.message


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    host = (host or "").strip().strip("[]")
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def _parse_pair(text: str, where: str) -> tuple[str, str]:
    user, sep, password = text.strip().partition(":")
    user = user.strip()
    if not sep or not user or not password:
        raise AuthError(f"{where} must have the form user:password")
    if len(password) < MIN_PASSWORD_CHARS:
        raise AuthError(f"{where}: the password for {user} must have at least {MIN_PASSWORD_CHARS} characters")
    return user, password


def load_credentials(env: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """Accounts from $QA_AUTH and/or the file named by $QA_AUTH_FILE; [] when neither is set."""
    env = os.environ if env is None else env
    accounts: list[tuple[str, str]] = []
    if env.get(ENV_AUTH):
        accounts.append(_parse_pair(env[ENV_AUTH], ENV_AUTH))
    if env.get(ENV_AUTH_FILE):
        path = Path(env[ENV_AUTH_FILE]).expanduser()
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            reason = getattr(e, "strerror", None) or type(e).__name__
            raise AuthError(f"cannot read {ENV_AUTH_FILE} {path}: {str(reason).lower()}") from None
        for n, line in enumerate(lines, 1):
            if line.strip() and not line.lstrip().startswith("#"):
                accounts.append(_parse_pair(line, f"{ENV_AUTH_FILE} {path} line {n}"))
        if not accounts:
            raise AuthError(f"{ENV_AUTH_FILE} {path} holds no user:password line")
    return accounts


def checker(accounts: list[tuple[str, str]]) -> Callable[[str, str], bool]:
    """Gradio's auth callable: constant-time comparison against every account."""

    def check(user: str, password: str) -> bool:
        ok = False
        for u, p in accounts:
            # both compared every time: the answer's timing says nothing about which part was wrong
            ok |= hmac.compare_digest(str(user).encode(), u.encode()) & hmac.compare_digest(
                str(password).encode(), p.encode()
            )
        return bool(ok)

    return check


def auth_for(host: str, env: Mapping[str, str] | None = None) -> Callable[[str, str], bool] | None:
    """The auth to launch with on `host`: None (open) on loopback without credentials, a checker
    when credentials are set; AuthError for a non-loopback host without them."""
    accounts = load_credentials(env)
    if accounts:
        return checker(accounts)
    if is_loopback(host):
        return None
    raise AuthError(
        f"refusing to serve on {host} without a password: set {ENV_AUTH}=user:password or "
        f"{ENV_AUTH_FILE}=/path/to/file (one user:password per line), or use --host 127.0.0.1"
    )
