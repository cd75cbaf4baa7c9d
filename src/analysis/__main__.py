"""Command line: ``python -m analysis <command>`` (see ``--help``)."""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("extract", help="re-transcribe data/processed/*.csv from the seed files")
    p.add_argument("names", nargs="*", help="extractor names (default: all)")
    sub.add_parser("check-data", help="validate every dataset and check provenance")
    args = parser.parse_args(argv)
    if args.cmd == "extract":
        from . import extract
        for f in extract.run(args.names or None):
            print("wrote data/processed/" + f)
        return 0
    if args.cmd == "check-data":
        from . import provenance
        bad = {k: v for k, v in provenance.check_all().items() if v}
        for name, problems in bad.items():
            for p in problems:
                print(p, file=sys.stderr)
        print(f"checked {len(provenance.catalog())} datasets; {sum(map(len, bad.values()))} provenance problem(s)")
        return 1 if bad else 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
