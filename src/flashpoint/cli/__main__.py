"""``python -m flashpoint.cli``: the command line."""

from .main import main

main()
