"""`python -m warclaims` is the `warclaims` command."""
import sys

from .cli import main

sys.exit(main())
