"""Closed vocabularies shared by the JSON contract and the filters (no pydantic here, so
the filters load fast)."""

EVENT_KINDS = (
    "aid_package", "delivery", "delivery_pause", "use_policy", "sale", "production", "stockpile", "meeting",
    "request", "training", "strike", "exercise",
)  # fmt: skip

EVENT_STATUSES = ("done", "planned", "considered", "requested", "denied")
