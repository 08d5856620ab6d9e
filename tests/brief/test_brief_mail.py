"""The briefing by e-mail, received by a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import email
import socket
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from briefdata import SCRIPT, build
from click.testing import CliRunner

from dateline.brief.mail import parse_server
from dateline.cli.main import cli
from dateline.errors import BriefError

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")


class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=default)
        self.messages.append((list(envelope.rcpt_tos), message))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_server():  # type: ignore[no-untyped-def]
    inbox = Inbox()
    controller = aiosmtpd_controller.Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield inbox, f"127.0.0.1:{controller.port}"
    finally:
        controller.stop()


def test_the_briefing_arrives_with_a_text_and_an_html_part(tmp_path: Path, smtp_server) -> None:
    inbox, server = smtp_server
    db = build(tmp_path / "mail.db")
    result = CliRunner().invoke(cli, ["brief", "--db", str(db), "--date", "2024-03-14",
                                      "--send-to", "desk@example.org", "--smtp", server])
    assert result.exit_code == 0, result.output
    ((recipients, message),) = inbox.messages
    assert recipients == ["desk@example.org"]
    assert message["Subject"].startswith("Briefing 2024-03-14")
    assert message.get_content_type() == "multipart/alternative"
    parts = {part.get_content_type(): part.get_content() for part in message.iter_parts()}
    assert set(parts) == {"text/plain", "text/html"}
    assert "Kramatorsk" in parts["text/plain"] and "Kramatorsk" in parts["text/html"]
    assert "<script" not in parts["text/html"].lower()
    assert SCRIPT in parts["text/plain"]  # plain text shows the article's text as it is


def test_an_unreachable_server_is_an_explained_error(tmp_path: Path) -> None:
    db = build(tmp_path / "mail.db")
    result = CliRunner().invoke(cli, ["brief", "--db", str(db), "--date", "2024-03-14",
                                      "--send-to", "desk@example.org",
                                      "--smtp", f"127.0.0.1:{_free_port()}"])
    assert result.exit_code == 3


@pytest.mark.parametrize("text", ["", "host:", "host:99999", ":25", "host:port"])
def test_bad_server_addresses(text: str) -> None:
    with pytest.raises(BriefError):
        parse_server(text)
    assert parse_server("[::1]:2525") == ("::1", 2525) and parse_server("mail") == ("mail", 25)
