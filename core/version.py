"""The application's version, recorded in project files and exports."""

APP_NAME = "Tawsim"
APP_ID = "org.tawsim.Tawsim"  # the desktop entry's name: packaging/org.tawsim.Tawsim.desktop
COMMAND = "tawsim"  # what the installed program is called
APP_VERSION = "0.1.0"
