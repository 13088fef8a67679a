import SlasiteCLI

SlasiteCommand.runAndExit()
