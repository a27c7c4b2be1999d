"""`python -m wodc` runs the command line."""

from .cli import main

main()
