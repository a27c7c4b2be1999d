"""wodc: compile plain-text structured workouts for real devices and apps."""

__version__ = "0.1.0"
