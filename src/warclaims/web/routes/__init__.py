"""REST routes, one module per resource: series, documents, claims (with CSV/JSONL export), extract."""
