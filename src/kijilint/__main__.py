from kijilint.cli import main

main()
