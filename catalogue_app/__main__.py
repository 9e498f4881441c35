import multiprocessing
import sys

from catalogue_app.cli import main

if __name__ == "__main__":
    # In the frozen build, image workers are this same program started again: let it act
    # as the worker (or fork server) it was started as, instead of opening the window.
    multiprocessing.freeze_support()
    sys.exit(main())
