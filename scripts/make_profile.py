#!/usr/bin/python3
"""make_profile.py OXT PROFILE_DIR: a fresh LibreOffice profile with OXT installed."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from office import prepare_profile  # noqa: E402

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    prepare_profile(sys.argv[1], sys.argv[2])
    print("profile ready:", sys.argv[2])
