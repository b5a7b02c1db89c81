process.stdout.write('passcode-desk CLI: no commands yet\n')
