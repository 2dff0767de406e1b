"""`python -m lossclaims` runs the command line."""
import sys

from .cli import main

if __name__ == "__main__":  # a spawned worker re-imports __main__; it must not start the CLI again
    sys.exit(main())
