"""Checks and hints of each lesson's exercises: ``lessonNN.py`` per lesson (see regutils.feedback)."""
