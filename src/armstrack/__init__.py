"""armstrack: typed, sourced records from reporting on US weapons for Ukraine."""

__version__ = "0.1.0"
