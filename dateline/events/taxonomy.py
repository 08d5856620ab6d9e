"""ACLED's event classification, from ``dateline/data/acled_taxonomy.json``.

Three disorder types, six event types and their 25 sub-event types, spelled as in ACLED's
codebook, with short definitions; and the interaction code of two actor types.

    >>> taxonomy = Taxonomy.load()
    >>> taxonomy.event_type_of("Suicide bomb")
    'Explosions/Remote violence'
    >>> interaction(7, 1)
    17
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from dateline.errors import DatelineError

INTER_CODES = range(1, 9)


def interaction(inter1: int | None, inter2: int | None = None) -> int:
    """ACLED's interaction code: the two inter codes joined, the smaller first (1 and 7 -> 17);
    a sole actor's code times ten (1 alone -> 10). 0 when neither actor is known."""
    codes = sorted(code for code in (inter1, inter2) if code)
    for code in codes:
        if code not in INTER_CODES:
            raise ValueError(f"ACLED inter codes are 1 to 8, not {code}")
    if not codes:
        return 0
    return codes[0] * 10 + (codes[1] if len(codes) == 2 else 0)


@dataclass(frozen=True)
class SubEventType:
    name: str
    event_type: str
    disorder_type: str
    definition: str


@dataclass(frozen=True)
class Taxonomy:
    """The ACLED taxonomy; build it with :meth:`load`."""

    disorder_types: dict[str, str]
    event_types: dict[str, str]  # event type -> definition
    subtypes: dict[str, SubEventType]
    variants: dict[str, str]  # folded other spelling -> codebook spelling
    inter_codes: dict[int, str]
    # event type -> its sub-event types from the most specific, and the weight a trigger needs
    # for that order to count (``precedence`` in the data file)
    precedence: dict[str, tuple[str, ...]] = field(default_factory=dict)
    precedence_weight: float = 0.6

    @classmethod
    def load(cls) -> Taxonomy:
        text = resources.files("dateline.data").joinpath("acled_taxonomy.json").read_text("utf-8")
        try:
            data: dict[str, Any] = json.loads(text)
        except ValueError as exc:
            raise DatelineError(f"dateline/data/acled_taxonomy.json is not valid JSON: {exc}",
                                "reinstall dateline or fix the file") from exc
        overrides = data["disorder_type_overrides"]["sub_event_types"]
        subtypes: dict[str, SubEventType] = {}
        for event_type, spec in data["event_types"].items():
            for name, definition in spec["sub_event_types"].items():
                disorder = overrides.get(name, spec["disorder_type"])
                subtypes[name] = SubEventType(name, event_type, disorder, definition)
        variants = {key.casefold(): value
                    for key, value in data["spelling_variants"]["variants"].items()}
        variants.update({name.casefold(): name for name in subtypes})
        return cls(
            disorder_types=dict(data["disorder_types"]),
            event_types={name: spec["definition"] for name, spec in data["event_types"].items()},
            subtypes=subtypes,
            variants=variants,
            inter_codes={int(code): label for code, label in data["inter_codes"]["codes"].items()},
            precedence={name: tuple(order) for name, order
                        in data.get("precedence", {}).get("event_types", {}).items()},
            precedence_weight=float(data.get("precedence", {}).get("min_weight", 0.6)),
        )

    @property
    def sub_event_types(self) -> tuple[str, ...]:
        """The 25 sub-event types, grouped by event type in codebook order."""
        return tuple(self.subtypes)

    def canonical(self, sub_event_type: str) -> str:
        """The codebook spelling of a sub-event type ('air strike' and 'Air/Drone strike' too)."""
        name = self.variants.get(sub_event_type.strip().casefold())
        if name is None:
            known = ", ".join(self.subtypes)
            raise KeyError(f"{sub_event_type!r} is not an ACLED sub-event type (known: {known})")
        return name

    def get(self, sub_event_type: str) -> SubEventType:
        return self.subtypes[self.canonical(sub_event_type)]

    def event_type_of(self, sub_event_type: str) -> str:
        """'Air/drone strike' -> 'Explosions/Remote violence'."""
        return self.get(sub_event_type).event_type

    def disorder_type_of(self, sub_event_type: str) -> str:
        """'Armed clash' -> 'Political violence'; 'Excessive force against protesters' ->
        'Political violence; Demonstrations' (ACLED gives it both)."""
        return self.get(sub_event_type).disorder_type

    def specificity(self, sub_event_type: str, weight: float) -> int:
        """How much more specific a sub-event type is than the others of its event type, as
        the codebook orders them ('Chemical weapon' above 'Shelling/artillery/missile attack':
        a shell carrying chlorine is a chemical attack), for a trigger of ``weight``; 0 for a
        type the order leaves out or a trigger too weak to count.

        >>> taxonomy = Taxonomy.load()
        >>> chemical = taxonomy.specificity("Chemical weapon", 0.8)
        >>> chemical > taxonomy.specificity("Air/drone strike", 1.0)
        True
        >>> taxonomy.specificity("Grenade", 1.0), taxonomy.specificity("Suicide bomb", 0.3)
        (0, 0)
        """
        order = self.precedence.get(self.event_type_of(sub_event_type), ())
        if sub_event_type not in order or weight < self.precedence_weight:
            return 0
        return len(order) - order.index(sub_event_type)

    def definition(self, sub_event_type: str) -> str:
        return self.get(sub_event_type).definition

    def sub_event_types_of(self, event_type: str) -> tuple[str, ...]:
        if event_type not in self.event_types:
            raise KeyError(f"{event_type!r} is not an ACLED event type "
                           f"(known: {', '.join(self.event_types)})")
        return tuple(s.name for s in self.subtypes.values() if s.event_type == event_type)

    def interaction(self, inter1: int | None, inter2: int | None = None) -> int:
        """See :func:`interaction`."""
        return interaction(inter1, inter2)
