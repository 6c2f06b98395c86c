from coach.entry import main

main()
