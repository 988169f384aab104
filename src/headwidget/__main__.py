"""``python -m headwidget``: the same command line as ``headwidget``."""

import sys

from .cli import main

sys.exit(main())
