"""Evaluation against gold data: events (PLOVER), quotes, actors and HTML extraction."""
