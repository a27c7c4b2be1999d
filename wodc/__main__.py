"""`python -m wodc` runs the command line, as the installed `wodc` does."""

from .entry import main

main()
