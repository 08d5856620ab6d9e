"""python -m dateline"""

from dateline.cli.main import main

main()
