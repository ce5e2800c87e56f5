"""What the end-to-end test scripts share: a failed check is printed and
collected, and the script exits 1 at its end when any failed."""
import sys

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL: " + msg, file=sys.stderr)
