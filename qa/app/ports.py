"""Is the address free to serve on? Checked before anything slow loads, so a taken port costs no wait.

Kept apart from the web app: `qa serve` checks here before importing Gradio (a second or more).
"""

from __future__ import annotations

import socket


class PortBusy(OSError):
    """The address and port to serve on are taken (or unusable); the message says what to do."""


def busy_message(host: str, port: int) -> str:
    return (
        f"port {port} on {host} is already in use (is the app already running?); "
        f"choose another one with --port, e.g. --port {port + 1}"
    )


def check_port(host: str, port: int) -> None:
    """Raise PortBusy if (host, port) cannot be bound.

    SO_REUSEADDR, as the server itself binds: a port that a stopped server left in TIME_WAIT is free."""
    bind_host = "127.0.0.1" if host in ("", "localhost") else host
    try:
        family, _, _, _, addr = socket.getaddrinfo(bind_host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, OverflowError) as e:
        raise PortBusy(f"cannot serve on {host} port {port}: {getattr(e, 'strerror', None) or e}") from None
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except PermissionError:
            raise PortBusy(f"port {port} needs special rights on this machine; "
                           "choose one above 1023 with --port") from None
        except OSError:
            raise PortBusy(busy_message(host, port)) from None
