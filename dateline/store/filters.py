"""SQL for :class:`EventQuery`: the WHERE clause, the ORDER BY, and the GROUP BY keys.

Every value is a parameter; column names come only from the fixed tuples below, never from
the caller's text.
"""

from __future__ import annotations

from typing import Any

from dateline.errors import StoreError
from dateline.store.base import SORT_KEYS, TALLY_KEYS, EventQuery
from dateline.store.dialect import SQLITE, Dialect

# Columns the free-text filter searches (besides the evidence text).
_TEXT_COLUMNS = ("notes", "location", "admin1", "admin2", "country", "actor1", "actor2",
                 "assoc_actor_1", "assoc_actor_2", "sub_event_type")
_ACTOR_COLUMNS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _any_like(columns: tuple[str, ...], like: str) -> str:
    return "(" + " OR ".join(f"{column} {like} ? ESCAPE '\\'" for column in columns)


def where_clause(query: EventQuery, dialect: Dialect = SQLITE) -> tuple[str, list[Any]]:
    """The WHERE clause (with a leading space, or empty) and its parameters. Text filters
    ignore case (ASCII) in every dialect."""
    clauses: list[str] = []
    params: list[Any] = []
    nocase, like = dialect.equal_nocase, dialect.like
    simple = (
        ("event_date >= ?", query.date_from),
        ("event_date <= ?", query.date_to),
        (f"({nocase.format(column='country')} OR {nocase.format(column='iso3')})",
         query.country),
        (nocase.format(column="admin1"), query.admin1),
        ("event_type = ?", query.event_type),
        ("sub_event_type = ?", query.sub_event_type),
        ("confidence >= ?", query.min_confidence),
    )
    for clause, value in simple:
        if value is not None:
            clauses.append(clause)
            params.extend([value] * clause.count("?"))
    if query.actor:
        clauses.append(_any_like(_ACTOR_COLUMNS, like) + ")")
        params.extend([f"%{like_escape(query.actor)}%"] * len(_ACTOR_COLUMNS))
    if query.text:
        pattern = f"%{like_escape(query.text)}%"
        clauses.append(_any_like(_TEXT_COLUMNS, like) + " OR event_id IN (SELECT event_id "
                       f"FROM evidence WHERE text {like} ? ESCAPE '\\'))")
        params.extend([pattern] * (len(_TEXT_COLUMNS) + 1))
    if query.bbox is not None:
        clause, values = _bbox_clause(query.bbox)
        clauses.append(clause)
        params.extend(values)
    if query.article_id:
        clauses.append(
            "(event_id IN (SELECT event_id FROM evidence WHERE article_id = ?) "
            "OR article_ids LIKE ? ESCAPE '\\')"
        )
        params.extend([query.article_id, f'%"{like_escape(query.article_id)}"%'])
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _bbox_clause(bbox: tuple[float, float, float, float]) -> tuple[str, list[float]]:
    """``(west, south, east, north)``; a box whose west edge is east of its east edge crosses
    the antimeridian."""
    west, south, east, north = bbox
    if west <= east:
        return ("(latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?)",
                [south, north, west, east])
    return ("(latitude BETWEEN ? AND ? AND (longitude >= ? OR longitude <= ?))",
            [south, north, west, east])


def order_clause(query: EventQuery) -> str:
    if query.order_by not in SORT_KEYS:
        raise StoreError(f"cannot sort events by {query.order_by!r}",
                         hint=f"sort by one of: {', '.join(SORT_KEYS)}")
    direction = " DESC" if query.descending else ""
    if query.order_by == "event_date":
        return f" ORDER BY event_date{direction}, event_id{direction}"
    return f" ORDER BY {query.order_by}{direction}, event_date{direction}, event_id{direction}"


def tally_columns(keys: tuple[str, ...]) -> str:
    unknown = [key for key in keys if key not in TALLY_KEYS]
    if unknown or not keys:
        raise StoreError(f"cannot count events by {', '.join(unknown) or 'nothing'}",
                         hint=f"count by one or more of: {', '.join(TALLY_KEYS)}")
    return ", ".join(keys)
