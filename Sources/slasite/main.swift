import SlasiteCLI

await SlasiteCommand.runAndExit()
