"""``python -m regutils doctor``: check that this machine is ready for the course."""

import sys

from regutils.doctor import main

if __name__ == "__main__":
    sys.exit(main())
