"""The headless front end, `python main.py COMMAND ...`: argument parsing, printing,
exit codes and Ctrl-C. Commands call core functions and word the reports they return."""
