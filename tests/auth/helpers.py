"""Small real-network helpers for the sign-in tests (raw sockets, no mocks)."""

from __future__ import annotations

import asyncio
import socket


async def raw_http(
    port: int,
    target: str,
    *,
    host_header: str | None = None,
    method: str = "GET",
    address: str = "127.0.0.1",
) -> tuple[int, dict[str, str], str]:
    """Send one HTTP/1.1 request on a fresh connection; return (status, headers, body)."""
    reader, writer = await asyncio.open_connection(address, port)
    host = host_header if host_header is not None else f"127.0.0.1:{port}"
    writer.write(f"{method} {target} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\n\r\n".encode())
    await writer.drain()
    async with asyncio.timeout(10):
        raw = await reader.read()  # the listener closes after one answer
    writer.close()
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), headers, body.decode("utf-8")


def assert_port_free(port: int) -> None:
    """The port can be listened on again (SO_REUSEADDR, as every server sets it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        sock.listen()


def assert_refused(port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(2)
        try:
            sock.connect(("127.0.0.1", port))
        except ConnectionRefusedError:
            return
        raise AssertionError(f"something still listens on 127.0.0.1:{port}")


def non_loopback_ipv4() -> str | None:
    """This machine's outward IPv4 address, if it has one (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("192.0.2.1", 9))  # TEST-NET-1: routing lookup only
            address = sock.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address  # noqa: S104
