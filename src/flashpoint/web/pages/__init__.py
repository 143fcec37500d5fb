"""Dashboard pages, one module per page; each builds a context rendered as HTML or JSON."""
