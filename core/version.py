"""The application's version, recorded in project files and exports."""

APP_NAME = "Tawsim"
APP_VERSION = "0.1.0"
