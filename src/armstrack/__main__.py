from armstrack.entry import main

main()
