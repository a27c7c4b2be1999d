"""Every test runs with wodc's values frozen (wodc/frozen.py): an assignment to an IR node, a
span or a diagnostic raises here, where a user's run would let it pass unchecked. Set before
wodc is imported, and inherited by the wodc processes tests start."""

import os

os.environ["WODC_FROZEN"] = "1"
