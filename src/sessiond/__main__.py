from sessiond.cli import main

raise SystemExit(main())
