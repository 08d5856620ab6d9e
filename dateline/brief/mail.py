"""Sending the briefing as one e-mail with a plain-text and an HTML part (smtplib)."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from dateline.brief import wording as w
from dateline.brief.render import render_html, render_markdown
from dateline.errors import BriefError
from dateline.model import Briefing

DEFAULT_SENDER = "dateline@localhost"
TIMEOUT_S = 30


def parse_server(text: str) -> tuple[str, int]:
    """``HOST:PORT`` (or ``HOST``, port 25) -> (host, port)."""
    host, _, port = text.rpartition(":") if ":" in text else (text, ":", "25")
    host = host.strip("[]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise BriefError(f"{text!r} is not a mail server", "write it as HOST:PORT, e.g. "
                         "localhost:25")
    return host, int(port)


def briefing_message(briefing: Briefing, to: str, sender: str = DEFAULT_SENDER
                     ) -> EmailMessage:
    """One message: the text part first, the HTML part as its alternative."""
    message = EmailMessage()
    message["Subject"] = f"Briefing {briefing.day}: {w.headline(briefing)}"
    message["From"] = sender
    message["To"] = to
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="dateline.local")
    message.set_content(render_markdown(briefing, plain=True))
    message.add_alternative(render_html(briefing), subtype="html")
    return message


def send_briefing(briefing: Briefing, to: str, server: str, sender: str = DEFAULT_SENDER
                  ) -> None:
    """Send the briefing to ``to`` through the SMTP server ``server`` (HOST:PORT)."""
    host, port = parse_server(server)
    message = briefing_message(briefing, to, sender)
    try:
        with smtplib.SMTP(host, port, timeout=TIMEOUT_S) as smtp:
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise BriefError(f"could not send the briefing through {host}:{port}: {exc}",
                         "check --smtp and that the server accepts mail from this host") from exc
