from armstrack.cli import main

main()
