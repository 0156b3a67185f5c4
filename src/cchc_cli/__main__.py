"""Allow `python -m cchc_cli`."""

from cchc_cli.cli import main

if __name__ == "__main__":
    main()
