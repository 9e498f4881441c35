import sys

from catalogue_app.cli import main

sys.exit(main())
